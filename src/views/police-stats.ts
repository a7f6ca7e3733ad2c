import {
  AGE_BANDS,
  type OffenceCategory,
  PERSON_ROWS,
  POLICE_TABLES,
  type PoliceFigure,
  type PoliceImport,
  type PoliceTable,
  TOTAL,
} from '../domain/police-stats';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { noteText, POLICE_TEXTS, type PoliceTexts, problemText } from '../i18n/police-stats';
import { errorMap, keptNumber, keptText } from './form';
import { renderCard } from './render';

/**
 * The `politistatistikk` card: the paste form, the preview of what an import will store (or
 * every line it could not read, with the pasted text kept), and the typed year. Everything the
 * police pasted is bound as data (escaped), never into the template.
 */
export const POLICE_FIELDS = ['table', 'text', 'year'] as const;
const MAX_PROBLEMS = 15;
const MAX_NOTES = 8;

export interface PolicePreview {
  readonly summary: readonly string[];
  readonly blocks: readonly { readonly heading: string; readonly lines: readonly string[] }[];
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

export interface PoliceCardInput {
  readonly values: Readonly<Record<string, unknown>>;
  readonly errors?: readonly FieldError[];
  readonly result?: { readonly text: string; readonly ok: boolean };
  readonly preview?: PolicePreview;
  /** Set when the preview can be stored: «Lagre» carries it. */
  readonly importId?: string;
  readonly categories: readonly OffenceCategory[];
  readonly maxYear: number;
  readonly tabUrl: string;
}

/** The label of a row of figures in a preview or table. */
export function rowLabel(t: PoliceTexts, f: Pick<PoliceFigure, 'table' | 'category' | 'gender' | 'band' | 'month'>): string {
  if (f.table === 'persons') return f.gender === 'all' ? t.bands[f.band] : `${t.genders[f.gender]} ${t.bands[f.band]}`;
  if (f.table === 'monthly') return t.months[f.month - 1] ?? String(f.month);
  return f.category === TOTAL ? t.total : f.category;
}

/** What an import will store, as the preview shows it: per band (or offence type for months), one line per row. */
export function previewOf(locale: Locale, imp: PoliceImport, typed = false): PolicePreview {
  const t = pick(locale, POLICE_TEXTS);
  // A typed year has no lines the person wrote: name the offence type instead.
  const problems = imp.problems.map((p) =>
    typed
      ? format(t.typedLine, { label: p.text.split(';')[0] ?? '', reason: problemText(locale, p.what) })
      : format(t.line, { line: p.line, reason: problemText(locale, p.what), text: p.text }),
  );
  const repeated = imp.notes.filter((n) => n.what.code === 'repeated').map((n) => n.line);
  const skipped = imp.notes.filter((n) => n.what.code === 'skipped').map((n) => n.line);
  const notes = [
    ...(repeated.length ? [format(t.repeatedRows, { count: repeated.length, from: repeated[0]!, to: repeated[repeated.length - 1]! })] : []),
    ...imp.notes
      .filter((n) => n.what.code !== 'skipped' && n.what.code !== 'repeated')
      .map((n) => `${format(t.line, { line: n.line, reason: noteText(locale, n.what), text: n.text })}`),
    ...(skipped.length ? [`${t.notes.skipped} ${skipped.length > 12 ? `${skipped.slice(0, 12).join(', ')} …` : skipped.join(', ')}`] : []),
  ];
  const cap = (list: string[], max: number): string[] => (list.length > max ? [...list.slice(0, max), format(t.moreLines, { n: list.length - max })] : list);
  if (imp.problems.length) {
    const count = new Set(imp.problems.map((p) => p.line)).size;
    return {
      summary: [count === 1 ? t.previewProblem : format(t.previewProblems, { count })],
      blocks: [],
      problems: cap(problems, MAX_PROBLEMS),
      notes: cap(notes, MAX_NOTES),
    };
  }
  if (!imp.figures.length) return { summary: [t.previewNothing], blocks: [], problems: [], notes: cap(notes, MAX_NOTES) };
  const years = imp.years;
  const groups = new Map<string, PoliceFigure[]>();
  for (const f of [...imp.figures].sort((a, b) => a.order - b.order || a.month - b.month)) {
    const g = imp.table === 'monthly' ? (f.category === TOTAL ? t.total : f.category) : imp.table === 'offencesByAge' ? t.bands[f.band] : '';
    groups.set(g, [...(groups.get(g) ?? []), f]);
  }
  const blocks = [...groups].map(([heading, list]) => {
    const rows = new Map<string, Map<number, number>>();
    const ordered = imp.table === 'persons' ? PERSON_ROWS.flatMap((p) => list.filter((f) => f.gender === p.gender && f.band === p.band)) : list;
    for (const f of ordered) {
      const label = rowLabel(t, f);
      rows.set(label, (rows.get(label) ?? new Map()).set(f.year, f.value));
    }
    return {
      heading,
      lines: [
        format(t.yearsLine, { years: years.join(' · ') }),
        ...[...rows].map(([label, v]) => `${label}: ${years.map((y) => v.get(y) ?? '–').join(' · ')}`),
      ],
    };
  });
  const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]);
  return {
    summary: [format(t.previewReady, { count: imp.figures.length, years: span, table: t.tables[imp.table] }), t.previewReplaces],
    blocks,
    problems: [],
    notes: cap(notes, MAX_NOTES),
  };
}

