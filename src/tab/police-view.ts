import type { PoliceResponse } from '../tab-api/contract';
import { niceScale } from './chart';
import { h, osloDate, replace, s } from './dom';
import { POLICE_TAB_TEXTS, type PoliceTabTexts } from './police-texts';
import { fill, type TabLocale, type Texts } from './texts';

type OffenceTable = PoliceResponse['offences'][number];
type Row = OffenceTable['rows'][number];

/**
 * The «Politistatistikk» section: a bar chart of one offence type over the years, the table of
 * offence types for an age band (eight to ten years and the change), suspects by gender × age
 * band, and reports per month. Filtered by offence type and age band in the page; the server
 * sends everything the viewer's network has (a few hundred figures).
 */
export function policeSection(root: HTMLElement, t: Texts, locale: TabLocale, data: PoliceResponse): void {
  const p = POLICE_TAB_TEXTS[locale];
  if (!data.lastYear || data.years.length === 0) {
    replace(root, h('h2', {}, p.heading), h('p', { class: 'muted', 'data-state': 'empty' }, p.none));
    return;
  }
  const bands = data.offences.map((o) => o.band);
  const types = [...new Set(data.offences.flatMap((o) => o.rows.filter((r) => r.main).map((r) => r.category)))];
  const band = select(
    'police-band',
    p.band,
    bands.map((b): [string, string] => [b, p.bands[b] ?? b]),
    bands[0],
  );
  const type = select('police-type', p.offenceType, [['', p.allTypes], ...types.map((c): [string, string] => [c, c])], '');
  const out = h('div', { class: 'police-result', 'aria-live': 'polite' });
  const render = (): void => {
    const table = data.offences.find((o) => o.band === band.control.value) ?? data.offences[0]!;
    replace(out, ...offenceView(p, data, table, type.control.value));
  };
  band.control.addEventListener('change', render);
  type.control.addEventListener('change', render);
  render();
  replace(
    root,
    h('h2', {}, p.heading),
    h('p', { class: 'muted' }, p.intro, data.importedAt ? ` ${fill(p.updated, { date: osloDate(data.importedAt, locale) })}` : ''),
    h('form', { class: 'filters', onsubmit: (e: Event) => e.preventDefault() }, type.label, band.label),
    out,
    personsView(p, data),
    monthsView(p, t, data),
  );
}

function offenceView(p: PoliceTabTexts, data: PoliceResponse, table: OffenceTable, category: string): HTMLElement[] {
  const bandName = p.bands[table.band] ?? table.band;
  const chosen = category ? table.rows.find((r) => r.category === category) : (table.rows.find((r) => r.total) ?? table.rows[0]);
  const rows = category ? table.rows.filter((r) => r.category === category || r.parent === category) : table.rows;
  const last = data.years[data.years.length - 1]!;
  const out: HTMLElement[] = [];
  if (chosen) {
    const name = chosen.total ? p.total : chosen.category;
    const title = fill(p.chart, { category: name, band: bandName });
    const box = h('div', { class: 'chart-box' }, h('p', { class: 'chart-title' }, title), barChart(data.years, chosen.values, title));
    if (chosen.variation) {
      const v = chosen.variation;
      box.append(
        h(
          'p',
          { class: `variation ${v.position}`, 'data-position': v.position },
          fill(p.variationOf, {
            year: last,
            value: chosen.values[chosen.values.length - 1] ?? '',
            position: p.variation[v.position] ?? '',
            span: v.years === 7 ? p.seven : fill(p.years, { n: v.years }),
            min: v.min,
            max: v.max,
          }),
        ),
      );
    }
    out.push(box);
  }
  if (!rows.length) return [...out, h('p', { class: 'muted' }, p.noBand)];
  const change = `${String(last - 1).slice(2)}-${String(last).slice(2)}`;
  out.push(
    h('h3', {}, fill(p.offences, { band: bandName })),
    dataTable(
      [p.offenceType, ...data.years.map(String), change],
      rows.map((r) => ({ cells: [r.total ? p.total : r.category, ...r.values.map((v) => (v === null ? '' : String(v))), signed(r.change)], cls: rowClass(r) })),
      'police-offences',
    ),
  );
  return out;
}

