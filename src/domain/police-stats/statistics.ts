import { type CellMark, suppressTable } from '../digest';
import { type AgeBand, type Gender, isMainType, type PoliceFigure, type PoliceTable, REPORT_YEARS, TOTAL, VARIATION_MIN_YEARS, VARIATION_YEARS } from './types';

/**
 * What the police's figures say: the change from last year, whether a year lies within the
 * range of the years before it (the reports' «innenfor normalvariasjonen de siste sju årene»),
 * the update that opens a meeting, the digest's police section and the annual report's tables.
 * Pure functions over stored figures.
 */

type Figures = readonly PoliceFigure[];

/** Where a year's figure lies against the previous years' range. */
export interface Variation {
  readonly position: 'within' | 'above' | 'below';
  readonly min: number;
  readonly max: number;
  /** How many previous years the range is taken over (up to VARIATION_YEARS). */
  readonly years: number;
}

/**
 * The year's figure against the range (min–max) of the VARIATION_YEARS years before it; needs
 * at least VARIATION_MIN_YEARS of them. Within includes the ends.
 */
export function normalVariation(values: ReadonlyMap<number, number>, year: number): Variation | undefined {
  const v = values.get(year);
  if (v === undefined) return undefined;
  const previous: number[] = [];
  for (let y = year - VARIATION_YEARS; y < year; y++) {
    const p = values.get(y);
    if (p !== undefined) previous.push(p);
  }
  if (previous.length < VARIATION_MIN_YEARS) return undefined;
  const min = Math.min(...previous);
  const max = Math.max(...previous);
  return { position: v < min ? 'below' : v > max ? 'above' : 'within', min, max, years: previous.length };
}

