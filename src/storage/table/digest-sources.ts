import type { TableClient } from '@azure/data-tables';
import type { TrendFact } from '../../domain/digest';
import type { EscalationFact } from '../../domain/digest-sections';
import type { ReadScope } from '../../domain/visibility';
import { trendPartition } from './trends';
import type { EscalationRow } from './escalations';
import { odataString } from './keys';

/**
 * The digest's and annual report's reads of the `trends` and `escalations` tables (designs in
 * trends.ts and escalations.ts; nothing is written here). Both are streams: table pages (≤ 1 000
 * rows) are yielded row by row as they arrive and nothing is collected, so aggregating a busy
 * month or a whole year holds one page at a time. Only what is needed is read:
 *   trends       one query per (body, month) partition of the scope and the months asked for —
 *                never a scan — selecting the four category columns (no text, no reporter);
 *   escalations  per body of the scope its key range `<body>|…`, only the origin copy of each
 *                matter (so each matter once), filtered to the open ones and those touched (or
 *                with a measure due) since the date asked for, selecting the columns the
 *                digest uses (no description, notes or requester).
 */
type TrendCategoryRow = Pick<TrendFact, 'bodyId' | 'month' | 'focusAreaId' | 'focusAreaLabel'>;
const TREND_COLUMNS = ['bodyId', 'month', 'focusAreaId', 'focusAreaLabel'];

type EscalationFactRow = Pick<
  EscalationRow,
  'originBodyId' | 'originKind' | 'state' | 'levelBodyId' | 'path' | 'title' | 'createdAt' | 'updatedAt' | 'decision' | 'measure' | 'responsible' | 'due' | 'boardDecision'
>;
const ESCALATION_COLUMNS = ['RowKey', 'originBodyId', 'originKind', 'state', 'levelBodyId', 'path', 'title', 'createdAt', 'updatedAt', 'decision', 'measure', 'responsible', 'due', 'boardDecision'];

/** Which matters to read: open ones, and those changed since `touchedSince` (UTC ISO). */
export interface EscalationWindow {
  readonly touchedSince: string;
  /** Also those whose measure is due on or after this date (YYYY-MM-DD), however old. */
  readonly dueFrom?: string;
  /** Only those created before this instant (UTC ISO). */
  readonly createdBefore?: string;
}

const PAGE = 1_000;
const opt = (s: string | null | undefined): string | undefined => (s ? s : undefined);

export class DigestSources {
  constructor(
    private readonly trends: TableClient,
    private readonly escalations: TableClient,
  ) {}

  /** The categories of every trend of the scope's bodies in the given months, page by page. */
  async *trendFacts(scope: ReadScope, months: readonly string[]): AsyncGenerator<TrendFact> {
    for (const bodyId of scope.bodyIds) {
      for (const month of months) {
        const filter = `PartitionKey eq ${odataString(trendPartition(scope.tenantId, bodyId, month))}`;
        const pages = this.trends.listEntities<TrendCategoryRow>({ queryOptions: { filter, select: TREND_COLUMNS } }).byPage({ maxPageSize: PAGE });
        for await (const page of pages) {
          for (const r of page) yield { bodyId: r.bodyId, month: r.month, focusAreaId: r.focusAreaId, focusAreaLabel: r.focusAreaLabel ?? '' };
        }
      }
    }
  }

  /** Every matter that started at one of the scope's bodies and falls in the window, once each. */
  async *escalationFacts(scope: ReadScope, window: EscalationWindow): AsyncGenerator<EscalationFact> {
    const wanted = [`open eq true`, `updatedAt ge ${odataString(window.touchedSince)}`];
    if (window.dueFrom) wanted.push(`due ge ${odataString(window.dueFrom)}`);
    for (const bodyId of scope.bodyIds) {
      const parts = [
        `PartitionKey eq ${odataString(scope.tenantId)}`,
        `RowKey gt ${odataString(`${bodyId}|`)}`,
        `RowKey lt ${odataString(`${bodyId}}`)}`,
        `originBodyId eq ${odataString(bodyId)}`,
        `(${wanted.join(' or ')})`,
      ];
      if (window.createdBefore) parts.push(`createdAt lt ${odataString(window.createdBefore)}`);
      const pages = this.escalations.listEntities<EscalationFactRow>({ queryOptions: { filter: parts.join(' and '), select: ESCALATION_COLUMNS } }).byPage({ maxPageSize: PAGE });
      for await (const page of pages) {
        for (const r of page) {
          yield {
            id: (r.rowKey ?? '').split('|')[1] ?? '',
            originBodyId: r.originBodyId,
            originKind: r.originKind,
            state: r.state,
            levelBodyId: r.levelBodyId,
            path: (r.path ?? '').split(',').filter(Boolean),
            title: r.title ?? '',
            createdAt: r.createdAt,
            updatedAt: r.updatedAt,
            decision: opt(r.decision),
            measure: opt(r.measure),
            responsible: opt(r.responsible),
            due: opt(r.due),
            boardDecision: opt(r.boardDecision),
          };
        }
      }
    }
  }
}
