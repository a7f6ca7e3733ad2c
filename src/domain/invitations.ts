import { createHash } from 'node:crypto';
import type { Body } from './bodies';
import { utcToOslo } from './calendar';

/**
 * Outlook invitations for meetings (SLT_CALENDAR=graph, docs/calendar.md): the pure rules.
 * Each meeting of a series is one event in the scheduling coordinator's calendar, with the body's
 * members as attendees and a Teams link. What the event should be is derived from the meeting
 * row and the body's members; what was last sent is kept on the row as two short hashes, so a
 * sync run knows which step is next and a repeated run sends nothing twice.
 */

/** Someone invited: an address Exchange resolves (e-mail, else the UPN) and a display name. */
export interface Invitee {
  readonly address: string;
  readonly name: string;
}

/**
 * Who is invited to a body's meetings: the members of the body's channel as Teams defines them.
 * The one seam between invitations and membership (see src/app/invitations.ts `inviteesOf`, over src/domain/membership.ts).
 */
export interface Invitees {
  of(body: Body): Promise<Invitee[]>;
}

/** Subject, time and place: the part of an event whose change everyone hears about. */
export interface EventWhen {
  readonly subject: string;
  /** Oslo wall clock, `YYYY-MM-DDTHH:mm:ss` (sent with Oslo's time zone). */
  readonly start: string;
  readonly end: string;
  readonly location?: string;
}

/** The whole event to create for a meeting. */
export interface InvitationDraft extends EventWhen {
  /** Our key for the event, stored on it as an extended property: how a lost create is found again. */
  readonly meetingId: string;
  /** Graph's guard against a repeated create (the same for every attempt at one meeting). */
  readonly transactionId: string;
  /** HTML, written once at creation: Teams adds its meeting blob to it, so it is never patched. */
  readonly bodyHtml: string;
  readonly attendees: readonly Invitee[];
}

/** An event as the calendar reports it. `when`/`attendees` are there when it was read back. */
export interface CalendarEvent {
  readonly id: string;
  readonly joinUrl?: string;
  readonly when?: EventWhen;
  readonly attendees?: readonly Invitee[];
}

/** What an update sends: only the parts that changed (an attendees-only update notifies only those added or removed). */
export interface EventPatch {
  readonly when?: EventWhen;
  readonly attendees?: readonly Invitee[];
}

/**
 * The organizer's calendar (implemented over Microsoft Graph in src/graph). Every call may throw
 * CalendarCallError; none is retried inside — the scheduler retries the job.
 */
export interface MeetingCalendar {
  /** The event made for this meeting by an earlier attempt whose answer was lost, if any. */
  find(organizer: string, meetingId: string): Promise<CalendarEvent | undefined>;
  create(organizer: string, draft: InvitationDraft): Promise<CalendarEvent>;
  update(organizer: string, eventId: string, patch: EventPatch): Promise<CalendarEvent>;
  /** The event now, or undefined when it is gone. */
  get(organizer: string, eventId: string): Promise<CalendarEvent | undefined>;
  /** Cancels the event and tells the attendees why; an event already gone counts as cancelled. */
  cancel(organizer: string, eventId: string, comment: string): Promise<void>;
}

/**
 * A failed calendar call. `code` is what `status` shows: `<HTTP status> <Graph error code>`, or
 * `nett <cause>` when Graph could not be reached, or `token <cause>` when no token was had.
 */
export class CalendarCallError extends Error {
  readonly code: string;
  constructor(
    readonly status: number | undefined,
    readonly reason: string,
    readonly retryAfterMs?: number,
    readonly stage: 'graph' | 'token' = 'graph',
  ) {
    super(`calendar call failed: ${status ?? stage} ${reason}`);
    this.name = 'CalendarCallError';
    this.code = `${stage === 'token' ? 'token' : (status ?? 'nett')} ${reason}`.slice(0, 80);
  }

  /** Worth trying again soon: throttling, server trouble, no connection. Others need an operator (403 access policy, 404 user). */
  get transient(): boolean {
    const s = this.status;
    if (s === undefined) return true;
    return s === 408 || s === 409 || s === 412 || s === 429 || s >= 500;
  }
}

/** What was last sent for a meeting's event (columns of the meeting row). */
export interface InvitationState {
  /** Whose calendar holds the event (Entra object id of the scheduling coordinator); unset = an `.ics` meeting. */
  readonly organizer?: string;
  readonly eventId?: string;
  readonly joinUrl?: string;
  /** Hash of subject, time and place last sent. */
  readonly eventWhen?: string;
  /** Hash of the attendee addresses last sent. */
  readonly eventWho?: string;
  readonly eventCancelled?: boolean;
}

