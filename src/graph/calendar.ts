import type { Attendee, DateTimeTimeZone, Event } from '@microsoft/microsoft-graph-types';
import {
  CalendarCallError,
  type CalendarEvent,
  type EventPatch,
  type EventWhen,
  type InvitationDraft,
  type Invitee,
  type MeetingCalendar,
} from '../domain/invitations';
import type { GraphToken } from './token';
import { type HttpResponse, type HttpTransport, TransportError } from './transport';

/**
 * Europe/Oslo's zone by its Windows name, which every Exchange mailbox accepts (Graph takes IANA
 * names only from a short list, and Europe/Oslo is not on it). Same rules: CET/CEST.
 */
export const OSLO_WINDOWS_ZONE = 'W. Europe Standard Time';

/**
 * The extended property carrying our meeting id on each event (a fixed namespace GUID of this
 * app). A create whose answer was lost is found again by it, so a retry never makes a second event.
 */
export const MEETING_ID_PROPERTY = 'String {5d0a3c8e-6f1b-4e2a-9c47-0b8d3f6e21a4} Name SltMeetingId';

const SELECT = 'id,subject,start,end,location,attendees,onlineMeeting';

/** Event fields this client reads back. */
type EventRead = Pick<Event, 'id' | 'subject' | 'start' | 'end' | 'location' | 'attendees' | 'onlineMeeting'>;

/**
 * The `MeetingCalendar` port over Microsoft Graph's calendar API, app-only (`/users/{id}/events`,
 * permission Calendars.ReadWrite limited by an Exchange application access policy). One call per
 * method and no retries: the scheduler runs these as jobs and retries with backoff, honouring
 * Retry-After (CalendarCallError carries it).
 */
export class GraphCalendar implements MeetingCalendar {
  constructor(
    private readonly graphUrl: string,
    private readonly token: Pick<GraphToken, 'token'>,
    private readonly transport: HttpTransport,
  ) {}

  async find(organizer: string, meetingId: string): Promise<CalendarEvent | undefined> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${MEETING_ID_PROPERTY}' and ep/value eq '${meetingId.replace(/'/g, "''")}')`;
    const query = new URLSearchParams({ $filter: filter, $select: SELECT, $top: '5' });
    const res = await this.call('GET', `${this.events(organizer)}?${query.toString().replace(/\+/g, '%20')}`);
    const found = (JSON.parse(res.body) as { value?: EventRead[] }).value ?? [];
    return found[0] ? read(found[0]) : undefined;
  }

  async create(organizer: string, d: InvitationDraft): Promise<CalendarEvent> {
    const event: Event = {
      ...whenFields(d),
      body: { contentType: 'html', content: d.bodyHtml },
      attendees: d.attendees.map(attendee),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      responseRequested: true,
      transactionId: d.transactionId,
      singleValueExtendedProperties: [{ id: MEETING_ID_PROPERTY, value: d.meetingId }],
    };
    return read(JSON.parse((await this.call('POST', this.events(organizer), event)).body) as EventRead);
  }

  async update(organizer: string, eventId: string, patch: EventPatch): Promise<CalendarEvent> {
    // Never the body: it holds the Teams meeting blob. Attendees alone notify only those added or removed.
    const event: Event = { ...(patch.when ? whenFields(patch.when) : {}), ...(patch.attendees ? { attendees: patch.attendees.map(attendee) } : {}) };
    return read(JSON.parse((await this.call('PATCH', this.event(organizer, eventId), event)).body) as EventRead);
  }

  async get(organizer: string, eventId: string): Promise<CalendarEvent | undefined> {
    try {
      return read(JSON.parse((await this.call('GET', `${this.event(organizer, eventId)}?$select=${SELECT}`)).body) as EventRead);
    } catch (err) {
      if (err instanceof CalendarCallError && err.status === 404) return undefined;
      throw err;
    }
  }

  async cancel(organizer: string, eventId: string, comment: string): Promise<void> {
    try {
      await this.call('POST', `${this.event(organizer, eventId)}/cancel`, { comment });
    } catch (err) {
      // Already cancelled (a retry after a lost answer) or deleted by hand: nothing left to cancel.
      if (err instanceof CalendarCallError && err.status === 404) return;
      throw err;
    }
  }

  private events(organizer: string): string {
    return `${this.graphUrl}/users/${encodeURIComponent(organizer)}/events`;
  }

  private event(organizer: string, eventId: string): string {
    return `${this.events(organizer)}/${encodeURIComponent(eventId)}`;
  }

  private async call(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<HttpResponse> {
    const token = await this.token.token();
    let res: HttpResponse;
    try {
      res = await this.transport.send({
        method,
        url,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          // Times in answers in Oslo's zone, as they are sent.
          prefer: `outlook.timezone="${OSLO_WINDOWS_ZONE}"`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      if (err instanceof TransportError) throw new CalendarCallError(undefined, err.cause);
      throw err;
    }
    if (res.status >= 200 && res.status < 300) return res;
    throw new CalendarCallError(res.status, graphErrorCode(res.body), retryAfterMs(res.headers['retry-after']));
  }
}

function whenFields(w: EventWhen): Event {
  const at = (dateTime: string): DateTimeTimeZone => ({ dateTime, timeZone: OSLO_WINDOWS_ZONE });
  return { subject: w.subject, start: at(w.start), end: at(w.end), location: { displayName: w.location ?? '' } };
}

function attendee(a: Invitee): Attendee {
  return { emailAddress: { address: a.address, name: a.name }, type: 'required' };
}

/** Graph's event as the port's: id, join link, and what it says about time, place and attendees. */
function read(e: EventRead): CalendarEvent {
  if (!e.id) throw new CalendarCallError(502, 'EventWithoutId');
  const when: EventWhen | undefined =
    e.start?.dateTime && e.end?.dateTime
      ? {
          subject: e.subject ?? '',
          start: e.start.dateTime.slice(0, 19),
          end: e.end.dateTime.slice(0, 19),
          ...(e.location?.displayName ? { location: e.location.displayName } : {}),
        }
      : undefined;
  const attendees = (e.attendees ?? []).flatMap((a) => (a.emailAddress?.address ? [{ address: a.emailAddress.address, name: a.emailAddress.name ?? '' }] : []));
  return { id: e.id, ...(e.onlineMeeting?.joinUrl ? { joinUrl: e.onlineMeeting.joinUrl } : {}), ...(when ? { when } : {}), attendees };
}

/** Graph's error code (`TooManyRequests`, `ErrorAccessDenied`, …), never its message. */
function graphErrorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    if (typeof code === 'string' && code) return code.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60);
  } catch {
    // not JSON (a proxy's HTML page): the status alone says enough
  }
  return 'Error';
}

/** Retry-After as seconds or an HTTP date, in ms (capped at an hour), or undefined. */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 3_600_000) : undefined;
}
