import { h, monthLabel, s } from './dom';

/** One line of the chart: a focus area's count per month. */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly counts: readonly number[];
  readonly total: number;
}

/** The words the chart needs besides the data. */
export interface ChartTexts {
  /** «Tallene i tabell». */
  readonly table: string;
  /** First column of the table. */
  readonly area: string;
  /** «Samme tall alle månedene, så linjene ligger oppå hverandre: {lines}.» */
  readonly same: string;
  readonly and: string;
}

const W = 720;
const H = 280;
const M = { top: 16, right: 16, bottom: 36, left: 48 };
/** How far apart (px) markers of the same value in the same month are drawn. */
const SPREAD = 9;

/** Marker shapes by series (n % 8): filled first, then hollow, so no two of eight look alike. */
export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'triangleDown', 'ring', 'box', 'rhombus'] as const;
type Shape = (typeof SHAPES)[number];

/** Round axis maximum and a whole-number step giving at most ~5 grid lines (counts have no fractions). */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 5;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * pow).find((v) => v >= rough) ?? 10 * pow;
  const whole = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / whole) * whole, step: whole };
}

/**
 * Where each marker sits left or right of its month (in units of SPREAD): series with the same
 * count in the same month are put side by side, in series order, so none hides another.
 */
export function markerOffsets(series: readonly { readonly counts: readonly number[] }[]): number[][] {
  const out = series.map((x) => x.counts.map(() => 0));
  const months = Math.max(0, ...series.map((x) => x.counts.length));
  for (let i = 0; i < months; i++) {
    const byValue = new Map<number, number[]>();
    series.forEach((x, n) => {
      const v = x.counts[i];
      if (v !== undefined) byValue.set(v, [...(byValue.get(v) ?? []), n]);
    });
    for (const group of byValue.values()) for (const [j, n] of group.entries()) out[n]![i] = j - (group.length - 1) / 2;
  }
  return out;
}

/** Labels of series that have the same count in every month (and not only zeros): their lines lie on top of each other. */
export function sameLines(series: readonly Series[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const x of series) if (x.counts.some((c) => c > 0)) groups.set(x.counts.join(','), [...(groups.get(x.counts.join(',')) ?? []), x.label]);
  return [...groups.values()].filter((g) => g.length > 1);
}

