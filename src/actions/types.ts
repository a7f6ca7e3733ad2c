import type { z } from 'zod';
import type { Services } from '../app/services';
import type { Audience } from '../domain/access';
import type { ActionOutcome, ActionRequest, FieldError } from '../handler-types';

/**
 * One `Action.Execute` verb: who may use it, the zod schema of its `data`, the handler, and
 * how to show its form again with the user's input kept and errors next to the fields.
 */
export interface ActionDef<S extends z.ZodType = z.ZodType> {
  readonly audience: Audience;
  readonly schema: S;
  handle(req: ActionRequest<z.infer<S>>, services: Services): Promise<ActionOutcome>;
  /** The same card again, input kept, errors shown. */
  form(req: ActionRequest<Record<string, unknown>>, errors: readonly FieldError[], services: Services): Promise<ActionOutcome>;
}
