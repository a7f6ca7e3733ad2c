import type { Config } from '../config';
import type { Body, BodyReader } from '../domain/bodies';
import { utcToOslo } from '../domain/calendar';
import {
  attendeesFrom,
  type CalendarEvent,
  type EventWhen,
  eventWhen,
  type InvitationDraft,
  type InvitationState,
  type Invitee,
  type Invitees,
  invitationJobKey,
  type MeetingCalendar,
  nextInvitationStep,
  transactionIdOf,
  whenHash,
  whoHash,
} from '../domain/invitations';
import { isUpcoming, type Meeting } from '../domain/meetings';
import { type MembershipDeps, membersOf } from '../domain/membership';
import type { JobScheduler, JobSpec, Outbox, OutboxItem, Roster } from '../domain/ports';
import type { Logger } from '../log';
import type { MeetingRepository } from '../storage/table/meetings';
import { cancellationComment, invitationHtml } from '../views/invitations';
import { calendarLinks, meetingCard } from '../views/meetings';
import { cardHash } from './living-card';

/**
 * Outlook invitations for meetings (SLT_CALENDAR=graph; docs/calendar.md). Every change to a
 * body's meetings schedules one invitation job per meeting (`invitation:<meeting id>`, a new
 * occurrence per change); the job brings the meeting's event in the organizer's calendar in
 * step with the meeting row and the body's members, one Graph call at a time, writing what it
 * did onto the row with its ETag before the next call. So a job that is repeated (a lost lease,
 * a retry after Graph's answer was lost) or runs beside another never makes a second event:
 * it finds the event it made by the meeting id stored on it, and sends only what still differs.
 */
export interface InvitationDeps {
  readonly config: Pick<Config, 'publicUrl' | 'defaultLocale' | 'calendar'>;
  readonly log: Logger;
  readonly bodies: BodyReader;
  readonly meetings: MeetingRepository;
  readonly jobs: JobScheduler;
  readonly outbox: Outbox;
  /** Undefined with SLT_CALENDAR=ics. */
  readonly calendar?: MeetingCalendar;
  readonly invitees: Invitees;
}

/**
 * The members of a body as invitees, from the one membership model (src/domain/membership.ts:
 * a standard channel's readers are its team's roster, a private or shared channel's its own),
 * e-mail else UPN. Read fresh, not from the roster's one-minute cache: someone who just left a
 * body must not get its next invitation.
 */
export function inviteesOf(deps: MembershipDeps): Invitees {
  // Read Teams now rather than reuse the one-minute roster cache: someone who just left gets no invitation.
  const fresh: Roster = { members: (ref) => deps.roster.members(ref, { fresh: true }), isMember: (ref, id) => deps.roster.isMember(ref, id) };
  return {
    async of(body: Body) {
      const { members } = await membersOf({ ...deps, roster: fresh }, body);
      return members.map((m) => ({ address: m.email || m.userPrincipalName || '', name: m.name, aadObjectId: m.aadObjectId }));
    },
  };
}

/**
 * Whose calendar gets the events of meetings scheduled now by `actorId`, or undefined when
 * meetings of this tenant keep the `.ics` download (SLT_CALENDAR=ics, or another tenant than the
 * one whose mailboxes the Graph app may write to).
 */
export function invitationOrganizer(config: Pick<Config, 'calendar'>, tenantId: string, actorId: string): string | undefined {
  const c = config.calendar;
  return c.mode === 'graph' && c.tenantId === tenantId.toLowerCase() && actorId ? actorId : undefined;
}

/** 'Outlook-invitasjon Ungdomsteam Vest 05.11' — the job's label in `status`. */
function label(body: Body, m: Meeting): string {
  const d = utcToOslo(m.startUtc).date;
  return `invitasjon ${body.name} ${d.slice(8, 10)}.${d.slice(5, 7)}`.slice(0, 120);
}

function job(body: Body, m: Meeting, dueAt: string): JobSpec {
  return {
    key: invitationJobKey(m.id),
    kind: 'invitation',
    tenantId: m.tenantId,
    dueAt,
    payload: { bodyId: m.bodyId, meetingId: m.id },
    label: label(body, m),
  };
}

/**
 * After a change to a body's meetings (`changed`: new ones, a cancelled one): schedules their
 * invitation jobs — due at their own creation or cancellation instant, so the same click twice
 * is the same occurrence — and one for every other upcoming invited meeting of the body, due
 * now: members who joined or left the channel since are added to or removed from those events
 * ("at the next change"). Nothing when the meetings have no invitations.
 */
