import type { Standing } from '../domain/access';
import type { Body } from '../domain/bodies';
import { isMemberOf } from '../domain/membership';
import type { Actor, Place } from '../handler-types';
import type { Services } from './services';

/** The body whose channel a request came from, and whether the person may act for it. */
export type Here =
  | { readonly ok: true; readonly body: Body; readonly standing: Standing; readonly coordinator: boolean }
  | { readonly ok: false; readonly reason: 'notChannel' | 'notABody' | 'notMember'; readonly body?: Body };

/**
 * Resolves the body bound to the request's channel and checks on the server that the person is
 * a member of it (its readers as Teams defines them, domain/membership) or a coordinator. Trends and escalations are filed for
 * exactly this body, so a crafted invoke naming another channel is refused here.
 */
export async function bodyHere(services: Services, actor: Actor, place: Place): Promise<Here> {
  if (place.kind !== 'channel' || !place.channelId) return { ok: false, reason: 'notChannel' };
  const body = await services.bodies.byChannel(place.tenantId, place.channelId);
  if (!body) return { ok: false, reason: 'notABody' };
  const standing = await services.standing(actor, place);
  const coordinator = standing.coordinator || standing.admin;
  if (!coordinator && !(await isMemberOf(services.roster, body, actor.id))) return { ok: false, reason: 'notMember', body };
  return { ok: true, body, standing, coordinator };
}
