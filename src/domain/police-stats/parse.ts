import { screenText } from '../guard';
import { ageBandOf, matchCategory, matchLabel, monthOfLabel, type OffenceCategory, personGroupOf } from './categories';
import { type AgeBand, figureKey, type Gender, type PoliceFigure, type PoliceTable, TOTAL } from './types';

/**
 * Reads the tables pasted from the police's spreadsheet (issue 16). Separated by semicolons or
 * tabs (a spreadsheet's copy), or by spaces as the tables stand in a PDF's text (the label is
 * what comes before the figures). The first row of each table holds the years, optionally
 * followed by a change column («23-24», «Endring»): that column is recomputed, never trusted,
 * and a pasted change that differs is only noted. Then one row per offence type (or person
 * group, or month). In `offencesByAge` a line «10-14 år» / «15-17 år» starts each band's table;
 * in `monthly` a line naming an offence type starts that type's months (without one: all types).
 * Lines with no figures at all (captions, headings) are skipped and listed. Every line that has
 * figures but cannot be read is returned with the reason, and then nothing is to be stored.
 * Pure: no storage, no language — the reasons are codes the caller words.
 */

export type LineProblem =
  | { readonly code: 'notNumber'; readonly token: string; readonly column: string }
  | { readonly code: 'negative'; readonly token: string; readonly column: string }
  | { readonly code: 'tooLarge'; readonly token: string; readonly column: string }
  | { readonly code: 'tooFewValues'; readonly found: number; readonly expected: number; readonly before: string }
  | { readonly code: 'tooManyValues'; readonly found: number; readonly expected: number }
  | { readonly code: 'noHeader' }
  | { readonly code: 'noLabel' }
  | { readonly code: 'noBand' }
  | { readonly code: 'unknownGroup'; readonly label: string }
  | { readonly code: 'notMonth'; readonly label: string }
  | { readonly code: 'duplicate'; readonly label: string; readonly column: string }
  | { readonly code: 'badYear'; readonly token: string }
  | { readonly code: 'futureYear'; readonly year: number }
  | { readonly code: 'tooManyRows'; readonly max: number }
  /** A new category's name the confidentiality guard refuses (it looks like a person's details). */
  | { readonly code: 'guarded'; readonly label: string };

export type LineNote =
  | { readonly code: 'newCategory'; readonly label: string }
  | { readonly code: 'changeDiffers'; readonly label: string; readonly given: string; readonly computed: number }
  | { readonly code: 'skipped' }
  | { readonly code: 'repeated'; readonly label: string };

export interface Numbered<T> {
  /** 1-based line number in the pasted text. */
  readonly line: number;
  /** The line as pasted (shortened), so the person finds it. */
  readonly text: string;
  readonly what: T;
}

export interface PoliceImport {
  readonly table: PoliceTable;
  readonly figures: readonly PoliceFigure[];
  /** Every year the import has a figure for, ascending. */
  readonly years: readonly number[];
  readonly bands: readonly AgeBand[];
  readonly problems: readonly Numbered<LineProblem>[];
  readonly notes: readonly Numbered<LineNote>[];
}

export interface ParseOptions {
  readonly categories: readonly OffenceCategory[];
  /** The current year: later years are refused. */
  readonly thisYear: number;
}

export const MAX_LINES = 600;
export const MAX_ROWS_PER_TABLE = 80;
export const MAX_VALUE = 1_000_000;
const MIN_YEAR = 1990;

/** Cells that mean «no figure» (SSB writes «..» and «:»). */
const MISSING = new Set(['', '-', '–', '—', '..', ':']);
const YEAR_RE = /^(19|20)\d\d$/;
const CHANGE_RE = /^(endring|change|diff|\+\/-|±)?\s*(\(?\d{2,4}\s*[-–/]\s*\d{2,4}\)?)?$/i;
/** A token in a space-separated row that stands where a figure stands: starts with a digit or sign. */
const VALUE_LIKE = /^[-−–+]?[0-9][0-9a-zA-Z.,%]*$|^[-−–+]?[.,][0-9]+$/;

const short = (s: string): string => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

interface Header {
  readonly years: readonly number[];
  readonly change: boolean;
}

/** A line split into its label and value cells (undefined: nothing there). */
interface Split {
  readonly label: string;
  readonly cells: readonly string[];
  /** Space-separated: fewer figures than columns, and the token before them. */
  readonly short?: { readonly found: number; readonly before: string };
}

function splitCells(line: string): string[] | undefined {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  if (line.includes(';')) return line.split(';').map((c) => c.trim());
  return undefined;
}

