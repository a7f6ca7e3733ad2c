import type { TableClient } from '@azure/data-tables';
import { DEFAULT_FOCUS_AREAS, type FocusArea } from '../../domain/focus-areas';
import { TtlCache } from '../cache';
import { isNotFound, readModifyWrite } from '../etag';

/**
 * Table `settings`, row `focusAreas` — the network's focus areas.
 *   PartitionKey = tenant id
 *   RowKey       = 'focusAreas'
 *   areas        = JSON array of { id, nb, en }; updatedBy, updatedAt
 * No row means the defaults (DOMAIN.md). Coordinators replace the whole list; the write is
 * ETag-guarded, and writing the list it already holds changes nothing.
 * With `cacheTtlMs` (the app: LOOKUP_TTL_MS) the list is reused for that long; `set` in this
 * instance forgets it, another instance sees an edit at most that late.
 */
type FocusAreaRow = { areas: string; updatedBy: string; updatedAt: string };

export const FOCUS_AREAS_ROW = 'focusAreas';

export class FocusAreaRepository {
  private readonly cache: TtlCache<readonly FocusArea[]>;

  constructor(
    private readonly client: TableClient,
    options: { cacheTtlMs?: number } = {},
  ) {
    this.cache = new TtlCache(options.cacheTtlMs ?? 0, 1_000);
  }

  /** The tenant's focus areas, or the defaults when none are configured. */
  async get(tenantId: string): Promise<FocusArea[]> {
    return [...(await this.cache.get(tenantId, () => this.read(tenantId)))];
  }

  private async read(tenantId: string): Promise<FocusArea[]> {
    try {
      const row = await this.client.getEntity<FocusAreaRow>(tenantId, FOCUS_AREAS_ROW);
      return parseAreas(row.areas) ?? [...DEFAULT_FOCUS_AREAS];
    } catch (err) {
      if (isNotFound(err)) return [...DEFAULT_FOCUS_AREAS];
      throw err;
    }
  }

  /** Replaces the list. Returns whether anything changed. */
  async set(tenantId: string, areas: readonly FocusArea[], by: string, at: string): Promise<boolean> {
    const json = JSON.stringify(areas.map((a) => ({ id: a.id, nb: a.nb, en: a.en })));
    const result = await readModifyWrite<FocusAreaRow>(this.client, tenantId, FOCUS_AREAS_ROW, (current) => {
      const before = current ? current.areas : JSON.stringify(DEFAULT_FOCUS_AREAS);
      if (before === json) return { kind: 'abort', reason: 'unchanged' };
      return { kind: 'write', entity: { partitionKey: tenantId, rowKey: FOCUS_AREAS_ROW, areas: json, updatedBy: by, updatedAt: at } };
    }).finally(() => this.cache.delete(tenantId));
    if (!result.ok && result.reason !== 'unchanged') throw new Error(`focus areas not saved: ${result.reason}`);
    return result.ok;
  }
}

/** A stored list, or undefined when the row is unreadable (then the defaults apply). */
function parseAreas(json: string): FocusArea[] | undefined {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v) || v.length === 0) return undefined;
    const ok = v.every((a) => a && typeof a.id === 'string' && typeof a.nb === 'string' && typeof a.en === 'string');
    return ok ? (v as FocusArea[]) : undefined;
  } catch (err) {
    if (err instanceof SyntaxError) return undefined; // a hand-edited row: fall back to the defaults
    throw err;
  }
}
