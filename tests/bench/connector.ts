import { randomUUID } from 'node:crypto';
import http from 'node:http';

/** What the bot sent in answer to one incoming activity, reduced to what a check needs. */
export interface ReplySummary {
  /** How many activities the bot posted in reply to that activity (1 is right). */
  count: number;
  /** `text` of the first reply (plain text answers). */
  text?: string;
  /** Text of the first TextBlock of the first reply's Adaptive Card (its title). */
  cardTitle?: string;
  /** The first reply's Adaptive Card, kept only when `keepCards` is on (setups read forms from it). */
  card?: Record<string, unknown>;
}

/** A member as the Teams roster API returns one. */
export interface BenchMember {
  id: string;
  aadObjectId: string;
  name: string;
}

/**
 * A small, fast stand-in for the Bot Framework connector (ported from tests/support/connector.ts,
 * which the bench uses only for the tab measurement's per-channel rosters, tab.ts): answers
 * every post with an id, remembers per incoming activity what the bot replied, and serves one
 * roster for every conversation.
 * It runs in the bench process, so both bots pay the same price for it.
 */
export class BenchConnector {
  private readonly replies = new Map<string, ReplySummary>();
  private server?: http.Server;
  /** Keep whole cards (setup only: costs memory under load). */
  keepCards = false;
  roster: BenchMember[] = [];
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    const addr = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Removes and returns what the bot replied to `activityId`. */
  take(activityId: string): ReplySummary | undefined {
    const r = this.replies.get(activityId);
    this.replies.delete(activityId);
    return r;
  }

  /** Replies nobody took yet (should be 0 after a phase). */
  get pending(): number {
    return this.replies.size;
  }

  clear(): void {
    this.replies.clear();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parts = new URL(req.url ?? '/', 'http://x').pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const json = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (parts[0] !== 'v3') return json(404, { error: { code: 'NotFound' } });
      if (parts[1] === 'conversations' && parts[3] === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
        const replyTo = parts[4] ?? (typeof body.replyToId === 'string' ? body.replyToId : undefined);
        if (replyTo) this.record(replyTo, body);
        return json(200, { id: `act-${randomUUID()}` });
      }
      if (parts[1] === 'conversations' && req.method === 'POST' && parts.length === 2)
        return json(201, { id: `conv-${randomUUID()}`, activityId: randomUUID() });
      if (parts[1] === 'conversations' && parts[3] === 'pagedmembers') return json(200, { members: this.roster });
      if (parts[1] === 'conversations' && parts[3] === 'members') {
        if (!parts[4]) return json(200, this.roster);
        const m = this.roster.find((r) => r.id === parts[4] || r.aadObjectId === parts[4]);
        return m ? json(200, m) : json(404, { error: { code: 'MemberNotFoundInConversation' } });
      }
      if (parts[1] === 'teams' && parts[3] === 'conversations') return json(200, { conversations: [] });
      if (parts[1] === 'teams') return json(200, { id: parts[2], name: 'Benkenettverket', aadGroupId: parts[2] });
      json(404, { error: { code: 'NotFound' } });
    });
  }

  private record(replyTo: string, body: Record<string, unknown>): void {
    const seen = this.replies.get(replyTo);
    if (seen) {
      seen.count += 1;
      return;
    }
    const atts = body.attachments as { contentType?: string; content?: Record<string, unknown> }[] | undefined;
    const card = atts?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    this.replies.set(replyTo, {
      count: 1,
      text: typeof body.text === 'string' ? body.text.slice(0, 300) : undefined,
      cardTitle: card ? firstTextBlock(card) : undefined,
      card: this.keepCards ? card : undefined,
    });
  }
}

/** The first TextBlock's text in document order (a card's title), however deeply it is nested. */
export function firstTextBlock(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const t = firstTextBlock(n);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const o = node as Record<string, unknown>;
  if (o.type === 'TextBlock' && typeof o.text === 'string') return o.text;
  return firstTextBlock(o.body ?? o.items ?? o.columns ?? undefined);
}
