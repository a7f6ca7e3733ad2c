import type { TableClient } from '@azure/data-tables';
import type { TrendFact } from '../../domain/digest';
import type { TaskFact } from '../../domain/digest-due';
import type { EscalationFact } from '../../domain/digest-sections';
import type { ReadScope } from '../../domain/visibility';
import { agendaPartition, TASK_COLUMNS, tasksOfRow } from './agendas';
import type { EscalationRow } from './escalations';
import { odataString } from './keys';
import { trendPartition } from './trends';

/**
 * The digest's and annual report's reads of the `trends`, `escalations` and `agendas` tables
 * (designs in trends.ts, escalations.ts and agendas.ts; nothing is written here). All are
 * streams: table pages (≤ 1 000 rows) are yielded row by row as they arrive and nothing is
 * collected, so aggregating a busy month or a whole year holds one page at a time. Only what is
 * needed is read:
 *   trends       one query per (body, month) partition of the scope and the months asked for —
 *                never a scan — selecting the four category columns (no text, no reporter);
 *   escalations  per body of the scope its key range `<body>|…`, only the origin copy of each
 *                matter (so each matter once), filtered to the open ones and those touched since
 *                the date asked for — or, for measures, to decided ones with a measure due before
 *                a date — selecting the columns the digest uses (no description, notes or
 *                requester);
 *   minutes      per body of the scope the `m|…` range of its `agendas` partition, optionally by
 *                meeting start, selecting only the task columns (no decisions, no item titles).
 */
type TrendCategoryRow = Pick<TrendFact, 'bodyId' | 'month' | 'focusAreaId' | 'focusAreaLabel'>;
const TREND_COLUMNS = ['bodyId', 'month', 'focusAreaId', 'focusAreaLabel'];

type EscalationFactRow = Pick<
  EscalationRow,
  | 'originBodyId'
  | 'originKind'
  | 'state'
  | 'levelBodyId'
  | 'path'
  | 'title'
  | 'createdAt'
  | 'updatedAt'
  | 'decision'
  | 'measure'
  | 'responsible'
  | 'due'
  | 'boardDecision'
>;
const ESCALATION_COLUMNS = [
  'RowKey',
  'originBodyId',
  'originKind',
  'state',
  'levelBodyId',
  'path',
  'title',
  'createdAt',
  'updatedAt',
  'decision',
  'measure',
  'responsible',
  'due',
  'boardDecision',
];

/** Which matters to read: open ones, and those changed since `touchedSince` (UTC ISO). */
export interface EscalationWindow {
  readonly touchedSince: string;
  /** Only those created before this instant (UTC ISO). */
  readonly createdBefore?: string;
}

/** Which minutes to read, by their meeting's start (UTC ISO). */
export interface MinutesWindow {
  readonly meetingFrom?: string;
  readonly meetingBefore?: string;
}

const PAGE = 1_000;
const opt = (s: string | null | undefined): string | undefined => (s ? s : undefined);

export class DigestSources {
  constructor(
    private readonly trends: TableClient,
    private readonly escalations: TableClient,
    private readonly agendas: TableClient,
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
  escalationFacts(scope: ReadScope, window: EscalationWindow): AsyncGenerator<EscalationFact> {
    const wanted = `(open eq true or updatedAt ge ${odataString(window.touchedSince)})`;
    return this.matters(scope, window.createdBefore ? `${wanted} and createdAt lt ${odataString(window.createdBefore)}` : wanted);
  }

  /** Every decided matter of the scope's bodies with a measure due before `dueBefore` (YYYY-MM-DD), however old. */
  measureFacts(scope: ReadScope, dueBefore: string): AsyncGenerator<EscalationFact> {
    return this.matters(scope, `(state eq 'resolved' or state eq 'decided') and measure ne '' and due ne '' and due lt ${odataString(dueBefore)}`);
  }

  /** The tasks of the minutes of the scope's bodies' meetings in the window, page by page. */
  async *taskFacts(scope: ReadScope, window: MinutesWindow = {}): AsyncGenerator<TaskFact> {
    for (const bodyId of scope.bodyIds) {
      const parts = [`PartitionKey eq ${odataString(agendaPartition(scope.tenantId, bodyId))}`, `RowKey ge 'm|'`, `RowKey lt 'm}'`];
      if (window.meetingFrom) parts.push(`meetingStartUtc ge ${odataString(window.meetingFrom)}`);
      if (window.meetingBefore) parts.push(`meetingStartUtc lt ${odataString(window.meetingBefore)}`);
      const pages = this.agendas
        .listEntities<Record<string, unknown>>({ queryOptions: { filter: parts.join(' and '), select: ['meetingId', 'meetingStartUtc', ...TASK_COLUMNS] } })
        .byPage({ maxPageSize: PAGE });
      for await (const page of pages) {
        for (const r of page) {
          const meetingId = String(r.meetingId ?? '');
          const meetingStartUtc = String(r.meetingStartUtc ?? '');
          for (const t of tasksOfRow(r))
            yield { id: t.id, bodyId, meetingId, meetingStartUtc, title: t.title, responsible: t.responsible, due: t.due, doneAt: t.doneAt };
        }
      }
    }
  }

  /** The origin copies of the scope's bodies' matters that pass `filter`, once each. */
  private async *matters(scope: ReadScope, filter: string): AsyncGenerator<EscalationFact> {
    for (const bodyId of scope.bodyIds) {
      const parts = [
        `PartitionKey eq ${odataString(scope.tenantId)}`,
        `RowKey gt ${odataString(`${bodyId}|`)}`,
        `RowKey lt ${odataString(`${bodyId}}`)}`,
        `originBodyId eq ${odataString(bodyId)}`,
        filter,
      ];
      const pages = this.escalations
        .listEntities<EscalationFactRow>({ queryOptions: { filter: parts.join(' and '), select: ESCALATION_COLUMNS } })
        .byPage({ maxPageSize: PAGE });
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
