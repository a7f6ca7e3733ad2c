import type { Standing } from './access';
import type { Body, BodyReader } from './bodies';
import { isMemberOf } from './membership';
import type { Roster } from './ports';

/**
 * Who sees what (issue 4, DOMAIN.md "Confidentiality"): a body's trends are read by its members
 * and the coordinators; an escalation by the bodies it passed through. Repositories take a
 * `ReadScope` — the bodies a request may read — and only ever name those bodies' partitions or
 * key ranges in their queries, so a handler cannot forget the check.
 */
declare const scopeBrand: unique symbol;

/** The bodies a request may read. Built only by the functions below. */
export type ReadScope = { readonly tenantId: string; readonly bodyIds: readonly string[] } & { readonly [scopeBrand]: true };

function scope(tenantId: string, bodyIds: Iterable<string>): ReadScope {
  return { tenantId, bodyIds: [...new Set(bodyIds)] } as unknown as ReadScope;
}

/** True when the scope covers the body. */
export function inScope(s: ReadScope, bodyId: string): boolean {
  return s.bodyIds.includes(bodyId);
}

/** The person asking and where the answer will be read. */
export interface Viewer {
  readonly tenantId: string;
  readonly actorId: string;
  readonly coordinator: boolean;
  /** The body bound to the channel the request came from, if any. */
  readonly here?: Body;
  /** Bodies this person is a member of (checked: domain/membership), or all for coordinators. */
  readonly memberOf: ReadonlySet<string>;
  readonly all: readonly Body[];
}

export interface ViewerDeps {
  readonly bodies: BodyReader;
  readonly roster: Roster;
}

/**
 * Resolves a viewer. In a channel only that channel's body is checked (everything the bot
 * answers there is read by the whole channel); in a personal chat every body of the network.
 */
export async function resolveViewer(
  deps: ViewerDeps,
  actor: { readonly id: string; readonly tenantId: string },
  standing: Standing,
  place: { readonly kind: string; readonly channelId?: string },
): Promise<Viewer> {
  const all = await deps.bodies.list(actor.tenantId);
  const here = place.kind === 'channel' && place.channelId ? all.find((b) => b.channelId === place.channelId) : undefined;
  const coordinator = standing.coordinator || standing.admin;
  const candidates = place.kind === 'personal' ? all : here ? [here] : [];
  const memberOf = new Set<string>();
  const checks = await Promise.all(candidates.map(async (b) => coordinator || (await isMemberOf(deps.roster, b, actor.id))));
  candidates.forEach((b, i) => {
    if (checks[i]) memberOf.add(b.id);
  });
  return { tenantId: actor.tenantId, actorId: actor.id, coordinator, here, memberOf, all };
}

/**
 * What may be shown where the viewer is: in a channel only that channel's body (when the viewer
 * may read it), in a personal chat every body the viewer may read.
 */
export function displayScope(v: Viewer): ReadScope {
  if (v.here) return scope(v.tenantId, v.memberOf.has(v.here.id) ? [v.here.id] : []);
  return scope(v.tenantId, v.memberOf);
}

/**
 * What a coordinator may act on: every body of the network. Others: the bodies they are
 * members of. (Acting on a matter shows it only to the card it came from, where it already is.)
 */
export function actingScope(v: Viewer): ReadScope {
  return v.coordinator
    ? scope(
        v.tenantId,
        v.all.map((b) => b.id),
      )
    : scope(v.tenantId, v.memberOf);
}

/**
 * The scope of a body's own channel, for posts the bot makes there by itself (agendas, the
 * retention job): exactly that body.
 */
export function bodyScope(tenantId: string, bodyId: string): ReadScope {
  return scope(tenantId, [bodyId]);
}

/** Every body of a network: for system jobs that only count (statistics) or erase (retention). */
export function systemScope(tenantId: string, bodyIds: Iterable<string>): ReadScope {
  return scope(tenantId, bodyIds);
}
