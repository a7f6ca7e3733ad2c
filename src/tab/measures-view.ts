import type { FocusAreaStatusItem, MeasureItem, MeasuresResponse } from '../tab-api/contract';
import type { Api } from './api';
import { h, replace } from './dom';
import { fill, type Texts } from './texts';

/**
 * The Measures section (issue 17): the status per focus area of a year (measures by status, trend
 * topics, lifted matters, the coordinators' status text) and the measures register, grouped by
 * level, each with its status, evaluation and conclusion. Read only: measures are registered and
 * changed from the bot's cards (`tiltak`).
 */
export function measuresSection(root: HTMLElement, a: Api, t: Texts, first: MeasuresResponse): void {
  const render = (data: MeasuresResponse): void => {
    const year = h('select', { id: 'measures-year' }, ...data.years.map((y) => h('option', { value: y, selected: y === data.year }, y)));
    year.addEventListener('change', () => {
      void a
        .measures(Number(year.value))
        .then(render)
        .catch(() => replace(root, h('p', { class: 'field-error', role: 'alert' }, t.failed)));
    });
    replace(
      root,
      h(
        'div',
        { class: 'wheel-head' },
        h('h2', {}, fill(t.measures.heading, { year: data.year })),
        h('label', { class: 'inline', for: 'measures-year' }, t.measures.year, ' ', year),
      ),
      h('p', { class: 'muted small' }, t.measures.how),
      h('h3', {}, t.measures.status),
      data.areas.length ? h('div', { class: 'area-grid' }, ...data.areas.map((x) => area(x, t))) : h('p', { class: 'muted' }, t.measures.noAreas),
      h('h3', {}, t.measures.register),
      ...(data.levels.length
        ? data.levels.map((l) => level(l.label, l.items, t, l.level))
        : [h('p', { class: 'muted', 'data-state': 'empty' }, fill(t.measures.empty, { year: data.year }))]),
    );
  };
  render(first);
}

function area(x: FocusAreaStatusItem, t: Texts): HTMLElement {
  return h(
    'section',
    { class: 'area-card', 'data-area': x.id, 'aria-label': x.label },
    h('strong', {}, x.label),
    h('p', { class: 'small' }, x.measures),
    h('p', { class: 'small' }, x.topics),
    h('p', { class: 'small' }, x.matters),
    x.text ? h('p', { class: 'area-text' }, x.text) : h('p', { class: 'muted small' }, t.measures.noText),
    x.by ? h('p', { class: 'muted small' }, x.by) : null,
  );
}

function level(label: string, items: readonly MeasureItem[], t: Texts, key: string): HTMLElement {
  const c = t.measures.cols;
  return h(
    'div',
    { class: 'measure-level', 'data-level': key },
    h('h4', {}, label, ' ', h('span', { class: 'count' }, items.length)),
    h(
      'table',
      { class: 'measures' },
      h('thead', {}, h('tr', {}, ...[c.measure, c.area, c.responsible, c.period, c.status, c.evaluation].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...items.map((m) => row(m, t))),
    ),
  );
}

function row(m: MeasureItem, t: Texts): HTMLElement {
  const d = t.measures;
  const facts: [string, string | undefined][] = [
    [d.owner, m.ownerBodyName],
    [d.plan, m.plan],
    [d.source, m.source],
    [d.method, m.evaluationMethod],
    [d.statusSet, m.statusSet],
  ];
  return h(
    'tr',
    { 'data-measure-id': m.id, 'data-standing': m.standing },
    h(
      'td',
      {},
      h('strong', { class: 'matter-title' }, m.title),
      h(
        'details',
        { class: 'history' },
        h('summary', {}, d.details),
        m.description ? h('p', { class: 'matter-text' }, m.description) : null,
        h('dl', { class: 'facts' }, ...facts.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      ),
    ),
    h('td', {}, m.focusAreas.join(', ')),
    h('td', {}, m.responsible),
    h('td', {}, m.period),
    h('td', {}, h('span', { class: `badge standing-${m.standing}` }, m.statusText)),
    h('td', {}, m.evaluation ?? '', m.conclusion ? h('div', { class: 'small' }, h('strong', {}, `${d.conclusion}: `), m.conclusion) : null),
  );
}
