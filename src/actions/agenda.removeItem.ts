import { z } from 'zod';
import { loadAgenda, syncAgendaCard } from '../app/agenda';
import { agendaForm, agendaOutcome, agendaTarget, bodyIdField, meetingIdField, notEditable } from '../app/agenda-actions';
import { findItem, ITEM_ID_RE } from '../domain/agenda';
import { pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import type { ActionDef } from './types';

const schema = z.object({ meetingId: meetingIdField, bodyId: bodyIdField, itemId: z.string().trim().regex(ITEM_ID_RE) });

/**
 * `agenda.removeItem`: a coordinator takes an item off a meeting's agenda — an added item is
 * deleted, a composed one (a focus area's topics, a matter) is hidden for this meeting. Standing
 * items and open tasks stay (tasks leave when marked done). Removing twice changes nothing.
 */
export const agendaRemoveItem: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const { data, locale } = req;
    const t = pick(locale, AGENDA_TEXTS).notices;
    const target = await agendaTarget(services, req, data.meetingId, data.bodyId);
    if (!target.ok) return { type: 'message', text: target.text };
    const closed = notEditable(target.meeting, req.now, locale);
    if (closed) return agendaOutcome(services, req, target, { problem: closed });
    const item = findItem((await loadAgenda(services, target.body, target.meeting, req.now)).agenda, data.itemId);
    if (item && !item.removable) return agendaOutcome(services, req, target, { problem: t.standing });

    const result = await services.agendas.editAgenda(target.body.tenantId, target.body.id, data.meetingId, (edits) => {
      if (edits.added.some((a) => a.id === data.itemId)) return { ...edits, added: edits.added.filter((a) => a.id !== data.itemId) };
      if (!item || edits.hidden.includes(data.itemId)) return { unchanged: 'notOnAgenda' as const };
      return { ...edits, hidden: [...edits.hidden, data.itemId] };
    });
    if (!result.changed && result.reason === 'conflict') throw new Error('agenda edit kept conflicting');
    if (result.changed) await syncAgendaCard(services, target.body, target.meeting, req.now, false);
    services.log.info({ cid: req.correlationId, meetingId: data.meetingId, item: data.itemId, changed: result.changed }, 'agenda item removed');
    return agendaOutcome(services, req, target, result.changed ? { notice: t.removed } : { problem: t.notOnAgenda });
  },
  form: agendaForm,
};
