import { z } from 'zod';
import { escalationId, noteShape } from '../app/escalations';
import { stepAction } from './escalation-step';

const schema = z.object({ escalationId, ...noteShape('escalateNote') });

/** `escalation.escalate`: the coordination group lifts an accepted matter to the board. */
export const escalationEscalate = stepAction('escalate', schema, (d) => ({ note: d.note ?? d.escalateNote }));