/** The change from the year before, when both are known. */
export function changeFrom(values: ReadonlyMap<number, number>, year: number): number | undefined {
  const a = values.get(year - 1);
  const b = values.get(year);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** One row of a table across years. */
export interface YearRow {
  readonly category: string;
  readonly parent?: string;
  readonly gender: Gender;
  readonly band: AgeBand;
  /** One per year of the table; undefined where the police gave no figure. */
  readonly values: readonly (number | undefined)[];
  /** The last year against the one before. */
  readonly change?: number;
  /** Main offence types only: the last year against the previous seven. */
  readonly variation?: Variation;
}

export interface YearTable {
  readonly table: PoliceTable;
  readonly band: AgeBand;
  readonly years: readonly number[];
  readonly rows: readonly YearRow[];
}

/** The year span ending at `lastYear`, as in the seed's tables (eight years). */
export function yearSpan(lastYear: number, span = REPORT_YEARS): number[] {
  return Array.from({ length: span }, (_, i) => lastYear - span + 1 + i);
}

const valuesOf = (rows: Figures): Map<number, number> => new Map(rows.map((f) => [f.year, f.value]));

/** An offence table (`offences` or `offencesByAge` for one band) for the years ending at `lastYear`, in the police's row order. */
export function offenceTable(figures: Figures, table: 'offences' | 'offencesByAge', band: AgeBand, lastYear: number, span = REPORT_YEARS): YearTable {
  const years = yearSpan(lastYear, span);
  const mine = figures.filter((f) => f.table === table && f.band === band && f.month === 0);
  const byCategory = new Map<string, PoliceFigure[]>();
  for (const f of [...mine].sort((a, b) => a.order - b.order || b.year - a.year)) {
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  const rows: YearRow[] = [];
  for (const [category, list] of byCategory) {
    const values = valuesOf(list);
    if (!years.some((y) => values.has(y))) continue;
    const parent = list.find((f) => f.parent)?.parent;
    const main = isMainType({ category, parent });
    rows.push({
      category,
      ...(parent ? { parent } : {}),
      gender: 'all',
      band,
      values: years.map((y) => values.get(y)),
      change: changeFrom(values, lastYear),
      variation: main ? normalVariation(values, lastYear) : undefined,
    });
  }
  // The total last, as the police print it.
  return { table, band, years, rows: [...rows.filter((r) => r.category !== TOTAL), ...rows.filter((r) => r.category === TOTAL)] };
}

/** The persons table in the seed's order: girls (all, 10–14, 15–17), boys, then both. */
export const PERSON_ROWS: readonly { readonly gender: Gender; readonly band: AgeBand }[] = [
  { gender: 'girls', band: '10-17' },
  { gender: 'girls', band: '10-14' },
  { gender: 'girls', band: '15-17' },
  { gender: 'boys', band: '10-17' },
  { gender: 'boys', band: '10-14' },
  { gender: 'boys', band: '15-17' },
  { gender: 'all', band: '10-17' },
  { gender: 'all', band: '10-14' },
  { gender: 'all', band: '15-17' },
];

export function personsTable(figures: Figures, lastYear: number, span = REPORT_YEARS): YearTable {
  const years = yearSpan(lastYear, span);
  const rows: YearRow[] = [];
  for (const { gender, band } of PERSON_ROWS) {
    const values = valuesOf(figures.filter((f) => f.table === 'persons' && f.gender === gender && f.band === band));
    if (!years.some((y) => values.has(y))) continue;
    rows.push({ category: '', gender, band, values: years.map((y) => values.get(y)), change: changeFrom(values, lastYear) });
  }
  return { table: 'persons', band: '10-17', years, rows };
}

/**
 * Small counts of people in the persons table (as `suppressTable` for the digest's two-way
 * tables): the gender × band cells (girls and boys by 10–14 and 15–17) of each year are one
 * two-way table whose totals are published too. The marks per row and year.
 */
export function personMarks(table: YearTable, suppressBelow: number): CellMark[][] {
  const marks: CellMark[][] = table.rows.map((r) => r.values.map(() => 'shown' as CellMark));
  const at = (gender: Gender, band: AgeBand): number => table.rows.findIndex((r) => r.gender === gender && r.band === band);
  const cells = [
    [at('girls', '10-14'), at('girls', '15-17')],
    [at('boys', '10-14'), at('boys', '15-17')],
  ];
  table.years.forEach((_, j) => {
    const values = cells.map((row) => row.map((i) => (i >= 0 ? (table.rows[i]!.values[j] ?? 0) : 0)));
    const m = suppressTable(values, suppressBelow);
    cells.forEach((row, a) => {
      row.forEach((i, b) => {
        if (i >= 0) marks[i]![j] = m[a]![b]!;
      });
    });
  });
  return marks;
}

/** The last year with a figure in a table, up to `notAfter`. */
export function latestYear(figures: Figures, table: PoliceTable, notAfter: number): number | undefined {
  let best: number | undefined;
  for (const f of figures) if (f.table === table && f.year <= notAfter && (best === undefined || f.year > best)) best = f.year;
  return best;
}

/** Reports per month of a year for one offence type (TOTAL: the total row, or else the main types summed). */
export function monthValues(figures: Figures, year: number, category = TOTAL): (number | undefined)[] {
  const mine = figures.filter((f) => f.table === 'monthly' && f.year === year && f.band === '10-17');
  const exact = mine.filter((f) => f.category === category);
  const use = exact.length > 0 || category !== TOTAL ? exact : mine.filter((f) => isMainType(f));
  return Array.from({ length: 12 }, (_, i) => {
    const of = use.filter((f) => f.month === i + 1);
    return of.length ? of.reduce((s, f) => s + f.value, 0) : undefined;
  });
}

/** The latest (year, month) with a monthly figure, not after `asOf`. */
export function latestMonth(figures: Figures, asOf: { year: number; month: number }): { year: number; month: number } | undefined {
  let best: { year: number; month: number } | undefined;
  for (const f of figures) {
    if (f.table !== 'monthly' || f.month === 0) continue;
    if (f.year > asOf.year || (f.year === asOf.year && f.month > asOf.month)) continue;
    if (!best || f.year > best.year || (f.year === best.year && f.month > best.month)) best = { year: f.year, month: f.month };
  }
  return best;
}

/** Sum of months 1..month; undefined unless every month is there. */
function sumTo(values: readonly (number | undefined)[], month: number): number | undefined {
  let sum = 0;
  for (let i = 0; i < month; i++) {
    const v = values[i];
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

/** A figure against the same period last year. */
export interface Compared {
  readonly value: number;
  readonly previous?: number;
  readonly change?: number;
}

const compared = (value: number | undefined, previous: number | undefined): Compared | undefined =>
  value === undefined ? undefined : { value, ...(previous === undefined ? {} : { previous, change: value - previous }) };

/** One offence type's change, for «the largest changes». */
export interface TypeChange extends Compared {
  readonly category: string;
}

/**
 * Year to date per main offence type, from the monthly figures by type: January up to `month`
 * against the same months last year. Empty when the police gave months for the total only.
 */
export function yearToDateByType(figures: Figures, year: number, month: number): TypeChange[] {
  const types = [...new Set(figures.filter((f) => f.table === 'monthly' && f.year === year && isMainType(f)).map((f) => f.category))];
  const out: TypeChange[] = [];
  for (const category of types) {
    const c = compared(sumTo(monthValues(figures, year, category), month), sumTo(monthValues(figures, year - 1, category), month));
    if (c) out.push({ category, ...c });
  }
  return out;
}

/** The main offence types of a year's table against the year before. */
export function yearByType(figures: Figures, year: number): TypeChange[] {
  const t = offenceTable(figures, 'offences', '10-17', year, 2);
  return t.rows.filter((r) => isMainType(r) && r.values[1] !== undefined).map((r) => ({ category: r.category, ...compared(r.values[1], r.values[0])! }));
}

/** The `n` largest changes (by size, either way), largest first; ties by name. */
export function largestChanges(changes: readonly TypeChange[], n = 3): TypeChange[] {
  return changes
    .filter((c) => c.change !== undefined && c.change !== 0)
    .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!) || a.category.localeCompare(b.category, 'nb'))
    .slice(0, n);
}

/** The police item of a meeting's agenda. */
export interface PoliceUpdate {
  /** The latest month with figures against the same month last year. */
  readonly latest?: { readonly year: number; readonly month: number } & Compared;
  /** January to that month against the same months last year. */
  readonly yearToDate?: { readonly year: number; readonly month: number } & Compared;
  /** The three largest changes per main offence type: year to date, or else the last whole year. */
  readonly changes: readonly TypeChange[];
  readonly changesBasis:
    | { readonly kind: 'yearToDate'; readonly year: number; readonly month: number }
    | { readonly kind: 'year'; readonly year: number }
    | undefined;
}

/** The update as of a day (the meeting's): only figures up to its month count. */
export function policeUpdate(figures: Figures, asOf: { year: number; month: number }): PoliceUpdate | undefined {
  const at = latestMonth(figures, asOf);
  let latest: PoliceUpdate['latest'];
  let ytd: PoliceUpdate['yearToDate'];
  let changes: TypeChange[] = [];
  let basis: PoliceUpdate['changesBasis'];
  if (at) {
    const now = monthValues(figures, at.year);
    const before = monthValues(figures, at.year - 1);
    const l = compared(now[at.month - 1], before[at.month - 1]);
    if (l) latest = { ...at, ...l };
    const y = compared(sumTo(now, at.month), sumTo(before, at.month));
    if (y) ytd = { ...at, ...y };
    changes = largestChanges(yearToDateByType(figures, at.year, at.month));
    if (changes.length) basis = { kind: 'yearToDate', ...at };
  }
  if (!changes.length) {
    const year = latestYear(figures, 'offences', asOf.year);
    if (year !== undefined) {
      changes = largestChanges(yearByType(figures, year));
      if (changes.length) basis = { kind: 'year', year };
    }
  }
  if (!latest && !ytd && !changes.length) return undefined;
  return { latest, yearToDate: ytd, changes, changesBasis: basis };
}
