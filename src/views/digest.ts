import { DateTime } from 'luxon';
import { formatMeetingTime, OSLO } from '../domain/calendar';
import { shiftMonth, shownCount, type TrendLine } from '../domain/digest';
import type { DigestContent } from '../domain/digest-content';
import { groupCross, groupLines, keepLargest } from '../domain/digest-grouping';
import type { NamedMatter } from '../domain/digest-sections';
import { shortDate } from '../domain/meetings';
import type { CardJson } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { DIGEST_TEXTS, type DigestTexts } from '../i18n/digest';
import { CARD_BUDGET } from './agenda';
import { dueLists } from './digest-due';
import { FULL, LEVELS, type Level } from './digest-levels';
import type { ListData, TableData } from './digest-table-data';
import { type PoliceDigestPart, policeDigestPart } from './police-report';
import { renderCard } from './render';

/** Data of cards/digest.json. */
export interface DigestCardData {
  readonly month: string;
  readonly title: string;
  readonly subtitle: string;
  readonly stamp: string;
  /** Says the card was shortened to fit, and where the rest is; '' when complete. */
  readonly shortened: string;
  readonly trendsHeading: string;
  readonly trendsTotal: string;
  readonly trendTables: readonly TableData[];
  readonly emerging: ListData;
  readonly hasChart: boolean;
  readonly chart: {
    readonly title: string;
    readonly series: readonly { readonly legend: string; readonly values: readonly { readonly x: string; readonly y: number }[] }[];
  };
  readonly chartFallback: TableData;
  readonly escalationsHeading: string;
  readonly escalationCounts: string;
  readonly escalationLists: readonly ListData[];
  readonly dueHeading: string;
  readonly dueLists: readonly ListData[];
  readonly meetingsHeading: string;
  readonly meetingTable: TableData;
  readonly meetingLists: readonly ListData[];
  readonly ackLine: string;
  readonly coordinatorHeading: string;
  readonly coordinatorLines: readonly string[];
  readonly canAck: boolean;
  readonly canSend: boolean;
  readonly ackLabel: string;
  readonly sendLabel: string;
}

/** The card's data: the digest's own parts and the police's (issue 16). */
export type DigestCardFields = DigestCardData & PoliceDigestPart;

/** Who is looking, and what the card offers them. */
export interface DigestView {
  /** Read count for the board: acknowledged / board members (total unknown when the roster is not readable). */
  readonly ack?: { readonly count: number; readonly total?: number };
  /** When and by whom this version was sent (archived digests). */
  readonly sent?: { readonly at: string; readonly byName: string; readonly byScheduler: boolean };
  /** Coordinators only: names of board members who have not acknowledged, or a line saying it is not sent. */
  readonly coordinator?: { readonly notAcked?: readonly string[]; readonly notSent: boolean };
  readonly canAck: boolean;
  readonly canSend: boolean;
}

const LUXON = { nb: 'nb', en: 'en-GB' } as const;

/** 'oktober 2026' / 'October 2026'. */
export function monthName(month: string, locale: Locale): string {
  return DateTime.fromFormat(month, 'yyyy-LL', { zone: OSLO }).setLocale(LUXON[locale]).toFormat('LLLL yyyy');
}
const shortMonth = (month: string, locale: Locale): string => DateTime.fromFormat(month, 'yyyy-LL', { zone: OSLO }).setLocale(LUXON[locale]).toFormat('LLL');
const num = (n: number, locale: Locale): string => (locale === 'nb' ? String(n).replace('.', ',') : String(n));

/** '+3', '−1,5' (a real minus sign), '±0'. */
export function signed(n: number, locale: Locale): string {
  return n > 0 ? `+${num(n, locale)}` : n < 0 ? `\u2212${num(-n, locale)}` : '±0';
}

/** A first column of labels, then `n` right-aligned figure columns. */
const columns = (n: number): TableData['columns'] => [{ width: 3, align: 'Left' }, ...Array.from({ length: n }, () => ({ width: 1, align: 'Right' as const }))];

