import type { Services } from '../app/services';
import { membersOf } from '../domain/membership';
import { monthOf, monthsBack } from '../domain/trends';
import { systemScope } from '../domain/visibility';
import type { DevPeopleResponse } from './contract';

type Person = { id: string; name: string; tenantId: string; roles: Set<string> };

/**
 * Development mode only: the people the tab can be looked at as — the administrators of
 * SLT_ADMINS, everyone in the roles table, the members of every body (as Teams reports them,
 * which gives names), and whoever reported a trend in the last twelve months.
 * Never reachable in production (the route answers 404 there).
 */
export async function devPeople(
  s: Pick<Services, 'config' | 'clock' | 'log' | 'bodies' | 'roles' | 'roster' | 'teams' | 'trends'>,
  tenants: readonly string[],
): Promise<DevPeopleResponse> {
  const people = new Map<string, Person>();
  const add = (tenantId: string, id: string, name: string, role?: string): void => {
    if (!id) return;
    const key = `${tenantId}|${id}`;
    const p = people.get(key) ?? { id, name: '', tenantId, roles: new Set<string>() };
    if (!p.name && name) p.name = name;
    if (role) p.roles.add(role);
    people.set(key, p);
  };
  for (const tenantId of tenants) {
    for (const id of s.config.admins) add(tenantId, id, '', 'admin (SLT_ADMINS)');
    for (const r of await s.roles.list(tenantId)) add(tenantId, r.aadObjectId, r.name ?? '', r.admin ? 'admin' : 'koordinator');
    const bodies = await s.bodies.list(tenantId);
    for (const b of bodies) {
      try {
        for (const m of (await membersOf(s, b)).members) add(tenantId, m.aadObjectId, m.name, `medlem: ${b.name}`);
      } catch (err) {
        s.log.warn({ bodyId: b.id, err: (err as Error).message }, 'dev people: roster unreadable');
      }
    }
    // Counting who reported is a system read (systemScope); only ids and the service leave it.
    const trends = await s.trends.list(
      systemScope(
        tenantId,
        bodies.map((b) => b.id),
      ),
      monthsBack(monthOf(s.clock.now()), 12),
    );
    for (const t of trends) add(tenantId, t.reporterId, '', 'har meldt trender');
  }
  return {
    tenants: [...tenants],
    people: [...people.values()]
      .map((p) => ({ id: p.id, name: p.name || p.id, tenantId: p.tenantId, roles: [...p.roles] }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
  };
}
