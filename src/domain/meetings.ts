import { DateTime } from 'luxon';
import { osloToUtc, planSeries, utcToOslo } from './calendar';
import type { InvitationState } from './invitations';
import type { JobKind, JobSpec } from './ports';

/**
 * Meetings of an SLT body: the stored shape and the pure rules around it (what is upcoming,
 * what counts as held, which timed jobs a meeting needs and until when they still make sense).
 */
export type MeetingStatus = 'scheduled' | 'cancelled' | 'held';

/** A meeting; with SLT_CALENDAR=graph also its Outlook event (InvitationState, src/domain/invitations.ts). */
export interface Meeting extends InvitationState {
  readonly tenantId: string;
  readonly bodyId: string;
  readonly id: string;
  /** UTC ISO instants; the Oslo wall-clock time was fixed when the meeting was planned. */
  readonly startUtc: string;
  readonly endUtc: string;
  readonly durationMinutes: number;
  readonly location?: string;
  readonly status: MeetingStatus;
  readonly seriesId?: string;
  /** 1-based position in its series, and the series' length. */
  readonly seriesIndex?: number;
  readonly seriesCount?: number;
  /** The date the rhythm gave (YYYY-MM-DD) when the meeting had to be moved off a holiday. */
  readonly movedFrom?: string;
  /** Why it was moved, Norwegian and English (e.g. '2. påskedag' / 'Easter Monday'). */
  readonly movedBecause?: string;
  readonly movedBecauseEn?: string;
  /** Unguessable token of the meeting's `.ics` download URL. */
  readonly icsToken: string;
  /** The posted meeting card, written back by the outbox so the card can be updated in place. */
  readonly cardActivityId?: string;
  readonly cardConversationId?: string;
  /** Entra object id of the coordinator who scheduled it (gets the minutes prompt). */
  readonly createdBy: string;
  readonly createdAt: string;
  readonly cancelReason?: string;
  readonly cancelledBy?: string;
  readonly cancelledAt?: string;
  /** When retention emptied location, cancel reason and who scheduled or cancelled it. */
  readonly textErasedAt?: string;
}

/** Meeting ids are `m<16 hex>-<n>`: the series id and the meeting's place in it. */
export const MEETING_ID_RE = /^m[0-9a-f]{16}-\d{1,3}$/;

/** A meeting before storage has given it its download token and before its card is posted. */
export type NewMeeting = Omit<Meeting, 'icsToken' | 'cardActivityId' | 'cardConversationId'>;

/** Validated input for a meeting or a series. */
export interface MeetingPlanInput {
  readonly date: string;
  readonly time: string;
  readonly durationMinutes: number;
  readonly location?: string;
  readonly count: number;
  readonly cadenceWeeks: number;
}

/**
 * The meetings of a series, ready to store: planned with planSeries (Oslo wall-clock time kept
 * across DST, holidays moved and noted), ids `<seriesId>-<n>`. Throws RangeError for input that
 * validateMeetingInput would have rejected.
 */
export function planMeetings(
  input: MeetingPlanInput,
  ctx: { tenantId: string; bodyId: string; seriesId: string; createdBy: string; now: Date; organizer?: string },
): NewMeeting[] {
  const plan = planSeries(
    { date: input.date, time: input.time },
    { cadenceWeeks: input.cadenceWeeks, count: input.count, durationMinutes: input.durationMinutes },
  );
  return plan.map((p, i) => ({
    tenantId: ctx.tenantId,
    bodyId: ctx.bodyId,
    id: `${ctx.seriesId}-${i + 1}`,
    startUtc: p.startUtc,
    endUtc: p.endUtc,
    durationMinutes: input.durationMinutes,
    location: input.location || undefined,
    status: 'scheduled',
    seriesId: ctx.seriesId,
    seriesIndex: i + 1,
    seriesCount: plan.length,
    movedFrom: p.movedFrom,
    movedBecause: p.movedBecause,
    movedBecauseEn: p.movedBecauseEn,
    createdBy: ctx.createdBy,
    createdAt: ctx.now.toISOString(),
    // Outlook invitations: the event goes into the scheduling coordinator's calendar.
    ...(ctx.organizer ? { organizer: ctx.organizer } : {}),
  }));
}

