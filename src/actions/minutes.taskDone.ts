import { z } from 'zod';
import { agendaForm, agendaOutcome, agendaTarget, bodyIdField, meetingIdField } from '../app/agenda-actions';
import { completeTask } from '../app/minutes';
import { pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import type { ActionDef } from './types';

const schema = z.object({
  meetingId: meetingIdField,
  bodyId: bodyIdField,
  taskId: z
    .string()
    .trim()
    .regex(/^t[0-9a-f]{8}$/),
});

/**
 * `minutes.taskDone`: a coordinator marks a task from earlier minutes done, from the agenda card
 * it appears on (`meetingId` is that agenda's meeting). The task leaves the agenda, the minutes
 * card shows it done; marking it again changes nothing.
 */
export const minutesTaskDone: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const t = pick(req.locale, AGENDA_TEXTS).notices;
    const target = await agendaTarget(services, req, req.data.meetingId, req.data.bodyId);
    if (!target.ok) return { type: 'message', text: target.text };
    const outcome = await completeTask(services, target.body, req.data.taskId, req.actor.id, req.now);
    services.log.info({ cid: req.correlationId, task: req.data.taskId, outcome }, 'task marked done');
    if (outcome === 'notFound') return agendaOutcome(services, req, target, { problem: t.taskNotFound });
    return agendaOutcome(services, req, target, { notice: outcome === 'done' ? t.taskDone : t.taskAlreadyDone });
  },
  form: agendaForm,
};
