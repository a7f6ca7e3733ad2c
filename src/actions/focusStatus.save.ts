import { focusStatusCardFor, saveFocusStatus } from '../app/focus-status';
import { dataObject, focusStatusSchema, STATUS_TEXT_INPUT } from '../app/measure-fields';
import { measureScene } from '../app/measures';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { ActionDef } from './types';

/**
 * `focusStatus.save` (added): the coordinators' short status text per focus area of a year
 * («Status og fremdrift per innsatsområde»), each saved against the version the card showed.
 */
export const focusStatusSave: ActionDef<typeof focusStatusSchema> = {
  audience: 'coordinator',
  schema: focusStatusSchema,
  handle: (req, services) => saveFocusStatus(services, req),
  async form(req, errors, services) {
    const data = dataObject(req.data);
    const year = Number(data.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return { type: 'message', text: pick(req.locale, MEASURE_TEXTS).command.badArgs };
    const scene = await measureScene(services, req);
    const values = Object.fromEntries(Object.entries(data).filter(([k]) => STATUS_TEXT_INPUT.test(k)));
    const card = await focusStatusCardFor(services, req.locale, scene, year, req.now, {
      values,
      errors,
      notice: pick(req.locale, MEASURE_TEXTS).notices.errorSummary,
      noticeColor: 'Attention',
    });
    return { type: 'card', card };
  },
};
