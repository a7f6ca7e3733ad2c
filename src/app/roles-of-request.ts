import type { Config } from '../config';
import { NOBODY, type Standing } from '../domain/access';
import { isMemberOf } from '../domain/membership';
import type { Roster } from '../domain/ports';
import type { Actor, Place } from '../handler-types';
import type { Logger } from '../log';
import type { BodyRepository } from '../storage/table/bodies';
import type { RoleRepository } from '../storage/table/roles';

export interface StandingDeps {
  readonly config: Config;
  readonly roles: RoleRepository;
  readonly bodies: BodyRepository;
  readonly roster: Roster;
  readonly log: Logger;
}

/**
 * Resolves a person's standing on the server, per request: administrator (SLT_ADMINS or
 * granted), coordinator (granted), board member (one of the board's members as Teams defines
 * them: domain/membership). Cheap: the role row and the board come from the repositories' 30-second caches
 * (LOOKUP_TTL_MS; a grant or revoke in this instance is seen at once, in another within that
 * time) and membership from the roster's 60-second cache.
 */
export function standingResolver(deps: StandingDeps): (actor: Actor, place: Place) => Promise<Standing> {
  const boardMember = async (actor: Actor): Promise<boolean> => {
    const board = await deps.bodies.ofKind(actor.tenantId, 'board');
    if (!board) return false;
    try {
      return await isMemberOf(deps.roster, board, actor.id);
    } catch (err) {
      // The roster API is unreachable: treat as not a board member rather than failing the turn.
      deps.log.warn({ err }, 'board roster not readable');
      return false;
    }
  };
  return async (actor, _place) => {
    if (!actor.id || !actor.tenantId) return NOBODY;
    const configured = deps.config.admins.includes(actor.id);
    const [row, board] = await Promise.all([deps.roles.get(actor.tenantId, actor.id), boardMember(actor)]);
    return { admin: configured || !!row?.admin, coordinator: !!row?.coordinator, boardMember: board, police: !!row?.police };
  };
}
