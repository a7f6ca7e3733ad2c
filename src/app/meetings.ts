import type { Config } from '../config';
import type { Body, BodyReader } from '../domain/bodies';
import { meetingIcs, utcToOslo } from '../domain/calendar';
import type { Invitees, MeetingCalendar } from '../domain/invitations';
import { jobStillMeaningful, type Meeting, meetingJobKeys, meetingJobs } from '../domain/meetings';
import type { JobScheduler, OutboundMessage, Outbox } from '../domain/ports';
import type { Place } from '../handler-types';
import { type Locale, pick } from '../i18n';
import { meetingTexts } from '../i18n/meetings';
import type { Logger } from '../log';
import type { MeetingRepository } from '../storage/table/meetings';
import { icsFileName, meetingCard, reminderText } from '../views/meetings';
import { scheduleInvitations } from './invitations';

/**
 * What happens around a stored meeting: its timed jobs, its card in the channel, its calendar
 * file and the posts its jobs make. Every step is keyed (job keys, outbox keys), so running it
 * again after a crash or a double click has the effect of running it once.
 */
export interface MeetingDeps {
  readonly config: Pick<Config, 'publicUrl' | 'defaultLocale' | 'calendar'>;
  readonly log: Logger;
  readonly bodies: BodyReader;
  readonly meetings: MeetingRepository;
  readonly jobs: JobScheduler;
  readonly outbox: Outbox;
  /** Outlook invitations (SLT_CALENDAR=graph): the organizer's calendar and who is invited. */
  readonly calendar?: MeetingCalendar;
  readonly invitees: Invitees;
}

/**
 * The body bound to the channel a request came from, or the sentence to answer instead
 * (not a channel / channel not registered yet).
 */
export async function bodyOfPlace(bodies: BodyReader, place: Place, locale: Locale): Promise<{ body: Body } | { text: string }> {
  const t = pick(locale, meetingTexts);
  if (place.kind !== 'channel' || !place.channelId) return { text: t.channelOnly };
  const body = await bodies.byChannel(place.tenantId, place.channelId);
  return body ? { body } : { text: t.notRegistered };
}

/** The meeting dependencies out of the services bag (the scheduler is the JobScheduler port there). */
export function meetingDeps(s: Omit<MeetingDeps, 'jobs'> & { readonly scheduler: JobScheduler }): MeetingDeps {
  return {
    config: s.config,
    log: s.log,
    bodies: s.bodies,
    meetings: s.meetings,
    jobs: s.scheduler,
    outbox: s.outbox,
    calendar: s.calendar,
    invitees: s.invitees,
  };
}

/** Outbox key of a meeting's card in the channel. */
export const meetingCardKey = (meetingId: string): string => `meeting-card:${meetingId}`;
/** Outbox key of the in-place update that marks a meeting's card cancelled. */
export const meetingCancelKey = (meetingId: string): string => `meeting-cancel:${meetingId}`;

/** 'Ungdomsteam Vest 18.03' — a label for `status`, without user free text beyond the body name. */
function label(kind: string, body: Body, m: Meeting): string {
  const d = utcToOslo(m.startUtc).date;
  return `${kind} ${body.name} ${d.slice(8, 10)}.${d.slice(5, 7)}`.slice(0, 120);
}

/**
 * Schedules the jobs of every still-scheduled meeting and queues one meeting card per meeting
 * into the body's channel; the outbox writes the posted card's id back onto the meeting row.
 * Channel posts are in the network's default language: the whole channel reads them. Last, the
 * Outlook invitations (when configured): after the cards, so a card is queued before its
 * invitation's link can be.
 */
