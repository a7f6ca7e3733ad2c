import { z } from 'zod';
import { escalationId, stepText } from '../app/escalations';
import { stepAction } from './escalation-step';

/** The card sends `boardDecision` (input ids are unique per card), the contract says `decision`. */
const schema = z.object({ escalationId, decision: stepText(1000), boardDecision: stepText(1000) }).superRefine((d, ctx) => {
  if (!d.decision && !d.boardDecision) ctx.addIssue({ code: 'custom', path: ['boardDecision'], message: 'required' });
});

/** `escalation.decide`: a coordinator records the board's decision on an escalated matter. */
export const escalationDecide = stepAction('decide', schema, (d) => ({ decision: d.decision ?? d.boardDecision }));
