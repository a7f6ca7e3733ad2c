import { DateTime } from 'luxon';

/** The only time zone SLT meetings are planned in. */
export const OSLO = 'Europe/Oslo';

/** A local Oslo date and time as a person would type it. */
export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm, 24-hour */
  time: string;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses a strict YYYY-MM-DD that is a real calendar date (rejects 2026-02-31). */
export function parseDate(date: string): DateTime | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const d = DateTime.fromObject({ year: +m[1], month: +m[2], day: +m[3] }, { zone: OSLO });
  return d.isValid ? d : null;
}

/** True for a strict HH:mm between 00:00 and 23:59. */
export function isValidTime(time: string): boolean {
  return TIME_RE.test(time);
}

/**
 * Oslo wall-clock → UTC instant ISO string ('2026-03-30T16:00:00.000Z').
 * Never throws: returns null for malformed input and for times that do not exist in Oslo
 * (the spring-forward gap, e.g. 02:30 on the last Sunday of March). For the repeated hour in
 * October luxon picks one of the two instants; meetings never fall on Sundays, so it does not matter.
 */
export function osloToUtc(w: WallClock): string | null {
  const day = parseDate(w.date);
  const t = TIME_RE.exec(w.time);
  if (!day || !t) return null;
  const hour = +t[1];
  const minute = +t[2];
  const dt = day.set({ hour, minute });
  // luxon silently shifts a non-existent local time forward; a round-trip mismatch reveals the gap.
  if (!dt.isValid || dt.hour !== hour || dt.minute !== minute) return null;
  return dt.toUTC().toISO();
}

/**
 * UTC instant → Oslo wall clock with ISO weekday (1 = Monday … 7 = Sunday).
 * Throws RangeError for an unparseable instant: callers pass stored values, so garbage is a bug.
 */
export function utcToOslo(isoUtc: string): WallClock & { weekday: number } {
  const dt = DateTime.fromISO(isoUtc, { setZone: true }).setZone(OSLO);
  if (!dt.isValid) throw new RangeError(`Invalid instant: ${isoUtc}`);
  return { date: dt.toISODate(), time: dt.toFormat('HH:mm'), weekday: dt.weekday };
}

/** Today's date in Oslo for a given instant (defaults to now). */
export function osloToday(nowUtc?: string): string {
  return utcToOslo(nowUtc ?? new Date().toISOString()).date;
}
