import { type AgeBand, categoryKey, type Gender, TOTAL } from './types';

/**
 * The offence types the police's extract uses, in the order of their tables. Subcategories
 * name their main type: a row «Butikktyveri» is a part of «Vinning», not a type beside it.
 * The defaults are Tabell 2's categories (seed 003); a network can replace the list
 * (SLT_POLICE_CATEGORIES). A row the list does not know is kept as a new main type, and the
 * preview says so.
 */
export interface OffenceCategory {
  readonly label: string;
  readonly parent?: string;
}

export const DEFAULT_CATEGORIES: readonly OffenceCategory[] = [
  { label: 'Annen' },
  { label: 'Bæring av kniv/annet våpen' },
  { label: 'Hensynsløs adferd/Personforfølgelse' },
  { label: 'Ordensforstyrrelser' },
  { label: 'Narkotika' },
  { label: 'Seksuallovbrudd' },
  { label: 'Skadeverk' },
  { label: 'Trafikk' },
  { label: 'Vinning' },
  { label: 'Butikktyveri', parent: 'Vinning' },
  { label: 'Ran' },
  { label: 'Vold' },
  { label: 'Fysisk vold', parent: 'Vold' },
  { label: 'Mot. off. tj.person', parent: 'Vold' },
  { label: 'Trusler', parent: 'Vold' },
  { label: 'Økonomi' },
];

const TOTAL_WORDS = new Set(['total', 'totalt', 'sum', 'alle', 'allelovbrudd', 'i alt', 'ialt'].map(categoryKey));

/**
 * Reads the configured list: `Label` for a main type, `Label>Main` for a subcategory, separated
 * by `;`. Returns the problem (for the configuration's error) or the list.
 */
export function parseCategoryList(spec: string): { ok: true; categories: OffenceCategory[] } | { ok: false; problem: string } {
  const categories: OffenceCategory[] = [];
  for (const part of spec.split(';').map((p) => p.trim())) {
    if (!part) continue;
    const [label = '', parent, extra] = part.split('>').map((p) => p.trim());
    if (!label || extra !== undefined || parent === '') return { ok: false, problem: `«${part}»: skriv «Navn» eller «Navn>Hovedtype»` };
    if (label.length > 60 || (parent?.length ?? 0) > 60) return { ok: false, problem: `«${part}»: høyst 60 tegn per navn` };
    categories.push(parent ? { label, parent } : { label });
  }
  if (categories.length === 0) return { ok: false, problem: 'listen er tom' };
  for (const c of categories) {
    if (c.parent && !categories.some((m) => !m.parent && categoryKey(m.label) === categoryKey(c.parent!)))
      return { ok: false, problem: `«${c.label}>${c.parent}»: hovedtypen «${c.parent}» står ikke i listen` };
  }
  return { ok: true, categories };
}

/** What a pasted offence row is: a known category (with its main type), the total, or new. */
export type CategoryMatch =
  | { readonly kind: 'known'; readonly label: string; readonly parent?: string }
  | { readonly kind: 'total' }
  | { readonly kind: 'new'; readonly label: string };

export function matchCategory(label: string, categories: readonly OffenceCategory[]): CategoryMatch {
  const key = categoryKey(label);
  if (TOTAL_WORDS.has(key)) return { kind: 'total' };
  const known = categories.find((c) => categoryKey(c.label) === key);
  if (known) return { kind: 'known', label: known.label, parent: known.parent };
  return { kind: 'new', label: label.replace(/\s+/g, ' ').trim() };
}

/** The label stored for a match. */
export const matchLabel = (m: CategoryMatch): string => (m.kind === 'total' ? TOTAL : m.label);

const BAND_RE = /^(10)\s*[-–]\s*(1[47])\s*(?:år|years?)?\.?$|^(15)\s*[-–]\s*(17)\s*(?:år|years?)?\.?$/i;

/** «10-14 år», «15–17», «10 - 17år» → the band; undefined for anything else. */
export function ageBandOf(text: string): AgeBand | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = BAND_RE.exec(t);
  if (!m) return undefined;
  const band = m[1] ? `10-${m[2]}` : '15-17';
  return band === '10-17' || band === '10-14' || band === '15-17' ? band : undefined;
}

const GENDER_WORDS: Readonly<Record<string, Gender>> = {
  jenter: 'girls',
  jente: 'girls',
  kvinner: 'girls',
  girls: 'girls',
  gutter: 'boys',
  gutt: 'boys',
  menn: 'boys',
  boys: 'boys',
  alle: 'all',
  totalt: 'all',
  total: 'all',
  all: 'all',
};

/**
 * A row of the persons table: «Jenter», «Jenter 10-14år», «Gutter 15-17 år», «10 - 17år»,
 * «Totalt». Gender alone means all of 10–17; a band alone means both genders.
 */
export function personGroupOf(label: string): { gender: Gender; band: AgeBand } | undefined {
  const t = label.replace(/\s+/g, ' ').trim();
  const m = /^([A-Za-zÆØÅæøå]+)?\s*(.*)$/.exec(t);
  if (!m) return undefined;
  const word = m[1]?.toLocaleLowerCase('nb-NO');
  const rest = (m[2] ?? '').trim();
  const gender = word === undefined ? 'all' : GENDER_WORDS[word];
  if (!gender) return undefined;
  if (!rest) return word === undefined ? undefined : { gender, band: '10-17' };
  const band = ageBandOf(rest);
  return band ? { gender, band } : undefined;
}

const MONTHS: readonly (readonly string[])[] = [
  ['januar', 'jan', 'january'],
  ['februar', 'feb', 'february'],
  ['mars', 'mar', 'march'],
  ['april', 'apr'],
  ['mai', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct', 'october'],
  ['november', 'nov'],
  ['desember', 'des', 'dec', 'december'],
];

/** «januar», «Jan.», «1», «01» → 1; undefined for anything else. */
export function monthOfLabel(label: string): number | undefined {
  const t = label.trim().toLocaleLowerCase('nb-NO').replace(/\.$/, '');
  if (/^(0?[1-9]|1[0-2])$/.test(t)) return Number(t);
  const i = MONTHS.findIndex((names) => names.includes(t));
  return i >= 0 ? i + 1 : undefined;
}
