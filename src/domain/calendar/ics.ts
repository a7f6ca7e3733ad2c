import { createEvent, type EventAttributes } from 'ics';

/** Input for one meeting's calendar file. */
export interface MeetingIcsInput {
  meetingId: string;
  title: string;
  startUtc: string;
  endUtc: string;
  location?: string;
  description?: string;
  cancelled?: boolean;
  /**
   * iCalendar SEQUENCE: bump on every change so calendars replace the old copy.
   * Defaults to 0, or 1 when cancelled (a cancel must outrank the original invitation).
   */
  sequence?: number;
  /** DTSTAMP (UTC ISO); defaults to now. Pass it to get byte-identical output. */
  stampUtc?: string;
}

/** UID is derived from meetingId only, so updates and cancellations hit the same calendar entry. */
export function meetingUid(meetingId: string): string {
  return `${meetingId}@slt-boten`;
}

/**
 * ICS text (VCALENDAR with one VEVENT) for a meeting, built with the `ics` package.
 * METHOD:PUBLISH normally; a cancelled meeting gets METHOD:CANCEL and STATUS:CANCELLED.
 * Times are written in UTC (DTSTART/DTEND ending in Z), which every client converts correctly
 * and avoids shipping a VTIMEZONE. Throws Error if an instant is invalid or ics rejects the input.
 */
export function meetingIcs(m: MeetingIcsInput): string {
  const start = toMillis(m.startUtc, 'startUtc');
  const end = toMillis(m.endUtc, 'endUtc');
  if (end <= start) throw new RangeError('endUtc must be after startUtc');
  // `timestamp` (DTSTAMP) is accepted by ics' schema but missing from its type definitions.
  const attrs: EventAttributes & { timestamp: number } = {
    productId: 'SLT-boten',
    method: m.cancelled ? 'CANCEL' : 'PUBLISH',
    uid: meetingUid(m.meetingId),
    sequence: m.sequence ?? (m.cancelled ? 1 : 0),
    timestamp: m.stampUtc ? toMillis(m.stampUtc, 'stampUtc') : Date.now(),
    title: m.title,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
    status: m.cancelled ? 'CANCELLED' : 'CONFIRMED',
    ...(m.location ? { location: m.location } : {}),
    ...(m.description ? { description: m.description } : {}),
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw error ?? new Error('ics produced no output');
  return value;
}

function toMillis(iso: string, name: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid instant: ${iso}`);
  return ms;
}
