import { DateTime } from 'luxon';
import { parseDigestContent, withoutTitles, withoutTitlesOf } from '../domain/digest-content';
import type { JobScheduler, JobSpec } from '../domain/ports';
import { eraseAgendaEdits, eraseMinutes } from '../domain/retention';
import { monthOf, retentionCutoff } from '../domain/trends';
import { format, type Locale, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import type { Logger } from '../log';
import type { OutboxRetention } from '../scheduler/outbox';
import type { AgendaRepository } from '../storage/table/agendas';
import type { AuditRepository } from '../storage/table/audit';
import type { DigestRepository } from '../storage/table/digests';
import type { EscalationRepository } from '../storage/table/escalations';
import type { FileRepository } from '../storage/table/files';
import type { MeetingRepository } from '../storage/table/meetings';
import type { ProfileRepository } from '../storage/table/profiles';
import type { RoleRepository } from '../storage/table/roles';
import type { TrendRepository } from '../storage/table/trends';

/**
 * Retention (DOMAIN.md "raw free text is kept no longer than needed"; the decision and the table
 * are in src/domain/retention.ts): a daily job per tenant erases every free text, and the names
 * and ids of the people in those records, once its record is more than SLT_RETENTION_MONTHS old —
 * trends; matters with their audit steps and their titles copied into any minutes; meetings with
 * their agenda edits and minutes; digests and their «Lest»; remembered services; role rows with
 * no role left; posts that never went out; and downloads past their expiry. Categories, states,
 * dates and counts stay for the statistics and the annual report. Every step is idempotent: an
 * erased row is not selected (or not changed) again, so a run that dies is simply run again.
 */
export const RETENTION_TIME = { hour: 3, minute: 30 };

/** The next daily run for a tenant: 03:30 Oslo after `now`, one job key per day. */
export function retentionJob(tenantId: string, now: Date): JobSpec {
  const oslo = DateTime.fromJSDate(now, { zone: 'Europe/Oslo' });
  let due = oslo.set({ ...RETENTION_TIME, second: 0, millisecond: 0 });
  if (due <= oslo) due = due.plus({ days: 1 });
  return {
    key: `retention:${tenantId}:${due.toISODate()}`,
    kind: 'retention',
    tenantId,
    dueAt: due.toUTC().toISO()!,
    payload: {},
    label: 'sletting av fritekst etter oppbevaringstiden',
  };
}

export interface RetentionDeps {
  readonly trends: TrendRepository;
  readonly escalations: EscalationRepository;
  readonly audit: AuditRepository;
  readonly agendas: AgendaRepository;
  readonly meetings: MeetingRepository;
  readonly digests: DigestRepository;
  readonly profiles: ProfileRepository;
  readonly roles: RoleRepository;
  readonly files: FileRepository;
  readonly outbox: OutboxRetention;
  readonly scheduler: JobScheduler;
  /** The network's language: minutes titles are stored in it. */
  readonly locale: Locale;
  readonly retentionMonths: number;
  readonly log: Logger;
  /** The measures register (issue 17): its free text and status texts are erased like the rest. */
  readonly measures?: { eraseTextBefore(tenantId: string, cutoffIso: string, at: string): Promise<number> };
  /** The police's statistics (issue 16): expired previews and who imported old figures (the figures stay). */
  readonly policeStats?: { eraseImportersBefore(tenantId: string, cutoffIso: string, now: Date): Promise<number> };
}

/** The retention job's dependencies out of the services bag. */
export function retentionDeps(
  s: Omit<RetentionDeps, 'locale' | 'retentionMonths'> & { readonly config: { defaultLocale: Locale; retentionMonths: number } },
): RetentionDeps {
  return { ...s, locale: s.config.defaultLocale, retentionMonths: s.config.retentionMonths };
}

export interface RetentionReport {
  readonly cutoff: string;
  readonly trends: number;
  readonly escalations: number;
  /** Minutes rows whose copy of an erased matter's title was blanked. */
  readonly minutes: number;
  /** Meetings whose location, cancel reason and people were erased, with their agenda edits and minutes. */
  readonly meetings: number;
  readonly digests: number;
  readonly acks: number;
  readonly services: number;
  readonly roles: number;
  readonly undelivered: number;
  readonly outboxKeys: number;
  readonly files: number;
  /** Measures and focus-area status texts whose free text and people were erased. */
  readonly measures?: number;
  /** Police statistics rows: expired previews deleted, importers emptied. */
  readonly policeStats?: number;
}

/** One run for one tenant. Idempotent: erased rows are not selected again. */
export async function runRetention(deps: RetentionDeps, tenantId: string, now: Date): Promise<RetentionReport> {
  const cutoff = retentionCutoff(now, deps.retentionMonths);
  const at = now.toISOString();
  const trends = await deps.trends.eraseTextBefore(tenantId, cutoff, at);
  const matters = await eraseMatters(deps, tenantId, cutoff, at);
  const meetings = await eraseMeetings(deps, tenantId, cutoff, at);
  // Digests by month: a month before the cut-off's month is wholly older than the period.
  const month = monthOf(new Date(cutoff));
  const erase = (json: string): string => {
    const c = parseDigestContent(json);
    return c ? JSON.stringify(withoutTitles(c)) : json;
  };
  const digests = (await deps.digests.eraseTitlesBefore(tenantId, month, erase, at)) + matters.digests + meetings.digests;
  const acks = await deps.digests.deleteAcksBefore(tenantId, month);
  const services = await deps.profiles.forgetServicesBefore(tenantId, cutoff);
  const roles = await deps.roles.deleteRolelessBefore(tenantId, cutoff);
  const outbox = await deps.outbox.forgetBefore(tenantId, cutoff);
  // Downloads live 24 hours (all tenants share their one small partition).
  const files = await deps.files.purgeExpired(now);
  // The measures register (issue 17): text and people of measures unchanged for the period, and old status texts.
  const measures = deps.measures ? await deps.measures.eraseTextBefore(tenantId, cutoff, at) : undefined;
  const policeStats = deps.policeStats ? await deps.policeStats.eraseImportersBefore(tenantId, cutoff, now) : undefined;
  return {
    cutoff,
    trends,
    escalations: matters.ids.length,
    minutes: matters.minutes,
    meetings: meetings.count,
    digests,
    acks,
    services,
    roles,
    undelivered: outbox.undelivered,
    outboxKeys: outbox.keys,
    files,
    ...(measures !== undefined ? { measures } : {}),
    ...(policeStats !== undefined ? { policeStats } : {}),
  };
}

/**
 * Archived digests of any month that name these matters or tasks, their titles emptied (a measure
 * can stay overdue in digests long after its matter last changed). Called before the originals are
 * marked erased, so a run that dies in between finds them again.
 */
function eraseInDigests(deps: RetentionDeps, tenantId: string, ids: ReadonlySet<string>): Promise<number> {
  if (ids.size === 0) return Promise.resolve(0);
  return deps.digests.eraseNamed(tenantId, (json) => {
    const c = parseDigestContent(json);
    const next = c && JSON.stringify(withoutTitlesOf(c, (id) => ids.has(id)));
    return next && next !== JSON.stringify(c) ? next : undefined;
  });
}

/** Matters last changed before the cut-off: their text and people, their audit steps, and their titles in any minutes and digests. */
async function eraseMatters(deps: RetentionDeps, tenantId: string, cutoff: string, at: string): Promise<{ ids: string[]; minutes: number; digests: number }> {
  // The title as the agenda shows an erased matter ('Sak: …'), in the minutes' language.
  const erasedTitle = format(pick(deps.locale, AGENDA_TEXTS).items.escalation, { title: '…' });
  let minutes = 0;
  let digests = 0;
  // Which minutes hold which matter's item: read once, when the first matter is erased.
  let inMinutes: Map<string, { bodyId: string; meetingId: string }[]> | undefined;
  const ids = await deps.escalations.eraseTextBefore(tenantId, cutoff, at, async (id) => {
    // Before the matter itself: should the run die in between, the matter is still selected
    // next time and its copies are looked for again.
    await deps.audit.eraseSteps(tenantId, id, at);
    inMinutes ??= await deps.agendas.minutesByItem(tenantId, 'esc-');
    for (const m of inMinutes.get(`esc-${id}`) ?? []) {
      if (await deps.agendas.replaceItemTitle(tenantId, m.bodyId, m.meetingId, `esc-${id}`, erasedTitle)) minutes++;
    }
    digests += await eraseInDigests(deps, tenantId, new Set([id]));
  });
  return { ids, minutes, digests };
}

/** Meetings that ended before the cut-off: their agenda edits and minutes first, then the meeting itself (which marks it done). */
async function eraseMeetings(deps: RetentionDeps, tenantId: string, cutoff: string, at: string): Promise<{ count: number; digests: number }> {
  const titles = pick(deps.locale, AGENDA_TEXTS).items;
  const erasedTitle = (itemId: string): string => (itemId.startsWith('esc-') ? format(titles.escalation, { title: '…' }) : '…');
  let count = 0;
  let digests = 0;
  for (const m of await deps.meetings.endedBefore(tenantId, cutoff)) {
    // Digests' copies of its tasks first, then minutes and agenda edits, the meeting last (it marks the meeting done).
    const tasks = (await deps.agendas.getMinutes(tenantId, m.bodyId, m.id))?.minutes.tasks ?? [];
    digests += await eraseInDigests(deps, tenantId, new Set(tasks.map((t) => t.id)));
    await deps.agendas.eraseMeeting(tenantId, m.bodyId, m.id, { edits: eraseAgendaEdits, minutes: (x) => eraseMinutes(x, erasedTitle) }, at);
    if (await deps.meetings.eraseText(tenantId, m.bodyId, m.id, at)) count++;
  }
  return { count, digests };
}

/** The scheduler's handler for kind 'retention': run, then schedule tomorrow's run. */
export function retentionHandler(deps: RetentionDeps): (job: JobSpec, ctx: { readonly now: Date }) => Promise<void> {
  return async (job, ctx) => {
    const report = await runRetention(deps, job.tenantId, ctx.now);
    deps.log.info({ tenant: job.tenantId, ...report }, 'retention: free text erased');
    await deps.scheduler.schedule([retentionJob(job.tenantId, ctx.now)]);
  };
}

/** Per scheduler (one per bot instance): the retention job last made sure of, per tenant, and the half hour it was asked for in. */
const ensured = new WeakMap<JobScheduler, Map<string, { readonly key: string; slot: number; readonly done: Promise<void> }>>();
const HALF_HOUR_MS = 1_800_000;

/**
 * Makes sure a tenant's daily run is scheduled (called when free text is stored). Scheduling
 * the same key and time again changes nothing, so each instance does it once per tenant and
 * day (the job key), not on every submission; a failed attempt is tried again next time.
 * The key changes at 03:30 Oslo, a whole UTC half hour, so within the half hour of the last
 * call not even the key is computed (luxon's time-zone maths is costly under load).
 */
export async function ensureRetention(scheduler: JobScheduler, tenantId: string, now: Date): Promise<void> {
  const slot = Math.floor(now.getTime() / HALF_HOUR_MS);
  let byTenant = ensured.get(scheduler);
  if (!byTenant) {
    byTenant = new Map();
    ensured.set(scheduler, byTenant);
  }
  const known = byTenant.get(tenantId);
  if (known?.slot === slot) return known.done;
  const job = retentionJob(tenantId, now);
  if (known?.key === job.key) {
    known.slot = slot; // the same entry, so a failure still removes it
    return known.done;
  }
  const entry = { key: job.key, slot, done: scheduler.schedule([job]) };
  byTenant.set(tenantId, entry);
  try {
    await entry.done;
  } catch (err) {
    if (byTenant.get(tenantId) === entry) byTenant.delete(tenantId);
    throw err;
  }
}