/** Planned meetings that start at the same instant as an existing, not cancelled one. */
export function clashes(planned: readonly Pick<Meeting, 'startUtc' | 'id'>[], existing: readonly Meeting[]): Meeting[] {
  const ids = new Set(planned.map((p) => p.id));
  const starts = new Set(planned.map((p) => Date.parse(p.startUtc)));
  return existing.filter((e) => e.status !== 'cancelled' && !ids.has(e.id) && starts.has(Date.parse(e.startUtc)));
}

/** The four meeting jobs the scheduler drives. */
export type MeetingJobKind = Extract<JobKind, 'callForTopics' | 'agenda' | 'reminder' | 'minutesPrompt'>;
export const MEETING_JOB_KINDS: readonly MeetingJobKind[] = ['callForTopics', 'agenda', 'reminder', 'minutesPrompt'];

/** When each meeting job falls due, relative to the meeting. */
export interface LeadTimes {
  /** Call for trend topics this many days before the start. */
  readonly callForTopicsDays: number;
  /** Agenda post this many days before the start. */
  readonly agendaDays: number;
  /** Reminder at this Oslo time on the meeting day (HH:mm). */
  readonly reminderTime: string;
  /** Minutes prompt this many minutes after the end … */
  readonly minutesPromptAfterMinutes: number;
  /** … and not later than this many days after the end (after that, nobody writes minutes). */
  readonly minutesPromptWindowDays: number;
}

export const DEFAULT_LEAD_TIMES: LeadTimes = {
  callForTopicsDays: 7,
  agendaDays: 2,
  reminderTime: '08:00',
  minutesPromptAfterMinutes: 15,
  minutesPromptWindowDays: 14,
};

const ms = (iso: string): number => Date.parse(iso);
const iso = (millis: number): string => new Date(millis).toISOString();
const DAY = 86_400_000;
const MINUTE = 60_000;

/** Not cancelled and not over yet (a meeting in progress is still upcoming: people may look it up). */
export function isUpcoming(m: Meeting, now: Date): boolean {
  return m.status !== 'cancelled' && ms(m.endUtc) > now.getTime();
}

/** A meeting counts as held when its end has passed and it was not cancelled. */
export function isHeld(m: Meeting, now: Date): boolean {
  return m.status !== 'cancelled' && ms(m.endUtc) <= now.getTime();
}

/** The upcoming meetings, soonest first. */
export function upcoming(meetings: readonly Meeting[], now: Date): Meeting[] {
  return meetings.filter((m) => isUpcoming(m, now)).sort((a, b) => ms(a.startUtc) - ms(b.startUtc));
}

/** The job key of a meeting job: unique per meeting and kind, so rescheduling replaces it. */
export function meetingJobKey(kind: MeetingJobKind, meetingId: string): string {
  return `${kind}:${meetingId}`;
}

/** Every job key a meeting may have (for cancelling them all). */
export function meetingJobKeys(meetingId: string): string[] {
  return MEETING_JOB_KINDS.map((k) => meetingJobKey(k, meetingId));
}

/** Due time and the instant after which the job is pointless, before clamping to now. */
export function jobWindow(
  kind: MeetingJobKind,
  m: Pick<Meeting, 'startUtc' | 'endUtc'>,
  lead: LeadTimes = DEFAULT_LEAD_TIMES,
): { dueAt: string; notAfter: string } {
  const start = ms(m.startUtc);
  const end = ms(m.endUtc);
  switch (kind) {
    case 'callForTopics':
      return { dueAt: iso(start - lead.callForTopicsDays * DAY), notAfter: m.startUtc };
    case 'agenda':
      return { dueAt: iso(start - lead.agendaDays * DAY), notAfter: m.startUtc };
    case 'reminder': {
      const morning = osloToUtc({ date: utcToOslo(m.startUtc).date, time: lead.reminderTime });
      // An early meeting (before the reminder time) is reminded an hour before it starts instead.
      const due = morning && ms(morning) < start ? ms(morning) : start - 60 * MINUTE;
      return { dueAt: iso(due), notAfter: m.startUtc };
    }
    case 'minutesPrompt':
      return { dueAt: iso(end + lead.minutesPromptAfterMinutes * MINUTE), notAfter: iso(end + lead.minutesPromptWindowDays * DAY) };
  }
}

