import { nonWorkingReason } from './holidays';
import { isValidTime, osloToday, osloToUtc, parseDate } from './time';

/** One field-level problem with meeting input; turn it into text with `calendarErrorText`. */
export type CalendarError = {
  field: 'date' | 'time' | 'durationMinutes' | 'count';
  code: 'required' | 'invalidDate' | 'inPast' | 'invalidTime' | 'outOfRange' | 'holiday';
};

/** Limits for the numeric fields (a working day at most; a series at most half a year of weekly meetings). */
export const MEETING_LIMITS = {
  durationMinutes: { min: 15, max: 480 },
  count: { min: 1, max: 26 },
} as const;

/**
 * Validates meeting input field by field and returns every problem found (empty = valid).
 * - date: required, strict YYYY-MM-DD, a real date, not before today in Oslo.
 * - time: required, HH:mm 00:00–23:59, must exist in Oslo that day (not in the DST gap);
 *   if the date is today, the time must not have passed (reported on `time` as `inPast`).
 * - durationMinutes (15–480) and count (1–26): optional (callers apply defaults), whole numbers.
 * - `rejectNonWorkingDays`: off by default, because planSeries moves a holiday/weekend start to
 *   the nearest working day and says so; turn it on where the user must pick a working day
 *   (e.g. a single extraordinary meeting), and a holiday/weekend/julaften gives code `holiday`.
 */
export function validateMeetingInput(
  input: { date?: string; time?: string; durationMinutes?: number; count?: number },
  nowUtc: string,
  opts: { rejectNonWorkingDays?: boolean } = {},
): CalendarError[] {
  const errors: CalendarError[] = [];
  const date = input.date?.trim() ?? '';
  const time = input.time?.trim() ?? '';

  let dateOk = false;
  if (!date) errors.push({ field: 'date', code: 'required' });
  else if (!parseDate(date)) errors.push({ field: 'date', code: 'invalidDate' });
  // Lexical compare is safe: both are strict YYYY-MM-DD.
  else if (date < osloToday(nowUtc)) errors.push({ field: 'date', code: 'inPast' });
  else if (opts.rejectNonWorkingDays && nonWorkingReason(date)) errors.push({ field: 'date', code: 'holiday' });
  else dateOk = true;

  if (!time) errors.push({ field: 'time', code: 'required' });
  else if (!isValidTime(time)) errors.push({ field: 'time', code: 'invalidTime' });
  else if (dateOk) {
    const start = osloToUtc({ date, time });
    if (!start) errors.push({ field: 'time', code: 'invalidTime' });
    else if (Date.parse(start) < Date.parse(nowUtc)) errors.push({ field: 'time', code: 'inPast' });
  }

  checkRange(errors, 'durationMinutes', input.durationMinutes);
  checkRange(errors, 'count', input.count);
  return errors;
}

function checkRange(errors: CalendarError[], field: 'durationMinutes' | 'count', value: number | undefined): void {
  if (value === undefined) return;
  const { min, max } = MEETING_LIMITS[field];
  if (!Number.isInteger(value) || value < min || value > max) errors.push({ field, code: 'outOfRange' });
}

/** Stable message key for i18n catalogues, e.g. 'calendar.date.invalidDate'. */
export function calendarErrorKey(e: CalendarError): string {
  return `calendar.${e.field}.${e.code}`;
}

const FIELD_LABEL: Record<CalendarError['field'], { nb: string; en: string }> = {
  date: { nb: 'Dato', en: 'Date' },
  time: { nb: 'Klokkeslett', en: 'Time' },
  durationMinutes: { nb: 'Varighet', en: 'Duration' },
  count: { nb: 'Antall møter', en: 'Number of meetings' },
};

/** A short user-facing sentence for an error, in Norwegian (bokmål) or English. */
export function calendarErrorText(e: CalendarError, locale: 'nb' | 'en', date?: string): string {
  const label = FIELD_LABEL[e.field][locale];
  const nb = locale === 'nb';
  switch (e.code) {
    case 'required':
      return nb ? `${label} må fylles ut.` : `${label} is required.`;
    case 'invalidDate':
      return nb ? 'Datoen finnes ikke. Bruk formatet ÅÅÅÅ-MM-DD.' : 'That date does not exist. Use YYYY-MM-DD.';
    case 'inPast':
      return nb ? `${label} kan ikke være tilbake i tid.` : `${label} cannot be in the past.`;
    case 'invalidTime':
      return nb
        ? 'Klokkeslettet er ugyldig (TT:MM, 00:00–23:59) eller finnes ikke den dagen (sommertid).'
        : 'The time is invalid (HH:mm, 00:00–23:59) or does not exist that day (daylight saving).';
    case 'outOfRange': {
      const { min, max } = MEETING_LIMITS[e.field === 'count' ? 'count' : 'durationMinutes'];
      return nb ? `${label} må være mellom ${min} og ${max}.` : `${label} must be between ${min} and ${max}.`;
    }
    case 'holiday': {
      const name = date ? nonWorkingReason(date)?.[locale] : undefined;
      const why = name ? ` (${name})` : '';
      return nb ? `Datoen er ikke en arbeidsdag${why}.` : `The date is not a working day${why}.`;
    }
  }
}