/** The header's years and change column, if the line is a header. */
function headerOf(line: string): { header: Header; bad?: string } | undefined {
  const cells = splitCells(line) ?? line.trim().split(/\s+/);
  const first = cells.findIndex((c) => YEAR_RE.test(c));
  if (first < 0) return undefined;
  // Leading cells that are not years form a label («Lovbruddstype»); it must hold no figures.
  if (cells.slice(0, first).some((c) => VALUE_LIKE.test(c))) return undefined;
  const rest = cells.slice(first);
  let n = 0;
  while (n < rest.length && YEAR_RE.test(rest[n]!)) n++;
  const tail = rest.slice(n).join(' ').trim();
  if (tail && !CHANGE_RE.test(tail)) return undefined;
  const years = rest.slice(0, n).map(Number);
  const dup = years.find((y, i) => years.indexOf(y) !== i);
  return { header: { years, change: tail !== '' }, bad: dup !== undefined ? String(dup) : undefined };
}

/** Splits a data line: label, then one cell per header column. */
function splitRow(line: string, width: number, monthly: boolean): Split {
  const cells = splitCells(line);
  if (cells) {
    const values = cells.slice(1);
    while (values.length > width && values[values.length - 1] === '') values.pop();
    return { label: cells[0] ?? '', cells: values };
  }
  const tokens = line.trim().split(/\s+/);
  if (monthly) return { label: tokens[0] ?? '', cells: tokens.slice(1) };
  let k = 0;
  while (k < width && k < tokens.length && (VALUE_LIKE.test(tokens[tokens.length - 1 - k]!) || MISSING.has(tokens[tokens.length - 1 - k]!))) k++;
  const label = tokens.slice(0, tokens.length - k).join(' ');
  const cells2 = tokens.slice(tokens.length - k);
  if (k > 0 && k < width) return { label, cells: cells2, short: { found: k, before: tokens[tokens.length - 1 - k] ?? '' } };
  return { label, cells: cells2 };
}

type Value = { ok: true; value?: number } | { ok: false; problem: LineProblem };

function readValue(token: string, column: string, signed: boolean): Value {
  const t = token.replace(/[\s\u00a0\u202f]/g, '').replace(/[−–]/g, '-');
  if (MISSING.has(t.toLowerCase())) return { ok: true };
  if (!/^[-+]?\d+$/.test(t)) return { ok: false, problem: { code: 'notNumber', token, column } };
  const n = Number(t);
  if (n < 0 && !signed) return { ok: false, problem: { code: 'negative', token, column } };
  if (Math.abs(n) > MAX_VALUE) return { ok: false, problem: { code: 'tooLarge', token, column } };
  return { ok: true, value: n };
}

/** What a row's label says, per table. */
type RowTarget =
  | { ok: true; category: string; parent?: string; gender: Gender; band?: AgeBand; month: number; note?: LineNote }
  | { ok: false; problem: LineProblem };

