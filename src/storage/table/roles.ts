import type { TableClient } from '@azure/data-tables';
import { readModifyWrite, isNotFound } from '../etag';

/**
 * Table `roles` — granted roles.
 *   PartitionKey = tenant id (one SLT network per tenant)
 *   RowKey       = Entra object id of the person
 *   coordinator, admin: boolean; updatedBy, updatedAt
 * Administrators from SLT_ADMINS are not stored: configuration stays the source for them.
 */
export interface RoleRow {
  coordinator: boolean;
  admin: boolean;
  name?: string;
  updatedBy: string;
  updatedAt: string;
}

export type RoleName = 'coordinator' | 'admin';

export class RoleRepository {
  constructor(private readonly client: TableClient) {}

  async get(tenantId: string, aadObjectId: string): Promise<RoleRow | undefined> {
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
          name: name ?? current?.name,
          [role]: value,
          updatedBy: by,
          updatedAt: at,
        },
      };
    });
    if (!result.ok && result.reason !== 'unchanged') throw new Error(`role update failed: ${result.reason}`);
    return changed;
  }

  /** Everyone with a role in a tenant. */
  async list(tenantId: string): Promise<(RoleRow & { aadObjectId: string })[]> {
    const out: (RoleRow & { aadObjectId: string })[] = [];
    const filter = `PartitionKey eq '${tenantId.replace(/'/g, "''")}'`;
    for await (const e of this.client.listEntities<RoleRow>({ queryOptions: { filter } })) {
      if (e.coordinator || e.admin) out.push({ ...e, aadObjectId: e.rowKey as string });
    }
    return out;
  }
}
