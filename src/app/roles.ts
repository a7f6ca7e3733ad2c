import type { Body } from '../domain/bodies';
import { membersOf } from '../domain/membership';
import type { RosterMember } from '../domain/ports';
import type { CardJson, FieldError, Place, RequestBase } from '../handler-types';
import { type RoleHolder, rolesCard } from '../views/roles';
import { refOf } from './conversations';
import type { Services } from './services';

/**
 * Roster of the place to pick people from: the whole team in a channel (any team member can be
 * made coordinator, not only this channel's), the members in a group chat, none in a personal
 * chat (there the object id is typed). A roster that cannot be read falls back to typing.
 */
export async function pickableMembers(services: Services, place: Place, cid: string): Promise<RosterMember[] | undefined> {
  if (place.kind === 'personal') return undefined;
  const ref = refOf(place);
  const target = place.kind === 'channel' && place.teamId ? { ...ref, conversationId: place.teamId } : ref;
  try {
    return await services.roster.members(target);
  } catch (err) {
    services.log.warn({ cid, err }, 'roster not readable for the roles card');
    return undefined;
  }
}

/** Everyone with a role in the tenant, SLT_ADMINS first, named from storage or the roster. */
export async function roleHolders(services: Services, tenantId: string, roster: readonly RosterMember[] = []): Promise<RoleHolder[]> {
  const granted = await services.roles.list(tenantId);
  const nameOf = (id: string, stored?: string): string | undefined => roster.find((m) => m.aadObjectId === id)?.name || stored;
  const configured: RoleHolder[] = services.config.admins.map((id) => {
    const row = granted.find((g) => g.aadObjectId === id);
    return { aadObjectId: id, name: nameOf(id, row?.name), admin: true, configured: true, coordinator: !!row?.coordinator, police: !!row?.police };
  });
  const others: RoleHolder[] = granted
    .filter((g) => !services.config.admins.includes(g.aadObjectId))
    .map((g) => ({
      aadObjectId: g.aadObjectId,
      name: nameOf(g.aadObjectId, g.name),
      admin: g.admin,
      configured: false,
      coordinator: g.coordinator,
      police: !!g.police,
    }))
    .sort((a, b) => Number(b.admin) - Number(a.admin) || (a.name ?? '').localeCompare(b.name ?? '', 'nb'));
  return [...configured, ...others];
}

/** The roles card for this request, with the form values and an optional result line. */
export async function showRoles(
  req: RequestBase,
  services: Services,
  extra: { values?: Record<string, unknown>; errors?: readonly FieldError[]; result?: { text: string; ok: boolean } } = {},
): Promise<CardJson> {
  const members = await pickableMembers(services, req.place, req.correlationId);
  const holders = await roleHolders(services, req.actor.tenantId, members);
  return rolesCard(req.locale, { holders, choices: members, values: extra.values ?? {}, errors: extra.errors, result: extra.result });
}

/**
 * Teams ids of the coordinators (and administrators) among a body's members, for a posted card's
 * user-specific refresh (agenda, escalation; Teams takes at most 60). An unreadable roster gives
 * none: everyone then sees the read-only card until they press "Oppdater".
 */
export async function coordinatorAccounts(services: Services, body: Body): Promise<string[]> {
  try {
    const [{ members }, roles] = await Promise.all([membersOf(services, body), services.roles.list(body.tenantId)]);
    const ids = new Set([...roles.filter((r) => r.coordinator || r.admin).map((r) => r.aadObjectId), ...services.config.admins]);
    return members.filter((m) => ids.has(m.aadObjectId) && m.channelAccountId).map((m) => m.channelAccountId);
  } catch (err) {
    services.log.warn({ bodyId: body.id, err: (err as Error).message }, 'roster unreadable; card posted without user-specific views');
    return [];
  }
}
