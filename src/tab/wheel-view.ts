import type { WheelMeeting, WheelResponse } from '../tab-api/contract';
import type { Api } from './api';
import { h, replace, s } from './dom';
import { fill, type Texts } from './texts';

const SIZE = 560;
const C = SIZE / 2;
const MONTH_OUT = 250;
const MONTH_IN = 206;
const MARKER_R = 262;
const RING_OUT = 190;
const RING_IN = 70;

/** Fraction of the year at the middle of a date (YYYY-MM-DD). */
export function yearFraction(date: string, year: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  return ((Date.UTC(y, m - 1, d) - start) / 86_400_000 + 0.5) / days;
}

/** The point at a fraction of the year (January at the top, clockwise) and a radius. */
function at(f: number, r: number): [number, number] {
  const a = f * 2 * Math.PI - Math.PI / 2;
  return [C + r * Math.cos(a), C + r * Math.sin(a)];
}

function arc(f1: number, f2: number, r: number): string {
  const [x1, y1] = at(f1, r);
  const [x2, y2] = at(f2, r);
  return `M ${x1.toFixed(1)} ${y1.toFixed(1)} A ${r} ${r} 0 ${f2 - f1 > 0.5 ? 1 : 0} 1 ${x2.toFixed(1)} ${y2.toFixed(1)}`;
}

/**
 * The annual wheel (*årshjul*): the year as a circle, months around the edge, the seasonal
 * markers as arcs and ticks outside, and one ring per body with its meetings as dots — filled
 * when held, hollow when planned, struck through when cancelled. A list below says the same
 * in words.
 */
export function wheelSection(root: HTMLElement, a: Api, t: Texts, first: WheelResponse): void {
  const render = (data: WheelResponse): void => {
    const prev = h('button', { type: 'button', class: 'icon', 'aria-label': t.wheel.prev, title: t.wheel.prev }, '‹');
    const next = h('button', { type: 'button', class: 'icon', 'aria-label': t.wheel.next, title: t.wheel.next }, '›');
    const go = (year: number): void =>
      void a
        .wheel(year)
        .then(render)
        .catch(() => replace(root, h('p', { class: 'field-error', role: 'alert' }, t.failed)));
    prev.addEventListener('click', () => go(data.year - 1));
    next.addEventListener('click', () => go(data.year + 1));
    replace(
      root,
      h('h2', { class: 'wheel-head' }, prev, ` ${fill(t.wheel.heading, { year: data.year })} `, next),
      h('div', { class: 'wheel-layout' }, wheel(data, t), side(data, t)),
      meetingList(data, t),
    );
  };
  render(first);
}

function bodiesOf(meetings: readonly WheelMeeting[]): { id: string; name: string; kind: string }[] {
  const seen = new Map<string, { id: string; name: string; kind: string }>();
  for (const m of meetings) if (!seen.has(m.bodyId)) seen.set(m.bodyId, { id: m.bodyId, name: m.bodyName, kind: m.kind });
  const order: Record<string, number> = { board: 0, coordinationGroup: 1, youthTeam: 2 };
  return [...seen.values()].sort((x, y) => (order[x.kind] ?? 3) - (order[y.kind] ?? 3) || x.name.localeCompare(y.name, 'nb'));
}