function changeTable(heading: string, first: string, lines: readonly TrendLine[], month: string, locale: Locale, t: DigestTexts): TableData {
  const prev = shortMonth(shiftMonth(month, -1), locale);
  return {
    heading,
    note: '',
    columns: columns(3),
    header: [first, shortMonth(month, locale), format(t.cols.changePrev, { prev }), t.cols.changeAvg],
    rows: lines.map((l) => [l.label, String(l.count), signed(l.changePrevious, locale), signed(l.changeAverage, locale)]),
  };
}

function list(heading: string, lines: readonly string[], empty: string, { t, level }: Pick<Ctx, 't' | 'level'>): ListData {
  const max = level.lines;
  const shown = lines.slice(0, max);
  if (lines.length > max) shown.push(format(t.more, { n: lines.length - max }));
  return { heading, lines: shown, empty };
}

const bytes = (card: CardJson): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/**
 * The monthly digest card: for the board's channel, or a preview shown only to the asker.
 * Shortened level by level (views/digest-levels) until it fits Teams' card limit.
 */
export function digestCard(locale: Locale, c: DigestContent, view: DigestView): CardJson {
  let card: CardJson = {};
  let previous = '';
  for (const level of LEVELS) {
    const data = digestCardData(locale, c, view, level);
    // A level that cuts nothing this card has (a small network) would only add the note.
    const same = JSON.stringify({ ...data, shortened: '' });
    if (same === previous) continue;
    previous = same;
    card = renderCard('digest', data);
    if (bytes(card) <= CARD_BUDGET) return card;
  }
  return card; // the shortest there is (bounded: ≤ 20 focus areas of ≤ 80 characters, lists of 3)
}

/** What every part of the card needs. */
interface Ctx {
  readonly t: DigestTexts;
  readonly locale: Locale;
  readonly c: DigestContent;
  readonly month: string;
  readonly next: string;
  readonly bodyName: (id: string) => string;
  readonly level: Level;
  /** 'Andre (3 organer)'. */
  readonly others: (n: number) => string;
}

/** The card's data (exported for tests and the template sample). */
export function digestCardData(locale: Locale, c: DigestContent, view: DigestView, level: Level = FULL): DigestCardFields {
  const t = pick(locale, DIGEST_TEXTS);
  const x: Ctx = {
    t,
    locale,
    c,
    month: monthName(c.month, locale),
    next: monthName(shiftMonth(c.month, 1), locale),
    bodyName: (id) => c.bodies.find((b) => b.id === id)?.name ?? '?',
    level,
    others: (n) => format(t.others, { n }),
  };
  const day = (iso: string): string => shortDate(DateTime.fromISO(iso, { zone: OSLO }).toISODate() ?? '', locale);
  const sent = view.sent ? format(t.sentBy, { date: day(view.sent.at), who: view.sent.byScheduler ? t.scheduler : view.sent.byName }) : '';
  return {
    month: c.month,
    title: format(t.title, { month: x.month }),
    subtitle: t.subtitle,
    stamp: [format(t.generated, { date: day(c.generatedAt) }), sent].filter(Boolean).join(' '),
    shortened: level === FULL ? '' : t.shortened,
    ...trendPart(x),
    ...escalationPart(x),
    dueHeading: t.dueHeading,
    dueLists: dueLists(c.due, { t, locale, next: x.next, bodyName: x.bodyName, list: (heading, lines, empty) => list(heading, lines, empty, x) }),
    ...meetingPart(x),
    ...footer(x, view),
    // Shrinks with the card: fewer offence types with the lists, the gender × band table with the other two-way table.
    ...policeDigestPart(locale, c.police, Math.max(3, level.lines), level.crossBodies > 0, c.suppressBelow),
  };
}

