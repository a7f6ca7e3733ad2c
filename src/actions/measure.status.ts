import { z } from 'zod';
import { setMeasureStatus, statusForm } from '../app/measure-changes';
import { measureIdField, versionField } from '../app/measure-fields';
import { MEASURE_STATES } from '../domain/measures/model';
import type { ActionDef } from './types';

const schema = z.object({ measureId: measureIdField, status: z.enum(MEASURE_STATES), version: versionField });

/**
 * `measure.status` (contract): a coordinator sets a measure's status (planlagt, pågår, fullført,
 * avsluttet) from the measure card. The card carries the version it showed: a status change on a
 * stale card is refused and the card shown again with the current values.
 */
export const measureStatus: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  handle: (req, services) => setMeasureStatus(services, req),
  form: (req, errors, services) => statusForm(services, req, errors),
};
