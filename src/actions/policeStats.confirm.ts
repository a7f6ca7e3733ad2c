import { z } from 'zod';
import { confirmImport, policeForm } from '../app/police-stats';
import { IMPORT_ID_RE } from '../storage/table/police-stats';
import type { ActionDef } from './types';

export const policeConfirmSchema = z.object({ importId: z.string().trim().regex(IMPORT_ID_RE) });

/** `policeStats.confirm`: stores the previewed import, replacing the same years (a second click changes nothing). */
export const policeStatsConfirm: ActionDef<typeof policeConfirmSchema> = {
  audience: 'policeOrCoordinator',
  schema: policeConfirmSchema,
  handle: (req, services) => confirmImport(req, services),
  form: async (req, errors, services) =>
    policeForm(
      { ...req, data: {} },
      errors.filter((e) => e.field !== 'importId'),
      services,
    ),
};
