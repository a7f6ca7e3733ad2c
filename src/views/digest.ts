import { DateTime } from 'luxon';
import { formatMeetingTime, OSLO } from '../domain/calendar';
import { shiftMonth, type TrendLine } from '../domain/digest';
import type { DigestContent } from '../domain/digest-content';
import { groupLines, keepLargest } from '../domain/digest-grouping';
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
    /** A multiple of 4 (Teams draws five gridlines from 0), so the y axis of counts has whole-number ticks. */
    readonly yMax: number;
    readonly series: readonly {
      readonly legend: string;
      /** One of Teams' named chart colours (CHART_COLORS). */
      readonly color: string;
      readonly values: readonly { readonly x: string; readonly y: number }[];
    }[];
  };
  /** Names the lines drawn on top of each other (the same count every month); '' when none are. */
  readonly chartNote: string;
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
    // Shrinks with the card: fewer offence types with the lists, the gender × band table near the end.
    ...policeDigestPart(locale, c.police, Math.max(3, level.lines), level.twoWay, c.suppressBelow),
  };
}

type TrendPart = Pick<DigestCardData, 'trendsHeading' | 'trendsTotal' | 'trendTables' | 'emerging' | 'hasChart' | 'chart' | 'chartNote' | 'chartFallback'>;

/**
 * The trend part. Every count in it is a count by one characteristic — per focus area, per body,
 * per month — and is shown exactly, in the tables, «Mest økende» and the chart alike. The card
 * has no focus area × body table: with both one-way totals on the same card, a «<3» in it could
 * be worked out from them (docs/digest-and-annual-report.md, «Statistical form»).
 */
function trendPart(x: Ctx): TrendPart {
  const { t, locale, c, month, level } = x;
  const tr = c.trends;
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
  if (tables.length) tables[tables.length - 1] = { ...tables[tables.length - 1]!, note: t.exactNote };
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

/**
 * Teams' named chart colours in the order the lines take them. Teams' own default for a line
 * chart is its sequential palette (eight shades of one violet: 5 CIEDE2000 apart under simulated
 * colour blindness); these eight, chosen by measuring every set of Teams' colours that keeps
 * some contrast on both the light and the dark theme, stay at least 9.3 apart for normal,
 * protan, deutan and tritan vision (Machado 2009), the first four at least 14
 * (tests/unit/chart-palette.test.ts). Teams draws no markers or dashes on its line charts, so
 * colour is what it has.
 */
export const CHART_COLORS = [
  'categoricalBlue',
  'divergingRed',
  'categoricalTeal',
  'divergingGray',
  'divergingLightRed',
  'good',
  'sequential6',
  'sequential4',
] as const;

/** The y axis's top: a multiple of 4 at or above the largest count, at least 4 (ticks 0, 1, 2, 3, 4). */
export function chartTop(max: number): number {
  return Math.max(4, Math.ceil(max / 4) * 4);
}

/** Groups of series with the same count in every month (and not all zero): their lines lie on top of each other. */
export function sameLines<T extends { readonly values: readonly number[] }>(series: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const s of series) {
    if (!s.values.some((v) => v > 0)) continue;
    const key = s.values.join(',');
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** The six-month chart per focus area (the largest areas when shortened) and its fallback table. */
function chartPart({ t, locale, c, level }: Ctx): Pick<DigestCardData, 'hasChart' | 'chart' | 'chartNote' | 'chartFallback'> {
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
  const and = (labels: string[]): string => (labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} ${t.and} ${labels.at(-1)}`);
  const overlaps = sameLines(series).map((g) => and(g.map((s) => s.label)));
  return {
    hasChart: series.length > 0,
    chart: {
      title: t.chart,
      yMax: chartTop(Math.max(0, ...series.flatMap((s) => s.values))),
      series: series.map((s, i) => ({
        legend: s.label,
        color: CHART_COLORS[i % CHART_COLORS.length]!,
        values: s.values.map((y, j) => ({ x: shortMonth(months[j]!, locale), y })),
      })),
    },
    chartNote: overlaps.length ? format(t.chartSame, { lines: overlaps.join('; ') }) : '',
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
