import type { AnnualReport, ReportMatter, ReportText } from '../domain/annual-report';
import { formatDate } from '../domain/calendar';
import { dayOfInstant, shownCount } from '../domain/digest';
import { format, type Locale, pick } from '../i18n';
import { ANNUAL_REPORT_TEXTS, type AnnualReportTexts } from '../i18n/annual-report';
import { MEASURE_TEXTS } from '../i18n/measures';
import { responsibleName } from './agenda-items';
import type { Block, Doc, Section } from './document';
import { coordinationSection, type MeasuresReport, measuresSection, statusSection, youthSection } from './measures-report';

/** A task's service (or the coordinators) in the report's language; '' for an unknown value. */
const responsibleOf = (locale: Locale, s: string): string => responsibleName(locale, s) ?? '';

/**
 * The annual report draft as a document, in the order of the municipalities' SLT annual
 * reports: introduction, organisation, the police's statistics (issue 16), the challenge picture
 * (trend topics), then — with the measures register (issue 17) — status and progress per focus
 * area, the measures by level, the youth teams' topics and the coordination group's items from
 * the minutes; matters of the board, lifted matters in figures, meetings, the minutes' tasks,
 * further work. Placeholders mark what only people can write. Without `measures` (older callers)
 * the coordination group lists its lifted matters only.
 */
export function annualReportDoc(r: AnnualReport, locale: Locale, extra: { readonly police?: Section; readonly measures?: MeasuresReport } = {}): Doc {
  const { measures } = extra;
  const t = pick(locale, ANNUAL_REPORT_TEXTS);
  const year = String(r.year);
  const name = (id: string): string => r.bodies.find((b) => b.id === id)?.name ?? '?';
  const txt = (x: ReportText | undefined): string => (!x ? '' : x.state === 'ok' ? x.text : x.state === 'erased' ? t.erased : t.withheld);
  const date = (d: string | undefined): string => (d ? formatDate(d, locale).replace(/^\S+ /, '') : '');
  return {
    lang: locale,
    title: format(t.title, { year }),
    subtitle: format(t.draft, { date: date(dayOfInstant(r.generatedAt)) }),
    sections: [
      { heading: t.intro, blocks: [{ kind: 'placeholder', text: t.introPlaceholder }] },
      {
        heading: t.organisation,
        blocks: [
          { kind: 'p', text: format(t.organisationText, { year }) },
          { kind: 'list', items: r.bodies.map((b) => `${b.name} – ${t.kinds[b.kind]}`) },
        ],
      },
      // The police's statistics come early, as in the municipalities' reports (issue 16).
      ...(extra.police ? [extra.police] : []),
      topics(r, t, year),
      ...(measures
        ? [
            statusSection(measures, locale, t.erased, t.withheld),
            measuresSection(measures, locale, t.erased, t.withheld),
            youthSection(measures, locale),
            coordinationSection(measures, locale, name, t.erased, t.withheld, t.none),
          ]
        : [
            matters(
              t.coordination,
              t.coordinationText,
              r.coordinationGroup,
              t,
              (m) => [txt(m.title), name(m.originBodyId), date(m.raised), t.states[m.state], txt(m.decision)],
              [t.cols.matter, t.cols.from, t.cols.raised, t.cols.status, t.cols.decision],
            ),
          ]),
      matters(t.board, t.boardText, r.board, t, (m) => [txt(m.title), date(m.raised), t.states[m.state], txt(m.boardDecision) || txt(m.decision)], [
        t.cols.matter,
        t.cols.raised,
        t.cols.status,
        t.cols.boardDecision,
      ]),
      {
        heading: t.escalations,
        blocks: [
          { kind: 'p', text: format(t.escalationsText, { year, raised: r.escalations.raised }) },
          {
            kind: 'table',
            header: [t.cols.status, t.cols.count],
            numeric: [false, true],
            rows: Object.entries(t.states).map(([state, label]) => [label, String(r.escalations.byState[state as keyof typeof t.states] ?? 0)]),
          },
        ],
      },
      {
        heading: t.meetings,
        blocks: [
          {
            kind: 'table',
            header: [t.cols.body, t.cols.held, t.cols.planned, t.cols.cancelled],
            numeric: [false, true, true, true],
            rows: r.meetings.map((m) => [name(m.bodyId), String(m.held), String(m.planned), String(m.cancelled)]),
          },
        ],
      },
      {
        heading: measures ? pick(locale, MEASURE_TEXTS).report.tasks : t.measures,
        blocks: r.measures.length
          ? [
              {
                kind: 'table',
                header: [t.cols.measure, t.cols.origin, t.cols.responsible, t.cols.due, t.cols.status],
                rows: r.measures.map((m) => [
                  txt(m.measure),
                  m.meeting ? format(t.fromMinutes, { body: name(m.meeting.bodyId), date: date(m.meeting.day) }) : txt(m.matterTitle),
                  m.responsibleService ? responsibleOf(locale, m.responsibleService) : txt(m.responsible),
                  date(m.due),
                  m.status === 'done' && m.doneOn ? format(t.doneOn, { date: date(m.doneOn) }) : t.measureStatus[m.status],
                ]),
              },
              { kind: 'note', text: measures ? pick(locale, MEASURE_TEXTS).report.tasksNote : t.measuresNote },
            ]
          : [{ kind: 'p', text: measures ? pick(locale, MEASURE_TEXTS).report.tasksNone : t.measuresNone }],
      },
      { heading: t.next, blocks: [{ kind: 'placeholder', text: t.nextPlaceholder }] },
    ],
    footer: t.footer,
  };
}

function topics(r: AnnualReport, t: AnnualReportTexts, year: string): Section {
  const tr = r.trends;
  if (tr.total === 0) return { heading: t.topics, blocks: [{ kind: 'p', text: format(t.topicsNone, { year }) }] };
  const blocks: Block[] = [
    { kind: 'p', text: format(t.topicsText, { year, total: tr.total }) },
    { kind: 'table', caption: t.byArea, header: [t.cols.area, t.cols.count], numeric: [false, true], rows: tr.byArea.map((a) => [a.label, String(a.count)]) },
  ];
  if (tr.cross.areas.length && tr.cross.bodies.length) {
    blocks.push(
      {
        kind: 'table',
        caption: t.cross,
        header: [t.cols.area, ...tr.cross.bodies],
        numeric: [false, ...tr.cross.bodies.map(() => true)],
        rows: tr.cross.areas.map((a, i) => [a, ...tr.cross.bodies.map((_, j) => shownCount(tr.cross.values[i]![j]!, tr.cross.marks[i]![j]!, r.suppressBelow))]),
      },
      { kind: 'note', text: format(t.crossNote, { n: r.suppressBelow }) },
    );
  }
  blocks.push(
    {
      kind: 'table',
      caption: t.byMonth,
      header: [t.cols.month, t.cols.count],
      numeric: [false, true],
      rows: tr.byMonth.map((n, i) => [t.months[i]!, String(n)]),
    },
    { kind: 'placeholder', text: t.qualitativePlaceholder },
  );
  return { heading: t.topics, blocks };
}

function matters(
  heading: string,
  intro: string,
  list: readonly ReportMatter[],
  t: AnnualReportTexts,
  row: (m: ReportMatter) => string[],
  header: string[],
): Section {
  if (list.length === 0)
    return {
      heading,
      blocks: [
        { kind: 'p', text: intro },
        { kind: 'p', text: t.none },
      ],
    };
  return {
    heading,
    blocks: [
      { kind: 'p', text: intro },
      { kind: 'table', header, rows: list.map(row) },
    ],
  };
}
