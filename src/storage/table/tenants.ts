import type { TableClient } from '@azure/data-tables';

/**
 * Development mode only: the tenants that have registered bodies, read from table `bodies`
 * (PartitionKey = tenant id; body rows have RowKey `b…`). This is a scan across partitions and
 * selects nothing but the keys, so it is for the tab's development identity picker when
 * SLT_TENANT_IDS is not set — never on a request path in production.
 */
export async function tenantsWithBodies(bodies: TableClient, limit = 50): Promise<string[]> {
  const seen = new Set<string>();
  const iter = bodies.listEntities({ queryOptions: { filter: `RowKey ge 'b' and RowKey lt 'c'`, select: ['PartitionKey'] } });
  for await (const e of iter) {
    if (e.partitionKey) seen.add(e.partitionKey);
    if (seen.size >= limit) break;
  }
  return [...seen].sort();
}
