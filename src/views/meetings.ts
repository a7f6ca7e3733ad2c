import type { Body } from '../domain/bodies';
import { formatMeetingTime } from '../domain/calendar';
import { type Meeting, meetingDate, movedReason, shortDate } from '../domain/meetings';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { meetingTexts } from '../i18n/meetings';
import { escapeUserText } from './escape';
import { errorMap, keptText } from './form';
import { renderCard } from './render';

/** The fields of the scheduling form, as typed (strings: the form may come back with bad input). */
export interface ScheduleFormValues {
  date: string;
  time: string;
  durationMinutes?: number;
  location: string;
  repeat: 'none' | 'cadence';
  count?: number;
}

const FORM_FIELDS = ['date', 'time', 'durationMinutes', 'location', 'repeat', 'count'] as const;

/** The `møte` form, prefilled or sent back with the user's input and field errors. */
export function scheduleFormCard(
  locale: Locale,
  body: Pick<Body, 'name' | 'cadenceWeeks'>,
  values: ScheduleFormValues,
  errors: readonly FieldError[] = [],
): CardJson {
  const t = pick(locale, meetingTexts).form;
  const weeks = body.cadenceWeeks;
  return renderCard(
    'meeting-schedule',
    {
      title: format(t.title, { body: body.name }),
      intro: format(t.intro, { weeks }),
      labels: { ...t, repeatCadence: format(t.repeatCadence, { weeks }) },
      errors: errorMap(FORM_FIELDS, errors),
    },
    {
      values: {
        date: keptText(values.date, 40),
        time: keptText(values.time, 40),
        durationMinutes: values.durationMinutes ?? '',
        location: keptText(values.location, 200),
        repeat: values.repeat,
        count: values.count ?? '',
      },
    },
  );
}

/** 'flyttet fra 17. mai (grunnlovsdag og 2. pinsedag)', or '' when the meeting was not moved. */
export function movedNote(m: Pick<Meeting, 'movedFrom' | 'movedBecause' | 'movedBecauseEn'>, locale: Locale): string {
  if (!m.movedFrom) return '';
  return format(pick(locale, meetingTexts).confirm.moved, { date: shortDate(m.movedFrom, locale), reason: movedReason(m, locale) ?? '' });
}

/** The card that replaces the form: every date, moved ones marked with why. */
export function confirmationCard(locale: Locale, body: Pick<Body, 'name'>, meetings: readonly Meeting[]): CardJson {
  const t = pick(locale, meetingTexts).confirm;
  const title = meetings.length === 1 ? format(t.titleOne, { body: body.name }) : format(t.titleMany, { body: body.name, count: meetings.length });
  return renderCard('meeting-scheduled', {
    title,
    intro: t.intro,
    meetings: meetings.map((m) => ({ when: formatMeetingTime(m.startUtc, locale), note: movedNote(m, locale) })),
    footer: meetings[0]?.organizer ? t.footerInvitations : t.footer,
  });
}

