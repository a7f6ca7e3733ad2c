import { z } from 'zod';
import { meetingIdField } from '../app/agenda-actions';
import { measureFromTask } from '../app/measure-sources';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { ActionDef } from './types';

const schema = z.object({
  bodyId: z
    .string()
    .trim()
    .regex(/^b[0-9a-f]{16}$/),
  meetingId: meetingIdField,
  taskId: z
    .string()
    .trim()
    .regex(/^t[0-9a-f]{8}$/),
});

/**
 * `measure.fromTask` (added): «Gjør til tiltak» on a task of a meeting's minutes. The task becomes
 * a measure once (its id derives from body, meeting and task), linked to the meeting, owned by
 * the body, with the task's service and due date; the coordinator gets its form to fill in.
 */
export const measureFromTaskAction: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  handle: (req, services) => measureFromTask(services, req),
  async form(req) {
    return { type: 'message', text: pick(req.locale, MEASURE_TEXTS).notices.taskNotFound };
  },
};
