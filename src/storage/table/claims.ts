import { RestError, type TableClient, type TableEntity } from '@azure/data-tables';
import { isConflict, isNotFound } from '../etag';
import { encodeKey } from './keys';

/**
 * Table `claims` — who runs which job occurrence (design: src/storage/table/jobs.ts).
 *   PartitionKey = encoded job key   RowKey = dueAt (canonical ISO)
 * Insert-only claim; an expired lease is re-claimed by replacing the row with If-Match on its
 * etag; settling and releasing merge with If-Match, so an instance that lost its lease cannot
 * overwrite the new holder's row.
 */
export type ClaimState = 'running' | 'failed' | 'done' | 'skipped';

type ClaimRow = {
  key: string;
  dueAt: string;
  instance: string;
  claimedAt: string;
  leaseUntil: string;
  state: ClaimState;
  attempts: number;
  lastError?: string;
};

export type ClaimResult =
  | { readonly status: 'claimed'; readonly etag: string; readonly attempts: number; readonly reclaimed: boolean }
  | { readonly status: 'busy' }
  | { readonly status: 'finished'; readonly state: ClaimState };

/** Claim rows of job occurrences. */
export class ClaimTable {
  constructor(private readonly claims: TableClient) {}

  /** Claims an occurrence: insert-only, or re-claim of an expired lease with If-Match. */
  async claim(key: string, dueAt: string, instance: string, now: string, leaseUntil: string): Promise<ClaimResult> {
    const base = { partitionKey: encodeKey(key), rowKey: dueAt, key, dueAt, instance, claimedAt: now, leaseUntil, state: 'running' as const };
    try {
      const res = await this.claims.createEntity<ClaimRow>({ ...base, attempts: 1 });
      return { status: 'claimed', etag: res.etag ?? '', attempts: 1, reclaimed: false };
    } catch (err) {
      if (!(err instanceof RestError && err.statusCode === 409)) throw err;
    }
    let current: Awaited<ReturnType<typeof this.claims.getEntity<ClaimRow>>>;
    try {
      current = await this.claims.getEntity<ClaimRow>(encodeKey(key), dueAt);
    } catch (err) {
      if (isNotFound(err)) return { status: 'busy' };
      throw err;
    }
    if (current.state === 'done' || current.state === 'skipped') return { status: 'finished', state: current.state };
    if (current.leaseUntil > now) return { status: 'busy' };
    const attempts = (current.attempts ?? 1) + 1;
    try {
      const entity: TableEntity<ClaimRow> = { ...base, attempts, ...(current.lastError ? { lastError: current.lastError } : {}) };
      const res = await this.claims.updateEntity(entity, 'Replace', { etag: current.etag });
      return { status: 'claimed', etag: res.etag ?? '', attempts, reclaimed: true };
    } catch (err) {
      if (isConflict(err) || isNotFound(err)) return { status: 'busy' };
      throw err;
    }
  }

  /** Records the end of a claimed run. False when the lease was lost to another instance. */
  async settle(key: string, dueAt: string, etag: string, state: 'done' | 'skipped', reason?: string): Promise<boolean> {
    return this.mergeClaim(key, dueAt, etag, { state, ...(reason ? { lastError: reason.slice(0, 200) } : {}) });
  }

  /** Releases a claim after a handler failure; it may be re-claimed from `retryAt`. */
  async release(key: string, dueAt: string, etag: string, retryAt: string, lastError: string): Promise<boolean> {
    return this.mergeClaim(key, dueAt, etag, { state: 'failed', leaseUntil: retryAt, lastError: lastError.slice(0, 200) });
  }

  private async mergeClaim(key: string, dueAt: string, etag: string, patch: Partial<ClaimRow>): Promise<boolean> {
    try {
      await this.claims.updateEntity<Partial<ClaimRow>>({ partitionKey: encodeKey(key), rowKey: dueAt, ...patch }, 'Merge', { etag });
      return true;
    } catch (err) {
      if (isConflict(err) || isNotFound(err)) return false;
      throw err;
    }
  }
}
