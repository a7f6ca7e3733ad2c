import type { TableClient } from '@azure/data-tables';
import { TtlCache } from '../cache';
import { isConflict, isNotFound, readModifyWrite } from '../etag';

/**
 * Table `roles` — granted roles.
 *   PartitionKey = tenant id (one SLT network per tenant)
 *   RowKey       = Entra object id of the person
 *   coordinator, admin, police: boolean; updatedBy, updatedAt (police: issue 16, absent on older rows)
 * Administrators from SLT_ADMINS are not stored: configuration stays the source for them.
 * With `cacheTtlMs` (the app: LOOKUP_TTL_MS) a person's row is reused for that long; `set` in
 * this instance forgets it at once, another instance sees a grant or revoke at most that late.
 * `list` is never cached (the last-administrator check needs the table as it is).
 */
export interface RoleRow {
  coordinator: boolean;
  admin: boolean;
  /** Enters the police's statistics. Rows written before the role existed have no column. */
  police?: boolean;
  name?: string;
  updatedBy: string;
  updatedAt: string;
}

export type RoleName = 'coordinator' | 'admin' | 'police';

export class RoleRepository {
  private readonly cache: TtlCache<RoleRow | undefined>;

  constructor(
    private readonly client: TableClient,
    options: { cacheTtlMs?: number } = {},
  ) {
    this.cache = new TtlCache(options.cacheTtlMs ?? 0);
  }

  async get(tenantId: string, aadObjectId: string): Promise<RoleRow | undefined> {
    return this.cache.get(`${tenantId}|${aadObjectId}`, () => this.read(tenantId, aadObjectId));
  }

  private async read(tenantId: string, aadObjectId: string): Promise<RoleRow | undefined> {
    try {
      return await this.client.getEntity<RoleRow>(tenantId, aadObjectId);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Sets one role flag; idempotent (granting twice leaves one grant). Returns whether it changed. */
  async set(tenantId: string, aadObjectId: string, role: RoleName, value: boolean, by: string, at: string, name?: string): Promise<boolean> {
    let changed = false;
    // Forgotten after the write (also a failed one): this instance's next check reads the table.
    const result = await readModifyWrite<RoleRow>(this.client, tenantId, aadObjectId, (current) => {
      const before = current?.[role] ?? false;
      changed = before !== value;
      if (!changed) return { kind: 'abort', reason: 'unchanged' };
      return {
        kind: 'write',
        entity: {
          partitionKey: tenantId,
          rowKey: aadObjectId,
          coordinator: current?.coordinator ?? false,
          admin: current?.admin ?? false,
          police: current?.police ?? false,
          name: name ?? current?.name,
          [role]: value,
          updatedBy: by,
          updatedAt: at,
        },
      };
    }).finally(() => this.cache.delete(`${tenantId}|${aadObjectId}`));
    if (!result.ok && result.reason !== 'unchanged') throw new Error(`role update failed: ${result.reason}`);
    return changed;
  }

  /** Retention: deletes rows that hold no role any more and have not changed since `cutoffIso`. Returns how many. */
  async deleteRolelessBefore(tenantId: string, cutoffIso: string): Promise<number> {
    const filter = `PartitionKey eq '${tenantId.replace(/'/g, "''")}' and coordinator eq false and admin eq false and updatedAt lt '${cutoffIso.replace(/'/g, "''")}'`;
    let n = 0;
    for await (const e of this.client.listEntities<RoleRow>({ queryOptions: { filter } })) {
      try {
        await this.client.deleteEntity(tenantId, e.rowKey ?? '', { etag: e.etag });
        this.cache.delete(`${tenantId}|${e.rowKey}`);
        n++;
      } catch (err) {
        // Granted again meanwhile (412) or gone (404).
        if (!isConflict(err) && !isNotFound(err)) throw err;
      }
    }
    return n;
  }

  /** Everyone with a role in a tenant. */
  async list(tenantId: string): Promise<(RoleRow & { aadObjectId: string })[]> {
    const out: (RoleRow & { aadObjectId: string })[] = [];
    const filter = `PartitionKey eq '${tenantId.replace(/'/g, "''")}'`;
    for await (const e of this.client.listEntities<RoleRow>({ queryOptions: { filter } })) {
      if (e.coordinator || e.admin || e.police) out.push({ ...e, aadObjectId: e.rowKey as string });
    }
    return out;
  }
}
