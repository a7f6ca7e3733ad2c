import { createHash } from 'node:crypto';
import { z } from 'zod';
import { optionalFreeText } from '../app/form-fields';
import { invitationOrganizer } from '../app/invitations';
import { announceMeetings, bodyOfPlace, meetingDeps } from '../app/meetings';
import type { Services } from '../app/services';
import type { Body } from '../domain/bodies';
import { calendarErrorText, formatMeetingTime, validateMeetingInput } from '../domain/calendar';
import { screenText } from '../domain/guard';
import { clashes, DEFAULT_SERIES_COUNT, planMeetings } from '../domain/meetings';
import type { ActionOutcome, ActionRequest, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { describeFindings } from '../i18n/guard';
import { meetingTexts } from '../i18n/meetings';
import { confirmationCard, type ScheduleFormValues, scheduleFormCard } from '../views/meetings';
import type { ActionDef } from './types';

/** '' / null / absent → undefined; '90' → 90; anything else → NaN (reported as invalid). */
const optionalNumber = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
  z.number().optional(),
);

const schema = z.object({
  date: z.string().trim().min(1),
  time: z.string().trim().min(1),
  durationMinutes: optionalNumber,
  location: optionalFreeText(200),
  repeat: z.enum(['none', 'cadence']).optional(),
  count: optionalNumber,
});
type Data = z.infer<typeof schema>;

/** What the form shows again: the user's input as typed. */
function keptValues(data: Record<string, unknown>): ScheduleFormValues {
  const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const num = (v: unknown): number | undefined => (v === '' || v === undefined || v === null || Number.isNaN(Number(v)) ? undefined : Number(v));
  return {
    date: str(data.date),
    time: str(data.time),
    durationMinutes: num(data.durationMinutes),
    location: str(data.location),
    repeat: data.repeat === 'none' ? 'none' : 'cadence',
    count: num(data.count),
  };
}

/**
 * The place is shown in the channel and in calendar files: nothing in it may identify a person.
 * A street address is allowed here — meetings are held at the town hall, not at someone's home.
 */
function screenLocation(location: string | undefined, locale: Locale): FieldError[] {
  const findings = location ? screenText(location).findings.filter((f) => f.kind !== 'address') : [];
  return findings.length > 0 ? [{ field: 'location', message: describeFindings(findings, locale) }] : [];
}

/**
 * The series id: a hash of the body, the form's data and the card it came from, so the same
 * click delivered twice plans the same meetings (same ids) and is stored once.
 */
function seriesIdFor(body: Body, d: Data & { count: number; durationMinutes: number }, cardActivityId: string | undefined): string {
  const material = JSON.stringify([body.tenantId, body.id, cardActivityId ?? '', d.date, d.time, d.durationMinutes, d.location ?? '', d.count]);
  return `m${createHash('sha256').update(material).digest('hex').slice(0, 16)}`;
}

/** `meeting.schedule`: validate, plan the series, store it whole, then schedule jobs and post the cards. */
export const meetingSchedule: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const found = await bodyOfPlace(services.bodies, req.place, req.locale);
    if ('text' in found) return { type: 'message', text: found.text };
    const { body } = found;
    const d = req.data;
    const count = d.repeat === 'none' ? 1 : (d.count ?? DEFAULT_SERIES_COUNT);
    const durationMinutes = d.durationMinutes ?? body.durationMinutes;
    const problems = validateMeetingInput({ date: d.date, time: d.time, durationMinutes, count }, req.now.toISOString());
    const errors = [...problems.map((e) => ({ field: e.field, message: calendarErrorText(e, req.locale, d.date) })), ...screenLocation(d.location, req.locale)];
    if (errors.length > 0) return showForm(req, errors, services);
    const seriesId = seriesIdFor(body, { ...d, count, durationMinutes }, req.cardActivityId);
    const planned = planMeetings(
      { date: d.date, time: d.time, durationMinutes, location: d.location, count, cadenceWeeks: body.cadenceWeeks },
      {
        tenantId: body.tenantId,
        bodyId: body.id,
        seriesId,
        createdBy: req.actor.id,
        now: req.now,
        organizer: invitationOrganizer(services.config, body.tenantId, req.actor.id),
      },
    );
    const clash = clashes(planned, await services.meetings.upcomingForBody(body.tenantId, body.id, req.now))[0];
    if (clash) {
      const message = format(pick(req.locale, meetingTexts).form.clash, { when: formatMeetingTime(clash.startUtc, req.locale) });
      return showForm(req, [{ field: 'date', message }], services);
    }
    const { created, meetings } = await services.meetings.createSeries(planned);
    services.log.info({ cid: req.correlationId, bodyId: body.id, seriesId, count: meetings.length, created }, 'meetings scheduled');
    // Also on a repeat: jobs and posts are keyed, so this completes whatever a crash left undone.
    await announceMeetings(meetingDeps(services), body, meetings, req.now);
    return { type: 'card', card: confirmationCard(req.locale, body, meetings) };
  },
  form: showForm,
};

/** The form again, with the user's input kept and the errors next to their fields. */
async function showForm(req: ActionRequest<object>, errors: readonly FieldError[], services: Services): Promise<ActionOutcome> {
  const found = await bodyOfPlace(services.bodies, req.place, req.locale);
  if ('text' in found) return { type: 'message', text: found.text };
  return { type: 'card', card: scheduleFormCard(req.locale, found.body, keptValues(req.data as Record<string, unknown>), errors) };
}
