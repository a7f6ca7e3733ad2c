import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { firstWorkingDayOfMonth, OSLO } from '../domain/calendar';
import { isMonth, monthStartUtc, shiftMonth } from '../domain/digest';
import type { JobScheduler, JobSpec } from '../domain/ports';
import { monthOf } from '../domain/trends';
import type { Logger } from '../log';
import type { JobHandler } from '../scheduler/runner';
import { type DigestDeps, SCHEDULER, sendDigest } from './digest';

/**
 * The scheduled monthly digest: one job per tenant and month, due at 08:00 Europe/Oslo on the
 * first working day of the following month (so October's digest is posted on the first working
 * day of November). The scheduler's claims run each occurrence once across instances and catch
 * up after downtime; the job is pointless once the month after has ended (then the next digest
 * is due). Each run schedules the next month's job first, so the chain survives a crash.
 */

/** When the digest of `month` is posted (UTC ISO). */
export function digestDueAt(month: string): string {
  const next = shiftMonth(month, 1);
  return firstWorkingDayOfMonth(Number(next.slice(0, 4)), Number(next.slice(5, 7)));
}

/** The job that posts the digest of `month` for a tenant. */
export function digestJob(tenantId: string, month: string): JobSpec {
  return {
    key: `digest:${tenantId}:${month}`,
    kind: 'digest',
    tenantId,
    dueAt: digestDueAt(month),
    notAfter: monthStartUtc(shiftMonth(month, 2)),
    payload: { month },
    label: `månedsrapport ${DateTime.fromFormat(month, 'yyyy-LL', { zone: OSLO }).setLocale('nb').toFormat('LLLL yyyy')}`,
  };
}

/** The next digest to post as seen at `now`: last month's if its time has not come, else this month's. */
export function nextDigestJob(tenantId: string, now: Date): JobSpec {
  const last = shiftMonth(monthOf(now), -1);
  return now.toISOString() < digestDueAt(last) ? digestJob(tenantId, last) : digestJob(tenantId, monthOf(now));
}

/**
 * The handler of kind 'digest': posts the month's digest once (unless a coordinator already sent
 * it). Archived digests lose their matter titles in the daily retention run (app/retention.ts).
 */
export function digestHandler(deps: DigestDeps & { readonly scheduler: JobScheduler }): JobHandler {
  return async (job, ctx) => {
    const month = String(job.payload.month ?? '');
    if (!isMonth(month)) return { skipped: 'payload without a month' };
    await deps.scheduler.schedule([digestJob(job.tenantId, shiftMonth(month, 1))]);
    const outcome = await sendDigest(deps, { tenantId: job.tenantId, month, sendNo: 1, by: { id: SCHEDULER, name: '' }, now: ctx.now });
    if (outcome.kind === 'noBoard') return { skipped: 'no board registered' };
    if (outcome.kind === 'taken' && outcome.current.sentBy !== SCHEDULER) return { skipped: 'already sent by a coordinator' };
    return undefined;
  };
}

/** Schedules each tenant's next digest (same key and time again changes nothing: safe on every start). */
export async function ensureDigestJobs(scheduler: JobScheduler, tenants: readonly string[], now: Date): Promise<void> {
  if (tenants.length === 0) return;
  await scheduler.schedule(tenants.map((t) => nextDigestJob(t, now)));
}

/**
 * For the first activity of a tenant in this process (and again each month): makes sure its next
 * digest is scheduled, so a network that started using the bot after the last restart gets its
 * digest too. Never fails the turn: a storage hiccup is logged and tried on the next activity.
 */
export function digestJobEnsurer(scheduler: JobScheduler, clock: Clock, log: Logger): (tenantId: string) => Promise<void> {
  const done = new Map<string, string>();
  // Which job is next changes only at an Oslo month start or an 08:00 Oslo due time, both whole
  // UTC hours: within the hour a tenant was last made sure of, nothing needs computing (the
  // holiday and time-zone maths cost ~15 % of a busy bot's CPU when done per activity).
  const checkedInHour = new Map<string, number>();
  return async (tenantId) => {
    if (!tenantId) return;
    const now = clock.now();
    const hour = Math.floor(now.getTime() / 3_600_000);
    if (checkedInHour.get(tenantId) === hour) return;
    const job = nextDigestJob(tenantId, now);
    if (done.get(tenantId) === job.key) {
      checkedInHour.set(tenantId, hour);
      return;
    }
    try {
      await scheduler.schedule([job]);
      done.set(tenantId, job.key);
      checkedInHour.set(tenantId, hour);
    } catch (err) {
      log.warn({ err: (err as Error).name, tenant: tenantId }, 'digest: could not schedule the next digest; will try again');
    }
  };
}