type TrendPart = Pick<DigestCardData, 'trendsHeading' | 'trendsTotal' | 'trendTables' | 'emerging' | 'hasChart' | 'chart' | 'chartFallback'>;

function trendPart(x: Ctx): TrendPart {
  const { t, locale, c, month, level } = x;
  const tr = c.trends;
  // Grouped first, then suppressed: the marks must hold on the table as shown.
  const cross = groupCross(tr.cross, level.crossBodies, c.suppressBelow, x.others);
  const tables: TableData[] = [];
  if (tr.byArea.length)
    tables.push(
      changeTable(
        t.byArea,
        t.cols.area,
        groupLines(tr.byArea, level.areas, (n) => format(t.othersAreas, { n })),
        c.month,
        locale,
        t,
      ),
    );
  if (tr.byBody.length) tables.push(changeTable(t.byBody, t.cols.body, groupLines(tr.byBody, level.rows, x.others), c.month, locale, t));
  if (level.crossBodies > 0 && cross.areas.length && cross.bodies.length) {
    tables.push({
      heading: t.cross,
      note: format(t.crossNote, { n: c.suppressBelow }),
      columns: columns(cross.bodies.length),
      header: [t.cols.area, ...cross.bodies.map((b) => b.label)],
      rows: cross.areas.map((a, i) => [a.label, ...cross.bodies.map((_, j) => shownCount(cross.values[i]![j]!, cross.marks[i]![j]!, c.suppressBelow))]),
    });
  }
  const total = tr.total;
  return {
    trendsHeading: t.trends,
    trendsTotal:
      total.count === 0 && total.previous === 0
        ? format(t.noTrends, { month })
        : format(t.total, {
            count: total.count,
            month,
            changePrev: signed(total.changePrevious, locale),
            prev: monthName(shiftMonth(c.month, -1), locale),
            changeAvg: signed(total.changeAverage, locale),
            avg: num(total.average3, locale),
          }),
    trendTables: tables,
    emerging: list(
      t.emerging,
      tr.emerging.map((l) => format(t.emergingLine, { label: l.label, count: l.count, change: signed(l.changeAverage, locale) })),
      t.emergingNone,
      x,
    ),
    ...chartPart(x),
  };
}

/** The six-month chart per focus area (the largest areas when shortened) and its fallback table. */
function chartPart({ t, locale, c, level }: Ctx): Pick<DigestCardData, 'hasChart' | 'chart' | 'chartFallback'> {
  const { months, series: all } = c.trends.chart;
  // The same areas as the per-area table keeps (its lines and the series are the same areas).
  const keptIds = new Set(keepLargest(c.trends.byArea, level.areas, (l) => l.count).kept.map((l) => l.id));
  const rest = all.filter((s) => !keptIds.has(s.id));
  const series = rest.length
    ? [
        ...all.filter((s) => keptIds.has(s.id)),
        { label: format(t.othersAreas, { n: rest.length }), values: months.map((_, i) => rest.reduce((sum, s) => sum + s.values[i]!, 0)) },
      ]
    : all;
  const from = months.length - Math.min(level.fallbackMonths, months.length);
  const shown = months.slice(from);
  return {
    hasChart: series.length > 0,
    chart: { title: t.chart, series: series.map((s) => ({ legend: s.label, values: s.values.map((y, i) => ({ x: shortMonth(months[i]!, locale), y })) })) },
    chartFallback: {
      heading: from === 0 ? t.chartFallback : shown.length ? format(t.chartFallbackShort, { n: shown.length }) : t.chart,
      note: shown.length ? '' : t.chartFallbackNone,
      columns: columns(shown.length),
      header: [t.cols.area, ...shown.map((m) => shortMonth(m, locale))],
      rows: shown.length ? series.map((s) => [s.label, ...s.values.slice(from).map(String)]) : [],
    },
  };
}

