import { z } from 'zod';
import { escalationId, noteShape } from '../app/escalations';
import { stepAction } from './escalation-step';

/** A reason is required: the requester is told why. */
const schema = z.object({ escalationId, ...noteShape('declineNote') }).superRefine((d, ctx) => {
  if (!d.note && !d.declineNote) ctx.addIssue({ code: 'custom', path: ['declineNote'], message: 'required' });
});

/** `escalation.decline`: a coordinator declines a proposed matter, with a reason back to the requester. */
export const escalationDecline = stepAction('decline', schema, (d) => ({ note: d.note ?? d.declineNote }));
