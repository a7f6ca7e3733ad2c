import { DateTime } from 'luxon';
import { nearestWorkingDay } from './holidays';
import { isValidTime, osloToUtc, parseDate, type WallClock } from './time';
import { MEETING_LIMITS } from './validation';

/**
 * How often each SLT level meets, in weeks (DOMAIN.md "Three levels"): youth teams every 6 weeks,
 * the coordination group every 6 weeks (Bærum 2024; the handbook says monthly), the board at
 * least four times a year, i.e. quarterly = 13 weeks.
 */
export const DEFAULT_CADENCE_WEEKS = { youthTeam: 6, coordinationGroup: 6, board: 13 } as const;

/** One planned meeting of a series. */
export interface PlannedOccurrence {
  /** Oslo date actually used (YYYY-MM-DD) */
  date: string;
  /** Oslo wall-clock time, HH:mm (same for every occurrence, across DST) */
  time: string;
  startUtc: string;
  endUtc: string;
  /** The date the rhythm gave, when it had to be moved */
  movedFrom?: string;
  /** Norwegian reason for the move, e.g. '2. påskedag', 'julaften', 'lørdag' */
  movedBecause?: string;
  /** English reason for the move, e.g. 'Easter Monday' */
  movedBecauseEn?: string;
}

/**
 * Plans a series: first meeting at `start`, then every `cadenceWeeks` weeks, `count` meetings.
 * - The rhythm is counted from the start date, not from moved dates, so one holiday does not
 *   shift the rest of the series.
 * - The Oslo wall-clock time is kept across DST (18:00 stays 18:00; the UTC hour changes).
 * - An occurrence on a weekend, public holiday or julaften/nyttårsaften moves to the nearest
 *   working day (see nearestWorkingDay) and records movedFrom/movedBecause.
 * - The first occurrence is the user's own choice: if it must move, it only moves forward, so a
 *   date validated as "not in the past" cannot slide into the past.
 * - Durations are real elapsed minutes (endUtc = startUtc + duration).
 * Throws RangeError for invalid input; call validateMeetingInput first for user-facing errors.
 */
export function planSeries(start: WallClock, opts: { cadenceWeeks: number; count: number; durationMinutes: number }): PlannedOccurrence[] {
  const first = parseDate(start.date);
  if (!first) throw new RangeError(`Invalid start date: ${start.date}`);
  if (!isValidTime(start.time)) throw new RangeError(`Invalid start time: ${start.time}`);
  if (!Number.isInteger(opts.cadenceWeeks) || opts.cadenceWeeks < 1 || opts.cadenceWeeks > 52) {
    throw new RangeError(`cadenceWeeks must be a whole number 1–52, got ${opts.cadenceWeeks}`);
  }
  assertLimit('count', opts.count);
  assertLimit('durationMinutes', opts.durationMinutes);

  const out: PlannedOccurrence[] = [];
  for (let i = 0; i < opts.count; i++) {
    const nominal = first.plus({ weeks: i * opts.cadenceWeeks }).toISODate();
    if (!nominal) throw new RangeError(`Date overflow in series from ${start.date}`);
    const move = nearestWorkingDay(nominal, { forwardOnly: i === 0 });
    const startUtc = osloToUtc({ date: move.date, time: start.time });
    // DST gaps are on Sundays, which are never working days; null here would be a bug.
    if (!startUtc) throw new RangeError(`${start.time} does not exist in Oslo on ${move.date}`);
    const endUtc = DateTime.fromISO(startUtc, { zone: 'utc' }).plus({ minutes: opts.durationMinutes }).toISO();
    if (!endUtc) throw new RangeError(`Could not compute end of meeting on ${move.date}`);
    out.push({
      date: move.date,
      time: start.time,
      startUtc,
      endUtc,
      ...(move.moved && move.reason ? { movedFrom: nominal, movedBecause: move.reason.nb, movedBecauseEn: move.reason.en } : {}),
    });
  }
  return out;
}

function assertLimit(field: keyof typeof MEETING_LIMITS, value: number): void {
  const { min, max } = MEETING_LIMITS[field];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${field} must be a whole number ${min}–${max}, got ${value}`);
  }
}
