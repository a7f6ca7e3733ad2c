/**
 * How far the digest card is shortened to stay within Teams' card limit (~28 KB; a larger post
 * is refused with a 4xx and the scheduled digest would never arrive). The card is rendered at
 * each level in turn until it fits. The order keeps longest what the board reads first:
 *   1. the chart's fallback table (for clients that draw no charts) keeps the latest 3 months;
 *   2. lists are cut with «… og n til», and the per-body and meetings tables keep the bodies
 *      with most, the rest summed as «Andre»;
 *   3. the chart's fallback table gives way to a pointer to the tab; fewer bodies in the tables;
 *   4. the police's gender × age table is left out, and last the per-area table and the chart
 *      keep the largest areas.
 * A table cell costs ~110 bytes of card JSON, so tables, not text, decide the size. Every
 * shortened card says so and where the rest is.
 */
export interface Level {
  /** The police's suspects by gender × age band (the card's one two-way table) is shown. */
  readonly twoWay: boolean;
  /** Latest months in the chart's fallback table; 0: a pointer to the tab instead (the chart stays). */
  readonly fallbackMonths: number;
  /** Lines per list before «… og n til». */
  readonly lines: number;
  /** Bodies kept as rows of the per-body and meetings tables (the rest summed as «Andre»). */
  readonly rows: number;
  /** Focus areas kept in the per-area table and the chart (the rest summed as «Andre»). */
  readonly areas: number;
}

const ALL = Number.POSITIVE_INFINITY;

export const FULL: Level = { twoWay: true, fallbackMonths: 6, lines: 12, rows: ALL, areas: ALL };

const CUT: Level = { twoWay: true, fallbackMonths: 3, lines: 3, rows: 5, areas: ALL };

export const LEVELS: readonly Level[] = [
  FULL,
  { ...FULL, fallbackMonths: 3 },
  { ...CUT, lines: 5, rows: 10 },
  CUT,
  { ...CUT, fallbackMonths: 0 },
  { ...CUT, fallbackMonths: 0, rows: 3 },
  { ...CUT, fallbackMonths: 0, rows: 3, twoWay: false },
  { ...CUT, fallbackMonths: 0, rows: 3, twoWay: false, lines: 2, areas: 8 },
];
