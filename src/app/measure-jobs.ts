import type { Clock } from '../clock';
import { addedItemId, MAX_ADDED_ITEMS } from '../domain/agenda';
import { dayOfInstant } from '../domain/digest';
import { ranInYear } from '../domain/measures/follow-up';
import { measuresWheelJob, wheelStep } from '../domain/measures/wheel';
import { meetingDate } from '../domain/meetings';
import type { JobScheduler } from '../domain/ports';
import { systemScope } from '../domain/visibility';
import { format, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { Logger } from '../log';
import type { JobHandler } from '../scheduler/runner';
import { agendaChanged } from './agenda';
import { evaluationListFor } from './measures';
import type { Services } from './services';

/**
 * The measures' annual wheel (issue 17, domain/measures/wheel.ts): the scheduled job that puts
 * «Innsatsområder for <år>» on the board's next autumn agenda and, in December, asks each
 * coordinator 1:1 to evaluate the year's measures. Safe with several instances: the scheduler's
 * claims run an occurrence once; the agenda item's id derives from meeting and title (adding it
 * twice changes nothing) and a marker row keeps it from being added again once the coordinators
 * have taken it off; the prompts go out under one outbox key per tenant, year and coordinator.
 */
const itemMarker = (year: number): string => `focusAreasItem|${year}`;

/** Adds «Innsatsområder for <year>» to the board's next meeting this year, unless decided or done before. */
export async function focusAreasOnBoardAgenda(services: Services, tenantId: string, year: number, now: Date): Promise<string> {
  const [versions, bodies] = await Promise.all([services.focusAreas.versions(tenantId), services.bodies.list(tenantId)]);
  if (versions.some((v) => v.year === year && v.decided)) return 'already decided';
  if (await services.measures.marked(tenantId, itemMarker(year))) return 'already on an agenda';
  const board = bodies.find((b) => b.kind === 'board');
  if (!board) return 'no board';
  const next = (await services.meetings.upcomingForBody(tenantId, board.id, now)).find((m) => m.status !== 'cancelled' && meetingDate(m) < `${year}-01-01`);
  if (!next) return 'no board meeting this year';
  const title = format(pick(services.config.defaultLocale, MEASURE_TEXTS).areasYear.agendaItem, { year });
  const id = addedItemId(next.id, title);
  const at = now.toISOString();
  await services.agendas.editAgenda(tenantId, board.id, next.id, (edits) =>
    edits.added.some((a) => a.id === id) || edits.added.length >= MAX_ADDED_ITEMS
      ? { unchanged: 'already' as const }
      : { ...edits, added: [...edits.added, { id, title, by: 'coordinator', addedAt: at, addedBy: 'scheduler' }] },
  );
  await services.measures.markOnce(tenantId, itemMarker(year), at);
  await agendaChanged(services, tenantId, [board.id], now);
  return 'added';
}

/** Asks every coordinator 1:1 to evaluate the measures that ran in `year` (once per coordinator and year). */
export async function askForEvaluations(services: Services, tenantId: string, year: number, now: Date): Promise<number> {
  const [bodies, roles] = await Promise.all([services.bodies.list(tenantId), services.roles.list(tenantId)]);
  const coordinators = roles.filter((r) => r.coordinator).map((r) => r.aadObjectId);
  const target = bodies.find((b) => b.kind === 'coordinationGroup') ?? bodies[0];
  if (!target || coordinators.length === 0) return 0;
  const scope = systemScope(
    tenantId,
    bodies.map((b) => b.id),
  );
  const ran = (await services.measures.list(scope)).filter((m) => ranInYear(m, year));
  if (!ran.some((m) => !m.evaluation || !m.conclusion)) return 0;
  const locale = services.config.defaultLocale;
  const card = await evaluationListFor(services, locale, { act: scope, today: dayOfInstant(now.toISOString()), coordinator: true }, year);
  let queued = 0;
  for (const coordinator of coordinators) {
    const result = await services.outbox.enqueue({
      key: `measure-eval:${tenantId}:${year}:${coordinator}`,
      tenantId,
      // The body's channel gives the service URL and team in which Teams finds the coordinator.
      target: target.ref,
      toUser: { aadObjectId: coordinator },
      message: { type: 'card', card },
      label: format(pick(locale, MEASURE_TEXTS).evaluation.label, { year }),
    });
    if (result === 'queued') queued++;
  }
  return queued;
}

/** The handler of kind 'measuresWheel': schedules the next run first, then does this season's part. */
export function measuresWheelHandler(services: Services): JobHandler {
  return async (job, ctx) => {
    await services.scheduler.schedule([measuresWheelJob(job.tenantId, ctx.now)]);
    const step = wheelStep(ctx.now);
    if (step.focusAreasFor === undefined && step.evaluate === undefined) return { skipped: 'not the season' };
    const agenda = step.focusAreasFor !== undefined ? await focusAreasOnBoardAgenda(services, job.tenantId, step.focusAreasFor, ctx.now) : undefined;
    const prompts = step.evaluate !== undefined ? await askForEvaluations(services, job.tenantId, step.evaluate, ctx.now) : undefined;
    services.log.info({ tenant: job.tenantId, agenda, prompts }, 'measures wheel ran');
    return undefined;
  };
}

/** Schedules each tenant's next run (same key and time again changes nothing: safe on every start). */
export async function ensureMeasureJobs(scheduler: JobScheduler, tenants: readonly string[], now: Date): Promise<void> {
  if (tenants.length === 0) return;
  await scheduler.schedule(tenants.map((t) => measuresWheelJob(t, now)));
}

/**
 * For a tenant's activity in this process: makes sure its next measures-wheel run is scheduled
 * (start knows only the tenants it has jobs for, and a run skipped after long downtime does not
 * schedule the next). The next run changes once a week, at a whole UTC hour: within the hour a
 * tenant was last made sure of, nothing is computed. Never fails the turn: a storage hiccup is
 * logged and tried again on the next activity.
 */
export function measureJobEnsurer(scheduler: JobScheduler, clock: Clock, log: Logger): (tenantId: string) => Promise<void> {
  const done = new Map<string, string>();
  const checkedInHour = new Map<string, number>();
  return async (tenantId) => {
    if (!tenantId) return;
    const now = clock.now();
    const hour = Math.floor(now.getTime() / 3_600_000);
    if (checkedInHour.get(tenantId) === hour) return;
    const job = measuresWheelJob(tenantId, now);
    try {
      if (done.get(tenantId) !== job.key) await scheduler.schedule([job]);
      done.set(tenantId, job.key);
      checkedInHour.set(tenantId, hour);
    } catch (err) {
      log.warn({ err: (err as Error).name, tenant: tenantId }, 'measures wheel: could not schedule it; will try again');
    }
  };
}