export function parsePoliceTable(table: PoliceTable, text: string, opts: ParseOptions): PoliceImport {
  const figures = new Map<string, PoliceFigure>();
  const problems: Numbered<LineProblem>[] = [];
  const notes: Numbered<LineNote>[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let header: Header | undefined;
  let band: AgeBand | undefined = table === 'offencesByAge' ? undefined : '10-17';
  let monthCategory: { label: string; parent?: string } = { label: TOTAL };
  const order = new Map<string, number>();
  const problem = (line: number, raw: string, what: LineProblem): void => {
    problems.push({ line, text: short(raw.trim()), what });
  };
  const note = (line: number, raw: string, what: LineNote): void => {
    notes.push({ line, text: short(raw.trim()), what });
  };

  if (lines.length > MAX_LINES) problem(MAX_LINES + 1, lines[MAX_LINES] ?? '', { code: 'tooManyRows', max: MAX_LINES });
  for (const [i, raw] of lines.slice(0, MAX_LINES).entries()) {
    const no = i + 1;
    const line = raw.replace(/[\u00a0\u202f]/g, ' ');
    if (!line.trim() || splitCells(line)?.every((c) => c === '')) continue;

    const onlyLabel = line.replace(/[\t;]/g, ' ').trim();
    if (table === 'offencesByAge' && ageBandOf(onlyLabel)) {
      band = ageBandOf(onlyLabel);
      header = undefined;
      continue;
    }
    const h = headerOf(line);
    if (h) {
      if (h.bad) problem(no, raw, { code: 'badYear', token: h.bad });
      for (const y of h.header.years) {
        if (y < MIN_YEAR) problem(no, raw, { code: 'badYear', token: String(y) });
        else if (y > opts.thisYear) problem(no, raw, { code: 'futureYear', year: y });
      }
      header = h.header;
      continue;
    }
    const width = header ? header.years.length + (header.change ? 1 : 0) : 0;
    const split = splitRow(line, Math.max(width, 1), table === 'monthly');
    const hasFigures = split.cells.some((c) => !MISSING.has(c));
    if (!hasFigures) {
      // A line naming an offence type starts its months; anything else without figures is a caption.
      const m = table === 'monthly' ? matchCategory(onlyLabel, opts.categories) : undefined;
      if (m && m.kind !== 'new') monthCategory = { label: matchLabel(m), parent: m.kind === 'known' ? m.parent : undefined };
      else note(no, raw, { code: 'skipped' });
      continue;
    }
    if (!header) {
      problem(no, raw, { code: 'noHeader' });
      continue;
    }
    if (!split.label.trim()) {
      problem(no, raw, { code: 'noLabel' });
      continue;
    }
    if (!band) {
      problem(no, raw, { code: 'noBand' });
      continue;
    }
    if (split.short) {
      problem(no, raw, { code: 'tooFewValues', found: split.short.found, expected: width, before: split.short.before });
      continue;
    }
    if (split.cells.length > width) {
      problem(no, raw, { code: 'tooManyValues', found: split.cells.length, expected: width });
      continue;
    }
    if (split.cells.length < width && table !== 'monthly') {
      problem(no, raw, { code: 'tooFewValues', found: split.cells.length, expected: width, before: split.label });
      continue;
    }

    const target = rowTarget(table, split.label, opts.categories, monthCategory);
    if (!target.ok) {
      problem(no, raw, target.problem);
      continue;
    }
    const rowBand = target.band ?? band;
    const values: (number | undefined)[] = [];
    for (const [j, year] of header.years.entries()) {
      const v = readValue(split.cells[j] ?? '', String(year), false);
      if (!v.ok) {
        problem(no, raw, v.problem);
        continue;
      }
      values.push(v.value);
    }
    const label = target.category || split.label.trim();
    const orderKey = `${rowBand}|${target.gender}|${target.category}`;
    if (!order.has(orderKey)) order.set(orderKey, order.size);
    const row: PoliceFigure[] = [];
    for (const [j, year] of header.years.entries()) {
      const value = values[j];
      if (value === undefined) continue;
      const f: PoliceFigure = {
        table,
        year,
        month: target.month,
        band: rowBand,
        gender: target.gender,
        category: target.category,
        ...(target.parent ? { parent: target.parent } : {}),
        order: order.get(orderKey)!,
        value,
      };
      const before = figures.get(figureKey(f));
      if (before && before.value !== value) {
        problem(no, raw, { code: 'duplicate', label, column: String(year) });
        continue;
      }
      row.push(f);
    }
    if (row.some((f) => figures.has(figureKey(f)))) note(no, raw, { code: 'repeated', label });
    for (const f of row) figures.set(figureKey(f), f);
    if (target.note) note(no, raw, target.note);
    if (header.change) changeNote(no, raw, label, split.cells[header.years.length], values, note);
  }

  const all = [...figures.values()];
  return {
    table,
    figures: all,
    years: [...new Set(all.map((f) => f.year))].sort((a, b) => a - b),
    bands: [...new Set(all.map((f) => f.band))],
    problems,
    notes,
  };
}

function rowTarget(table: PoliceTable, label: string, categories: readonly OffenceCategory[], monthCategory: { label: string; parent?: string }): RowTarget {
  if (table === 'persons') {
    const g = personGroupOf(label);
    if (!g) return { ok: false, problem: { code: 'unknownGroup', label: short(label.trim()) } };
    return { ok: true, category: '', gender: g.gender, band: g.band, month: 0 };
  }
  if (table === 'monthly') {
    const month = monthOfLabel(label);
    if (!month) return { ok: false, problem: { code: 'notMonth', label: short(label.trim()) } };
    return { ok: true, category: monthCategory.label, parent: monthCategory.parent, gender: 'all', month };
  }
  const m = matchCategory(label, categories);
  const category = matchLabel(m).slice(0, 60);
  // A name the police's list does not know is stored and shown: it must not identify anyone.
  if (m.kind === 'new' && !screenText(category).ok) return { ok: false, problem: { code: 'guarded', label: short(category) } };
  return {
    ok: true,
    category,
    parent: m.kind === 'known' ? m.parent : undefined,
    gender: 'all',
    month: 0,
    note: m.kind === 'new' ? { code: 'newCategory', label: category } : undefined,
  };
}

/** The pasted change against the last two years' difference; a difference is only noted. */
function changeNote(
  no: number,
  raw: string,
  label: string,
  given: string | undefined,
  values: readonly (number | undefined)[],
  note: (n: number, r: string, w: LineNote) => void,
): void {
  const [a, b] = [values[values.length - 2], values[values.length - 1]];
  if (given === undefined || a === undefined || b === undefined) return;
  const v = readValue(given, '', true);
  const computed = b - a;
  if (!v.ok || v.value === undefined) {
    if (!MISSING.has(given.trim())) note(no, raw, { code: 'changeDiffers', label, given, computed });
    return;
  }
  if (v.value !== computed) note(no, raw, { code: 'changeDiffers', label, given, computed });
}
