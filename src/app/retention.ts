import { DateTime } from 'luxon';
import type { JobScheduler, JobSpec } from '../domain/ports';
import { retentionCutoff } from '../domain/trends';
import { format, type Locale, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import type { Logger } from '../log';
import type { AgendaRepository } from '../storage/table/agendas';
import type { AuditRepository } from '../storage/table/audit';
import type { EscalationRepository } from '../storage/table/escalations';
import type { TrendRepository } from '../storage/table/trends';

/**
 * Retention (issue 4, DOMAIN.md "raw free text is kept no longer than needed"): a daily job per
 * tenant erases the free text of trends reported, and of matters last changed, more than
 * SLT_RETENTION_MONTHS ago — including the notes in the matters' audit entries and the matters'
 * titles that minutes copied from the agenda (item `esc-<id>`). Categories, states, dates and
 * counts stay for the statistics and the annual report.
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
  readonly scheduler: JobScheduler;
  /** The network's language: minutes titles are stored in it. */
  readonly locale: Locale;
  readonly retentionMonths: number;
  readonly log: Logger;
  /** The measures register (issue 17): its free text and status texts are erased like the rest. */
  readonly measures?: { eraseTextBefore(tenantId: string, cutoffIso: string, at: string): Promise<number> };
}

export interface RetentionReport {
  readonly cutoff: string;
  readonly trends: number;
  readonly escalations: number;
  /** Minutes rows whose copy of an erased matter's title was blanked. */
  readonly minutes: number;
  /** Measures (completed or ended) and focus-area status texts whose free text was erased. */
  readonly measures?: number;
}

/** One run for one tenant. Idempotent: erased rows are not selected again. */
export async function runRetention(deps: RetentionDeps, tenantId: string, now: Date): Promise<RetentionReport> {
  const cutoff = retentionCutoff(now, deps.retentionMonths);
  const at = now.toISOString();
  const trends = await deps.trends.eraseTextBefore(tenantId, cutoff, at);
  // The title as the agenda shows an erased matter ('Sak: …'), in the minutes' language.
  const erasedTitle = format(pick(deps.locale, AGENDA_TEXTS).items.escalation, { title: '…' });
  let minutes = 0;
  // Which minutes hold which matter's item: read once, when the first matter is erased.
  let inMinutes: Map<string, { bodyId: string; meetingId: string }[]> | undefined;
  const ids = await deps.escalations.eraseTextBefore(tenantId, cutoff, at, async (id) => {
    // Before the matter itself (like the audit notes): should the run die in between, the matter
    // is still selected next time and its copies are looked for again.
    await deps.audit.eraseNotes(tenantId, id);
    inMinutes ??= await deps.agendas.minutesByItem(tenantId, 'esc-');
    for (const m of inMinutes.get(`esc-${id}`) ?? []) {
      if (await deps.agendas.replaceItemTitle(tenantId, m.bodyId, m.meetingId, `esc-${id}`, erasedTitle)) minutes++;
    }
  });
  const measures = deps.measures ? await deps.measures.eraseTextBefore(tenantId, cutoff, at) : undefined;
  return { cutoff, trends, escalations: ids.length, minutes, ...(measures !== undefined ? { measures } : {}) };
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
