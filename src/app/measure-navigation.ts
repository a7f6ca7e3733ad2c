import type { CardJson, RequestBase } from '../handler-types';
import { format, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { focusAreasYearCardFor } from './focus-areas-year';
import { focusStatusCardFor } from './focus-status';
import { evaluationListFor, type ListFilter, measureCardFor, measureFor, measureFormFor, measureListFor, measureScene } from './measures';
import type { Services } from './services';

/**
 * Where a person can go in the measures register: the `tiltak` command and the `measure.show`
 * verb (the cards' buttons) both land here. Reading is for everyone in a body (its measures, read
 * only); registering, changing, evaluating and the yearly focus areas are the coordinators'.
 */
export type MeasureView =
  | { readonly kind: 'list'; readonly filter: ListFilter }
  | { readonly kind: 'measure'; readonly measureId: string }
  | { readonly kind: 'edit' | 'evaluate'; readonly measureId: string }
  | { readonly kind: 'new' }
  | { readonly kind: 'status'; readonly year?: number }
  | { readonly kind: 'areas'; readonly year?: number }
  | { readonly kind: 'evaluation'; readonly year?: number };

const COORDINATORS_ONLY: readonly MeasureView['kind'][] = ['edit', 'evaluate', 'new', 'areas', 'evaluation'];

export type Shown = { readonly type: 'card'; readonly card: CardJson } | { readonly type: 'text'; readonly text: string };

export async function showMeasures(services: Services, req: Pick<RequestBase, 'actor' | 'place' | 'locale' | 'now'>, view: MeasureView): Promise<Shown> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS);
  const scene = await measureScene(services, req);
  if (COORDINATORS_ONLY.includes(view.kind) && !scene.coordinator) return { type: 'text', text: t.command.coordinatorsOnly };
  if (req.place.kind === 'channel') {
    const here = scene.viewer.here;
    if (!here) return { type: 'text', text: t.command.notABody };
    if (!scene.viewer.memberOf.has(here.id)) return { type: 'text', text: format(t.command.notMember, { body: here.name }) };
  }
  const year = Number(scene.today.slice(0, 4));
  switch (view.kind) {
    case 'list':
      return { type: 'card', card: await measureListFor(services, locale, scene, view.filter) };
    case 'new':
      if (scene.viewer.all.length === 0) return { type: 'text', text: t.errors.noBodies };
      return { type: 'card', card: await measureFormFor(services, locale, scene, 'new', undefined) };
    case 'status':
      return { type: 'card', card: await focusStatusCardFor(services, locale, scene, view.year ?? year, req.now) };
    case 'areas':
      return { type: 'card', card: await focusAreasYearCardFor(services, locale, scene, view.year ?? year) };
    case 'evaluation':
      return { type: 'card', card: await evaluationListFor(services, locale, scene, view.year ?? year) };
    default: {
      const m = await measureFor(services, scene, view.measureId);
      if (!m) return { type: 'text', text: t.notices.notFound };
      if (view.kind === 'measure') return { type: 'card', card: await measureCardFor(services, locale, scene, m) };
      return { type: 'card', card: await measureFormFor(services, locale, scene, view.kind, m) };
    }
  }
}
