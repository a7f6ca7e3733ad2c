import { z } from 'zod';
import { agendaTarget, bodyIdField, meetingIdField } from '../app/agenda-actions';
import { minutesFormFor, recordMinutes } from '../app/minutes';
import { pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import type { ActionDef } from './types';

// The per-item inputs (`decision__<item>` …) or `items` are read by parseMinutesInput, which
// knows the meeting's agenda; the schema checks the ids only and lets the rest through.
const schema = z.looseObject({ meetingId: meetingIdField, bodyId: bodyIdField });

/**
 * `minutes.record`: a coordinator records, per agenda item, the decision and tasks
 * (responsible service, due date). Guarded free text; the form comes back with the input kept
 * and errors at their fields, or with the saved minutes; the minutes card goes to the channel.
 */
export const minutesRecord: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const target = await agendaTarget(services, req, req.data.meetingId, req.data.bodyId);
    if (!target.ok) return { type: 'message', text: target.text };
    if (target.meeting.status === 'cancelled') return { type: 'message', text: pick(req.locale, AGENDA_TEXTS).notices.cancelled };
    if (req.now.getTime() < Date.parse(target.meeting.startUtc)) return { type: 'message', text: pick(req.locale, AGENDA_TEXTS).minutes.tooEarly };
    return { type: 'card', card: await recordMinutes(services, req, target.body, target.meeting) };
  },
  async form(req, errors, services) {
    const meetingId = typeof req.data.meetingId === 'string' ? req.data.meetingId : '';
    const bodyId = typeof req.data.bodyId === 'string' ? req.data.bodyId : undefined;
    const target = await agendaTarget(services, req, meetingId, bodyId);
    if (!target.ok) return { type: 'message', text: target.text };
    const notice = errors.map((e) => e.message).join(' ');
    return {
      type: 'card',
      card: await minutesFormFor(services, target.body, target.meeting, req.now, req.locale, { values: req.data, notice, noticeColor: 'Attention' }),
    };
  },
};
