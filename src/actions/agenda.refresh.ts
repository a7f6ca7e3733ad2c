import { z } from 'zod';
import { agendaForm, agendaOutcome, agendaTarget, bodyIdField, meetingIdField } from '../app/agenda-actions';
import type { ActionDef } from './types';

const schema = z.object({ meetingId: meetingIdField, bodyId: bodyIdField });

/**
 * `agenda.refresh`: the card's `refresh` action (Teams calls it for each coordinator listed in
 * `userIds` when they look at the card, trigger 'automatic') and its "Oppdater" button. Answers
 * per person: the coordinators' view with edit actions, the read-only view for everyone else.
 */
export const agendaRefresh: ActionDef<typeof schema> = {
  audience: 'member',
  schema,
  async handle(req, services) {
    const target = await agendaTarget(services, req, req.data.meetingId, req.data.bodyId);
    if (!target.ok) return { type: 'message', text: target.text };
    return agendaOutcome(services, req, target);
  },
  form: agendaForm,
};
