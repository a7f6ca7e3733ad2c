import { type CloudAdapter, type ConversationReference, type TeamsChannelAccount, TeamsInfo, type TurnContext } from 'botbuilder';
import { type ConversationRef, channelKindOf } from '../domain/bodies';
import type { Roster, RosterMember, TeamChannel, TeamDirectory, TeamRef } from '../domain/ports';

/** How long a roster answer is reused: short, so a person added to a channel is seen soon. */
export const ROSTER_TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;
const PAGE_SIZE = 500;

interface Entry<T> {
  readonly until: number;
  readonly value: Promise<T>;
}

/**
 * The `Roster` and `TeamDirectory` ports over the Teams APIs, called proactively through the
 * CloudAdapter (`continueConversationAsync`), so they work outside a turn and for channels the
 * user is not in.
 *
 * Keying: a roster is read for the ref's conversation id — a team's (its General channel's id
 * equals the team id) or a channel's. Which one holds a body's members is decided by
 * src/domain/membership.ts: the team for a standard channel, the channel itself for a private or
 * shared one. The continuation activity carries no `channelData.team`, so `TeamsInfo` asks for
 * exactly that conversation instead of widening to the whole team.
 *
 * Answers are cached per conversation for ROSTER_TTL_MS (concurrent callers share one call).
 */
export class TeamsRoster implements Roster, TeamDirectory {
  private readonly lists = new Map<string, Entry<RosterMember[]>>();
  private readonly singles = new Map<string, Entry<boolean>>();
  private readonly channelLists = new Map<string, Entry<ReadonlyMap<string, TeamChannel>>>();
  private readonly teams = new Map<string, Entry<string | undefined>>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async members(ref: ConversationRef, options: { readonly fresh?: boolean } = {}): Promise<RosterMember[]> {
    if (options.fresh) this.lists.delete(keyOf(ref)); // read now; the answer is cached for the others
    return this.cached(this.lists, keyOf(ref), () => this.readAll(ref));
  }

  async isMember(ref: ConversationRef, aadObjectId: string): Promise<boolean> {
    if (!aadObjectId) return false;
    const list = this.lists.get(keyOf(ref));
    if (list && list.until > this.now()) return (await list.value).some((m) => m.aadObjectId === aadObjectId);
    // One person: ask for that member only rather than paging a large team.
    return this.cached(this.singles, `${keyOf(ref)}|${aadObjectId}`, () => this.readOne(ref, aadObjectId));
  }

  /** The team's channel list (`TeamsInfo.getTeamChannels`): each channel's name and kind, where Teams gives them. */
  async channels(team: TeamRef): Promise<ReadonlyMap<string, TeamChannel>> {
    return this.cached(this.channelLists, `${team.tenantId}|${team.teamId}`, async () => {
      const channels = new Map<string, TeamChannel>();
      await this.inConversation(teamConversation(team), async (ctx) => {
        for (const c of await TeamsInfo.getTeamChannels(ctx, team.teamId)) {
          if (c.id) channels.set(c.id, { name: c.name || undefined, kind: channelKindOf(c.type) });
        }
      });
      return channels;
    });
  }

  /** The team's name (`TeamsInfo.getTeamDetails`). */
  async teamName(team: TeamRef): Promise<string | undefined> {
    return this.cached(this.teams, `${team.tenantId}|${team.teamId}`, async () => {
      let name: string | undefined;
      await this.inConversation(teamConversation(team), async (ctx) => {
        name = (await TeamsInfo.getTeamDetails(ctx, team.teamId)).name || undefined;
      });
      return name;
    });
  }

  /** Forgets cached answers (after a role or channel change the caller knows about). */
  clear(): void {
    this.lists.clear();
    this.singles.clear();
    this.channelLists.clear();
    this.teams.clear();
  }

  private async readAll(ref: ConversationRef): Promise<RosterMember[]> {
    const out: RosterMember[] = [];
    await this.inConversation(ref, async (ctx) => {
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(ctx, PAGE_SIZE, token);
        for (const m of page.members ?? []) {
          const member = toMember(m);
          if (member) out.push(member);
        }
        token = page.continuationToken || undefined;
      } while (token);
    });
    return out;
  }

  private async readOne(ref: ConversationRef, aadObjectId: string): Promise<boolean> {
    let found = false;
    await this.inConversation(ref, async (ctx) => {
      try {
        const m = await TeamsInfo.getMember(ctx, aadObjectId);
        found = (m.aadObjectId ?? (m as { objectId?: string }).objectId) === aadObjectId;
      } catch (err) {
        // Teams answers 404 (MemberNotFoundInConversation) for someone who is not a member.
        if (statusOf(err) !== 404) throw err;
      }
    });
    return found;
  }

  private async inConversation(ref: ConversationRef, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: ref.serviceUrl,
      bot: { id: ref.botId, name: ref.botName ?? '' },
      conversation: { id: ref.conversationId, tenantId: ref.tenantId, isGroup: true, conversationType: ref.channelId ? 'channel' : 'groupChat', name: '' },
    };
    await this.adapter.continueConversationAsync(this.appId, reference, logic);
  }

  private cached<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = map.get(key);
    if (hit && hit.until > now) return hit.value;
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string); // oldest first
    const value = load();
    map.set(key, { until: now + ROSTER_TTL_MS, value });
    // A failed read must not be cached: the next caller tries again.
    value.catch(() => {
      if (map.get(key)?.value === value) map.delete(key);
    });
    return value;
  }
}

/** A team's General channel as a conversation (its id is the team id). */
function teamConversation(team: TeamRef): ConversationRef {
  return { ...team, conversationId: team.teamId, channelId: team.teamId };
}

function keyOf(ref: ConversationRef): string {
  return `${ref.tenantId}|${ref.conversationId.split(';')[0]}`;
}

function toMember(m: TeamsChannelAccount): RosterMember | undefined {
  const aad = m.aadObjectId ?? (m as { objectId?: string }).objectId;
  if (!aad) return undefined; // bots and accounts without an Entra id cannot hold SLT roles
  return { aadObjectId: aad, channelAccountId: m.id, name: m.name ?? '', email: m.email ?? undefined, userPrincipalName: m.userPrincipalName ?? undefined };
}

function statusOf(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'statusCode' in err) return Number((err as { statusCode: unknown }).statusCode);
  return undefined;
}
