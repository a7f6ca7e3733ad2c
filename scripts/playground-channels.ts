/**
 * Development only: private channels for the Agents Playground.
 *
 * The Playground models one team, calls every channel `standard`, sends `channelData.channel`
 * with the id alone, and its mock connector answers every channel's roster with the whole team
 * (PLATFORM.md). A correct SLT network puts each body in a private channel with its own members,
 * so that a youth team's trends are read by that youth team only. `.m365agentsplayground.channels.json`
 * (next to `.m365agentsplayground.yml`) says which Playground channels are private and who is in
 * them. `npm start` preloads this module into the Playground process (never into the bot, and only
 * in development mode: it starts no Playground when MicrosoftAppId is set), where it makes the mock
 * connector answer as Teams would:
 *   - the team's channel list (`GET …/v3/teams/{team}/conversations`) gives each channel's `type`;
 *   - a private channel's roster (`…/v3/conversations/{channel}/pagedmembers`, `/members`,
 *     `/members/{member}`) holds only the members listed for it;
 *   - one member is found by Entra object id (`/members/{aadObjectId}`, as `TeamsInfo.getMember`
 *     asks), which the Playground otherwise answers 404 for everyone: it looks up its own user ids.
 * The bot asks Teams exactly as it does in production; nothing in src/ knows about this file.
 */
import fs from 'node:fs';
import http from 'node:http';
import { z } from 'zod';

const channelSchema = z.object({
  type: z.enum(['private', 'shared']),
  /** Playground user ids (`users[].id` / `currentUser.id` in the yml) or Entra object ids. */
  members: z.array(z.string().min(1)).min(1),
});
const fileSchema = z.object({
  $comment: z.string().optional(),
  channels: z.record(z.string().regex(/^19:/, 'a channel id (19:…)'), channelSchema),
});
export type PlaygroundChannels = z.infer<typeof fileSchema>;

/** Reads and checks the stand-in file; throws naming the file and what is wrong. */
export function readPlaygroundChannels(file: string): PlaygroundChannels {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** A roster entry as the Playground's connector answers it. */
interface Account {
  readonly id?: string;
  readonly aadObjectId?: string;
  readonly objectId?: string;
}

const listed = (config: PlaygroundChannels, channelId: string) => config.channels[channelId.split(';')[0]!];
const isListedMember = (members: readonly string[], a: Account): boolean =>
  [a.id, a.aadObjectId, a.objectId].some((x) => x !== undefined && members.includes(x));

/** The team's channel list with each channel's kind: listed ones as the file says, the others standard. */
export function withChannelTypes(config: PlaygroundChannels, body: unknown): unknown {
  const list = body as { conversations?: { id?: string; type?: string }[] };
  if (!Array.isArray(list?.conversations)) return body;
  return { ...list, conversations: list.conversations.map((c) => ({ ...c, type: (c.id && config.channels[c.id]?.type) || 'standard' })) };
}

/** A conversation's roster answer, cut to the channel's own members when it is a listed private or shared channel. */
export function onlyChannelMembers(config: PlaygroundChannels, conversationId: string, body: unknown): unknown {
  const channel = listed(config, conversationId);
  if (!channel) return body;
  if (Array.isArray(body)) return (body as Account[]).filter((a) => isListedMember(channel.members, a));
  const paged = body as { members?: Account[]; totalCount?: number };
  if (!Array.isArray(paged?.members)) return body;
  const members = paged.members.filter((a) => isListedMember(channel.members, a));
  return { ...paged, members, ...(paged.totalCount !== undefined ? { totalCount: members.length } : {}) };
}

/** One member lookup (`…/members/{member}`): in a listed channel, someone not listed there is not found (as Teams answers). */
export function memberLookup(config: PlaygroundChannels, conversationId: string, body: unknown): { status: number; body: unknown } {
  const channel = listed(config, conversationId);
  if (!channel || isListedMember(channel.members, body as Account)) return { status: 200, body };
  return { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in this private channel.' } } };
}

/** Buffers what the Playground answers, then sends `transform` of its JSON instead (200 answers only; it may change the status). */
function rewriteJson(res: http.ServerResponse, transform: (body: unknown) => { status: number; body: unknown }): void {
  const chunks: Buffer[] = [];
  const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
  const take = (chunk: unknown): void => {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunks.push(Buffer.from(chunk));
  };
  res.write = ((chunk: unknown) => {
    take(chunk);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (typeof chunk !== 'function') take(chunk);
    let text = Buffer.concat(chunks).toString('utf8');
    if (res.statusCode === 200 && !res.headersSent) {
      try {
        const out = transform(JSON.parse(text));
        text = JSON.stringify(out.body);
        res.statusCode = out.status;
      } catch {
        /* not JSON: sent as the Playground made it */
      }
      res.setHeader('content-length', Buffer.byteLength(text));
      res.removeHeader('etag');
    }
    return end(text);
  }) as typeof res.end;
}

/**
 * Makes the Playground's mock connector answer channel lists and rosters as Teams would for the
 * channels in `config` (see the file comment). `userIds` maps Entra object ids to the Playground's
 * user ids. Patches the request event of every HTTP server in this (the Playground's) process.
 */
export function modelPlaygroundChannels(config: PlaygroundChannels, userIds: ReadonlyMap<string, string>): void {
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function patched(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const path = new URL(req.url ?? '/', 'http://playground').pathname;
      const at = path.indexOf('/v3/');
      const parts =
        at >= 0
          ? path
              .slice(at + 4)
              .split('/')
              .map(decodeURIComponent)
          : [];
      if (req.method === 'GET' && parts[0] === 'teams' && parts[2] === 'conversations' && parts.length === 3) {
        rewriteJson(res, (body) => ({ status: 200, body: withChannelTypes(config, body) }));
      } else if (req.method === 'GET' && parts[0] === 'conversations' && (parts[2] === 'members' || parts[2] === 'pagedmembers')) {
        const conversation = parts[1] ?? '';
        const user = parts[3] ? userIds.get(parts[3]) : undefined;
        if (user && req.url) req.url = req.url.replace(encodeURIComponent(parts[3]!), encodeURIComponent(user)).replace(parts[3]!, user);
        if (parts[3]) rewriteJson(res, (body) => memberLookup(config, conversation, body));
        else rewriteJson(res, (body) => ({ status: 200, body: onlyChannelMembers(config, conversation, body) }));
      }
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

/** One line per private channel, for the start-up output: «Ungdomsteam Vest 13-16: privat, 4 medlemmer». */
export function describePlaygroundChannels(config: PlaygroundChannels, names: ReadonlyMap<string, string>): string[] {
  return Object.entries(config.channels).map(
    ([id, c]) => `${names.get(id) ?? id}: ${c.type === 'private' ? 'privat / private' : 'delt / shared'}, ${c.members.length} medlemmer / members`,
  );
}
