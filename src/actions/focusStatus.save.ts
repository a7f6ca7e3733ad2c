import { z } from 'zod';
import { focusStatusCardFor, saveFocusStatus } from '../app/focus-status';
import { dataObject, requiredYearField } from '../app/measure-fields';
import { measureScene } from '../app/measures';
import { MAX_STATUS_TEXT } from '../domain/measures/model';
import { cleanText } from '../domain/trends';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { ActionDef } from './types';

/** `text__<focus area id>` per area; any other key is not this card's and is left out. */
const INPUT = /^text__[a-z0-9-]{1,44}$/;

const schema = z
  .looseObject({
    year: requiredYearField,
    versions: z
      .string()
      .max(4_000)
      .regex(/^[\x20-\x7e]*$/)
      .optional(),
  })
  .transform((d, ctx) => {
    const texts: Record<string, string> = {};
    for (const [k, v] of Object.entries(d)) {
      if (!INPUT.test(k)) continue;
      if (typeof v !== 'string') {
        ctx.addIssue({ code: 'custom', path: [k], message: 'type' });
        continue;
      }
      const text = cleanText(v);
      if (text.length > MAX_STATUS_TEXT)
        ctx.addIssue({ code: 'too_big', path: [k], maximum: MAX_STATUS_TEXT, origin: 'string', inclusive: true, input: text, message: 'tooLong' });
      texts[k] = text;
    }
    return { year: d.year, versions: d.versions, texts };
  });

/**
 * `focusStatus.save` (added): the coordinators' short status text per focus area of a year
 * («Status og fremdrift per innsatsområde»), each saved against the version the card showed.
 */
export const focusStatusSave: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  handle: (req, services) => saveFocusStatus(services, req),
  async form(req, errors, services) {
    const data = dataObject(req.data);
    const year = Number(data.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return { type: 'message', text: pick(req.locale, MEASURE_TEXTS).command.badArgs };
    const scene = await measureScene(services, req);
    const values = Object.fromEntries(Object.entries(data).filter(([k]) => INPUT.test(k)));
    const card = await focusStatusCardFor(services, req.locale, scene, year, req.now, {
      values,
      errors,
      notice: pick(req.locale, MEASURE_TEXTS).notices.errorSummary,
      noticeColor: 'Attention',
    });
    return { type: 'card', card };
  },
};
