import { shownCount } from '../domain/digest';
import type { PoliceChapter, PoliceDigest, PoliceUpdate, YearRow, YearTable } from '../domain/police-stats';
import { format, type Locale, pick } from '../i18n';
import { POLICE_TEXTS, type PoliceTexts, signedChange } from '../i18n/police-stats';
import type { TableData } from './digest-table-data';
import type { Block, Section } from './document';
import { escapeUserText } from './escape';

/**
 * How the police's figures read where they are used: the lines of the agenda's police item, the
 * digest's police section, and the annual report's police chapter. Category names come from the
 * police's extract and are escaped wherever they go into a card.
 */

const mon = (t: PoliceTexts, month: number): string => t.months[month - 1] ?? String(month);

/** The police item's lines (escaped for a TextBlock): figures, the three largest changes, and the link to the tab. */
export function policeAgendaLines(locale: Locale, update: PoliceUpdate | undefined, tabUrl?: string): string[] {
  const t = pick(locale, POLICE_TEXTS);
  const link = tabUrl ? [`[${t.seeStats}](${tabUrl})`] : [];
  if (!update) return [escapeUserText(t.agendaNone), ...link];
  const lines: string[] = [];
  const { latest, yearToDate: ytd } = update;
  if (latest?.previous !== undefined)
    lines.push(
      format(t.agendaLatest, {
        month: `${mon(t, latest.month)} ${latest.year}`,
        value: latest.value,
        previous: latest.previous,
        change: signedChange(latest.change),
      }),
    );
  if (ytd?.previous !== undefined)
    lines.push(format(t.agendaYtd, { month: mon(t, ytd.month), year: ytd.year, value: ytd.value, previous: ytd.previous, change: signedChange(ytd.change) }));
  const basis = update.changesBasis;
  if (basis && update.changes.length) {
    lines.push(basis.kind === 'yearToDate' ? t.agendaChangesYtd : format(t.agendaChangesYear, { year: basis.year, previousYear: basis.year - 1 }));
    for (const c of update.changes) lines.push(format(t.agendaChange, { category: c.category, value: c.value, change: signedChange(c.change) }));
  }
  return [...lines.map(escapeUserText), ...link];
}

/** The digest's police part: a heading, one table of main offence types, and persons by gender × band (suppressed). */
export interface PoliceDigestPart {
  readonly policeHeading: string;
  readonly policeLines: readonly string[];
  readonly policeTables: readonly TableData[];
}

const cols = (n: number): TableData['columns'] => [{ width: 3, align: 'Left' }, ...Array.from({ length: n }, () => ({ width: 1, align: 'Right' as const }))];

/**
 * The digest's police section, kept small: at most `maxTypes` main offence types (the largest;
 * the rest summed as «Andre»), and the gender × band table only while `twoWay` (it goes with
 * the digest's other two-way table when the card must shrink).
 */
export function policeDigestPart(locale: Locale, p: PoliceDigest | undefined, maxTypes: number, twoWay: boolean, suppressBelow: number): PoliceDigestPart {
  const t = pick(locale, POLICE_TEXTS);
  if (!p) return { policeHeading: '', policeLines: [], policeTables: [] };
  const heading =
    p.basis.kind === 'yearToDate'
      ? format(t.digestYtd, { month: mon(t, p.basis.month), year: p.basis.year })
      : format(t.digestYear, { year: p.basis.year, previousYear: p.basis.year - 1 });
  const kept = p.rows.slice(0, maxTypes);
  const rest = p.rows.slice(maxTypes);
  const sum = (f: (r: (typeof rest)[number]) => number | undefined): string => {
    const v = rest.map(f);
    return v.every((x) => x !== undefined) ? String(v.reduce((s: number, x) => s + x!, 0)) : '';
  };
  const tables: TableData[] = [];
  if (p.rows.length)
    tables.push({
      heading,
      note: '',
      columns: cols(3),
      header: [t.cols.type, t.cols.figure, t.cols.previous, t.cols.change],
      rows: [
        ...kept.map((r) => [r.category, String(r.value), r.previous === undefined ? '' : String(r.previous), signedChange(r.change)]),
        ...(rest.length
          ? [
              [
                locale === 'nb' ? `Andre (${rest.length})` : `Others (${rest.length})`,
                sum((r) => r.value),
                sum((r) => r.previous),
                signedChange(rest.reduce((s, r) => s + (r.change ?? 0), 0)),
              ],
            ]
          : []),
      ],
    });
  if (twoWay && p.persons) {
    const persons = p.persons;
    tables.push({
      heading: format(t.digestPersons, { year: persons.year }),
      note: format(t.digestNote, { n: suppressBelow }),
      columns: cols(2),
      header: [t.cols.group, t.bands['10-14'], t.bands['15-17']],
      rows: (['girls', 'boys'] as const).map((g, i) => [
        t.genders[g],
        ...persons.values[i]!.map((v, j) => shownCount(v, persons.marks[i]![j]!, suppressBelow)),
      ]),
    });
  }
  const lines = p.total ? [format(t.digestTotal, { value: p.total.value, change: p.total.change === undefined ? '–' : signedChange(p.total.change) })] : [];
  if (!p.rows.length && p.total) lines.unshift(heading);
  return { policeHeading: t.digestHeading, policeLines: lines, policeTables: tables };
}

