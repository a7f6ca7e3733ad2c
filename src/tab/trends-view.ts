import type { MeResponse, TrendItem, TrendsResponse } from '../tab-api/contract';
import type { Api } from './api';
import { chartNotes, legend, lineChart } from './chart';
import { h, monthLabel, osloDate, replace } from './dom';
import { fill, type TabLocale, type Texts } from './texts';

export interface TrendFilter {
  body?: string;
  focusArea?: string;
  from?: string;
  to?: string;
}

/**
 * The Trends section: filters (body, focus area, period), the chart and the list of trend
 * texts. A filter change asks the server again; the server applies the viewer's scope.
 */
export function trendsSection(root: HTMLElement, me: MeResponse, a: Api, t: Texts, locale: TabLocale, first: TrendsResponse, filter: TrendFilter): void {
  const body = select('trend-body', t.trends.body, [['', t.trends.allBodies], ...me.bodies.map((b): [string, string] => [b.id, b.name])], filter.body);
  const area = select(
    'trend-area',
    t.trends.focusArea,
    [['', t.trends.allAreas], ...me.focusAreas.map((f): [string, string] => [f.id, f.label])],
    filter.focusArea,
  );
  const from = monthInput('trend-from', t.trends.from, filter.from ?? first.months[0]);
  const to = monthInput('trend-to', t.trends.to, filter.to ?? first.months[first.months.length - 1]);
  const out = h('div', { class: 'trend-result', 'aria-live': 'polite' });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });

  const reload = async (): Promise<void> => {
    const q = {
      body: body.control.value || undefined,
      focusArea: area.control.value || undefined,
      from: from.control.value || undefined,
      to: to.control.value || undefined,
    };
    root.setAttribute('aria-busy', 'true');
    try {
      const data = await a.trends(q);
      error.hidden = true;
      render(out, data, t, locale);
    } catch (err) {
      const fields = (err as { body?: { fields?: Record<string, string> } }).body?.fields;
      error.textContent = fields ? Object.values(fields).join(' ') : t.failed;
      error.hidden = false;
    } finally {
      root.removeAttribute('aria-busy');
    }
  };
  for (const c of [body.control, area.control, from.control, to.control]) c.addEventListener('change', () => void reload());

  replace(
    root,
    h('h2', {}, t.trends.heading),
    h('form', { class: 'filters', onsubmit: (e: Event) => e.preventDefault() }, body.label, area.label, from.label, to.label),
    error,
    out,
  );
  render(out, first, t, locale);
}

function render(out: HTMLElement, data: TrendsResponse, t: Texts, locale: TabLocale): void {
  const series = data.series.map((x) => ({ id: x.focusAreaId, label: x.label, counts: x.counts, total: x.total }));
  const chart = data.total > 0 ? lineChart(series, data.months, t.wheel.months, t.trends.chartTitle) : h('p', { class: 'empty' }, t.trends.empty);
  replace(
    out,
    h(
      'p',
      { class: 'total', 'data-total': data.total },
      fill(t.trends.total, { n: data.total }),
      ` · ${monthLabel(data.months[0] ?? '', t.wheel.months)} – ${monthLabel(data.months[data.months.length - 1] ?? '', t.wheel.months)}`,
    ),
    h('figure', { class: 'chart-box' }, chart, data.total > 0 ? legend(series) : null),
    data.total > 0 ? chartNotes(series, data.months, t.wheel.months, t.chart) : null,
    h('h3', {}, t.trends.list),
    data.truncated ? h('p', { class: 'muted' }, fill(t.trends.truncated, { n: data.items.length })) : null,
    h('ul', { class: 'trend-list' }, ...data.items.map((i) => item(i, t, locale))),
  );
}

function item(i: TrendItem, t: Texts, locale: TabLocale): HTMLElement {
  const meta = [
    i.bodyName,
    t.trends.services[i.service] ?? i.service,
    i.ageGroup ? (t.trends.ageGroups[i.ageGroup] ?? `${i.ageGroup} ${t.trends.ageSuffix}`) : '',
    i.area ?? '',
  ]
    .filter(Boolean)
    .join(' · ');
  return h(
    'li',
    { class: 'trend', 'data-trend-id': i.id, 'data-body': i.bodyId, 'data-focus-area': i.focusAreaId },
    h(
      'div',
      { class: 'trend-head' },
      h('span', { class: `badge dir-${i.direction}` }, t.trends.directions[i.direction] ?? i.direction),
      h('strong', {}, i.focusAreaLabel),
      h('span', { class: 'muted' }, osloDate(i.reportedAt, locale)),
    ),
    h('p', { class: 'trend-text' }, i.erased ? t.trends.erased : i.description),
    h('p', { class: 'muted small' }, meta),
  );
}

function select(id: string, label: string, options: readonly [string, string][], value?: string): { label: HTMLElement; control: HTMLSelectElement } {
  const control = h('select', { id, name: id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text)));
  return { control, label: h('label', { for: id }, h('span', {}, label), control) };
}

function monthInput(id: string, label: string, value?: string): { label: HTMLElement; control: HTMLInputElement } {
  const control = h('input', { id, name: id, type: 'month', value: value ?? '', pattern: '\\d{4}-\\d{2}' });
  return { control, label: h('label', { for: id }, h('span', {}, label), control) };
}
