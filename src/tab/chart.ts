import { h, monthLabel, s } from './dom';

/** One line of the chart: a focus area's count per month. */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly counts: readonly number[];
  readonly total: number;
}

const W = 720;
const H = 280;
const M = { top: 16, right: 16, bottom: 36, left: 40 };

/** Round axis maximum and a step giving at most ~5 grid lines. */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 5;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * pow).find((v) => v >= rough) ?? 10 * pow;
  const whole = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / whole) * whole, step: whole };
}

/**
 * A line chart drawn as inline SVG: months on x, counts on y, one line per focus area with a
 * dot per month. Colours come from CSS variables (--series-N), so the Teams theme changes them;
 * in high contrast the lines also differ by dash pattern. Every line and dot carries data
 * attributes (focus area, month, count) and a <title>, for tests and screen readers alike.
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
    grid.append(s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }), s('text', { x: M.left - 8, y: y(v) + 4, class: 'tick y' }, v));
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

  series.forEach((ser, n) => {
    const cls = `series s${n % 8}`;
    const g = s('g', { class: cls, 'data-focus-area': ser.id, 'data-total': ser.total });
    const points = ser.counts.map((c, i) => `${x(i).toFixed(1)},${y(c).toFixed(1)}`).join(' ');
    g.append(s('polyline', { points, class: 'line' }));
    ser.counts.forEach((c, i) => {
      const m = months[i]!;
      g.append(
        s(
          'circle',
          { cx: x(i).toFixed(1), cy: y(c).toFixed(1), r: 3.5, class: 'dot', 'data-month': m, 'data-count': c },
          s('title', {}, `${ser.label}: ${c} (${monthLabel(m, monthNames)})`),
        ),
      );
    });
    svg.append(g);
  });
  return svg;
}

/** The legend: colour swatch, focus area and its total in the period. */
export function legend(series: readonly Series[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    ...series.map((ser, n) =>
      h(
        'li',
        { class: `s${n % 8}`, 'data-focus-area': ser.id },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        `${ser.label} `,
        h('strong', {}, ser.total),
      ),
    ),
  );
}