/** Input ids of the typed year's fields: one per configured offence type. */
export const yearFieldId = (i: number): string => `n${i}`;

export function policeStatsCard(locale: Locale, input: PoliceCardInput): CardJson {
  const t = pick(locale, POLICE_TEXTS);
  const v = input.values;
  const table = (POLICE_TABLES as readonly string[]).includes(String(v.table)) ? (v.table as PoliceTable) : 'offences';
  const band = (AGE_BANDS as readonly string[]).includes(String(v.band)) ? String(v.band) : '10-17';
  const preview = input.preview;
  return renderCard(
    'police-stats',
    {
      title: t.title,
      intro: preview || input.result ? '' : t.intro,
      result: input.result?.text ?? '',
      summary: preview?.summary ?? [],
      blocks: preview?.blocks ?? [],
      problems: preview?.problems ?? [],
      notes: preview?.notes ?? [],
      problemsHeading: t.problemsHeading,
      notesHeading: t.notesHeading,
      hint: t.tableHints[table],
      labels: {
        table: t.table,
        text: t.text,
        textPlaceholder: t.textPlaceholder,
        preview: t.preview,
        save: t.save,
        typeYear: t.typeYear,
        typeYearIntro: t.typeYearIntro,
        year: t.year,
        band: t.band,
        seeStats: t.seeStats,
        required: locale === 'nb' ? 'Velg en tabell.' : 'Choose a table.',
      },
      tableChoices: POLICE_TABLES.map((x) => ({ title: t.tables[x], value: x })),
      bandChoices: AGE_BANDS.map((b) => ({ title: t.bands[b], value: b })),
      err: errorMap(POLICE_FIELDS, input.errors ?? []),
    },
    {
      resultColor: input.result?.ok === false ? 'Attention' : 'Good',
      form: { table, text: keptText(v.text, 20_000), year: keptNumber(v.year) ?? null, band },
      yearFields: input.categories.map((c, i) => ({
        id: yearFieldId(i),
        label: keptText(c.parent ? `${c.label} (${c.parent})` : c.label, 200),
        value: keptNumber(v[yearFieldId(i)]) ?? null,
      })),
      maxYear: input.maxYear,
      canSave: !!input.importId,
      saveData: { importId: input.importId ?? '' },
      tabUrl: input.tabUrl,
    },
  );
}