/** A year table as a document table: label, the years, and the change column «23-24». */
function yearTableBlock(t: PoliceTexts, table: YearTable, caption: string, label: (r: YearRow) => string, cell?: (r: number, c: number) => string): Block {
  const years = table.years;
  const last = years[years.length - 1]!;
  const changeHead = `${String(last - 1).slice(2)}-${String(last).slice(2)}`;
  return {
    kind: 'table',
    caption,
    header: [table.table === 'persons' ? t.group : t.category, ...years.map(String), changeHead],
    numeric: [false, ...years.map(() => true), true],
    rows: table.rows.map((r, i) => [label(r), ...r.values.map((v, j) => (cell ? cell(i, j) : v === undefined ? '' : String(v))), signedChange(r.change)]),
  };
}

/** The annual report's police chapter (a document section in the seed report's shape). */
export function policeChapterSection(locale: Locale, year: number, c: PoliceChapter | undefined, suppressBelow: number): Section {
  const t = pick(locale, POLICE_TEXTS);
  if (!c) return { heading: t.chapter, blocks: [{ kind: 'p', text: format(t.chapterNone, { year }) }] };
  const blocks: Block[] = [{ kind: 'p', text: t.chapterIntro }];
  if (c.total)
    blocks.push({
      kind: 'p',
      text: format(t.chapterTotal, { year, value: c.total.value, change: signedChange(c.total.change) || '–', previousYear: year - 1 }),
    });
  const category = (r: YearRow): string => (r.category === 'Total' ? t.total : r.parent ? `  ${r.category}` : r.category);
  if (c.offences.rows.length) blocks.push(yearTableBlock(t, c.offences, t.offencesCaption, category));
  if (c.mainTypes.length) {
    blocks.push({ kind: 'p', text: t.variationHeading });
    blocks.push({
      kind: 'list',
      items: c.mainTypes
        .filter((m) => m.value !== undefined)
        .map((m) => {
          const base = { category: m.category, value: m.value!, year, change: signedChange(m.change) || '–' };
          if (!m.variation) return format(t.variationUnknown, base);
          const span = m.variation.years === 7 ? t.seven : format(t.yearsWord, { n: m.variation.years });
          return format(t.variation[m.variation.position], { ...base, span, min: m.variation.min, max: m.variation.max });
        }),
    });
    for (const m of c.mainTypes) {
      if (!m.values.some((v) => v !== undefined)) continue;
      blocks.push({
        kind: 'chart',
        caption: format(t.chartCaption, { category: m.category }),
        labels: m.years.map(String),
        values: m.values.map((v) => v ?? 0),
      });
    }
  }
  for (const table of c.byAge) blocks.push(yearTableBlock(t, table, format(t.byAgeCaption, { band: t.bands[table.band] }), category));
  if (c.persons.rows.length) {
    const label = (r: YearRow): string => (r.gender === 'all' ? t.bands[r.band] : `${t.genders[r.gender]}${r.band === '10-17' ? '' : ` ${t.bands[r.band]}`}`);
    blocks.push(
      yearTableBlock(t, c.persons, t.personsCaption, label, (i, j) => {
        const v = c.persons.rows[i]!.values[j];
        return v === undefined ? '' : shownCount(v, c.personMarks[i]![j]!, suppressBelow);
      }),
      { kind: 'note', text: format(t.personsNote, { n: suppressBelow }) },
    );
  }
  if (c.months.values.some((v) => v !== undefined)) {
    blocks.push({
      kind: 'table',
      caption: t.monthsCaption,
      header: [t.month, String(year - 1), String(year)],
      numeric: [false, true, true],
      rows: t.months.map((m, i) => [m, c.months.previous[i]?.toString() ?? '', c.months.values[i]?.toString() ?? '']),
    });
  }
  blocks.push({ kind: 'placeholder', text: t.qualitativePlaceholder });
  return { heading: t.chapter, blocks };
}
