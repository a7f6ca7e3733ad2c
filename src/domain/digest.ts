import { DateTime } from 'luxon';
import { OSLO } from './calendar';

/**
 * The monthly digest's trend statistics (issue 6, DOMAIN.md "What the board reads today"): pure
 * aggregation over a stream of trend categories — counts per month, focus area and body; change
 * from the previous month and from the average of the three months before; the topics that rose
 * most; a six-month series per focus area — each a count by one characteristic, shown exactly —
 * and the small-count suppression of two-way tables (the annual report's focus area × youth team,
 * the police's suspects by gender × age). Memory is bounded by months × areas × bodies, never by
 * the number of rows, so the storage side can stream table pages straight in.
 */

/** One trend topic as the digest sees it: categories only — never its text, never its reporter. */
export interface TrendFact {
  readonly bodyId: string;
  /** Oslo month YYYY-MM. */
  readonly month: string;
  readonly focusAreaId: string;
  readonly focusAreaLabel: string;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed YYYY-MM. */
export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

/** The month `n` months after (negative: before) a YYYY-MM month. */
export function shiftMonth(month: string, n: number): string {
  return DateTime.fromFormat(month, 'yyyy-LL', { zone: OSLO }).plus({ months: n }).toFormat('yyyy-LL');
}

/** The first instant of an Oslo month, UTC ISO (e.g. '2026-09-30T22:00:00.000Z' for 2026-10). */
export function monthStartUtc(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-LL', { zone: OSLO }).toUTC().toISO() ?? '';
}

/** The Oslo month (YYYY-MM) an instant falls in. */
export function monthOfInstant(iso: string): string {
  return DateTime.fromISO(iso, { zone: OSLO }).toFormat('yyyy-LL');
}

/** The Oslo calendar date (YYYY-MM-DD) an instant falls on. */
export function dayOfInstant(iso: string): string {
  return DateTime.fromISO(iso, { zone: OSLO }).toISODate() ?? '';
}

/** The months a digest of `month` reads, oldest first: the month and the five before (the chart's six). */
export function digestWindow(month: string): string[] {
  return [-5, -4, -3, -2, -1, 0].map((n) => shiftMonth(month, n));
}

/** Counts per month → focus area → body, and the latest label seen per focus area. */
export interface TrendCounts {
  readonly months: readonly string[];
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * Counts a stream of trend facts into the months asked for (rows of other months are ignored).
 * Accepts any (async) iterable, so a table scan's pages flow through without being collected.
 */
export async function countTrends(rows: AsyncIterable<TrendFact> | Iterable<TrendFact>, months: readonly string[]): Promise<TrendCounts> {
  const wanted = new Set(months);
  const cells = new Map<string, Map<string, Map<string, number>>>();
  const labels = new Map<string, string>();
  for await (const r of rows) {
    if (!wanted.has(r.month)) continue;
    let byArea = cells.get(r.month);
    if (!byArea) {
      byArea = new Map();
      cells.set(r.month, byArea);
    }
    let byBody = byArea.get(r.focusAreaId);
    if (!byBody) {
      byBody = new Map();
      byArea.set(r.focusAreaId, byBody);
    }
    byBody.set(r.bodyId, (byBody.get(r.bodyId) ?? 0) + 1);
    if (r.focusAreaLabel && !labels.has(r.focusAreaId)) labels.set(r.focusAreaId, r.focusAreaLabel);
  }
  return { months: [...months], cells, labels };
}

/** Count of one month, optionally of one focus area and/or one body. */
export function countOf(c: TrendCounts, month: string, areaId?: string, bodyId?: string): number {
  const byArea = c.cells.get(month);
  if (!byArea) return 0;
  let sum = 0;
  for (const [a, byBody] of byArea) {
    if (areaId !== undefined && a !== areaId) continue;
    for (const [b, n] of byBody) if (bodyId === undefined || b === bodyId) sum += n;
  }
  return sum;
}

/** A count with its changes: from the previous month, and from the average of the three months before. */
export interface Change {
  readonly count: number;
  readonly previous: number;
  /** Average of the three months before the month (one decimal). */
  readonly average3: number;
  readonly changePrevious: number;
  /** count − average3 (one decimal). */
  readonly changeAverage: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The change figures of a month for a slice chosen by `of(month)`. */
export function changeOf(month: string, of: (m: string) => number): Change {
  const count = of(month);
  const previous = of(shiftMonth(month, -1));
  const average3 = round1((previous + of(shiftMonth(month, -2)) + of(shiftMonth(month, -3))) / 3);
  return { count, previous, average3, changePrevious: count - previous, changeAverage: round1(count - average3) };
}

/** How a cell of a two-dimensional breakdown is shown. */
export type CellMark = 'shown' | 'small' | 'hidden';

/**
 * Suppression for a table of counts (rows × columns) whose row and column totals are published
 * elsewhere: counts from 1 to `below − 1` are 'small' (shown as "<3"); then, so that no small
 * count can be worked out from the totals, every row and column that has exactly one suppressed
 * cell gets a second one ('hidden'): its smallest other non-zero count, or else a zero.
 * Repeated until every row and column has none or at least two. `below` ≤ 1 suppresses nothing.
 */
export function suppressTable(values: readonly (readonly number[])[], below: number): CellMark[][] {
  const marks: CellMark[][] = values.map((row) => row.map((v) => (v > 0 && v < below ? 'small' : 'shown')));
  const rows = values.length;
  const cols = rows ? values[0]!.length : 0;
  const lines: [number, number][][] = [
    ...Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j): [number, number] => [i, j])),
    ...Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i): [number, number] => [i, j])),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const open = line.filter(([i, j]) => marks[i]![j] === 'shown');
      if (line.length - open.length !== 1 || open.length === 0) continue;
      const nonZero = open.filter(([i, j]) => values[i]![j]! > 0).sort((a, b) => values[a[0]]![a[1]]! - values[b[0]]![b[1]]!);
      const [i, j] = nonZero[0] ?? open[0]!;
      marks[i]![j] = 'hidden';
      changed = true;
    }
  }
  return marks;
}

