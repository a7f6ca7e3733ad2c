import { setMeasureStatus, statusForm } from '../app/measure-change-cards';
import { measureStatusSchema } from '../app/measure-fields';
import type { ActionDef } from './types';

/**
 * `measure.status` (contract): a coordinator sets a measure's status (planlagt, pågår, fullført,
 * avsluttet) from the measure card. The card carries the version it showed: a status change on a
 * stale card is refused and the card shown again with the current values.
 */
export const measureStatus: ActionDef<typeof measureStatusSchema> = {
  audience: 'coordinator',
  schema: measureStatusSchema,
  handle: (req, services) => setMeasureStatus(services, req),
  form: (req, errors, services) => statusForm(services, req, errors),
};
