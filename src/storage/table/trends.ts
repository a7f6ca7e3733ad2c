import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { AgeGroup, Direction, Service, Trend } from '../../domain/trends';
import { inScope, type ReadScope } from '../../domain/visibility';
import { insertOnce, isConflict, isNotFound, listAll } from '../etag';

/**
 * Table `trends` — trend topics.
 *   PartitionKey = `${tenantId}|${bodyId}|${YYYY-MM}` (Oslo month of the report)
 *   RowKey       = trend id: 't' + 24 hex of sha256(tenant, body, reporter, idempotency key)
 * Who sees what is enforced here: every read takes a ReadScope and names only partitions of the
 * bodies in it, so a member query never touches another body's rows. A month per partition keeps
 * partitions small and lets the monthly digest stream one month at a time. The id is derived
 * from the submission, so a double click or retried delivery inserts nothing new (insert-only).
 * Retention empties `description`, `area` and `reporterId` and sets `textErased`; categories stay.
 */
type TrendRow = {
  bodyId: string;
  month: string;
  focusAreaId: string;
  focusAreaLabel: string;
  direction: Direction;
  description: string;
  area: string;
  ageGroup: string;
  service: Service;
  reporterId: string;
  reportedAt: string;
  textErased: boolean;
  textErasedAt?: string;
};

/** What is stored for a new trend (id and month are derived). */
export type TrendDraft = Omit<Trend, 'id' | 'textErasedAt'>;

const quote = (s: string): string => s.replace(/'/g, "''");

/** Partition of a body's month. */
export function trendPartition(tenantId: string, bodyId: string, month: string): string {
  return `${tenantId}|${bodyId}|${month}`;
}

export class TrendRepository {
  constructor(private readonly client: TableClient) {}

  /** Stable id of a submission: the same key from the same person for the same body gives the same id. */
  static idFor(tenantId: string, bodyId: string, reporterId: string, idempotencyKey: string): string {
    return `t${createHash('sha256').update([tenantId, bodyId, reporterId, idempotencyKey].join('\u0000')).digest('hex').slice(0, 24)}`;
  }

  /** Stores a trend once. `created` is false when this submission was stored before. */
  async add(draft: TrendDraft, idempotencyKey: string): Promise<{ created: boolean; trend: Trend }> {
    const id = TrendRepository.idFor(draft.tenantId, draft.bodyId, draft.reporterId, idempotencyKey);
    const pk = trendPartition(draft.tenantId, draft.bodyId, draft.month);
    const row: TrendRow = {
      bodyId: draft.bodyId,
      month: draft.month,
      focusAreaId: draft.focusAreaId,
      focusAreaLabel: draft.focusAreaLabel,
      direction: draft.direction,
      description: draft.description,
      area: draft.area ?? '',
      ageGroup: draft.ageGroup ?? '',
      service: draft.service,
      reporterId: draft.reporterId,
      reportedAt: draft.reportedAt,
      textErased: false,
    };
    const created = await insertOnce<TrendRow>(this.client, { partitionKey: pk, rowKey: id, ...row });
    if (created) return { created, trend: toTrend(draft.tenantId, id, row) };
    const existing = await this.client.getEntity<TrendRow>(pk, id);
    return { created, trend: toTrend(draft.tenantId, id, existing) };
  }

  /** One trend, when the scope covers its body. */
  async get(scope: ReadScope, bodyId: string, month: string, id: string): Promise<Trend | undefined> {
    if (!inScope(scope, bodyId)) return undefined;
    try {
      return toTrend(scope.tenantId, id, await this.client.getEntity<TrendRow>(trendPartition(scope.tenantId, bodyId, month), id));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Trends of the given months for every body in the scope (or only `bodyId`, which must be in
   * it), newest first. One query per (body, month) partition — never a cross-partition scan.
   */
  async list(scope: ReadScope, months: readonly string[], bodyId?: string): Promise<Trend[]> {
    const bodies = bodyId ? (inScope(scope, bodyId) ? [bodyId] : []) : scope.bodyIds;
    const parts = bodies.flatMap((b) => months.map((m) => trendPartition(scope.tenantId, b, m)));
    const rows = await Promise.all(parts.map((pk) => listAll<TrendRow>(this.client, `PartitionKey eq '${quote(pk)}'`)));
    return rows
      .flat()
      .map((r) => toTrend(scope.tenantId, r.rowKey ?? '', r))
      .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  }

  /**
   * Retention: empties the free text and the reporter of every trend of the tenant reported before `cutoffIso`.
   * Idempotent (erased rows are not selected again). Returns how many rows it erased.
   */
  async eraseTextBefore(tenantId: string, cutoffIso: string, at: string): Promise<number> {
    const filter = `PartitionKey gt '${quote(tenantId)}|' and PartitionKey lt '${quote(tenantId)}}' and textErased eq false and reportedAt lt '${quote(cutoffIso)}'`;
    let erased = 0;
    for await (const row of this.client.listEntities<TrendRow>({ queryOptions: { filter } })) {
      try {
        await this.client.updateEntity(
          { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '', description: '', area: '', reporterId: '', textErased: true, textErasedAt: at },
          'Merge',
          {
            etag: row.etag,
          },
        );
        erased++;
      } catch (err) {
        // Changed since it was listed: the next daily run erases it. Anything else is a real failure.
        if (!isConflict(err)) throw err;
      }
    }
    return erased;
  }
}

function toTrend(tenantId: string, id: string, r: TrendRow): Trend {
  return {
    tenantId,
    bodyId: r.bodyId,
    id,
    month: r.month,
    focusAreaId: r.focusAreaId,
    focusAreaLabel: r.focusAreaLabel,
    direction: r.direction,
    description: r.description,
    area: r.area || undefined,
    ageGroup: (r.ageGroup || undefined) as AgeGroup | undefined,
    service: r.service,
    reporterId: r.reporterId,
    reportedAt: r.reportedAt,
    textErasedAt: r.textErasedAt ?? undefined,
  };
}