/** A focus area or body line of the digest: its id and label with the change figures. */
export interface TrendLine extends Change {
  readonly id: string;
  readonly label: string;
}

export interface TrendSummary {
  readonly month: string;
  readonly total: Change;
  readonly byArea: readonly TrendLine[];
  readonly byBody: readonly TrendLine[];
  readonly emerging: readonly TrendLine[];
  /** Six months, oldest first, and one series of counts per focus area seen in them. */
  readonly chart: {
    readonly months: readonly string[];
    readonly series: readonly { readonly id: string; readonly label: string; readonly values: readonly number[] }[];
  };
}

export interface SummaryOptions {
  /** The network's focus areas in their order, labels in the reader's language. */
  readonly areas: readonly { readonly id: string; readonly label: string }[];
  /** Body names by id, in the order to show them. */
  readonly bodies: readonly { readonly id: string; readonly label: string }[];
  /** How many rising topics to name. Default 3. */
  readonly emergingCount?: number;
}

/**
 * Everything the digest says about the trends of `month`. Focus areas and bodies are listed
 * when they have any count in the six months read; an area no longer configured keeps the label
 * it was reported under.
 */
export function summariseTrends(c: TrendCounts, month: string, o: SummaryOptions): TrendSummary {
  const window = digestWindow(month);
  const seenAreas = new Set<string>();
  const seenBodies = new Set<string>();
  for (const m of window) {
    for (const [a, byBody] of c.cells.get(m) ?? []) {
      for (const [b, n] of byBody) {
        if (n === 0) continue;
        seenAreas.add(a);
        seenBodies.add(b);
      }
    }
  }
  const areas = ordered(o.areas, seenAreas, c.labels);
  const bodies = ordered(o.bodies, seenBodies, new Map());
  const byArea = areas.map((a) => ({ ...a, ...changeOf(month, (m) => countOf(c, m, a.id)) }));
  const byBody = bodies.map((b) => ({ ...b, ...changeOf(month, (m) => countOf(c, m, undefined, b.id)) }));
  const emerging = byArea
    .filter((l) => l.count > 0 && l.changeAverage > 0)
    .sort((x, y) => y.changeAverage - x.changeAverage || y.changePrevious - x.changePrevious || x.label.localeCompare(y.label, 'nb'))
    .slice(0, o.emergingCount ?? 3);
  return {
    month,
    total: changeOf(month, (m) => countOf(c, m)),
    byArea,
    byBody,
    emerging,
    chart: { months: window, series: areas.map((a) => ({ id: a.id, label: a.label, values: window.map((m) => countOf(c, m, a.id)) })) },
  };
}

/** The configured entries that were seen, in their order, then the others seen, by label. */
function ordered(
  known: readonly { id: string; label: string }[],
  seen: ReadonlySet<string>,
  labels: ReadonlyMap<string, string>,
): { id: string; label: string }[] {
  const out = known.filter((k) => seen.has(k.id)).map(({ id, label }) => ({ id, label }));
  const rest = [...seen].filter((id) => !known.some((k) => k.id === id)).map((id) => ({ id, label: labels.get(id) ?? id }));
  return [...out, ...rest.sort((a, b) => a.label.localeCompare(b.label, 'nb'))];
}

/** How a count is shown in a two-dimensional breakdown: the number, "<3", or ":" (hidden to protect a "<3"). */
export function shownCount(value: number, mark: CellMark, below: number): string {
  return mark === 'small' ? `<${below}` : mark === 'hidden' ? ':' : String(value);
}
