import Holidays from 'date-holidays';
import { osloToUtc, parseDate } from './time';

/**
 * Why a day is not a meeting day.
 * - `publicHoliday`: an official Norwegian public holiday (date-holidays type 'public').
 * - `officeClosed`: julaften (24 Dec) and nyttårsaften (31 Dec). They are not public holidays by
 *   law, but municipal offices close (at least from noon) and nobody attends an SLT meeting then,
 *   so we treat them as non-working days. date-holidays lists them as type 'bank'; we name them
 *   explicitly instead of trusting 'bank', whose meaning is "banks close", not "the municipality closes".
 * - `weekend`: Saturday or Sunday.
 * Observances date-holidays also returns (Morsdag, Valentinsdag, Samefolkets dag, flag days,
 * Olsok as 'optional', …) are ordinary working days and are ignored.
 * School holidays (autumn/winter/Easter/summer breaks) differ per municipality/county and are not
 * in date-holidays; they are deliberately not handled here.
 */
export interface NonWorkingDay {
  kind: 'publicHoliday' | 'officeClosed' | 'weekend';
  /** Norwegian label, e.g. '2. påskedag', 'julaften', 'lørdag' */
  nb: string;
  /** English label, e.g. 'Easter Monday', "Christmas Eve", 'Saturday' */
  en: string;
}

// Short everyday Norwegian names, keyed by the date-holidays rule. The library's own names
// ('Andre påskedag', 'Grunnlovsdagen') are correct but not what people write in invitations.
const NB_SHORT: Readonly<Record<string, string>> = {
  '01-01': '1. nyttårsdag',
  'easter -3': 'skjærtorsdag',
  'easter -2': 'langfredag',
  easter: '1. påskedag',
  'easter 1': '2. påskedag',
  '05-01': '1. mai',
  'easter 39': 'Kristi himmelfartsdag',
  '05-17': '17. mai',
  'easter 49': '1. pinsedag',
  'easter 50': '2. pinsedag',
  '12-25': '1. juledag',
  '12-26': '2. juledag',
};

const OFFICE_CLOSED: Readonly<Record<string, { nb: string; en: string }>> = {
  '12-24': { nb: 'julaften', en: 'Christmas Eve' },
  '12-31': { nb: 'nyttårsaften', en: "New Year's Eve" },
};

const hd = new Holidays('NO');
const byYear = new Map<number, Map<string, { nb: string; en: string }>>();

/** Public holidays of a year keyed by YYYY-MM-DD, cached (the library recomputes rules per call). */
function publicHolidays(year: number): Map<string, { nb: string; en: string }> {
  const cached = byYear.get(year);
  if (cached) return cached;
  const en = new Map<string, string>();
  for (const h of hd.getHolidays(year, 'en')) if (h.type === 'public') en.set(h.rule, h.name);
  const days = new Map<string, { nb: string; en: string }>();
  for (const h of hd.getHolidays(year, 'no')) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const nb = NB_SHORT[h.rule] ?? h.name;
    const enName = en.get(h.rule) ?? h.name;
    const prev = days.get(date);
    // Two holidays can share a day (17. mai = 2. pinsedag in 2027): name both.
    days.set(date, prev ? { nb: `${prev.nb} og ${nb}`, en: `${prev.en} and ${enName}` } : { nb, en: enName });
  }
  byYear.set(year, days);
  return days;
}

/** Is the date (YYYY-MM-DD) an official Norwegian public holiday? Name in Norwegian. Invalid date → not a holiday. */
export function isNorwegianHoliday(date: string): { holiday: boolean; name?: string } {
  const d = parseDate(date);
  if (!d) return { holiday: false };
  const h = publicHolidays(d.year).get(date);
  return h ? { holiday: true, name: h.nb } : { holiday: false };
}

/** Why the date is not a working day, or null if it is one (or is not a valid date). */
export function nonWorkingReason(date: string): NonWorkingDay | null {
  const d = parseDate(date);
  if (!d) return null;
  const h = publicHolidays(d.year).get(date);
  if (h) return { kind: 'publicHoliday', ...h };
  const closed = OFFICE_CLOSED[date.slice(5)];
  if (closed) return { kind: 'officeClosed', ...closed };
  if (d.weekday === 6) return { kind: 'weekend', nb: 'lørdag', en: 'Saturday' };
  if (d.weekday === 7) return { kind: 'weekend', nb: 'søndag', en: 'Sunday' };
  return null;
}

/** Not Saturday/Sunday, not a public holiday, not julaften/nyttårsaften. False for an invalid date. */
export function isWorkingDay(date: string): boolean {
  return parseDate(date) !== null && nonWorkingReason(date) === null;
}

/** Result of moving a date onto a working day. */
export interface WorkingDayMove {
  date: string;
  moved: boolean;
  /** Norwegian name of the holiday/closed day that caused the move (absent for plain weekends). */
  holidayName?: string;
  /** Full reason, in both languages, when moved. */
  reason?: NonWorkingDay;
}

// The longest run of non-working days (Easter: Thu–Mon) is 5; two weeks is a generous bound.
const MAX_SEARCH_DAYS = 14;

/**
 * Nearest working day to `date`. Rule: look both ways; take the next working day unless the
 * previous one is strictly closer (ties go forward, so Thursday Ascension Day → Friday, and a
 * Sunday → Monday, but a Saturday → Friday). With `forwardOnly`, never move earlier — used for
 * a date the user picked, which must not slide into the past.
 * Throws RangeError for an invalid date.
 */
export function nearestWorkingDay(date: string, opts: { forwardOnly?: boolean } = {}): WorkingDayMove {
  const d = parseDate(date);
  if (!d) throw new RangeError(`Invalid date: ${date}`);
  const reason = nonWorkingReason(date);
  if (!reason) return { date, moved: false };
  let target: string | undefined;
  for (let i = 1; i <= MAX_SEARCH_DAYS && !target; i++) {
    const next = d.plus({ days: i }).toISODate();
    const prev = d.minus({ days: i }).toISODate();
    if (next && isWorkingDay(next)) target = next;
    else if (!opts.forwardOnly && prev && isWorkingDay(prev)) target = prev;
  }
  if (!target) throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days of ${date}`);
  return {
    date: target,
    moved: true,
    ...(reason.kind === 'weekend' ? {} : { holidayName: reason.nb }),
    reason,
  };
}

/** First working day of a month (month 1–12) at 08:00 Oslo time, as a UTC ISO string. */
export function firstWorkingDayOfMonth(year: number, month: number): string {
  const first = parseDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
  if (!first) throw new RangeError(`Invalid month: ${year}-${month}`);
  const day = nearestWorkingDay(first.toISODate() ?? '', { forwardOnly: true }).date;
  const utc = osloToUtc({ date: day, time: '08:00' });
  // 08:00 is never in a DST gap (those are at 02:00–03:00), so null would be a bug.
  if (!utc) throw new RangeError(`Could not resolve 08:00 on ${day}`);
  return utc;
}
