import { saveMeasure } from '../app/measure-change-cards';
import { dataObject, measureSaveSchema } from '../app/measure-fields';
import { measureFormFor, measureScene } from '../app/measures';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { ActionDef } from './types';

/**
 * `measure.save` (contract): a coordinator registers a measure (no `measureId`) or changes one
 * against the `version` the card was made from — a stale card is refused and shown again with the
 * input kept. Only the fields on the card change (the evaluation form sends three).
 */
export const measureSave: ActionDef<typeof measureSaveSchema> = {
  audience: 'coordinator',
  schema: measureSaveSchema,
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
