import type { Body, ChannelKind, ConversationRef } from './bodies';
import type { Roster, RosterMember, TeamDirectory } from './ports';

/**
 * Who belongs to a body (DOMAIN.md "Confidentiality", PLATFORM.md "Channel kinds"): the roster of
 * its channel *as Teams defines it*. A standard channel has no member list of its own — everyone
 * in the team reads it — so its members are the team's; a private or shared channel has its own
 * roster (a shared one also holds people from other teams). This module is the one place that
 * turns a body into the roster to read; everything that asks "who is in this body" (visibility,
 * board membership, the digest's readers, the tab, invitations) goes through `membersOf` /
 * `isMemberOf`.
 */
/** A body's readers as Teams defines them. */
export interface Membership {
  /** The channel's kind; 'standard' also when Teams never said (see kindKnown). */
  readonly kind: ChannelKind;
  /**
   * False when Teams never said the kind (not in the activity at registration, not in the team's
   * channel list; or a body registered before kinds were recorded): it counts as standard for the
   * one-standard-body-per-team rule, and its roster is read from its own channel, which Teams
   * answers as it defines it — never widened to the team on a guess.
   */
  readonly kindKnown: boolean;
  /** Whose list was read: the team's (a standard channel) or the channel's own. */
  readonly rosterOf: 'team' | 'channel';
  readonly members: readonly RosterMember[];
}

/** What `membersOf` needs: the roster reader and, for bodies registered before kinds were recorded, Teams' channel list. */
export interface MembershipDeps {
  readonly roster: Roster;
  readonly teams?: TeamDirectory;
}

/** What membership needs of a body: its channel, the channel's kind and where to reach it (a body, or one about to be registered). */
export type BodyChannel = Pick<Body, 'channelId' | 'channelType' | 'ref'>;

/** The conversation whose roster is the body's members: the team for a standard channel, else the channel itself. */
export function rosterRefOf(body: BodyChannel, kind: ChannelKind | undefined = body.channelType): ConversationRef {
  const teamId = body.ref.teamId;
  if (kind === 'standard' && teamId) return { ...body.ref, conversationId: teamId, channelId: teamId };
  return body.ref;
}

/** The kind of a body's channel: as registered, else as Teams' channel list gives it (undefined when it does not). */
export async function kindOfBody(deps: MembershipDeps, body: BodyChannel): Promise<ChannelKind | undefined> {
  if (body.channelType) return body.channelType;
  const teamId = body.ref.teamId;
  if (!deps.teams || !teamId) return undefined;
  const channels = await deps.teams.channels({ ...body.ref, teamId });
  return channels.get(body.channelId)?.kind;
}

/** The body's members, with the kind of its channel and whose roster that is. */
export async function membersOf(deps: MembershipDeps, body: BodyChannel): Promise<Membership> {
  const known = await kindOfBody(deps, body);
  const ref = rosterRefOf(body, known);
  const members = await deps.roster.members(ref);
  return { kind: known ?? 'standard', kindKnown: known !== undefined, rosterOf: ref === body.ref ? 'channel' : 'team', members };
}

/** Whether a person (Entra object id) is one of the body's members. */
export async function isMemberOf(roster: Roster, body: BodyChannel, aadObjectId: string): Promise<boolean> {
  if (!aadObjectId) return false;
  return roster.isMember(rosterRefOf(body), aadObjectId);
}

/**
 * Bodies that would share their readers with `body`: both in standard channels of the same team
 * read the team's roster. Kinds not known count as standard. (A private or shared channel has
 * its own readers, so it shares with nobody.)
 */
export function sharingReaders(
  body: { readonly id: string; readonly teamId?: string; readonly kind: ChannelKind },
  others: readonly { readonly body: Body; readonly kind: ChannelKind | undefined }[],
): Body[] {
  if (body.kind !== 'standard' || !body.teamId) return [];
  return others.filter((o) => o.body.id !== body.id && o.body.ref.teamId === body.teamId && (o.kind ?? 'standard') === 'standard').map((o) => o.body);
}
