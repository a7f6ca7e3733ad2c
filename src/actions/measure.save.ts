import { z } from 'zod';
import { saveMeasure } from '../app/measure-changes';
import { choiceList, clearableChoice, clearableDay, clearableText, dataObject, measureIdField, versionField } from '../app/measure-fields';
import { measureFormFor, measureScene } from '../app/measures';
import {
  CONCLUSIONS,
  MAX_EVALUATION,
  MAX_EVALUATION_METHOD,
  MAX_MEASURE_DESCRIPTION,
  MAX_MEASURE_TITLE,
  MAX_PLAN,
  MEASURE_LEVELS,
  MEASURE_STATES,
} from '../domain/measures/model';
import { RESPONSIBLES } from '../domain/minutes';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { ActionDef } from './types';

const schema = z.object({
  measureId: measureIdField.optional(),
  version: versionField,
  formId: z
    .string()
    .max(64)
    .regex(/^[\x20-\x7e]*$/)
    .optional(),
  title: clearableText(MAX_MEASURE_TITLE),
  description: clearableText(MAX_MEASURE_DESCRIPTION),
  focusAreas: z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .string()
      .max(500)
      .regex(/^[a-z0-9,-]*$/)
      .nullable()
      .optional(),
  ),
  level: clearableChoice(MEASURE_LEVELS),
  responsible: choiceList(RESPONSIBLES, 400),
  ownerBodyId: z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .string()
      .regex(/^b[0-9a-f]{16}$/)
      .nullable()
      .optional(),
  ),
  plan: clearableText(MAX_PLAN),
  start: clearableDay,
  end: clearableDay,
  status: clearableChoice(MEASURE_STATES),
  evaluationMethod: clearableText(MAX_EVALUATION_METHOD),
  evaluation: clearableText(MAX_EVALUATION),
  conclusion: clearableChoice(CONCLUSIONS),
});

/**
 * `measure.save` (contract): a coordinator registers a measure (no `measureId`) or changes one
 * against the `version` the card was made from — a stale card is refused and shown again with the
 * input kept. Only the fields on the card change (the evaluation form sends three).
 */
export const measureSave: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  handle: (req, services) => saveMeasure(services, req),
  async form(req, errors, services) {
    const t = pick(req.locale, MEASURE_TEXTS);
    const scene = await measureScene(services, req);
    const data = dataObject(req.data);
    const id = typeof data.measureId === 'string' ? data.measureId : '';
    const m = id ? await services.measures.getIn(scene.act, id) : undefined;
    if (id && !m) return { type: 'message', text: t.notices.notFound };
    const mode = !m ? 'new' : 'title' in data ? 'edit' : 'evaluate';
    const version = Number(data.version) || undefined;
    const card = await measureFormFor(services, req.locale, scene, mode, m, {
      values: data,
      errors,
      notice: t.notices.errorSummary,
      noticeColor: 'Attention',
      version,
    });
    return { type: 'card', card };
  },
};
