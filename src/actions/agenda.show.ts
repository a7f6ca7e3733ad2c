import { z } from 'zod';
import { cardContext, loadAgenda } from '../app/agenda';
import { agendaForm, agendaTarget, bodyIdField, meetingIdField } from '../app/agenda-actions';
import { agendaPageCard } from '../views/agenda';
import type { ActionDef } from './types';

const schema = z.object({ meetingId: meetingIdField, bodyId: bodyIdField, page: z.coerce.number().int().min(1).max(1000).default(1) });

/** `agenda.show`: "Vis alle" on a long agenda — every item, a page at a time, within the card limit. */
export const agendaShow: ActionDef<typeof schema> = {
  audience: 'member',
  schema,
  async handle(req, services) {
    const target = await agendaTarget(services, req, req.data.meetingId, req.data.bodyId);
    if (!target.ok) return { type: 'message', text: target.text };
    const scene = await loadAgenda(services, target.body, target.meeting, req.now);
    return { type: 'card', card: agendaPageCard(req.locale, cardContext(scene, req.locale), req.data.page) };
  },
  form: agendaForm,
};
