import type { MeasureState } from '../domain/measures/model';
import type { ActionOutcome, ActionRequest, FieldError } from '../handler-types';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { decideSave, decideStatus, type SaveData, saveNotice, statusNotice } from './measure-changes';
import { dataObject } from './measure-fields';
import { measureCardFor, measureFormFor, measureScene } from './measures';
import type { Services } from './services';

/**
 * The card verbs' side of writing the register: `measure.save` and `measure.status` decided in
 * measure-changes.ts, answered with a card. A stale card is shown again: the status card with the
 * current values, the form with the person's input kept and the version moved on, so saving again
 * replaces what is stored knowingly.
 */

/** `measure.save`: the measure's card when saved, else its form again with the input kept. */
export async function saveMeasure(services: Services, req: ActionRequest<SaveData>): Promise<ActionOutcome> {
  const { locale } = req;
  const scene = await measureScene(services, req);
  const r = await decideSave(services, req, scene);
  const notice = saveNotice(locale, r);
  const raw = req.data as unknown as Record<string, unknown>;
  // The evaluation form sends no title: shown again as that form.
  const mode = 'title' in raw ? 'edit' : 'evaluate';
  switch (r.kind) {
    case 'refused':
    case 'notFound':
    case 'noBodies':
      return { type: 'message', text: notice };
    case 'invalid': {
      const extra = { values: raw, errors: r.errors, notice, noticeColor: 'Attention' as const };
      const card = r.measure
        ? await measureFormFor(services, locale, scene, mode, r.measure, { ...extra, version: req.data.version })
        : await measureFormFor(services, locale, scene, 'new', undefined, extra);
      return { type: 'card', card };
    }
    case 'stale':
      return {
        type: 'card',
        card: await measureFormFor(services, locale, scene, mode, r.current, { values: raw, notice, noticeColor: 'Warning', version: r.current.version }),
      };
    default:
      return { type: 'card', card: await measureCardFor(services, locale, scene, r.measure, { notice }) };
  }
}

/** `measure.status`: the measure's card with the outcome; a stale card comes back as the measure is now. */
export async function setMeasureStatus(
  services: Services,
  req: ActionRequest<{ readonly measureId: string; readonly status: MeasureState; readonly version?: number }>,
): Promise<ActionOutcome> {
  const scene = await measureScene(services, req);
  const r = await decideStatus(services, req, scene);
  const notice = statusNotice(req.locale, r);
  if (r.kind === 'refused' || r.kind === 'notFound') return { type: 'message', text: notice };
  if (r.kind === 'stale') return { type: 'card', card: await measureCardFor(services, req.locale, scene, r.current, { notice, noticeColor: 'Warning' }) };
  return { type: 'card', card: await measureCardFor(services, req.locale, scene, r.measure, { notice }) };
}

/** The card of a `measure.status` with bad data: the measure as it is, the error next to the status. */
export async function statusForm(services: Services, req: ActionRequest<Record<string, unknown>>, errors: readonly FieldError[]): Promise<ActionOutcome> {
  const t = pick(req.locale, MEASURE_TEXTS);
  const scene = await measureScene(services, req);
  const data = dataObject(req.data);
  const id = typeof data.measureId === 'string' ? data.measureId : '';
  const m = await services.measures.getIn(scene.coordinator ? scene.act : scene.read, id);
  if (!m) return { type: 'message', text: t.notices.notFound };
  const mapped = errors.map((e) => ({ field: e.field === 'status' ? 'status' : 'status', message: e.message }));
  return {
    type: 'card',
    card: await measureCardFor(services, req.locale, scene, m, { notice: mapped.map((e) => e.message).join(' '), noticeColor: 'Attention', errors: mapped }),
  };
}
