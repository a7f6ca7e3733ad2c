import type { Body, ChannelKind } from '../domain/bodies';
import { kindOfBody, membersOf, sharingReaders } from '../domain/membership';
import type { TeamRef } from '../domain/ports';
import type { Place } from '../handler-types';
import { bodyIdFor } from '../storage/table/bodies';
import { refOf } from './conversations';
import type { Services } from './services';

/** Who would read what is reported in a channel, as Teams defines it, and whether another body already has the same readers. */
export interface ChannelReaders {
  readonly kind: ChannelKind;
  /** False when neither the activity nor Teams' channel list said the kind: counted as standard. */
  readonly kindKnown: boolean;
  readonly teamName?: string;
  readonly channelName?: string;
  /** How many people that is; undefined when Teams could not be asked. */
  readonly count?: number;
  /** A body in another standard channel of the same team: it would have the same readers. */
  readonly sharesWith?: Body;
}

/**
 * The readers of a channel about to be registered (the `registrer` form and `body.register`).
 * The kind comes from the activity (`channelData.channel.type`), else from Teams' channel list of
 * the team, else the channel counts as standard. A team's General channel is always standard.
 * The channel's name comes from the activity, else from the same list.
 * Teams that cannot be asked never stop a registration; what is not known is said so.
 */
export async function readersHere(services: Services, place: Place, cid: string): Promise<ChannelReaders> {
  const channelId = place.channelId ?? '';
  const team: TeamRef | undefined = place.teamId ? { ...refOf(place), teamId: place.teamId } : undefined;
  const warn = (what: string) => (err: unknown) => {
    services.log.warn({ cid, err: (err as Error).message }, `registration: ${what} not readable`);
    return undefined;
  };
  // The team's channel list also names the channel (activities from some clients do not).
  const listed =
    team && (!place.channelType || !place.channelName) ? (await services.teams.channels(team).catch(warn('channel list')))?.get(channelId) : undefined;
  const kind = place.channelType ?? (channelId && channelId === place.teamId ? 'standard' : listed?.kind);
  const teamName = place.teamName ?? (team ? await services.teams.teamName(team).catch(warn('team name')) : undefined);
  const resolved: ChannelKind = kind ?? 'standard';
  // Counted as the bot will read it: a kind Teams did not say is read from the channel itself.
  const here = { channelId, channelType: kind, ref: refOf(place) };
  const members = await membersOf(services, here).catch(warn('roster'));
  return {
    kind: resolved,
    kindKnown: kind !== undefined,
    teamName,
    channelName: place.channelName ?? listed?.name,
    count: members?.members.length,
    sharesWith: await sharesReadersWith(services, { id: bodyIdFor(channelId), teamId: place.teamId, kind: resolved }, place.tenantId, cid),
  };
}

/**
 * A body of the network in another standard channel of the same team, if any. Bodies registered
 * before kinds were recorded are looked up in Teams' channel list; not found there, standard.
 */
export async function sharesReadersWith(
  services: Services,
  body: { readonly id: string; readonly teamId?: string; readonly kind: ChannelKind },
  tenantId: string,
  cid: string,
): Promise<Body | undefined> {
  if (body.kind !== 'standard' || !body.teamId) return undefined;
  const sameTeam = (await services.bodies.list(tenantId)).filter((b) => b.id !== body.id && b.ref.teamId === body.teamId);
  const others = await Promise.all(
    sameTeam.map(async (b) => ({
      body: b,
      kind: await kindOfBody(services, b).catch((err: unknown) => {
        services.log.warn({ cid, bodyId: b.id, err: (err as Error).message }, 'channel list not readable; counted as standard');
        return undefined;
      }),
    })),
  );
  return sharingReaders(body, others)[0];
}

/** A registered body with who reads it (for `status` and the tab). */
export interface BodyReaders {
  readonly body: Body;
  readonly kind: ChannelKind;
  readonly kindKnown: boolean;
  /** Undefined when Teams could not be asked. */
  readonly count?: number;
  /** Another body with the same readers (both in standard channels of one team). */
  readonly sharesWith?: Body;
}

/**
 * Who reads each of `bodies` as Teams defines it, and which share their readers with another
 * body of the network (bodies registered before this was checked). Rosters come from the
 * roster's short cache; one that cannot be read gives no count rather than failing.
 */
export async function readersOfBodies(services: Services, tenantId: string, bodies: readonly Body[], cid: string): Promise<BodyReaders[]> {
  const all = await services.bodies.list(tenantId);
  const kinds = new Map(
    await Promise.all(
      all.map(async (b) => {
        const kind = await kindOfBody(services, b).catch((err: unknown) => {
          services.log.warn({ cid, bodyId: b.id, err: (err as Error).message }, 'channel list not readable; counted as standard');
          return undefined;
        });
        return [b.id, kind] as const;
      }),
    ),
  );
  const others = all.map((b) => ({ body: b, kind: kinds.get(b.id) }));
  return Promise.all(
    bodies.map(async (body): Promise<BodyReaders> => {
      const known = kinds.get(body.id) ?? body.channelType;
      const kind = known ?? 'standard';
      const members = await membersOf(services, { ...body, channelType: known }).catch((err: unknown) => {
        services.log.warn({ cid, bodyId: body.id, err: (err as Error).message }, 'roster not readable; member count unknown');
        return undefined;
      });
      return {
        body,
        kind,
        kindKnown: known !== undefined,
        count: members?.members.length,
        sharesWith: sharingReaders({ id: body.id, teamId: body.ref.teamId, kind }, others)[0],
      };
    }),
  );
}