function wheel(data: WheelResponse, t: Texts): SVGSVGElement {
  const svg = s('svg', {
    viewBox: `0 0 ${SIZE} ${SIZE}`,
    class: 'wheel',
    role: 'img',
    'aria-label': fill(t.wheel.heading, { year: data.year }),
    'data-year': data.year,
  });
  svg.append(s('title', {}, fill(t.wheel.heading, { year: data.year })));
  svg.append(s('circle', { cx: C, cy: C, r: MONTH_OUT, class: 'wheel-face' }));
  for (let m = 0; m < 12; m++) {
    const f1 = yearFraction(`${data.year}-${String(m + 1).padStart(2, '0')}-01`, data.year) - 0.5 / 365;
    const [x1, y1] = at(f1, MONTH_IN);
    const [x2, y2] = at(f1, MONTH_OUT);
    const [lx, ly] = at(f1 + 1 / 24, (MONTH_IN + MONTH_OUT) / 2);
    svg.append(s('line', { x1, y1, x2, y2, class: 'month-line' }), s('text', { x: lx, y: ly + 4, class: 'month-label' }, t.wheel.months[m]!));
  }
  svg.append(s('circle', { cx: C, cy: C, r: MONTH_IN, class: 'month-inner' }));
  for (const [i, mk] of data.markers.entries()) {
    // Neighbouring periods (end-of-school parties, then the summer holidays) alternate between two radii, so they read as two.
    const r = MARKER_R + (i % 2) * 10;
    const title = s('title', {}, `${mk.label}${mk.approximate ? ` ${t.wheel.approx}` : ''}`);
    if ('from' in mk)
      svg.append(
        s(
          'path',
          { d: arc(yearFraction(mk.from, data.year), yearFraction(mk.to, data.year), r), class: `marker-arc mk-${mk.key}`, 'data-marker': mk.key },
          title,
        ),
      );
    else {
      const [x, y] = at(yearFraction(mk.date, data.year), r);
      svg.append(s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 6, class: `marker-dot mk-${mk.key}`, 'data-marker': mk.key }, title));
    }
  }
  const bodies = bodiesOf(data.meetings);
  const ring = new Map(bodies.map((b, i) => [b.id, bodies.length <= 1 ? RING_OUT : RING_OUT - (i * (RING_OUT - RING_IN)) / (bodies.length - 1)]));
  // One colour per body (the series palette of the theme), so two youth teams are told apart.
  const colour = new Map(bodies.map((b, i) => [b.id, `b${i % 8}`]));
  for (const b of bodies) svg.append(s('circle', { cx: C, cy: C, r: ring.get(b.id)!, class: `ring kind-${b.kind}`, 'data-body': b.id }));
  svg.append(s('text', { x: C, y: C + 10, class: 'wheel-year' }, data.year));
  if (data.today.startsWith(`${data.year}-`)) {
    const [x, y] = at(yearFraction(data.today, data.year), MONTH_OUT);
    svg.append(s('line', { x1: C, y1: C, x2: x, y2: y, class: 'today' }, s('title', {}, `${t.wheel.today}: ${data.today}`)));
  }
  for (const m of data.meetings) {
    const [x, y] = at(yearFraction(m.date, data.year), ring.get(m.bodyId)!);
    const status = t.wheel[m.status];
    svg.append(
      s(
        'circle',
        {
          cx: x.toFixed(1),
          cy: y.toFixed(1),
          r: 6,
          class: `meeting kind-${m.kind} ${colour.get(m.bodyId)} m-${m.status}`,
          'data-meeting-id': m.id,
          'data-body': m.bodyId,
          'data-status': m.status,
          'data-date': m.date,
        },
        s('title', {}, `${m.bodyName}: ${m.date} ${m.time} (${status})`),
      ),
    );
  }
  return svg;
}

function side(data: WheelResponse, t: Texts): HTMLElement {
  const bodies = bodiesOf(data.meetings);
  return h(
    'div',
    { class: 'wheel-side' },
    h(
      'ul',
      { class: 'legend' },
      ...bodies.map((b, i) => h('li', { class: `kind-${b.kind} b${i % 8}`, 'data-body': b.id }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), b.name)),
    ),
    h(
      'ul',
      { class: 'legend status-legend' },
      h('li', {}, h('span', { class: 'dot-sample m-held', 'aria-hidden': 'true' }), t.wheel.held),
      h('li', {}, h('span', { class: 'dot-sample m-planned', 'aria-hidden': 'true' }), t.wheel.planned),
      h('li', {}, h('span', { class: 'dot-sample m-cancelled', 'aria-hidden': 'true' }), t.wheel.cancelled),
    ),
    h(
      'ul',
      { class: 'legend markers' },
      ...data.markers.map((mk) =>
        h(
          'li',
          { class: `mk-${mk.key}` },
          h('span', { class: 'swatch', 'aria-hidden': 'true' }),
          mk.label,
          ' ',
          h('span', { class: 'muted small' }, 'from' in mk ? `${short(mk.from)}–${short(mk.to)}` : short(mk.date)),
        ),
      ),
    ),
  );
}

const short = (d: string): string => `${Number(d.slice(8, 10))}.${Number(d.slice(5, 7))}.`;

function meetingList(data: WheelResponse, t: Texts): HTMLElement {
  if (!data.meetings.length) return h('p', { class: 'muted' }, t.wheel.none);
  return h(
    'details',
    { class: 'meeting-list', open: true },
    h('summary', {}, fill(t.wheel.meetings, { year: data.year }), ` (${data.meetings.length})`),
    h(
      'ul',
      {},
      ...data.meetings.map((m) =>
        h(
          'li',
          { 'data-meeting-id': m.id, 'data-status': m.status, class: `m-${m.status}` },
          `${short(m.date)} ${m.time} · ${m.bodyName} · ${t.wheel[m.status]}`,
          m.location ? ` · ${m.location}` : '',
        ),
      ),
    ),
  );
}