/** '1 t 30 min' / '2 t' / '45 min'. */
export function formatDuration(minutes: number, locale: Locale): string {
  const t = pick(locale, meetingTexts);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} ${t.minutes}`;
  return m === 0 ? `${h} ${t.hours}` : `${h} ${t.hours} ${m} ${t.minutes}`;
}

/** Download URL of a meeting's calendar file. */
export function icsUrl(publicUrl: string, m: Pick<Meeting, 'icsToken'>): string {
  return `${publicUrl}/ics/${m.icsToken}.ics`;
}

/**
 * How a meeting reaches people's calendars, as its cards show it. An `.ics` meeting offers the
 * download (also once cancelled: the file then carries the cancellation). A meeting with an
 * Outlook invitation (SLT_CALENDAR=graph) offers the Teams link once its event has one, says so
 * while the invitation has not gone out, and offers nothing once cancelled — the cancellation
 * reaches the calendars itself. Never both: an `.ics` added beside the invitation would be a
 * second entry that no cancellation reaches.
 */
export function calendarLinks(m: Meeting, publicUrl: string): { icsUrl: string; joinUrl: string; pending: boolean } {
  if (!m.organizer) return { icsUrl: icsUrl(publicUrl, m), joinUrl: '', pending: false };
  if (m.status === 'cancelled') return { icsUrl: '', joinUrl: '', pending: false };
  // Graph's link, only as an https URL (it goes into an OpenUrl action unescaped).
  const joinUrl = m.joinUrl && /^https:\/\/[^\s"<>]+$/.test(m.joinUrl) ? m.joinUrl : '';
  return { icsUrl: '', joinUrl, pending: !m.eventId };
}

/**
 * The meeting card posted in the body's channel. The cancel action is on every copy: Teams
 * shows one card to the whole channel, and the server refuses it for anyone but a coordinator.
 */
export function meetingCard(locale: Locale, body: Pick<Body, 'name'>, m: Meeting, publicUrl: string): CardJson {
  const all = pick(locale, meetingTexts);
  const t = all.card;
  const cancelled = m.status === 'cancelled';
  const facts = [
    { title: t.when, value: formatMeetingTime(m.startUtc, locale) },
    { title: t.duration, value: formatDuration(m.durationMinutes, locale) },
    ...(m.location ? [{ title: t.place, value: m.location }] : []),
    ...(cancelled && m.cancelReason ? [{ title: t.reason, value: m.cancelReason }] : []),
  ];
  const series = m.seriesCount && m.seriesCount > 1 && m.seriesIndex ? format(t.series, { index: m.seriesIndex, count: m.seriesCount }) : '';
  const links = calendarLinks(m, publicUrl);
  return renderCard(
    'meeting',
    {
      title: format(t.title, { body: body.name }),
      labels: { ...t, calendar: cancelled ? t.calendarCancelled : t.calendar },
      facts,
      note: movedNote(m, locale),
      series,
      invitePending: links.pending ? t.invitePending : '',
    },
    { cancelled, meetingId: m.id, icsUrl: links.icsUrl, joinUrl: links.joinUrl },
  );
}

/** One line of the `møter` list. */
export interface ListedMeeting {
  readonly meeting: Meeting;
  readonly bodyName: string;
}

/** The `møter` card: upcoming meetings with time, body and place, and a calendar or Teams link each. */
export function meetingListCard(locale: Locale, title: string, entries: readonly ListedMeeting[], emptyText: string, publicUrl: string): CardJson {
  const t = pick(locale, meetingTexts).list;
  // Passed raw (the links must not be escaped), so every user-typed part is escaped here.
  const meetings = entries.map(({ meeting: m, bodyName }) => {
    const links = calendarLinks(m, publicUrl);
    return {
      when: formatMeetingTime(m.startUtc, locale),
      detail: escapeUserText([bodyName, m.location].filter(Boolean).join(' · ')),
      note: movedNote(m, locale),
      linkLabel: links.joinUrl ? t.join : t.calendar,
      // Inside a Markdown link: parentheses would end it early.
      linkUrl: (links.joinUrl || links.icsUrl).replace(/\(/g, '%28').replace(/\)/g, '%29'),
      pending: links.pending ? t.invitePending : '',
    };
  });
  return renderCard('meeting-list', { title, empty: entries.length === 0 ? emptyText : '' }, { meetings });
}

/** The call for trend topics before a meeting. */
export function callForTopicsCard(locale: Locale, m: Meeting): CardJson {
  const t = pick(locale, meetingTexts).jobs;
  return renderCard('notice', { title: format(t.callTitle, { when: formatMeetingTime(m.startUtc, locale) }), text: t.callText, color: 'Accent', facts: [] });
}

/** The short reminder on the meeting day. */
export function reminderText(locale: Locale, body: Pick<Body, 'name'>, m: Meeting, time: string): string {
  const t = pick(locale, meetingTexts).jobs;
  const place = m.location ? format(t.reminderPlace, { place: escapeUserText(m.location) }) : '';
  return format(t.reminder, { body: escapeUserText(body.name), time, place });
}

/** Meeting date for the download's file name. */
export function icsFileName(m: Pick<Meeting, 'startUtc'>): string {
  return `slt-mote-${meetingDate(m)}.ics`;
}