export async function scheduleInvitations(deps: InvitationDeps, body: Body, changed: readonly Meeting[], now: Date): Promise<void> {
  if (!deps.calendar || !changed.some((m) => m.organizer)) return;
  const specs = changed.filter((m) => m.organizer).map((m) => job(body, m, m.status === 'cancelled' ? (m.cancelledAt ?? now.toISOString()) : m.createdAt));
  const ids = new Set(changed.map((m) => m.id));
  const others = (await deps.meetings.upcomingForBody(body.tenantId, body.id, now)).filter(
    (m) => m.organizer && m.eventId && !ids.has(m.id) && isUpcoming(m, now),
  );
  await deps.jobs.schedule([...specs, ...others.map((m) => job(body, m, now.toISOString()))]);
}

/** What one run did, for the job's record. */
export type InvitationOutcome = 'inStep' | 'cancelled' | 'over' | 'notGraph' | 'gone' | 'noCalendar';

const MAX_STEPS = 6;

/**
 * The invitation job: takes the next step (nextInvitationStep) until the event is in step, each
 * call's result written onto the meeting row before the next. A CalendarCallError propagates
 * (the caller turns it into a retry with backoff); what was recorded before it stays done.
 */
export async function syncInvitation(deps: InvitationDeps, p: { tenantId: string; bodyId: string; meetingId: string }, now: Date): Promise<InvitationOutcome> {
  const calendar = deps.calendar;
  if (!calendar) return 'noCalendar';
  const body = await deps.bodies.get(p.tenantId, p.bodyId);
  if (!body) return 'gone';
  let createdWithoutLink = false;
  for (let i = 0; i < MAX_STEPS; i++) {
    const m = await deps.meetings.get(p.tenantId, p.bodyId, p.meetingId);
    if (!m) return 'gone';
    const organizer = m.organizer ?? '';
    const want = m.status === 'scheduled' && isUpcoming(m, now) && organizer ? await wanted(deps, body, m, organizer) : undefined;
    const step = nextInvitationStep(m, want, now);
    switch (step.kind) {
      case 'none':
        if (step.why === 'inStep') await showLink(deps, body, m);
        return step.why;
      case 'create': {
        if (!want) return 'over';
        const found = await calendar.find(organizer, m.id);
        const event = found ?? (await calendar.create(organizer, draft(deps, body, m, want)));
        // A found event was made by a lost attempt, maybe from older data: record what it says, so the next step sends only what differs.
        const sent = found ? { when: found.when, attendees: found.attendees } : want;
        await recordEvent(deps, m, event, sent);
        deps.log.info({ meetingId: m.id, found: !!found }, found ? 'invitation: found the event of a lost attempt' : 'invitation: event created');
        createdWithoutLink = !event.joinUrl;
        break;
      }
      case 'update': {
        if (!want || !m.eventId) return 'over';
        const event = await calendar.update(organizer, m.eventId, {
          ...(step.when ? { when: want.when } : {}),
          ...(step.attendees ? { attendees: want.attendees } : {}),
        });
        await record(deps, m, () => ({
          ...(step.when ? { eventWhen: whenHash(want.when) } : {}),
          ...(step.attendees ? { eventWho: whoHash(want.attendees) } : {}),
          ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
        }));
        deps.log.info({ meetingId: m.id, when: step.when, attendees: step.attendees }, 'invitation: event updated');
        break;
      }
      case 'fetchLink': {
        const event = m.eventId ? await calendar.get(organizer, m.eventId) : undefined;
        if (!event?.joinUrl) {
          // Graph adds the Teams link shortly after creating the event: look once more a minute later.
          if (createdWithoutLink) await deps.jobs.schedule([job(body, m, new Date(now.getTime() + 60_000).toISOString())]);
          return 'inStep';
        }
        await record(deps, m, () => ({ joinUrl: event.joinUrl }));
        break;
      }
      case 'cancel': {
        const eventId = m.eventId ?? (await calendar.find(organizer, m.id))?.id;
        if (eventId) await calendar.cancel(organizer, eventId, cancellationComment(deps.config.defaultLocale, m));
        await record(deps, m, () => ({ eventCancelled: true, ...(eventId ? { eventId } : {}) }));
        deps.log.info({ meetingId: m.id, hadEvent: !!eventId }, 'invitation: event cancelled');
        break;
      }
    }
  }
  throw Object.assign(new Error('invitation did not settle'), { code: 'NotSettled' });
}

