import { randomUUID } from 'node:crypto';
import http from 'node:http';

/** One request the bot made to the connector (a reply, post, update or roster read). */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body: Record<string, unknown>;
  /** For posted activities: the id the connector gave it. */
  assignedId?: string;
}

export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
  userPrincipalName?: string;
  email?: string;
}

/** A scripted failure: the next matching calls answer with this status. */
export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  times: number;
  match?: (call: ConnectorCall) => boolean;
}

/**
 * A stand-in for the Bot Framework connector (the way the Agents Playground serves one):
 * records every activity the bot sends, serves rosters, and can answer with scripted faults.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Roster per conversation or team id (the conversation id without ;messageid). */
  readonly rosters = new Map<string, RosterMember[]>();
  /** Channels per team id, with their kind (`type`: standard, private, shared) as Teams lists them. */
  readonly channels = new Map<string, { id: string; name?: string; type?: string }[]>();
  private faults: Fault[] = [];
  private seq = 0;
  private server?: http.Server;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    const addr = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Drops every scripted fault not yet used up. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Activities the bot posted or updated (not roster reads). */
  get activities(): ConnectorCall[] {
    return this.calls.filter((c) => c.method !== 'GET' && c.body && typeof c.body.type === 'string');
  }

  /** Posted messages (new or replies), in order. */
  get messages(): ConnectorCall[] {
    return this.activities.filter((c) => c.method === 'POST' && c.body.type === 'message');
  }

  /** Conversations the bot created (POST /v3/conversations): new channel threads and 1:1 chats. */
  get created(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path.replace(/\/$/, '') === '/v3/conversations');
  }

  /**
   * Every message the bot put anywhere, in order: replies and sends (as `messages`) and new
   * top-level channel posts, whose activity travels inside the create-conversation call. For
   * those, `conversationId` is the channel, `assignedId` the new post's id and `body` the activity.
   */
  get posts(): ConnectorCall[] {
    return this.calls.flatMap((c): ConnectorCall[] => {
      if (c.method === 'POST' && c.body && c.body.type === 'message') return [c];
      const activity = (c.body as { activity?: Record<string, unknown> }).activity;
      if (c.method === 'POST' && c.path.replace(/\/$/, '') === '/v3/conversations' && activity) return [{ ...c, body: activity }];
      return [];
    });
  }

  /** Updates of earlier activities (PUT …/activities/{id}). */
  get updates(): ConnectorCall[] {
    return this.activities.filter((c) => c.method === 'PUT');
  }

  clear(): void {
    this.calls.length = 0;
  }

  /**
   * Like Teams: a standard channel listed in `channels` has no roster of its own and answers with
   * its team's members (a roster set for it is ignored); a private or shared channel, a team or a
   * chat answers with its own roster (none set: nobody).
   */
  private rosterOf(conversationId: string): RosterMember[] {
    for (const [teamId, channels] of this.channels) {
      const listed = channels.find((c) => c.id === conversationId);
      if (listed && conversationId !== teamId && (listed.type ?? 'standard') === 'standard') return this.rosters.get(teamId) ?? [];
    }
    return this.rosters.get(conversationId) ?? [];
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const call: ConnectorCall = { method: req.method ?? 'GET', path: url.pathname, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} };
      if (parts[0] === 'v3' && parts[1] === 'conversations') {
        call.conversationId = parts[2];
        call.activityId = parts[3] === 'activities' ? parts[4] : undefined;
      }
      const faultIndex = this.faults.findIndex((f) => f.times > 0 && (!f.match || f.match(call)));
      if (faultIndex >= 0) {
        const f = this.faults[faultIndex]!;
        f.times -= 1;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (f.retryAfterSeconds !== undefined) headers['retry-after'] = String(f.retryAfterSeconds);
        res.writeHead(f.status, headers);
        res.end(JSON.stringify({ error: { code: 'Scripted', message: `scripted ${f.status}` } }));
        return;
      }
      this.calls.push(call);
      this.route(call, parts, res);
    });
  }

  private route(call: ConnectorCall, parts: string[], res: http.ServerResponse): void {
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const base = (id: string | undefined): string => (id ?? '').split(';')[0]!;
    if (parts[0] === 'v3' && parts[1] === 'conversations') {
      if (call.method === 'POST' && parts.length === 2) {
        // Create conversation, as Teams answers it: a new channel thread carries its first
        // activity and is `<channel>;messageid=<id>`; a 1:1 is the same `a:` id for the same person.
        const params = call.body as { channelData?: { channel?: { id?: string } }; members?: { id?: string }[]; activity?: unknown };
        const channel = params.channelData?.channel?.id;
        if (channel) {
          const activityId = String(Date.now() * 1000 + (this.seq++ % 1000));
          call.conversationId = channel;
          call.assignedId = activityId;
          return json(201, { id: `${channel};messageid=${activityId}`, activityId });
        }
        const member = params.members?.[0]?.id;
        const id = member ? `a:1on1-${member}` : `conv-${randomUUID()}`;
        call.conversationId = id;
        return json(201, { id });
      }
      if (parts[3] === 'activities' && (call.method === 'POST' || call.method === 'PUT')) {
        call.assignedId = call.method === 'PUT' ? parts[4] : `act-${randomUUID()}`;
        return json(200, { id: call.assignedId });
      }
      if (parts[3] === 'activities' && call.method === 'DELETE') return json(200, {});
      if (parts[3] === 'members' || parts[3] === 'pagedmembers') {
        const roster = this.rosterOf(base(parts[2]));
        if (parts[3] === 'members' && parts[4]) {
          const m = roster.find((r) => r.id === parts[4] || r.aadObjectId === parts[4]);
          return m ? json(200, m) : json(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
        }
        if (parts[3] === 'pagedmembers') return json(200, { members: roster, continuationToken: undefined });
        return json(200, roster);
      }
    }
    if (parts[0] === 'v3' && parts[1] === 'teams' && parts[3] === 'conversations') {
      return json(200, { conversations: this.channels.get(parts[2]!) ?? [] });
    }
    if (parts[0] === 'v3' && parts[1] === 'teams' && parts.length === 3) {
      return json(200, { id: parts[2], name: 'SLT-nettverket', aadGroupId: parts[2] });
    }
    json(404, { error: { code: 'NotFound', message: call.path } });
  }
}
