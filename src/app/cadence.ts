import type { Clock } from '../clock';
import type { Body, BodyReader } from '../domain/bodies';
import { type CadenceNotice, cadenceNotices, cadenceWatchJob, osloDate, osloWeek, osloYear } from '../domain/cadence';
import { formatDate } from '../domain/calendar';
import type { JobScheduler, MeetingStats, Outbox } from '../domain/ports';
import { format, type Locale, pick } from '../i18n';
import { cadenceText } from '../i18n/bodies';
import { schedulerText } from '../i18n/scheduler';
import type { Logger } from '../log';
import type { JobHandler } from '../scheduler/runner';
import { escapeUserText } from '../views/escape';

export interface CadenceDeps {
  readonly bodies: BodyReader;
  /** Who to notify: people with the coordinator role in the tenant. */
  readonly roles: { list(tenantId: string): Promise<{ aadObjectId: string; coordinator: boolean }[]> };
  readonly meetings: MeetingStats;
  readonly outbox: Outbox;
  readonly scheduler: JobScheduler;
  readonly locale: Locale;
  readonly log: Logger;
}

/**
 * The handler of kind 'cadenceWatch' (daily per tenant). It first schedules tomorrow's run
 * (idempotent, so the chain survives a crash), then checks every body and queues a 1:1 notice
 * to each coordinator per body and problem — keyed by ISO week, so at most one per week even
 * though the check runs daily and may be re-run.
 */
export function cadenceWatchHandler(deps: CadenceDeps): JobHandler {
  return async (job, ctx) => {
    await deps.scheduler.schedule([cadenceWatchJob(job.tenantId, osloDate(ctx.now, 1))]);
    const [bodies, roles] = await Promise.all([deps.bodies.list(job.tenantId), deps.roles.list(job.tenantId)]);
    const coordinators = roles.filter((r) => r.coordinator).map((r) => r.aadObjectId);
    if (coordinators.length === 0) return { skipped: 'no coordinators to notify' };
    const week = osloWeek(ctx.now);
    let queued = 0;
    for (const body of bodies) {
      const [lastHeld, year] = await Promise.all([
        deps.meetings.lastHeld(job.tenantId, body.id, ctx.now),
        body.kind === 'board' ? deps.meetings.countInYear(job.tenantId, body.id, osloYear(ctx.now), ctx.now) : Promise.resolve(undefined),
      ]);
      for (const notice of cadenceNotices({ body, lastHeld, year }, ctx.now)) {
        for (const coordinator of coordinators) {
          const result = await deps.outbox.enqueue({
            key: `cadence:${job.tenantId}:${body.id}:${notice.kind}:${week}:${coordinator}`,
            tenantId: job.tenantId,
            // The body's channel gives the service URL and team in which Teams finds the coordinator.
            target: body.ref,
            toUser: { aadObjectId: coordinator },
            message: { type: 'text', text: noticeText(deps.locale, body, notice) },
            label: format(pick(deps.locale, schedulerText).cadence.label, { body: body.name }).slice(0, 120),
          });
          if (result === 'queued') queued++;
        }
      }
    }
    deps.log.info({ tenant: job.tenantId, bodies: bodies.length, queued }, 'cadence watch ran');
    return undefined;
  };
}

/** The notice a coordinator reads. */
export function noticeText(locale: Locale, body: Pick<Body, 'name'>, notice: CadenceNotice): string {
  const t = pick(locale, schedulerText).cadence;
  // A text message renders Markdown: the coordinator-typed body name is shown as typed.
  const name = escapeUserText(body.name);
  const footer = format(t.footer, { body: name });
  if (notice.kind === 'boardBelowMinimum') {
    return `${format(t.boardBelowMinimum, { body: name, year: notice.year, held: notice.held, planned: notice.planned })} ${footer}`;
  }
  const values = {
    body: name,
    since: formatDate(osloDate(new Date(notice.since)), locale),
    days: notice.days,
    cadence: cadenceText(locale, notice.cadenceWeeks),
  };
  return `${format(notice.sinceHeld ? t.overdueHeld : t.overdueNever, values)} ${footer}`;
}

/** Schedules today's cadence watch for each tenant (fixed key and time per day: safe on every start). */
export async function ensureCadenceWatch(scheduler: JobScheduler, tenants: readonly string[], now: Date): Promise<void> {
  if (tenants.length === 0) return;
  await scheduler.schedule(tenants.map((t) => cadenceWatchJob(t, osloDate(now))));
}

/**
 * For a tenant's first activity in this process: schedules today's cadence watch. `start` knows
 * only the configured tenants and those with jobs, so without this a network first seen after
 * start (development mode accepts any tenant) would not be watched until a restart. Once per
 * tenant and process is enough: each run schedules the next day's. Never fails the turn: a
 * storage hiccup is logged and tried again on the tenant's next activity.
 */
export function cadenceWatchEnsurer(scheduler: JobScheduler, clock: Clock, log: Logger): (tenantId: string) => Promise<void> {
  const done = new Set<string>();
  return async (tenantId) => {
    if (!tenantId || done.has(tenantId)) return;
    try {
      await ensureCadenceWatch(scheduler, [tenantId], clock.now());
      done.add(tenantId);
    } catch (err) {
      log.warn({ err: (err as Error).name, tenant: tenantId }, 'cadence watch: could not schedule it; will try again');
    }
  };
}
