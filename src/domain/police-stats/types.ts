/**
 * Police statistics (issue 16): the figures the police bring to every youth-team and
 * coordination-group meeting and that fill the annual report's police chapter (the seed's
 * «Tabell 1–3»). Only counts of reports and of people by category, never free text.
 */

/** The four extracts the police deliver. */
export const POLICE_TABLES = ['offences', 'offencesByAge', 'persons', 'monthly'] as const;
export type PoliceTable = (typeof POLICE_TABLES)[number];

/** The police's age bands for suspects: all of 10–17, and its two halves. */
export const AGE_BANDS = ['10-17', '10-14', '15-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Unique suspects are counted per gender; `all` is both. */
export const GENDERS = ['all', 'girls', 'boys'] as const;
export type Gender = (typeof GENDERS)[number];

/** The category of the total row («Total», «Totalt», «Sum»). */
export const TOTAL = 'Total';

/** Years of history the bot keeps and shows (at least ten, by the issue). */
export const HISTORY_YEARS = 12;
/** The annual report's tables, as in the seed: eight years and the change. */
export const REPORT_YEARS = 8;
/** Normal variation: the range of this many previous years. */
export const VARIATION_YEARS = 7;
/** Fewer previous years than this: no judgement of normal variation. */
export const VARIATION_MIN_YEARS = 3;

/**
 * One figure: reports with a suspect in `band` of `category` in `year` (and `month`, 1–12, in
 * the monthly table; 0 otherwise), or for `persons` the unique suspects of `gender` in `band`.
 */
export interface PoliceFigure {
  readonly table: PoliceTable;
  readonly year: number;
  /** 1–12 in the monthly table, 0 for a whole year. */
  readonly month: number;
  readonly band: AgeBand;
  /** `all` except in the persons table. */
  readonly gender: Gender;
  /** The offence type as the configured list names it (or as pasted, when new); '' in the persons table. */
  readonly category: string;
  /** The main type a subcategory belongs to (Butikktyveri → Vinning); undefined for main types and the total. */
  readonly parent?: string;
  /** The row's place in the police's table, so tables keep their shape. */
  readonly order: number;
  readonly value: number;
}

/** Who stored a figure, and from which import. */
export interface StoredPoliceFigure extends PoliceFigure {
  readonly importId: string;
  readonly importedBy: string;
  readonly importedByName: string;
  readonly importedAt: string;
}

/** The key that says two figures are the same cell (a later import replaces it). */
export function figureKey(f: Pick<PoliceFigure, 'table' | 'year' | 'month' | 'band' | 'gender' | 'category'>): string {
  return [f.table, f.year, f.month, f.band, f.gender, categoryKey(f.category)].join('|');
}

/**
 * A category's key: case, spaces, dots and dashes do not matter («Mot. off. tj.person» =
 * «Mot off tj.person» = «mot. off. tj. person»). Letters and digits only, æøå kept.
 */
export function categoryKey(label: string): string {
  return label
    .normalize('NFC')
    .toLocaleLowerCase('nb-NO')
    .replace(/[^a-z0-9æøåäöü]+/g, '');
}

/** A main offence type: not a subcategory and not the total. */
export const isMainType = (f: Pick<PoliceFigure, 'parent' | 'category'>): boolean => !f.parent && f.category !== TOTAL;
