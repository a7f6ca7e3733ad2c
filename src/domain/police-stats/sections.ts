import type { CellMark } from '../digest';
import { suppressTable } from '../digest';
import {
  type Compared,
  latestMonth,
  latestYear,
  monthValues,
  offenceTable,
  personMarks,
  personsTable,
  type TypeChange,
  type YearTable,
  yearByType,
  yearToDateByType,
} from './statistics';
import { type AgeBand, isMainType, type PoliceFigure, TOTAL } from './types';

type Figures = readonly PoliceFigure[];

/**
 * The police's part of the monthly digest: per main offence type, year to date against the
 * same months last year (or, without monthly figures by type, the last whole year against the
 * one before), and unique suspects by gender × age band of the last year with small counts
 * suppressed — two characteristics of few young people can single them out. Plain data: the
 * archive keeps it as it was sent.
 */
export interface PoliceDigest {
  readonly basis: { readonly kind: 'yearToDate'; readonly year: number; readonly month: number } | { readonly kind: 'year'; readonly year: number };
  /** Main offence types, largest first. */
  readonly rows: readonly TypeChange[];
  readonly total?: Compared;
  readonly persons?: {
    readonly year: number;
    /** Rows: girls, boys; columns: 10–14, 15–17. */
    readonly values: readonly (readonly number[])[];
    readonly marks: readonly (readonly CellMark[])[];
  };
}

const BANDS: readonly AgeBand[] = ['10-14', '15-17'];

/** The digest's police section for a month (YYYY-MM); undefined when there are no figures up to it. */
export function policeDigest(figures: Figures, month: string, suppressBelow: number): PoliceDigest | undefined {
  const year = Number(month.slice(0, 4));
  const asOf = { year, month: Number(month.slice(5, 7)) };
  let basis: PoliceDigest['basis'] | undefined;
  let rows: TypeChange[] = [];
  let total: Compared | undefined;
  const at = latestMonth(figures, asOf);
  if (at && at.year === year) {
    rows = yearToDateByType(figures, at.year, at.month);
    const sum = (y: number): number | undefined => {
      const v = monthValues(figures, y).slice(0, at.month);
      return v.every((x) => x !== undefined) ? v.reduce((s: number, x) => s + x!, 0) : undefined;
    };
    const now = sum(at.year);
    const before = sum(at.year - 1);
    if (now !== undefined) total = { value: now, ...(before !== undefined ? { previous: before, change: now - before } : {}) };
    if (rows.length || total) basis = { kind: 'yearToDate', ...at };
  }
  if (!rows.length) {
    const last = latestYear(figures, 'offences', year);
    if (last !== undefined) {
      rows = yearByType(figures, last);
      const t = offenceTable(figures, 'offences', '10-17', last, 2).rows.find((r) => r.category === TOTAL);
      if (basis?.kind !== 'yearToDate') {
        basis = { kind: 'year', year: last };
        total =
          t?.values[1] !== undefined
            ? { value: t.values[1], ...(t.values[0] !== undefined ? { previous: t.values[0], change: t.values[1] - t.values[0] } : {}) }
            : undefined;
      }
    }
  }
  const personsYear = latestYear(figures, 'persons', year);
  let persons: PoliceDigest['persons'];
  if (personsYear !== undefined) {
    const cell = (gender: 'girls' | 'boys', band: AgeBand): number =>
      figures.find((f) => f.table === 'persons' && f.year === personsYear && f.gender === gender && f.band === band)?.value ?? 0;
    const values = (['girls', 'boys'] as const).map((g) => BANDS.map((b) => cell(g, b)));
    if (values.some((r) => r.some((v) => v > 0))) persons = { year: personsYear, values, marks: suppressTable(values, suppressBelow) };
  }
  if (!basis && !persons) return undefined;
  return {
    basis: basis ?? { kind: 'year', year: personsYear ?? year },
    rows: [...rows].sort((a, b) => b.value - a.value || a.category.localeCompare(b.category, 'nb')),
    ...(total ? { total } : {}),
    ...(persons ? { persons } : {}),
  };
}

/** One main offence type in the annual report: its eight years, this year's figure, change and range. */
export interface ChapterType {
  readonly category: string;
  readonly years: readonly number[];
  readonly values: readonly (number | undefined)[];
  readonly value?: number;
  readonly change?: number;
  readonly variation?: YearTable['rows'][number]['variation'];
}

/**
 * The annual report's police chapter for a year: the three tables in the seed's shape (reports
 * 10–17 by offence type, the same by 10–14 and 15–17, unique suspects by gender and age band),
 * eight years and the change from last year, reports per month against last year, and per main
 * offence type whether the year lies within the previous seven years' range.
 */
export interface PoliceChapter {
  readonly year: number;
  readonly offences: YearTable;
  readonly byAge: readonly YearTable[];
  readonly persons: YearTable;
  readonly personMarks: readonly (readonly CellMark[])[];
  readonly months: { readonly values: readonly (number | undefined)[]; readonly previous: readonly (number | undefined)[] };
  readonly mainTypes: readonly ChapterType[];
  readonly total?: Compared;
}

export function policeChapter(figures: Figures, year: number, suppressBelow: number): PoliceChapter | undefined {
  const mine = figures.filter((f) => f.year <= year);
  if (!mine.some((f) => f.year === year)) return undefined;
  const offences = offenceTable(mine, 'offences', '10-17', year);
  const persons = personsTable(mine, year);
  const last = offences.years.length - 1;
  const totalRow = offences.rows.find((r) => r.category === TOTAL);
  return {
    year,
    offences,
    byAge: BANDS.map((b) => offenceTable(mine, 'offencesByAge', b, year)).filter((t) => t.rows.length > 0),
    persons,
    personMarks: personMarks(persons, suppressBelow),
    months: { values: monthValues(mine, year), previous: monthValues(mine, year - 1) },
    mainTypes: offences.rows
      .filter((r) => isMainType(r))
      .map((r) => ({ category: r.category, years: offences.years, values: r.values, value: r.values[last], change: r.change, variation: r.variation })),
    ...(totalRow?.values[last] !== undefined
      ? {
          total: {
            value: totalRow.values[last]!,
            ...(totalRow.change !== undefined ? { previous: totalRow.values[last]! - totalRow.change, change: totalRow.change } : {}),
          },
        }
      : {}),
  };
}