/**
 * The jobs a scheduled meeting needs, as seen at `now`: a job whose due time has passed is due
 * now (a meeting planned 3 days ahead still gets its call for topics), and a job that can no
 * longer be meaningful (its `notAfter` has passed) is left out. A cancelled meeting needs none.
 */
export function meetingJobs(m: Meeting, now: Date, lead: LeadTimes = DEFAULT_LEAD_TIMES): JobSpec[] {
  if (m.status === 'cancelled') return [];
  const out: JobSpec[] = [];
  for (const kind of MEETING_JOB_KINDS) {
    const w = jobWindow(kind, m, lead);
    if (ms(w.notAfter) <= now.getTime()) continue;
    out.push({
      key: meetingJobKey(kind, m.id),
      kind,
      tenantId: m.tenantId,
      dueAt: iso(Math.max(ms(w.dueAt), now.getTime())),
      notAfter: w.notAfter,
      payload: { bodyId: m.bodyId, meetingId: m.id },
    });
  }
  return out;
}

/**
 * Whether a meeting job should still act when it runs: never for a cancelled meeting, never for
 * pre-meeting posts once the meeting has started, and no minutes prompt after its window.
 * The scheduler's `notAfter` checks the same; this re-checks against the stored meeting, which
 * may have changed since the job was scheduled.
 */
export function jobStillMeaningful(kind: MeetingJobKind, m: Meeting, now: Date, lead: LeadTimes = DEFAULT_LEAD_TIMES): boolean {
  if (m.status === 'cancelled') return false;
  return now.getTime() < ms(jobWindow(kind, m, lead).notAfter);
}

/** Everyday names for holidays whose calendar name is just the date ('17. mai' → 'grunnlovsdag'). */
const NB_REASON: Readonly<Record<string, string>> = { '17. mai': 'grunnlovsdag', '1. mai': 'arbeidernes dag' };

/**
 * Why a meeting was moved, in words that read well after its date:
 * '17. mai og 2. pinsedag' → 'grunnlovsdag og 2. pinsedag'.
 */
export function movedReason(m: Pick<Meeting, 'movedBecause' | 'movedBecauseEn'>, locale: 'nb' | 'en'): string | undefined {
  if (locale === 'en') return m.movedBecauseEn ?? m.movedBecause;
  return m.movedBecause
    ?.split(' og ')
    .map((p) => NB_REASON[p] ?? p)
    .join(' og ');
}

/** Short day-and-month of a YYYY-MM-DD date: '17. mai' / '17 May'. */
export function shortDate(date: string, locale: 'nb' | 'en'): string {
  const dt = DateTime.fromISO(date, { zone: 'Europe/Oslo' }).setLocale(locale === 'nb' ? 'nb' : 'en-GB');
  return dt.isValid ? dt.toFormat(locale === 'nb' ? 'd. MMMM' : 'd MMMM') : date;
}

/** The Oslo date (YYYY-MM-DD) a meeting starts on. */
export function meetingDate(m: Pick<Meeting, 'startUtc'>): string {
  return utcToOslo(m.startUtc).date;
}

/**
 * The default date for a new meeting: the next day (after today in Oslo) that falls on the
 * body's usual weekday (1 = Monday … 5 = Friday), or tomorrow when it has none.
 */
export function nextUsualDate(now: Date, weekday: number | undefined): string {
  let d = DateTime.fromJSDate(now).setZone('Europe/Oslo').startOf('day').plus({ days: 1 });
  if (weekday && weekday >= 1 && weekday <= 7) while (d.weekday !== weekday) d = d.plus({ days: 1 });
  return d.toISODate() ?? '';
}

/** Meetings offered in a new series: about half a year at the usual 6-week rhythm. */
export const DEFAULT_SERIES_COUNT = 4;
