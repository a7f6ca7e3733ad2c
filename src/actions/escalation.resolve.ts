import { DateTime } from 'luxon';
import { z } from 'zod';
import { escalationId, stepText } from '../app/escalations';
import { stepAction } from './escalation-step';

const required = (max: number) => stepText(max).refine((v) => !!v, { message: 'required' });
const date = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((v) => DateTime.fromISO(v).isValid)
    .optional(),
);

const schema = z.object({ escalationId, decision: required(1000), measure: stepText(500), responsible: stepText(100), due: date });

/** `escalation.resolve`: the level the matter reached records its decision and measure. */
export const escalationResolve = stepAction('resolve', schema, (d) => ({ decision: d.decision, measure: d.measure, responsible: d.responsible, due: d.due }));
