import type { AreaTopics, LevelGroup, ShownText, TreatedItem } from '../domain/measures/annual';
import type { AreaStatus } from '../domain/measures/focus-status';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { Block, Section } from './document';
import { countsText, longDate, responsibleOf, standingText, topicsText } from './measures';

/**
 * The annual report's sections from the measures register (issue 17), in the wording of the
 * municipalities' SLT annual reports: «Status og fremdrift per innsatsområde», the measures by
 * level with status, evaluation and conclusion, the youth teams' topics per focus area, and the
 * items the coordination group treated. Plain text blocks: the document renderers escape.
 */
export interface MeasuresReport {
  readonly year: number;
  readonly status: readonly AreaStatus[];
  readonly byLevel: readonly LevelGroup[];
  readonly youth: readonly AreaTopics[];
  readonly coordination: readonly TreatedItem[];
}

function shown(x: ShownText | undefined, erased: string, withheld: string): string {
  return !x ? '' : x.state === 'ok' ? x.text : x.state === 'erased' ? erased : withheld;
}

/** A line of the status card as a table cell: without its label, capitalised («Tiltak: pågår 1» → «Pågår 1»). */
const cell = (line: string): string => {
  const s = line.replace(/^[^:]+: /, '');
  return s.charAt(0).toLocaleUpperCase('nb-NO') + s.slice(1);
};

/** «Status og fremdrift per innsatsområde»: a table, then per area its status text (or a placeholder to write). */
export function statusSection(r: MeasuresReport, locale: Locale, erased: string, withheld: string): Section {
  const t = pick(locale, MEASURE_TEXTS);
  const year = String(r.year);
  if (r.status.length === 0) return { heading: t.report.status, blocks: [{ kind: 'p', text: format(t.report.statusNone, { year }) }] };
  const blocks: Block[] = [
    { kind: 'p', text: format(t.report.statusText, { year }) },
    {
      kind: 'table',
      header: [t.report.statusCols.area, t.report.statusCols.measures, t.report.statusCols.topics, t.report.statusCols.matters],
      numeric: [false, false, false, true],
      rows: r.status.map((a) => [a.label, cell(countsText(t, a.measures)), cell(topicsText(t, a.topics)), String(a.matters)]),
    },
  ];
  for (const a of r.status) {
    const text = shown(a.text, erased, withheld);
    blocks.push({ kind: 'h3', text: a.label }, text ? { kind: 'p', text } : { kind: 'placeholder', text: t.report.statusPlaceholder });
  }
  return { heading: t.report.status, blocks };
}

/** The measures that ran in the year, one table per level. */
export function measuresSection(r: MeasuresReport, locale: Locale, erased: string, withheld: string): Section {
  const t = pick(locale, MEASURE_TEXTS);
  const year = String(r.year);
  if (r.byLevel.length === 0) return { heading: t.report.measures, blocks: [{ kind: 'p', text: format(t.report.measuresNone, { year }) }] };
  const c = t.report.measureCols;
  const text = (x: ShownText | undefined): string => shown(x, erased, withheld);
  const blocks: Block[] = [{ kind: 'p', text: format(t.report.measuresText, { year }) }];
  for (const g of r.byLevel) {
    blocks.push({
      kind: 'table',
      caption: t.levels[g.level],
      header: [c.measure, c.area, c.responsible, c.period, c.status, c.evaluation],
      rows: g.measures.map((m) => [
        m.plan ? `${text(m.title)} (${text(m.plan)})` : text(m.title),
        m.focusAreas.join(', '),
        m.responsible.length ? responsibleOf(locale, { responsible: m.responsible }) : text(m.responsibleText),
        [m.start ? longDate(m.start, locale) : '', m.end ? longDate(m.end, locale) : ''].some(Boolean)
          ? `${m.start ? longDate(m.start, locale) : ''} – ${m.end ? longDate(m.end, locale) : ''}`
          : '',
        standingText(locale, m.standing),
        [text(m.evaluation), m.conclusion ? format(t.report.conclusionLine, { conclusion: t.conclusions[m.conclusion] }) : ''].filter(Boolean).join(' '),
      ]),
    });
  }
  return { heading: t.report.measures, blocks };
}

/** The youth teams' topics per focus area, as short descriptions (no team or service named). */
export function youthSection(r: MeasuresReport, locale: Locale): Section {
  const t = pick(locale, MEASURE_TEXTS).report;
  const year = String(r.year);
  if (r.youth.length === 0) return { heading: t.youth, blocks: [{ kind: 'p', text: format(t.youthNone, { year }) }] };
  const blocks: Block[] = [{ kind: 'p', text: format(t.youthText, { year }) }];
  for (const a of r.youth) {
    blocks.push(
      { kind: 'h3', text: format(t.youthArea, { area: a.label, count: a.count }) },
      {
        kind: 'list',
        items: [...a.texts, ...(a.more > 0 ? [format(t.youthMore, { n: a.more })] : []), ...(a.hidden > 0 ? [format(t.youthHidden, { n: a.hidden })] : [])],
      },
    );
  }
  return { heading: t.youth, blocks };
}

/** «Saker behandlet i koordineringsgruppen»: added items and lifted matters with the decisions from the minutes. */
export function coordinationSection(
  r: MeasuresReport,
  locale: Locale,
  bodyName: (id: string) => string,
  erased: string,
  withheld: string,
  none: string,
): Section {
  const t = pick(locale, MEASURE_TEXTS);
  const year = String(r.year);
  const c = t.report.coordinationCols;
  const text = (x: ShownText | undefined): string => shown(x, erased, withheld);
  const blocks: Block[] = [{ kind: 'p', text: format(t.report.coordinationText, { year }) }];
  if (r.coordination.length === 0) blocks.push({ kind: 'p', text: none });
  else
    blocks.push({
      kind: 'table',
      header: [c.item, c.kind, c.meeting, c.decision],
      rows: r.coordination.map((i) => [
        text(i.title),
        i.kind === 'added' ? t.report.kindAdded : format(t.report.kindMatter, { body: i.originBodyId ? bodyName(i.originBodyId) : '?' }),
        i.meetingDay ? longDate(i.meetingDay, locale) : t.report.notInMinutes,
        [text(i.decision), i.matterDecision ? format(t.report.matterDecision, { text: text(i.matterDecision) }) : ''].filter(Boolean).join(' '),
      ]),
    });
  return { heading: t.report.coordination, blocks };
}