/** An SVG path for a marker shape centred on (x, y). */
export function markerPath(shape: Shape, x: number, y: number, r: number): string {
  const f = (n: number): string => n.toFixed(1);
  const poly = (pts: [number, number][]): string => `M${pts.map(([a, b]) => `${f(x + a)},${f(y + b)}`).join('L')}Z`;
  switch (shape) {
    case 'circle':
    case 'ring':
      return `M${f(x - r)},${f(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
    case 'box':
      return poly([
        [-r * 0.85, -r * 0.85],
        [r * 0.85, -r * 0.85],
        [r * 0.85, r * 0.85],
        [-r * 0.85, r * 0.85],
      ]);
    case 'triangle':
      return poly([
        [0, -r * 1.15],
        [r * 1.05, r * 0.75],
        [-r * 1.05, r * 0.75],
      ]);
    case 'triangleDown':
      return poly([
        [0, r * 1.15],
        [r * 1.05, -r * 0.75],
        [-r * 1.05, -r * 0.75],
      ]);
    default:
      return poly([
        [0, -r * 1.2],
        [r * 1.2, 0],
        [0, r * 1.2],
        [-r * 1.2, 0],
      ]);
  }
}

const hollow = (shape: Shape): boolean => shape === 'ring' || shape === 'box' || shape === 'rhombus';

/**
 * A line chart drawn as inline SVG: months on x, counts on y (whole-number ticks), one line per
 * focus area. Lines differ by colour (Okabe–Ito, CSS variables --series-N per Teams theme), by
 * dash pattern and by marker shape, so none depends on telling colours apart; markers of the
 * same count in the same month stand side by side. Every line and marker carries data attributes
 * (focus area, month, count) and a <title>, for tests and screen readers alike.
 */
export function lineChart(series: readonly Series[], months: readonly string[], monthNames: readonly string[], title: string): SVGSVGElement {
  const max = Math.max(0, ...series.flatMap((x) => x.counts));
  const { top, step } = niceScale(max);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = (i: number): number => M.left + (months.length <= 1 ? iw / 2 : (i * iw) / (months.length - 1));
  const y = (v: number): number => M.top + ih - (v / top) * ih;

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': title, 'data-max': max, 'data-months': months.length });
  svg.append(s('title', {}, title));
  const grid = s('g', { class: 'grid' });
  for (let v = 0; v <= top; v += step) {
    grid.append(s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }), s('text', { x: M.left - 14, y: y(v) + 4, class: 'tick y' }, v));
  }
  const every = Math.max(1, Math.ceil(months.length / 12));
  months.forEach((m, i) => {
    if (i % every === 0 || i === months.length - 1) {
      const [year] = m.split('-');
      const name = monthLabel(m, monthNames).split(' ')[0]!;
      grid.append(s('text', { x: x(i), y: H - M.bottom + 18, class: 'tick x' }, i === 0 || m.endsWith('-01') ? `${name} ${year!.slice(2)}` : name));
    }
  });
  svg.append(grid);

  const offsets = markerOffsets(series);
  series.forEach((ser, n) => {
    const shape = SHAPES[n % SHAPES.length]!;
    const g = s('g', { class: `series s${n % 8}`, 'data-focus-area': ser.id, 'data-total': ser.total, 'data-shape': shape });
    const points = ser.counts.map((c, i) => `${x(i).toFixed(1)},${y(c).toFixed(1)}`).join(' ');
    g.append(s('polyline', { points, class: 'line' }));
    ser.counts.forEach((c, i) => {
      const m = months[i]!;
      g.append(
        s(
          'path',
          {
            d: markerPath(shape, x(i) + offsets[n]![i]! * SPREAD, y(c), 4.5),
            class: hollow(shape) ? 'dot hollow' : 'dot',
            'data-month': m,
            'data-count': c,
          },
          s('title', {}, `${ser.label}: ${c} (${monthLabel(m, monthNames)})`),
        ),
      );
    });
    svg.append(g);
  });
  return svg;
}

/** A legend sample: a short stretch of the series' line with its marker. */
function sample(n: number): SVGSVGElement {
  const shape = SHAPES[n % SHAPES.length]!;
  return s(
    'svg',
    { class: `sample series s${n % 8}`, viewBox: '0 0 34 14', width: 34, height: 14, 'aria-hidden': 'true' },
    s('line', { x1: 1, x2: 33, y1: 7, y2: 7, class: 'line' }),
    s('path', { d: markerPath(shape, 17, 7, 4.5), class: hollow(shape) ? 'dot hollow' : 'dot' }),
  );
}

/** The legend: each line's sample (colour, dash, marker), focus area and its total in the period. */
export function legend(series: readonly Series[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    ...series.map((ser, n) => h('li', { class: `s${n % 8}`, 'data-focus-area': ser.id }, sample(n), `${ser.label} `, h('strong', {}, ser.total))),
  );
}

/** Under the chart: which lines lie on top of each other, and every figure in a table (folded). */
export function chartNotes(series: readonly Series[], months: readonly string[], monthNames: readonly string[], t: ChartTexts): HTMLElement {
  const and = (labels: string[]): string => (labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} ${t.and} ${labels.at(-1)}`);
  const same = sameLines(series);
  return h(
    'div',
    { class: 'chart-notes' },
    same.length ? h('p', { class: 'muted small same-lines' }, t.same.replace('{lines}', same.map(and).join('; '))) : null,
    h(
      'details',
      { class: 'chart-table' },
      h('summary', {}, t.table),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, t.area), ...months.map((m) => h('th', { scope: 'col', class: 'num' }, monthLabel(m, monthNames)))),
          ),
          h(
            'tbody',
            {},
            ...series.map((ser) =>
              h('tr', { 'data-focus-area': ser.id }, h('th', { scope: 'row' }, ser.label), ...ser.counts.map((c) => h('td', { class: 'num' }, c))),
            ),
          ),
        ),
      ),
    ),
  );
}
