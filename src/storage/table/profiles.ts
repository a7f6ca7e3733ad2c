import type { TableClient } from '@azure/data-tables';
import { SERVICES, type Service } from '../../domain/trends';
import { TtlCache } from '../cache';
import { isConflict, isNotFound, listAll } from '../etag';
import { odataString } from './keys';

/**
 * Table `members`, column `reporterService` — the service a person reports trends for (school,
 * police …), chosen once on the trend card and remembered, so trends show the service, never
 * the person.
 *   PartitionKey = tenant id
 *   RowKey       = Entra object id
 * Written with Merge (upsert), so other features may keep their own columns on the same row.
 * One person writes their own row; last write wins is right here.
 * With `cacheTtlMs` (the app: LOOKUP_TTL_MS) the last value this instance read or wrote is
 * reused for that long, and writing the value it already holds is skipped: a person's remembered
 * service is a convenience (a form default), so another instance's newer choice may be seen late.
 */
type ProfileRow = { reporterService?: string; reporterServiceAt?: string };

export class ProfileRepository {
  private readonly cache: TtlCache<Service | undefined>;

  constructor(
    private readonly client: TableClient,
    options: { cacheTtlMs?: number } = {},
  ) {
    this.cache = new TtlCache(options.cacheTtlMs ?? 0);
  }

  async reporterService(tenantId: string, aadObjectId: string): Promise<Service | undefined> {
    if (!aadObjectId) return undefined;
    return this.cache.get(`${tenantId}|${aadObjectId}`, () => this.read(tenantId, aadObjectId));
  }

  private async read(tenantId: string, aadObjectId: string): Promise<Service | undefined> {
    try {
      const row = await this.client.getEntity<ProfileRow>(tenantId, aadObjectId);
      return (SERVICES as readonly string[]).includes(row.reporterService ?? '') ? (row.reporterService as Service) : undefined;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Remembers the person's service; returns whether it wrote (not when this instance knows it is stored already). */
  async setReporterService(tenantId: string, aadObjectId: string, service: Service, at: string): Promise<boolean> {
    const key = `${tenantId}|${aadObjectId}`;
    const known = this.cache.peek(key);
    if (known && (await known.catch(() => undefined)) === service) return false;
    this.cache.delete(key);
    await this.client.upsertEntity<ProfileRow>({ partitionKey: tenantId, rowKey: aadObjectId, reporterService: service, reporterServiceAt: at }, 'Merge');
    this.cache.set(key, service);
    return true;
  }

  /**
   * Retention: forgets services not chosen since `cutoffIso` — the row goes, or only those
   * columns when another feature keeps its own on the row. Returns how many people it forgot.
   */
  async forgetServicesBefore(tenantId: string, cutoffIso: string): Promise<number> {
    const filter = `PartitionKey eq ${odataString(tenantId)} and reporterServiceAt lt ${odataString(cutoffIso)}`;
    let n = 0;
    for (const row of await listAll<ProfileRow>(this.client, filter)) {
      const {
        partitionKey,
        rowKey,
        etag,
        timestamp: _t,
        reporterService: _s,
        reporterServiceAt: _a,
        ...rest
      } = row as unknown as Record<string, unknown> & {
        partitionKey: string;
        rowKey: string;
        etag: string;
      };
      try {
        if (Object.keys(rest).length === 0) await this.client.deleteEntity(partitionKey, rowKey, { etag });
        else await this.client.updateEntity({ partitionKey, rowKey, ...rest }, 'Replace', { etag });
        this.cache.delete(`${tenantId}|${rowKey}`);
        n++;
      } catch (err) {
        // Chosen again meanwhile (412) or gone (404): nothing to forget.
        if (!isConflict(err) && !isNotFound(err)) throw err;
      }
    }
    return n;
  }
}