/** The next call a sync run makes for one meeting, or none. */
export type InvitationStep =
  | { readonly kind: 'none'; readonly why: 'notGraph' | 'over' | 'inStep' | 'cancelled' }
  /** No event known: look for one a lost attempt made, else create it. */
  | { readonly kind: 'create' }
  | { readonly kind: 'update'; readonly when: boolean; readonly attendees: boolean }
  /** Created, but Graph had no join link yet. */
  | { readonly kind: 'fetchLink' }
  /** Cancelled: cancel the event (looking for one a lost attempt made when none is known). */
  | { readonly kind: 'cancel' };

/** Decides the next step from the meeting row and the event it should be. Pure. */
export function nextInvitationStep(
  m: InvitationState & { readonly status: string; readonly endUtc: string },
  want: { when: EventWhen; attendees: readonly Invitee[] } | undefined,
  now: Date,
): InvitationStep {
  if (!m.organizer) return { kind: 'none', why: 'notGraph' };
  if (m.status === 'cancelled') return m.eventCancelled ? { kind: 'none', why: 'cancelled' } : { kind: 'cancel' };
  // An event for a meeting that is over helps nobody; a late change to it would only notify people.
  if (Date.parse(m.endUtc) <= now.getTime() || !want) return { kind: 'none', why: 'over' };
  if (!m.eventId) return { kind: 'create' };
  const when = m.eventWhen !== whenHash(want.when);
  const attendees = m.eventWho !== whoHash(want.attendees);
  if (when || attendees) return { kind: 'update', when, attendees };
  if (!m.joinUrl) return { kind: 'fetchLink' };
  return { kind: 'none', why: 'inStep' };
}

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);

/** Hash of subject, time and place, as stored in `eventWhen`. */
export function whenHash(w: EventWhen): string {
  return hash([w.subject, w.start.slice(0, 16), w.end.slice(0, 16), w.location ?? '']);
}

/** Hash of the attendee addresses (order and case do not matter), as stored in `eventWho`. */
export function whoHash(attendees: readonly Invitee[]): string {
  return hash([...new Set(attendees.map((a) => a.address.toLowerCase()))].sort());
}

/** Subject, Oslo start and end, and place of a meeting's event. */
export function eventWhen(m: { readonly startUtc: string; readonly endUtc: string; readonly location?: string }, body: Pick<Body, 'name'>): EventWhen {
  const wall = (iso: string): string => {
    const o = utcToOslo(iso);
    return `${o.date}T${o.time}:00`;
  };
  return { subject: `SLT: ${body.name}`, start: wall(m.startUtc), end: wall(m.endUtc), ...(m.location ? { location: m.location } : {}) };
}

/**
 * The attendees: each member once (by address, case-insensitive), without the organizer (the
 * event is in their calendar already) and without anyone Exchange could not address.
 */
export function attendeesFrom(members: readonly (Invitee & { readonly aadObjectId?: string })[], organizer: string): Invitee[] {
  const seen = new Set<string>();
  const out: Invitee[] = [];
  for (const m of members) {
    const address = m.address.trim();
    const key = address.toLowerCase();
    if (!address.includes('@') || m.aadObjectId === organizer || key === organizer.toLowerCase() || seen.has(key)) continue;
    seen.add(key);
    out.push({ address, name: m.name });
  }
  return out.sort((a, b) => a.address.localeCompare(b.address));
}

/** Graph's transactionId for a meeting's event: the same on every attempt, GUID-shaped. */
export function transactionIdOf(tenantId: string, meetingId: string): string {
  const h = createHash('sha256').update(`${tenantId}|${meetingId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Job key of a meeting's invitation sync: one per meeting; each change is a new occurrence of it. */
export const invitationJobKey = (meetingId: string): string => `invitation:${meetingId}`;

/**
 * When a failed calendar call is tried again: exponential from 2 s with "equal jitter", never
 * before Graph's Retry-After; slow (≥ 5 min, ≤ 1 h) for errors an operator must fix (403 access
 * policy, 404 user) and after five failures, so `status` shows them failing without hammering Graph.
 */
export function invitationRetryMs(attempt: number, err: unknown, random: () => number = Math.random): number {
  const e = err instanceof CalendarCallError ? err : undefined;
  const transient = e ? e.transient : true;
  const failing = !transient || attempt >= 5;
  const cap = failing ? 60 * 60_000 : 15 * 60_000;
  const exp = Math.min(cap, 2_000 * 2 ** Math.min(attempt - 1, 30));
  let delay = exp / 2 + (random() * exp) / 2;
  if (!transient) delay = Math.max(delay, 5 * 60_000);
  return Math.round(Math.max(delay, e?.retryAfterMs ?? 0));
}