function escalationPart(x: Ctx): Pick<DigestCardData, 'escalationsHeading' | 'escalationCounts' | 'escalationLists'> {
  const { t, locale, c, month, bodyName } = x;
  const es = c.escalations;
  const title = (m: NamedMatter): string => (m.titleState === 'ok' ? m.title : m.titleState === 'erased' ? t.titleErased : t.titleWithheld);
  const matter = (m: NamedMatter): string => format(t.matterLine, { title: title(m), body: bodyName(m.bodyId), date: shortDate(m.date, locale) });
  const lists: ListData[] = [];
  if (es.newNamed.length) lists.push(list(t.newNamed, es.newNamed.map(matter), '', x));
  if (es.resolved.length) lists.push(list(format(t.resolved, { month }), es.resolved.map(matter), '', x));
  lists.push(list(t.waiting, es.waitingForBoard.map(matter), t.waitingNone, x));
  return {
    escalationsHeading: t.escalations,
    escalationCounts: format(t.escalationCounts, {
      new: es.newCount,
      resolved: es.resolvedCount,
      declined: es.declinedCount,
      waiting: es.waitingForBoard.length,
    }),
    escalationLists: lists,
  };
}

function meetingPart(x: Ctx): Pick<DigestCardData, 'meetingsHeading' | 'meetingTable' | 'meetingLists'> {
  const { t, locale, c, month, next, bodyName } = x;
  const me = c.meetings;
  const { kept, rest } = keepLargest(me.lines, x.level.rows, (l) => l.planned + l.cancelled);
  const sum = (f: (l: (typeof rest)[number]) => number): string => String(rest.reduce((s, l) => s + f(l), 0));
  const warnings = me.lines.flatMap((l) => [
    ...(l.behind ? [format(t.behind, { body: bodyName(l.bodyId) })] : []),
    ...(l.boardBelowMinimum ? [format(t.boardBelow, { body: bodyName(l.bodyId) })] : []),
  ]);
  const upcoming = me.upcoming.map((u) => format(t.upcomingLine, { date: formatMeetingTime(u.startUtc, locale), body: bodyName(u.bodyId) }));
  return {
    meetingsHeading: format(t.meetings, { month }),
    meetingTable: {
      heading: '',
      note: me.lines.length ? '' : t.meetingsNone,
      columns: columns(3),
      header: [t.meetingCols.body, t.meetingCols.held, t.meetingCols.planned, t.meetingCols.cancelled],
      rows: [
        ...kept.map((l) => [bodyName(l.bodyId), String(l.held), String(l.planned), String(l.cancelled)]),
        ...(rest.length ? [[x.others(rest.length), sum((l) => l.held), sum((l) => l.planned), sum((l) => l.cancelled)]] : []),
      ],
    },
    meetingLists: [...(warnings.length ? [list('', warnings, '', x)] : []), list(format(t.upcoming, { next }), upcoming, format(t.upcomingNone, { next }), x)],
  };
}

function footer(
  { t, month }: Ctx,
  view: DigestView,
): Pick<DigestCardData, 'ackLine' | 'coordinatorHeading' | 'coordinatorLines' | 'canAck' | 'canSend' | 'ackLabel' | 'sendLabel'> {
  const ack =
    view.ack &&
    (view.ack.total !== undefined
      ? format(t.ackCount, { count: view.ack.count, total: view.ack.total })
      : format(t.ackCountNoTotal, { count: view.ack.count }));
  const k = view.coordinator;
  const lines = !k
    ? []
    : k.notSent
      ? [format(t.notSent, { month })]
      : k.notAcked?.length
        ? [format(t.notAcked, { names: k.notAcked.join(', ') })]
        : k.notAcked
          ? [t.allAcked]
          : [];
  return {
    ackLine: ack || '',
    coordinatorHeading: lines.length ? t.coordinatorsOnly : '',
    coordinatorLines: lines,
    canAck: view.canAck,
    canSend: view.canSend,
    ackLabel: t.ackButton,
    sendLabel: t.sendButton,
  };
}
