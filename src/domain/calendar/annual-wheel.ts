import { DateTime, type WeekdayNumbers } from 'luxon';
import { OSLO } from './time';

interface MarkerBase {
  /** Stable key for the tab/i18n, e.g. 'russSeason' */
  key: 'russSeason' | 'endOfSchoolParties' | 'summerHolidays' | 'schoolStart' | 'halloween' | 'newYear';
  nb: string;
  en: string;
  /** True when the real dates vary per municipality/county and these are typical values. */
  approximate: boolean;
}

/** A seasonal marker on the annual wheel (årshjul): a single day or a period (inclusive). */
export type AnnualWheelMarker = MarkerBase & ({ date: string } | { from: string; to: string });

function isoWeekDay(year: number, weekNumber: number, weekday: WeekdayNumbers): string {
  return DateTime.fromObject({ weekYear: year, weekNumber, weekday }, { zone: OSLO }).toISODate() ?? '';
}

/**
 * Seasonal peaks from DOMAIN.md "The year", in date order. School dates are typical values:
 * the school year is set per county/municipality and is not in date-holidays, so school-related
 * markers are flagged `approximate` — last school day ≈ Friday of ISO week 25, school start ≈
 * Monday of ISO week 34. Russ season usually starts around 20 April, peaks in May and ends 17 May.
 */
export function annualWheelMarkers(year: number): AnnualWheelMarker[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
  const lastSchoolDay = isoWeekDay(year, 25, 5);
  const schoolStart = isoWeekDay(year, 34, 1);
  const dayAfter = (d: string, n: number): string => DateTime.fromISO(d, { zone: OSLO }).plus({ days: n }).toISODate() ?? '';
  return [
    {
      key: 'russSeason',
      from: `${year}-04-20`,
      to: `${year}-05-17`,
      nb: 'Russetiden',
      en: 'Russ celebration season',
      approximate: true,
    },
    {
      key: 'endOfSchoolParties',
      from: `${year}-06-01`,
      to: lastSchoolDay,
      nb: 'Avslutningsfester',
      en: 'End-of-school parties',
      approximate: true,
    },
    {
      key: 'summerHolidays',
      from: dayAfter(lastSchoolDay, 1),
      to: dayAfter(schoolStart, -1),
      nb: 'Sommerferie',
      en: 'Summer holidays',
      approximate: true,
    },
    { key: 'schoolStart', date: schoolStart, nb: 'Skolestart', en: 'School start', approximate: true },
    { key: 'halloween', date: `${year}-10-31`, nb: 'Halloween', en: 'Halloween', approximate: false },
    { key: 'newYear', date: `${year}-12-31`, nb: 'Nyttårsaften', en: "New Year's Eve", approximate: false },
  ];
}