export async function announceMeetings(deps: MeetingDeps, body: Body, meetings: readonly Meeting[], now: Date): Promise<void> {
  const live = meetings.filter((m) => m.status === 'scheduled');
  await deps.jobs.schedule(live.flatMap((m) => meetingJobs(m, now).map((j) => ({ ...j, label: label(j.kind, body, m) }))));
  for (const m of live) {
    await deps.outbox.enqueue({
      key: meetingCardKey(m.id),
      tenantId: m.tenantId,
      target: body.ref,
      message: { type: 'card', card: meetingCard(deps.config.defaultLocale, body, m, deps.config.publicUrl) },
      sink: deps.meetings.cardSink(m),
      label: label('møtekort', body, m),
    });
  }
  await scheduleInvitations(deps, body, live, now);
}

/**
 * After a meeting was marked cancelled: drops its jobs, updates its posted card in place (or
 * posts the cancelled card when the first post has not gone out yet) and has its Outlook event
 * cancelled (the attendees are told, with the reason).
 */
export async function withdrawMeeting(deps: MeetingDeps, body: Body, m: Meeting, now: Date): Promise<void> {
  await deps.jobs.cancel(meetingJobKeys(m.id));
  const target = m.cardConversationId ? { ...body.ref, conversationId: m.cardConversationId } : body.ref;
  await deps.outbox.enqueue({
    key: meetingCancelKey(m.id),
    tenantId: m.tenantId,
    target,
    message: { type: 'card', card: meetingCard(deps.config.defaultLocale, body, m, deps.config.publicUrl) },
    ...(m.cardActivityId ? { replaceActivityId: m.cardActivityId, revision: 2 } : {}),
    label: label('avlyst', body, m),
  });
  await scheduleInvitations(deps, body, [m], now);
}

/** The calendar file behind a download token, or undefined (404). */
export async function icsFor(deps: Pick<MeetingDeps, 'bodies' | 'meetings'>, token: string): Promise<{ fileName: string; text: string } | undefined> {
  const m = await deps.meetings.byIcsToken(token);
  if (!m) return undefined;
  const body = await deps.bodies.get(m.tenantId, m.bodyId);
  const text = meetingIcs({
    meetingId: m.id,
    title: `SLT: ${body?.name ?? 'møte'}`,
    startUtc: m.startUtc,
    endUtc: m.endUtc,
    location: m.location,
    cancelled: m.status === 'cancelled',
    // A stable DTSTAMP: the file for an unchanged meeting is byte-identical on every download.
    stampUtc: m.cancelledAt ?? m.createdAt,
  });
  return { fileName: icsFileName(m), text };
}

/**
 * What a meeting job posts here: the reminder. The call for topics, the agenda and the minutes
 * prompt are the agenda feature's (src/app/agenda-jobs.ts): they keep records and living cards.
 */
function jobPost(deps: MeetingDeps, _kind: 'reminder', body: Body, m: Meeting): { message: OutboundMessage; toUser?: { aadObjectId: string } } {
  return { message: { type: 'text', text: reminderText(deps.config.defaultLocale, body, m, utcToOslo(m.startUtc).time) } };
}

/**
 * Runs one meeting job: queues its post (key `<kind>:<meetingId>`), unless the meeting is gone,
 * cancelled, or past the point where the post makes sense. Returns what it did.
 */
export async function runMeetingJob(
  deps: MeetingDeps,
  kind: 'reminder',
  payload: { tenantId: string; bodyId: string; meetingId: string },
  now: Date,
): Promise<'queued' | 'duplicate' | 'skipped'> {
  const [body, m] = await Promise.all([
    deps.bodies.get(payload.tenantId, payload.bodyId),
    deps.meetings.get(payload.tenantId, payload.bodyId, payload.meetingId),
  ]);
  if (!body || !m || !jobStillMeaningful(kind, m, now)) {
    deps.log.info({ kind, meetingId: payload.meetingId, found: !!m, status: m?.status }, 'meeting job skipped');
    return 'skipped';
  }
  const post = jobPost(deps, kind, body, m);
  return deps.outbox.enqueue({
    key: `${kind}:${m.id}`,
    tenantId: m.tenantId,
    target: body.ref,
    message: post.message,
    ...(post.toUser ? { toUser: post.toUser } : {}),
    label: label(kind, body, m),
  });
}
