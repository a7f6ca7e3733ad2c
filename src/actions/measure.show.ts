import { z } from 'zod';
import { measureIdField, yearField } from '../app/measure-fields';
import { type MeasureView, showMeasures } from '../app/measure-navigation';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { ActionDef } from './types';

const MODES = ['view', 'edit', 'evaluate', 'new', 'list', 'status', 'areas', 'evaluation'] as const;
const schema = z.object({ measureId: measureIdField.optional(), mode: z.enum(MODES).optional(), year: yearField });

/** The view a `measure.show` asks for; undefined when a measure is needed and not named. */
function viewOf(d: z.infer<typeof schema>): MeasureView | undefined {
  const mode = d.mode ?? (d.measureId ? 'view' : 'list');
  if (mode === 'view' || mode === 'edit' || mode === 'evaluate') {
    if (!d.measureId) return undefined;
    return mode === 'view' ? { kind: 'measure', measureId: d.measureId } : { kind: mode, measureId: d.measureId };
  }
  if (mode === 'list') return { kind: 'list', filter: d.year ? { kind: 'year', year: d.year } : { kind: 'active' } };
  if (mode === 'new') return { kind: 'new' };
  return { kind: mode, year: d.year };
}

/**
 * `measure.show` (added): the buttons of the measures cards — a measure, its form (coordinators),
 * the list, the focus-area status, the yearly focus areas and the evaluation list. Everyone in a
 * body reads its measures; the rest is the coordinators'.
 */
export const measureShow: ActionDef<typeof schema> = {
  audience: 'member',
  schema,
  async handle(req, services) {
    const view = viewOf(req.data);
    if (!view) return { type: 'message', text: pick(req.locale, MEASURE_TEXTS).notices.notFound };
    const shown = await showMeasures(services, req, view);
    return shown.type === 'card' ? shown : { type: 'message', text: shown.text };
  },
  async form(req) {
    return { type: 'message', text: pick(req.locale, MEASURE_TEXTS).notices.notFound };
  },
};
