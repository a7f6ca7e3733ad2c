import { DateTime } from 'luxon';

/**
 * Trend topics (*utfordringsbilde*): what members of a body see developing among young people,
 * reported per focus area. Trends, never cases: the free text is screened by the confidentiality
 * guard before it is stored, and the reporter is shown by their service, never by name.
 */
export const DIRECTIONS = ['new', 'increasing', 'stable', 'decreasing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * The age groups a trend can be reported for: bands that compare with the police's (10–14 is
 * 10–12 and 13–14, then 15–17), young adults, and all ages (issue 16).
 */
export const AGE_GROUPS = ['10-12', '13-14', '15-17', '18-23', 'all'] as const;
/**
 * The overlapping groups offered before: trends stored with them keep their label and are
 * counted under it, and a form card posted before the change is still accepted.
 */
export const LEGACY_AGE_GROUPS = ['13-16', '16-18'] as const;
/** Every age group a stored trend can carry. */
export const STORED_AGE_GROUPS = [...AGE_GROUPS, ...LEGACY_AGE_GROUPS] as const;
export type AgeGroup = (typeof STORED_AGE_GROUPS)[number];

/** The reporter's service: chosen once, remembered per person, shown instead of the person. */
export const SERVICES = ['school', 'outreach', 'police', 'health', 'childWelfare', 'nav', 'youthClub', 'ppt', 'followUp', 'volunteer', 'other'] as const;
export type Service = (typeof SERVICES)[number];

export const MAX_DESCRIPTION = 1000;
export const MAX_AREA = 100;

/** A stored trend topic. `description` and `area` are emptied by retention; the rest stays for statistics. */
export interface Trend {
  readonly tenantId: string;
  readonly bodyId: string;
  readonly id: string;
  /** Oslo month of the report, YYYY-MM. */
  readonly month: string;
  readonly focusAreaId: string;
  /** The focus area's label when reported (nb), so renamed areas keep history readable. */
  readonly focusAreaLabel: string;
  readonly direction: Direction;
  readonly description: string;
  readonly area?: string;
  readonly ageGroup?: AgeGroup;
  readonly service: Service;
  /** Entra object id: kept for audit, never shown in digests or lists. */
  readonly reporterId: string;
  readonly reportedAt: string;
  /** Set when retention erased the free text. */
  readonly textErasedAt?: string;
}

/** Oslo calendar month of an instant, YYYY-MM (trends are filed by the month people live in). */
export function monthOf(at: Date): string {
  // Oslo's offset is a whole number of hours, so the month cannot change within a UTC hour;
  // reports come in bursts and luxon's time-zone maths is costly, so the last answer is kept.
  const hour = Math.floor(at.getTime() / 3_600_000);
  if (lastMonthOf?.hour === hour) return lastMonthOf.month;
  const month = DateTime.fromJSDate(at, { zone: 'Europe/Oslo' }).toFormat('yyyy-LL');
  lastMonthOf = { hour, month };
  return month;
}
let lastMonthOf: { readonly hour: number; readonly month: string } | undefined;

/** The month `count` months before `month` (YYYY-MM), for looking back over several partitions. */
export function monthsBack(month: string, count: number): string[] {
  const start = DateTime.fromFormat(month, 'yyyy-LL', { zone: 'Europe/Oslo' });
  return Array.from({ length: count }, (_, i) => start.minus({ months: i }).toFormat('yyyy-LL'));
}

/**
 * The instant before which free text is erased: `months` calendar months before `now`, in Oslo
 * time (so "24 months" means the same day and time two years back, across DST).
 */
export function retentionCutoff(now: Date, months: number): string {
  return DateTime.fromJSDate(now, { zone: 'Europe/Oslo' }).minus({ months }).toUTC().toISO()!;
}

/**
 * Text as typed, made safe to store: CR/LF normalised, control characters other than newline and
 * tab removed (they break renderers and logs), outer whitespace trimmed. Nothing else changes —
 * `${…}`, Markdown, HTML and emoji are stored byte for byte and escaped only when shown.
 */
export function cleanText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .trim();
}

/** Who reads a body's trends: its members (the channel roster) and the coordinators. */
export function mayReadTrendsOf(bodyId: string, viewer: { readonly coordinator: boolean; readonly memberOf: ReadonlySet<string> }): boolean {
  return viewer.coordinator || viewer.memberOf.has(bodyId);
}
