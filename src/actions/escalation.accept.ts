import { z } from 'zod';
import { escalationId, noteShape } from '../app/escalations';
import { stepAction } from './escalation-step';

const schema = z.object({ escalationId, ...noteShape('acceptNote') });

/** `escalation.accept`: a coordinator lifts a proposed matter to the next level. */
export const escalationAccept = stepAction('accept', schema, (d) => ({ note: d.note ?? d.acceptNote }));
