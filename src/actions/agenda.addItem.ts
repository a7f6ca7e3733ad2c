import { z } from 'zod';
import { syncAgendaCard } from '../app/agenda';
import { agendaForm, agendaOutcome, agendaTarget, bodyIdField, meetingIdField, notEditable } from '../app/agenda-actions';
import { freeText } from '../app/form-fields';
import { screenFields } from '../app/guard-fields';
import { type AddedItem, addedItemId, type Bringer, MAX_ADDED_ITEMS, MAX_ITEM_TITLE } from '../domain/agenda';
import { cleanText, SERVICES } from '../domain/trends';
import { format, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import type { ActionDef } from './types';

const schema = z.object({
  meetingId: meetingIdField,
  bodyId: bodyIdField,
  // One line on the agenda: whitespace runs (newlines too) become one space after cleaning.
  title: z.preprocess((v) => (typeof v === 'string' ? cleanText(v).replace(/\s+/g, ' ') : v), freeText(MAX_ITEM_TITLE)),
  by: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum([...SERVICES, 'coordinator']).optional()),
});

/**
 * `agenda.addItem`: a coordinator puts an item on a meeting's agenda. The item's id comes from
 * the meeting and the title, so the same click twice (or the same title again) is one item.
 * The posted agenda card is updated in place; the clicker gets the coordinators' view back.
 */
export const agendaAddItem: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const { data, locale } = req;
    const t = pick(locale, AGENDA_TEXTS).notices;
    const target = await agendaTarget(services, req, data.meetingId, data.bodyId);
    if (!target.ok) return { type: 'message', text: target.text };
    const closed = notEditable(target.meeting, req.now, locale);
    if (closed) return agendaOutcome(services, req, target, { problem: closed });
    const blocked = screenFields({ title: data.title }, locale);
    if (blocked.length > 0) return agendaOutcome(services, req, target, { errors: blocked, values: req.data });

    const item: AddedItem = {
      id: addedItemId(data.meetingId, data.title),
      title: data.title,
      by: (data.by ?? 'coordinator') as Bringer,
      addedAt: req.now.toISOString(),
      addedBy: req.actor.id,
    };
    const result = await services.agendas.editAgenda(target.body.tenantId, target.body.id, data.meetingId, (edits) => {
      if (edits.added.some((a) => a.id === item.id)) return { unchanged: 'already' as const };
      if (edits.added.length >= MAX_ADDED_ITEMS) return { unchanged: 'tooMany' as const };
      return { ...edits, added: [...edits.added, item] };
    });
    if (!result.changed && result.reason === 'tooMany')
      return agendaOutcome(services, req, target, { errors: [{ field: 'title', message: format(t.tooMany, { max: MAX_ADDED_ITEMS }) }], values: req.data });
    if (!result.changed && result.reason === 'conflict') throw new Error('agenda edit kept conflicting');
    if (result.changed) await syncAgendaCard(services, target.body, target.meeting, req.now, false);
    services.log.info({ cid: req.correlationId, meetingId: data.meetingId, item: item.id, changed: result.changed }, 'agenda item added');
    return agendaOutcome(services, req, target, { notice: result.changed ? t.added : t.already });
  },
  form: agendaForm,
};
