import { RestError, type TableClient, type TableEntity, type TableEntityResult } from '@azure/data-tables';

/** True for the HTTP status codes the table service uses for "someone else got there first". */
export function isConflict(err: unknown): boolean {
  return err instanceof RestError && (err.statusCode === 409 || err.statusCode === 412);
}

export function isNotFound(err: unknown): boolean {
  return err instanceof RestError && err.statusCode === 404;
}

/** What a read-modify-write step decides after looking at the current row. */
export type Mutation<T extends object> = { kind: 'write'; entity: TableEntity<T> } | { kind: 'abort'; reason: string };

export type RmwResult<T extends object> = { ok: true; entity: TableEntity<T>; attempts: number } | { ok: false; reason: string; attempts: number };

/**
 * Optimistic concurrency: read the row, let `mutate` decide on the current version, write it
 * back with `If-Match` on the etag it read (or insert-only when the row did not exist). On a
 * 412/409 the row is read again and `mutate` decides again — so a state machine re-checks its
 * rules against what the other writer did, and can abort ("already accepted by someone else").
 */
export async function readModifyWrite<T extends object>(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  mutate: (current: TableEntityResult<T> | undefined) => Mutation<T> | Promise<Mutation<T>>,
  maxAttempts = 5,
): Promise<RmwResult<T>> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let current: TableEntityResult<T> | undefined;
    try {
      current = await client.getEntity<T>(partitionKey, rowKey);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const decision = await mutate(current);
    if (decision.kind === 'abort') return { ok: false, reason: decision.reason, attempts: attempt };
    const entity = { ...decision.entity, partitionKey, rowKey };
    try {
      if (current) await client.updateEntity(entity, 'Replace', { etag: current.etag });
      else await client.createEntity(entity);
      return { ok: true, entity, attempts: attempt };
    } catch (err) {
      if (!isConflict(err)) throw err;
      // Lost the race: loop, read the winner's version and decide again.
    }
  }
  return { ok: false, reason: 'conflict', attempts: maxAttempts };
}

/**
 * Insert-only write: true when this call created the row, false when it already existed.
 * The building block for claims and idempotency keys.
 */
export async function insertOnce<T extends object>(client: TableClient, entity: TableEntity<T>): Promise<boolean> {
  try {
    await client.createEntity(entity);
    return true;
  } catch (err) {
    if (err instanceof RestError && err.statusCode === 409) return false;
    throw err;
  }
}

/** Collects every entity of a query, page by page (for small partitions only). */
export async function listAll<T extends object>(client: TableClient, filter?: string): Promise<TableEntityResult<T>[]> {
  const out: TableEntityResult<T>[] = [];
  for await (const e of client.listEntities<T>({ queryOptions: filter ? { filter } : undefined })) out.push(e);
  return out;
}
