import type { z } from 'zod';
import { performStep, stepForm } from '../app/escalations';
import type { EscalationVerb, TransitionInput } from '../domain/escalations';
import type { ActionDef } from './types';

/**
 * Builds the ActionDef of one step: coordinators only (checked by the router and again in
 * performStep), the verb's schema, and the status card as its form.
 */
export function stepAction<S extends z.ZodType<{ escalationId: string }>>(
  verb: EscalationVerb,
  schema: S,
  toInput: (data: z.infer<S>) => TransitionInput,
): ActionDef<S> {
  return {
    audience: 'coordinator',
    schema,
    handle: (req, services) => performStep(req, services, verb, toInput(req.data)),
    form: (req, errors, services) => stepForm(req, services, verb, errors),
  };
}
