import type { Standing } from '../domain/access';
import type { Body, BodyReader } from '../domain/bodies';
import type { Roster } from '../domain/ports';
import { displayScope, type ReadScope, resolveViewer, type Viewer } from '../domain/visibility';
import type { Actor, Place } from '../handler-types';
import type { Logger } from '../log';
import type { TabIdentity } from './identity';

/** A tab request's viewer: who, with which standing, and the bodies they may read. */
export interface TabViewer {
  readonly identity: TabIdentity;
  readonly standing: Standing;
  readonly viewer: Viewer;
  /** Every body the viewer may read (the bot's rule for a personal chat). */
  readonly scope: ReadScope;
  /** The bodies of the scope, in the network's order. */
  readonly bodies: readonly Body[];
}

export interface ViewerSources {
  readonly bodies: BodyReader;
  readonly roster: Roster;
  readonly log: Logger;
  standing(actor: Actor, place: Place): Promise<Standing>;
}

/** The tab's person as the bot's handlers know people (no channel account: the tab posts nothing). */
export function tabActor(identity: TabIdentity, name = identity.name ?? ''): Actor {
  return { id: identity.oid, name, tenantId: identity.tid, channelAccountId: '' };
}

/** The tab is read by one person on their own screen: a personal chat, as far as the rules go. */
export function tabPlace(identity: TabIdentity): Place {
  return { kind: 'personal', conversationId: 'tab', serviceUrl: '', tenantId: identity.tid, botId: '', botName: '' };
}

/**
 * Resolves the viewer exactly as the bot does for a personal chat (src/domain/visibility.ts):
 * the tab is read by one person on their own screen, like a 1:1 chat, so they see every body
 * they may read — coordinators every body, others the bodies whose channel roster holds them.
 */
export async function tabViewer(sources: ViewerSources, identity: TabIdentity): Promise<TabViewer> {
  const standing = await sources.standing(tabActor(identity), tabPlace(identity));
  const viewer = await resolveViewer(
    { bodies: sources.bodies, roster: tolerant(sources.roster, sources.log) },
    { id: identity.oid, tenantId: identity.tid },
    standing,
    { kind: 'personal' },
  );
  const scope = displayScope(viewer);
  return { identity, standing, viewer, scope, bodies: viewer.all.filter((b) => scope.bodyIds.includes(b.id)) };
}

/**
 * A body whose roster cannot be read counts as not a member (never shown by default), as in
 * the bot's `møter`: one unreachable channel must not take the whole tab down.
 */
function tolerant(roster: Roster, log: Logger): Roster {
  return {
    members: (ref) => roster.members(ref),
    isMember: (ref, id) =>
      roster.isMember(ref, id).catch((err: unknown) => {
        log.warn({ conversation: ref.conversationId, err: (err as Error).message }, 'tab: roster unreadable; body left out');
        return false;
      }),
  };
}