const rowClass = (r: Row): string => (r.total ? 'total' : r.parent ? 'sub' : '');

function personsView(p: PoliceTabTexts, data: PoliceResponse): HTMLElement | null {
  if (!data.persons.length) return null;
  const last = data.years[data.years.length - 1]!;
  const label = (g: string, b: string): string => (g === 'all' ? (p.bands[b] ?? b) : `${p.genders[g] ?? g}${b === '10-17' ? '' : ` ${p.bands[b] ?? b}`}`);
  return h(
    'div',
    {},
    h('h3', {}, p.persons),
    dataTable(
      [p.group, ...data.years.map(String), `${String(last - 1).slice(2)}-${String(last).slice(2)}`],
      data.persons.map((r) => ({ cells: [label(r.gender, r.band), ...r.values, signed(r.change)], cls: r.band === '10-17' ? 'total' : 'sub' })),
      'police-persons',
    ),
    h('p', { class: 'muted small' }, fill(p.personsNote, { n: data.suppressBelow ?? 3 })),
  );
}

function monthsView(p: PoliceTabTexts, t: Texts, data: PoliceResponse): HTMLElement | null {
  const m = data.months;
  if (!m) return null;
  return h(
    'div',
    {},
    h('h3', {}, p.months),
    dataTable(
      [p.month, String(m.year - 1), String(m.year)],
      t.wheel.months.map((name, i) => ({ cells: [name, m.previous[i]?.toString() ?? '', m.values[i]?.toString() ?? ''], cls: '' })),
      'police-months',
    ),
  );
}

const signed = (n: number | null): string => (n === null ? '' : n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');

function dataTable(header: readonly string[], rows: readonly { cells: readonly string[]; cls: string }[], id: string): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data', id },
      h('thead', {}, h('tr', {}, ...header.map((x, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : '' }, x)))),
      h(
        'tbody',
        {},
        ...rows.map((r) => h('tr', { class: r.cls }, ...r.cells.map((c, i) => h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : { class: 'num' }, c)))),
      ),
    ),
  );
}

const W = 720;
const H = 240;
const M = { top: 20, right: 16, bottom: 30, left: 40 };

/** One bar per year, the last one marked; every bar carries its year and figure (data attributes and a title). */
function barChart(years: readonly number[], values: readonly (number | null)[], title: string): SVGSVGElement {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const { top, step } = niceScale(max);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const slot = iw / Math.max(1, years.length);
  const y = (v: number): number => M.top + ih - (v / top) * ih;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart bars', role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  const grid = s('g', { class: 'grid' });
  for (let v = 0; v <= top; v += step)
    grid.append(s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }), s('text', { x: M.left - 8, y: y(v) + 4, class: 'tick y' }, v));
  svg.append(grid);
  years.forEach((year, i) => {
    const v = values[i];
    const x = M.left + i * slot + slot * 0.2;
    grid.append(s('text', { x: M.left + i * slot + slot / 2, y: H - M.bottom + 18, class: 'tick x' }, year));
    if (v === null || v === undefined) return;
    svg.append(
      s(
        'rect',
        {
          x: x.toFixed(1),
          y: y(v).toFixed(1),
          width: (slot * 0.6).toFixed(1),
          height: (M.top + ih - y(v)).toFixed(1),
          class: i === years.length - 1 ? 'bar last' : 'bar',
          'data-year': year,
          'data-count': v,
        },
        s('title', {}, `${year}: ${v}`),
      ),
      s('text', { x: M.left + i * slot + slot / 2, y: y(v) - 5, class: 'tick x value' }, v),
    );
  });
  return svg;
}

function select(id: string, label: string, options: readonly [string, string][], value?: string): { label: HTMLElement; control: HTMLSelectElement } {
  const control = h('select', { id, name: id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text)));
  return { control, label: h('label', { for: id }, h('span', {}, label), control) };
}
