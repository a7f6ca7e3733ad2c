import { DateTime } from 'luxon';
import type { Body } from './bodies';
import { OSLO } from './calendar';
import { isHeld, type Meeting } from './meetings';
import type { JobSpec, MeetingStats } from './ports';

/**
 * Cadence watch (issue 3, §6): a body that has gone longer than its cadence without a held
 * meeting, or a board on course for fewer than four meetings this year, gets its coordinators
 * a notice. Pure rules; the job that sends the notices is src/app/cadence.ts.
 */
export const BOARD_MIN_MEETINGS_PER_YEAR = 4;
const DAY = 86_400_000;

export type CadenceNotice =
  | { readonly kind: 'overdue'; readonly since: string; readonly sinceHeld: boolean; readonly days: number; readonly cadenceWeeks: number }
  | { readonly kind: 'boardBelowMinimum'; readonly year: number; readonly held: number; readonly planned: number };

export interface CadenceInput {
  readonly body: Pick<Body, 'kind' | 'cadenceWeeks' | 'registeredAt'>;
  /** Start of the last held meeting (UTC ISO), if any. */
  readonly lastHeld?: string;
  /** This Oslo year's meetings of the body (asked for boards only). */
  readonly year?: { readonly held: number; readonly planned: number };
}

/**
 * The notices a body warrants at `now`. Without any held meeting, the cadence counts from the
 * body's registration, so a new body is not flagged before it has had a chance to meet.
 */
export function cadenceNotices(input: CadenceInput, now: Date): CadenceNotice[] {
  const out: CadenceNotice[] = [];
  const since = input.lastHeld ?? input.body.registeredAt;
  const elapsed = now.getTime() - Date.parse(since);
  if (input.body.cadenceWeeks > 0 && elapsed > input.body.cadenceWeeks * 7 * DAY) {
    out.push({ kind: 'overdue', since, sinceHeld: !!input.lastHeld, days: Math.floor(elapsed / DAY), cadenceWeeks: input.body.cadenceWeeks });
  }
  if (input.body.kind === 'board' && input.year && input.year.held + input.year.planned < BOARD_MIN_MEETINGS_PER_YEAR) {
    out.push({ kind: 'boardBelowMinimum', year: osloYear(now), held: input.year.held, planned: input.year.planned });
  }
  return out;
}

/** The Oslo calendar year of an instant. */
export function osloYear(now: Date): number {
  return DateTime.fromJSDate(now, { zone: OSLO }).year;
}

/** ISO week of an instant in Oslo, e.g. '2026-W45' (notices go out at most once per body and week). */
export function osloWeek(now: Date): string {
  const dt = DateTime.fromJSDate(now, { zone: OSLO });
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}

/** Oslo time of day the daily cadence watch runs. */
export const CADENCE_WATCH_TIME = { hour: 7, minute: 0 };

/**
 * The daily cadence-watch job of a tenant for one Oslo date: due at 07:00 Oslo, pointless after
 * that day. A fixed key and time per day, so scheduling it on every start changes nothing.
 */
export function cadenceWatchJob(tenantId: string, osloDate: string): JobSpec {
  const day = DateTime.fromISO(osloDate, { zone: OSLO });
  return {
    key: `cadenceWatch:${tenantId}:${osloDate}`,
    kind: 'cadenceWatch',
    tenantId,
    dueAt: day.set(CADENCE_WATCH_TIME).toUTC().toISO() ?? '',
    notAfter: day.plus({ days: 1 }).startOf('day').toUTC().toISO() ?? '',
    payload: {},
  };
}

/** Today's Oslo date (YYYY-MM-DD), plus `days`. */
export function osloDate(now: Date, days = 0): string {
  return DateTime.fromJSDate(now, { zone: OSLO }).plus({ days }).toISODate() ?? '';
}

/** `MeetingStats` over a reader of a body's meetings (the meetings repository's `listForBody`). */
export function meetingStatsFrom(listForBody: (tenantId: string, bodyId: string) => Promise<Meeting[]>): MeetingStats {
  return {
    async lastHeld(tenantId, bodyId, now) {
      const held = (await listForBody(tenantId, bodyId)).filter((m) => isHeld(m, now));
      return held
        .map((m) => m.startUtc)
        .sort()
        .at(-1);
    },
    async countInYear(tenantId, bodyId, year, now) {
      const inYear = (await listForBody(tenantId, bodyId)).filter(
        (m) => m.status !== 'cancelled' && DateTime.fromISO(m.startUtc, { zone: OSLO }).year === year,
      );
      const held = inYear.filter((m) => isHeld(m, now)).length;
      return { held, planned: inYear.length - held };
    },
  };
}
