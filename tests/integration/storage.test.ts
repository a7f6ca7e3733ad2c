import { beforeAll, describe, expect, inject, it } from 'vitest';
import { insertOnce, readModifyWrite } from '../../src/storage/etag';
import { RoleRepository } from '../../src/storage/table/roles';
import { TableStore } from '../../src/storage/tables';
import { uniquePrefix } from '../support/harness';

interface Counter {
  value: number;
}

describe('table storage against Azurite', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  beforeAll(async () => store.ensureTables());

  it('creates every table and answers a ping', async () => {
    await expect(store.ensureTables()).resolves.toBeUndefined(); // idempotent
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('round-trips an entity with Norwegian text unchanged', async () => {
    const t = store.table('settings');
    await t.createEntity({ partitionKey: 'p', rowKey: 'r', text: 'Æøå «sitat» ${x} 😀' });
    const back = await t.getEntity<{ text: string }>('p', 'r');
    expect(back.text).toBe('Æøå «sitat» ${x} 😀');
  });

  it('refuses a stale update with 412 when the row changed since it was read', async () => {
    const t = store.table('settings');
    await t.createEntity({ partitionKey: 'etag', rowKey: 'x', value: 1 });
    const first = await t.getEntity<Counter>('etag', 'x');
    await t.updateEntity({ partitionKey: 'etag', rowKey: 'x', value: 2 }, 'Replace', { etag: first.etag });
    await expect(t.updateEntity({ partitionKey: 'etag', rowKey: 'x', value: 3 }, 'Replace', { etag: first.etag })).rejects.toMatchObject({ statusCode: 412 });
    expect((await t.getEntity<Counter>('etag', 'x')).value).toBe(2);
  });

  it('loses no increment when twenty writers read-modify-write the same row at once', async () => {
    const t = store.table('settings');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        readModifyWrite<Counter>(
          t,
          'rmw',
          'counter',
          (current) => ({ kind: 'write', entity: { partitionKey: 'rmw', rowKey: 'counter', value: (current?.value ?? 0) + 1 } }),
          50,
        ),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await t.getEntity<Counter>('rmw', 'counter')).value).toBe(20);
    expect(results.some((r) => r.attempts > 1)).toBe(true); // the conflicts really happened
  });

  it('lets a read-modify-write re-decide after losing the race and abort', async () => {
    const t = store.table('settings');
    await t.createEntity({ partitionKey: 'state', rowKey: 'e1', value: 0 });
    const outcomes = await Promise.all(
      [1, 2].map((who) =>
        readModifyWrite<Counter>(t, 'state', 'e1', (current) =>
          current && current.value !== 0
            ? { kind: 'abort', reason: `already ${current.value}` }
            : { kind: 'write', entity: { partitionKey: 'state', rowKey: 'e1', value: who } },
        ),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ ok: false, reason: expect.stringMatching(/^already [12]$/) });
  });

  it('inserts a claim row once: the second insert is told it exists', async () => {
    const t = store.table('claims');
    const entity = { partitionKey: 'job', rowKey: 'occ-1', by: 'a' };
    expect(await insertOnce(t, entity)).toBe(true);
    expect(await insertOnce(t, { ...entity, by: 'b' })).toBe(false);
    expect((await t.getEntity<{ by: string }>('job', 'occ-1')).by).toBe('a');
  });

  it('grants a role once even when granted twice, and revokes it', async () => {
    const roles = new RoleRepository(store.table('roles'));
    expect(await roles.set('tenant-1', 'aad-1', 'coordinator', true, 'admin', '2026-11-02T09:00:00Z')).toBe(true);
    expect(await roles.set('tenant-1', 'aad-1', 'coordinator', true, 'admin', '2026-11-02T09:00:00Z')).toBe(false);
    expect((await roles.get('tenant-1', 'aad-1'))?.coordinator).toBe(true);
    expect(await roles.set('tenant-1', 'aad-1', 'coordinator', false, 'admin', '2026-11-02T10:00:00Z')).toBe(true);
    expect(await roles.list('tenant-1')).toEqual([]);
  });
});
