import { SCHEDULER } from '../app/digest';
import type { Standing } from '../domain/access';
import { parseDigestContent } from '../domain/digest-content';
import type { Locale } from '../i18n';
import { digestCardData } from '../views/digest';
import { FULL } from '../views/digest-levels';
import type { ListData, TableData } from '../views/digest-table-data';
import type { DigestBlock, DigestPageResponse } from './contract';
import { mayReadDigests, type TabDigestSource } from './digests';

export type DigestPageOutcome =
  | { readonly kind: 'page'; readonly page: DigestPageResponse }
  | { readonly kind: 'notAllowed' }
  | { readonly kind: 'notSent' }
  | { readonly kind: 'unreadable' };

const table = (t: TableData): DigestBlock => ({ kind: 'table', heading: t.heading, header: t.header, rows: t.rows, note: t.note });
const list = (l: ListData): DigestBlock => ({ kind: 'list', heading: l.heading, lines: l.lines, empty: l.empty });
const text = (s: string): DigestBlock[] => (s ? [{ kind: 'text', text: s }] : []);

/**
 * One archived monthly digest to read in the tab: its latest sending, rendered by the same code
 * as the card (views/digest) at full length — the card's size limit does not apply here — as
 * plain sections the page lays out. Who may read it is who may ask for it with `rapport`
 * (coordinators and board members); the content holds statistics, body names, focus-area
 * labels and the titles of matters that reached the coordination group or the board.
 */
export async function digestPageFor(
  archive: TabDigestSource | undefined,
  standing: Standing,
  tenantId: string,
  month: string,
  locale: Locale,
): Promise<DigestPageOutcome> {
  if (!mayReadDigests(standing)) return { kind: 'notAllowed' };
  const sending = await archive?.read?.(tenantId, month);
  if (!sending) return { kind: 'notSent' };
  const content = parseDigestContent(sending.content);
  if (!content) return { kind: 'unreadable' };
  const d = digestCardData(
    locale,
    content,
    { sent: { at: sending.sentAt, byName: sending.sentByName, byScheduler: sending.sentBy === SCHEDULER }, canAck: false, canSend: false },
    FULL,
  );
  const chart = content.trends.chart;
  const sections: DigestPageResponse['sections'] = [
    ...(d.policeHeading ? [{ heading: d.policeHeading, blocks: [...d.policeLines.flatMap(text), ...d.policeTables.map(table)] }] : []),
    {
      heading: d.trendsHeading,
      blocks: [
        ...text(d.trendsTotal),
        ...d.trendTables.map(table),
        list(d.emerging),
        ...(d.hasChart
          ? [
              {
                kind: 'chart' as const,
                title: d.chart.title,
                months: chart.months,
                series: chart.series.map((s) => ({ id: s.id, label: s.label, counts: s.values, total: s.values.reduce((a, b) => a + b, 0) })),
              },
            ]
          : []),
      ],
    },
    { heading: d.escalationsHeading, blocks: [...text(d.escalationCounts), ...d.escalationLists.map(list)] },
    { heading: d.dueHeading, blocks: d.dueLists.map(list) },
    {
      heading: d.meetingsHeading,
      blocks: [...(d.meetingTable.rows.length ? [table(d.meetingTable)] : text(d.meetingTable.note)), ...d.meetingLists.map(list)],
    },
  ];
  return { kind: 'page', page: { month: content.month, title: d.title, subtitle: d.subtitle, stamp: d.stamp, sections } };
}