/** The event a meeting should be: subject, Oslo time and place, and the body's members. */
async function wanted(deps: InvitationDeps, body: Body, m: Meeting, organizer: string): Promise<{ when: EventWhen; attendees: Invitee[] }> {
  return { when: eventWhen(m, body), attendees: attendeesFrom(await deps.invitees.of(body), organizer) };
}

function draft(deps: InvitationDeps, body: Body, m: Meeting, want: { when: EventWhen; attendees: Invitee[] }): InvitationDraft {
  return {
    ...want.when,
    meetingId: m.id,
    transactionId: transactionIdOf(m.tenantId, m.id),
    bodyHtml: invitationHtml(deps.config.defaultLocale, body, m, agendaUrl(deps.config.publicUrl, m)),
    attendees: want.attendees,
  };
}

/** The link in the invitation: the bot's redirect to the meeting's agenda in the channel (src/app/agenda-link.ts). */
export function agendaUrl(publicUrl: string, m: Pick<Meeting, 'icsToken'>): string {
  return `${publicUrl}/agenda/${m.icsToken}`;
}

function record(deps: InvitationDeps, m: Meeting, patch: (current: Meeting) => Partial<InvitationState> | undefined): Promise<Meeting | undefined> {
  return deps.meetings.recordInvitation(m.tenantId, m.bodyId, m.id, patch);
}

/**
 * Writes a created (or found) event onto the row. Should another run have recorded a different
 * event meanwhile — two creates in a race Graph's transactionId did not catch — ours is the
 * second one and is cancelled again, so attendees keep one.
 */
async function recordEvent(deps: InvitationDeps, m: Meeting, event: CalendarEvent, sent: { when?: EventWhen; attendees?: readonly Invitee[] }): Promise<void> {
  let other: string | undefined;
  await record(deps, m, (current) => {
    if (current.eventId && current.eventId !== event.id) {
      other = current.eventId;
      return undefined;
    }
    other = undefined;
    return {
      eventId: event.id,
      ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
      eventWhen: sent.when ? whenHash(sent.when) : '',
      eventWho: sent.attendees ? whoHash(sent.attendees) : '',
    };
  });
  if (other && deps.calendar && m.organizer) {
    deps.log.warn({ meetingId: m.id }, 'invitation: a second event was made in a race; cancelling it');
    await deps.calendar.cancel(m.organizer, event.id, cancellationComment(deps.config.defaultLocale, {}));
  }
}

/** Outbox key of a meeting card's update to a given content. */
const cardUpdateKey = (meetingId: string, card: Record<string, unknown>): string => `meeting-card:${meetingId}:${cardHash(card)}`;

/**
 * Puts the Teams link on the meeting's card once the event has one: an in-place update of the
 * posted card (key by content, so the job and the outbox's after-post hook queue it once). The
 * card was posted saying «Invitasjonen er ikke sendt ennå», which stays while the event is
 * missing. A card not posted yet is handled by `invitationCardPosted`.
 */
async function showLink(deps: InvitationDeps, body: Body, m: Meeting): Promise<void> {
  if (m.status !== 'scheduled' || !m.cardActivityId || !calendarLinks(m, deps.config.publicUrl).joinUrl) return;
  const card = meetingCard(deps.config.defaultLocale, body, m, deps.config.publicUrl);
  await deps.outbox.enqueue({
    key: cardUpdateKey(m.id, card),
    tenantId: m.tenantId,
    target: { ...body.ref, conversationId: m.cardConversationId || body.ref.conversationId },
    replaceActivityId: m.cardActivityId,
    // Below the cancellation's revision (withdrawMeeting): a cancelled card is never overwritten by a pending link update.
    revision: 1,
    message: { type: 'card', card },
    label: `møtekort ${label(body, m).replace(/^invitasjon /, '')} Teams-lenke`,
  });
}

/**
 * The outbox's after-post hook for meeting cards: a card posted with «ikke sendt ennå» while
 * its invitation job already recorded the link (the job found no card id to update) gets the
 * link now.
 */
export async function invitationCardPosted(deps: InvitationDeps, item: OutboxItem): Promise<void> {
  if (!deps.calendar || item.sink?.table !== 'meetings' || item.replaceActivityId) return;
  const [tenantId, bodyId] = item.sink.partitionKey.split('|');
  if (!tenantId || !bodyId) return;
  const [body, m] = await Promise.all([deps.bodies.get(tenantId, bodyId), deps.meetings.get(tenantId, bodyId, item.sink.rowKey)]);
  if (body && m?.organizer) await showLink(deps, body, m);
}
