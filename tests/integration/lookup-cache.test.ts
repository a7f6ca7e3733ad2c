import type { TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { BodyRepository } from '../../src/storage/table/bodies';
import { FocusAreaRepository } from '../../src/storage/table/focus-areas';
import { ProfileRepository } from '../../src/storage/table/profiles';
import { RoleRepository } from '../../src/storage/table/roles';
import { TableStore } from '../../src/storage/tables';
import { CHANNELS, channelRegistration, PEOPLE } from '../support/activities';
import { uniquePrefix } from '../support/harness';

/**
 * The repositories' lookup caches against Azurite, with two repository objects on one table
 * standing for two bot instances and a short TTL standing for LOOKUP_TTL_MS (30 s in the app).
 */
const TTL = 400;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts the storage calls a client makes (to see that a cached lookup makes none). */
function counted(client: TableClient): { client: TableClient; calls: () => number } {
  let n = 0;
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        n++;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { client: proxy, calls: () => n };
}

describe('lookup caches of roles, bodies, focus areas and profiles', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  let n = 0;
  const tenant = () => `tenant-cache-${++n}`;
  beforeAll(async () => store.ensureTables());

  it('sees a revoke in the same instance at once, and in another instance no later than the TTL', async () => {
    const t = tenant();
    const kari = PEOPLE.kari.aadObjectId;
    const here = new RoleRepository(store.table('roles'), { cacheTtlMs: TTL });
    const other = counted(store.table('roles'));
    const elsewhere = new RoleRepository(other.client, { cacheTtlMs: TTL });
    await here.set(t, kari, 'coordinator', true, 'admin', '2026-11-02T09:00:00Z');
    expect((await elsewhere.get(t, kari))?.coordinator).toBe(true);
    const calls = other.calls();
    expect((await elsewhere.get(t, kari))?.coordinator).toBe(true);
    expect(other.calls()).toBe(calls); // served from the cache

    await here.set(t, kari, 'coordinator', false, 'admin', '2026-11-02T09:05:00Z');
    expect((await here.get(t, kari))?.coordinator).toBe(false);
    await pause(TTL + 50);
    expect((await elsewhere.get(t, kari))?.coordinator).toBe(false);
  });

  it('forgets a grant made in this instance, so the new coordinator is one on the next request', async () => {
    const t = tenant();
    const roles = new RoleRepository(store.table('roles'), { cacheTtlMs: 60_000 });
    expect(await roles.get(t, PEOPLE.ola.aadObjectId)).toBeUndefined();
    await roles.set(t, PEOPLE.ola.aadObjectId, 'coordinator', true, 'admin', '2026-11-02T09:00:00Z');
    expect((await roles.get(t, PEOPLE.ola.aadObjectId))?.coordinator).toBe(true);
  });

  it('finds a body registered in this instance at once, also after "no body here" was cached, and the board after it is registered', async () => {
    const t = tenant();
    const bodies = new BodyRepository(store.table('bodies'), { cacheTtlMs: 60_000 });
    expect(await bodies.byChannel(t, CHANNELS.vest.id)).toBeUndefined();
    expect(await bodies.ofKind(t, 'board')).toBeUndefined();
    expect(await bodies.list(t)).toEqual([]);
    await bodies.upsert(channelRegistration(CHANNELS.vest, 'youthTeam', 'https://smba.example.invalid/emea/', '2026-11-02T09:00:00.000Z', t));
    await bodies.upsert(channelRegistration(CHANNELS.styret, 'board', 'https://smba.example.invalid/emea/', '2026-11-02T09:00:00.000Z', t));
    expect((await bodies.byChannel(t, CHANNELS.vest.id))?.name).toBe(CHANNELS.vest.name);
    expect((await bodies.ofKind(t, 'board'))?.channelId).toBe(CHANNELS.styret.id);
    expect((await bodies.list(t)).map((b) => b.kind)).toEqual(['youthTeam', 'board']);
  });

  it('hands every caller its own copy of the list, so one caller sorting it cannot disturb another', async () => {
    const t = tenant();
    const bodies = new BodyRepository(store.table('bodies'), { cacheTtlMs: 60_000 });
    await bodies.upsert(channelRegistration(CHANNELS.vest, 'youthTeam', 'https://smba.example.invalid/emea/', '2026-11-02T09:00:00.000Z', t));
    await bodies.upsert(channelRegistration(CHANNELS.koord, 'coordinationGroup', 'https://smba.example.invalid/emea/', '2026-11-02T09:00:00.000Z', t));
    const first = await bodies.list(t);
    first.reverse();
    expect((await bodies.list(t)).map((b) => b.kind)).toEqual(['youthTeam', 'coordinationGroup']);
  });

  it('sees focus areas set in this instance at once', async () => {
    const t = tenant();
    const areas = new FocusAreaRepository(store.table('settings'), { cacheTtlMs: 60_000 });
    const defaults = await areas.get(t);
    await areas.set(t, [{ id: 'nett', nb: 'Nettkriminalitet', en: 'Online crime' }], 'aad-sigrid', '2026-11-02T09:00:00Z');
    expect((await areas.get(t)).map((a) => a.id)).toEqual(['nett']);
    expect(defaults.length).toBeGreaterThan(1);
  });

  it("writes a person's service only when it changed", async () => {
    const t = tenant();
    const members = counted(store.table('members'));
    const profiles = new ProfileRepository(members.client, { cacheTtlMs: 60_000 });
    const kari = PEOPLE.kari.aadObjectId;
    expect(await profiles.setReporterService(t, kari, 'school', '2026-11-02T09:00:00Z')).toBe(true);
    const calls = members.calls();
    expect(await profiles.setReporterService(t, kari, 'school', '2026-11-02T09:01:00Z')).toBe(false);
    expect(members.calls()).toBe(calls);
    expect(await profiles.setReporterService(t, kari, 'police', '2026-11-02T09:02:00Z')).toBe(true);
    // What is stored is the latest choice (read by an instance without a cache).
    expect(await new ProfileRepository(store.table('members')).reporterService(t, kari)).toBe('police');
  });
});
