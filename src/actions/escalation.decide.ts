import { DateTime } from 'luxon';
import { z } from 'zod';
import { escalationId, stepText } from '../app/escalations';
import { stepAction } from './escalation-step';

const date = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((v) => DateTime.fromISO(v).isValid)
    .optional(),
);

/**
 * The card sends `boardDecision` (input ids are unique per card), the contract says `decision`.
 * Like the coordination group's «Vedta tiltak», the board's decision may carry a measure with a
 * responsible and a deadline (issue 17): it then enters the measures register and the follow-up.
 */
const schema = z
  .object({ escalationId, decision: stepText(1000), boardDecision: stepText(1000), measure: stepText(500), responsible: stepText(100), due: date })
  .superRefine((d, ctx) => {
    if (!d.decision && !d.boardDecision) ctx.addIssue({ code: 'custom', path: ['boardDecision'], message: 'required' });
  });

/** `escalation.decide`: a coordinator records the board's decision on an escalated matter. */
export const escalationDecide = stepAction('decide', schema, (d) => ({
  decision: d.decision ?? d.boardDecision,
  measure: d.measure,
  responsible: d.responsible,
  due: d.due,
}));
