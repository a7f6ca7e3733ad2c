import { DateTime } from 'luxon';
import { OSLO } from './time';

// en-GB gives day-month order ('3 March'), which reads naturally next to Norwegian dates.
const LUXON_LOCALE = { nb: 'nb', en: 'en-GB' } as const;
const DATE_FORMAT = { nb: 'EEEE d. MMMM yyyy', en: 'EEEE d MMMM yyyy' } as const;
const TIME_JOIN = { nb: "'kl.'", en: "'at'" } as const;

/**
 * Meeting start for display in Oslo time: 'tirsdag 3. mars 2026 kl. 18:00' /
 * 'Tuesday 3 March 2026 at 18:00'. An unparseable instant is returned unchanged (display must not crash).
 */
export function formatMeetingTime(startUtc: string, locale: 'nb' | 'en'): string {
  const dt = DateTime.fromISO(startUtc, { setZone: true }).setZone(OSLO).setLocale(LUXON_LOCALE[locale]);
  if (!dt.isValid) return startUtc;
  return dt.toFormat(`${DATE_FORMAT[locale]} ${TIME_JOIN[locale]} HH:mm`);
}

/** A calendar date for display: 'tirsdag 3. mars 2026' / 'Tuesday 3 March 2026'. Invalid input is returned unchanged. */
export function formatDate(date: string, locale: 'nb' | 'en'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const dt = DateTime.fromISO(date, { zone: OSLO }).setLocale(LUXON_LOCALE[locale]);
  return dt.isValid ? dt.toFormat(DATE_FORMAT[locale]) : date;
}
