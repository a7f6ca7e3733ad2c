import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { HttpTransport } from '../../src/graph';
import { TransportError } from '../../src/graph/transport';

/** One request that reached the fake (token or Graph), after any scripted fault. */
export interface GraphCall {
  method: string;
  /** Path without the Graph base, e.g. `/users/aad-kari/events`. */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The answer's status. */
  status: number;
}

/** A scripted fault: the next matching requests answer with `status` (before being carried out, or after when `lostAnswer`). */
export interface GraphFault {
  status: number;
  times: number;
  retryAfterSeconds?: number;
  code?: string;
  /** Carry the request out, then answer with the fault: the caller never learns it succeeded. */
  lostAnswer?: boolean;
  match?: (req: { method: string; path: string }) => boolean;
}

/** An event as the fake stores it: what was posted, with id, link, and its fate. */
export interface StoredEvent extends Event {
  id: string;
  organizer_: string;
  cancelled: boolean;
  cancelComment?: string;
}

const CLIENT_ID = '3f9a1c2e-7b4d-4e8f-a1c3-5d7e9f0b2a4c';
const CLIENT_SECRET = 'test-hemmelighet';

/** A self-signed certificate for 127.0.0.1/localhost, made with openssl in a temp folder (one per test run). */
export function selfSignedCert(): { certPath: string; keyPath: string; cert: string; key: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slt-graph-fake-'));
  const certPath = path.join(dir, 'cert.pem');
  const keyPath = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { certPath, keyPath, cert: fs.readFileSync(certPath, 'utf8'), key: fs.readFileSync(keyPath, 'utf8'), dir };
}

/**
 * Stand-ins for Entra's token endpoint and Microsoft Graph's calendar API, served over https
 * with a self-signed certificate (the bot trusts it through NODE_EXTRA_CA_CERTS, or in one
 * process through `transport()`). It keeps events per organizer as Graph would, answers the
 * extended-property lookup, PATCH, GET and cancel, and can refuse requests as scripted (429 with
 * Retry-After, an outage, a lost answer). It does NOT deduplicate on transactionId: the bot's
 * own idempotency must be enough.
 */
export class FakeGraph {
  readonly calls: GraphCall[] = [];
  readonly events: StoredEvent[] = [];
  tokenRequests = 0;
  /** While true every request answers 503 (a Graph outage). */
  outage = false;
  /** Answer delay for event creation (ms), after the event is stored. */
  createAnswerDelayMs = 0;
  readonly clientId = CLIENT_ID;
  readonly clientSecret = CLIENT_SECRET;
  private faults: GraphFault[] = [];
  private server?: https.Server;
  private seq = 0;
  private cert = selfSignedCert();
  origin = '';

  get caPath(): string {
    return this.cert.certPath;
  }

  get graphUrl(): string {
    return `${this.origin}/v1.0`;
  }

  get loginUrl(): string {
    return this.origin;
  }

  /** The bot's environment for SLT_CALENDAR=graph against this fake. */
  env(tenantId: string): Record<string, string> {
    return {
      SLT_CALENDAR: 'graph',
      SLT_GRAPH_TENANT_ID: tenantId,
      SLT_GRAPH_CLIENT_ID: CLIENT_ID,
      SLT_GRAPH_CLIENT_SECRET: CLIENT_SECRET,
      SLT_GRAPH_URL: this.graphUrl,
      SLT_LOGIN_URL: this.loginUrl,
    };
  }

  async start(): Promise<void> {
    this.server = https.createServer({ cert: this.cert.cert, key: this.cert.key }, (req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.origin = `https://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    fs.rmSync(this.cert.dir, { recursive: true, force: true });
  }

  fail(fault: GraphFault): void {
    this.faults.push({ ...fault });
  }

  /** Events not cancelled, of one meeting (by the extended property carrying its id). */
  eventsOf(meetingId: string): StoredEvent[] {
    return this.events.filter((e) => meetingIdOf(e) === meetingId);
  }

  /** Graph calls (not token requests) with this method whose path matches. */
  graphCalls(method: string, pathPattern: RegExp = /./): GraphCall[] {
    return this.calls.filter((c) => c.method === method && c.path.startsWith('/users/') && pathPattern.test(c.path));
  }

  /**
   * An https client trusting this fake's certificate, for a bot in the test's own process
   * (NODE_EXTRA_CA_CERTS is read when a process starts).
   */
  transport(): HttpTransport {
    const ca = this.cert.cert;
    return {
      send: (req) =>
        new Promise((resolve, reject) => {
          const r = https.request(req.url, { method: req.method, headers: req.headers, ca, timeout: 10_000 }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => {
              const headers: Record<string, string> = {};
              for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
              resolve({ status: res.statusCode ?? 0, headers, body });
            });
          });
          r.on('timeout', () => r.destroy(new Error('timeout')));
          r.on('error', (err) => reject(new TransportError(String((err as { code?: string }).code ?? err.message))));
          if (req.body) r.write(req.body);
          r.end();
        }),
    };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      void this.answer(req, res, raw);
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const method = req.method ?? 'GET';
    const graphPath = url.pathname.startsWith('/v1.0/') ? url.pathname.slice('/v1.0'.length) : url.pathname;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const record = (status: number, body: Record<string, unknown> = {}): void => {
      this.calls.push({ method, path: decodeURIComponent(graphPath), query: url.searchParams, body, status });
    };
    let body: Record<string, unknown> = {};
    try {
      body = raw && req.headers['content-type']?.includes('json') ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }

    // Entra: OpenID metadata and the token endpoint (client credentials).
    const login = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(url.pathname);
    if (login) {
      const tenant = login[1]!;
      if (login[2]!.startsWith('v2.0')) {
        const base = `${this.origin}/${tenant}`;
        return json(200, {
          issuer: `${base}/v2.0`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        });
      }
      const form = new URLSearchParams(raw);
      if (this.outage) return json(503, { error: 'temporarily_unavailable' });
      if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET || form.get('grant_type') !== 'client_credentials') {
        return json(401, { error: 'invalid_client', error_description: 'bad credentials' });
      }
      this.tokenRequests++;
      return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `fake-graph-token-${this.tokenRequests}` });
    }

    if (!url.pathname.startsWith('/v1.0/')) return json(404, { error: { code: 'NotFound' } });
    if (!/^Bearer fake-graph-token-\d+$/.test(String(req.headers.authorization ?? ''))) {
      record(401, body);
      return json(401, { error: { code: 'InvalidAuthenticationToken' } });
    }
    if (this.outage) {
      record(503, body);
      return json(503, { error: { code: 'ServiceUnavailable', message: 'outage' } });
    }
    const faultAt = this.faults.findIndex((f) => f.times > 0 && (!f.match || f.match({ method, path: decodeURIComponent(graphPath) })));
    const fault = faultAt >= 0 ? this.faults[faultAt] : undefined;
    if (fault) fault.times--;
    const refuse = (f: GraphFault): void => {
      record(f.status, body);
      json(
        f.status,
        { error: { code: f.code ?? (f.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable'), message: 'scripted' } },
        f.retryAfterSeconds ? { 'retry-after': String(f.retryAfterSeconds) } : {},
      );
    };
    if (fault && !fault.lostAnswer) return refuse(fault);

    const m = /^\/users\/([^/]+)\/events(?:\/([^/]+)(\/cancel)?)?$/.exec(graphPath);
    if (!m) {
      record(404, body);
      return json(404, { error: { code: 'NotFound' } });
    }
    const organizer = decodeURIComponent(m[1]!);
    const eventId = m[2] ? decodeURIComponent(m[2]) : undefined;
    const live = (e: StoredEvent): boolean => e.organizer_ === organizer && !e.cancelled;
    const done = async (status: number, answer?: unknown): Promise<void> => {
      if (fault?.lostAnswer) return refuse(fault);
      record(status, body);
      return json(status, answer);
    };

    if (!eventId && method === 'GET') {
      const wanted = /ep\/value eq '((?:[^']|'')*)'/.exec(url.searchParams.get('$filter') ?? '')?.[1]?.replace(/''/g, "'");
      return done(200, { value: this.events.filter((e) => live(e) && (!wanted || meetingIdOf(e) === wanted)).map(view) });
    }
    if (!eventId && method === 'POST') {
      const n = ++this.seq;
      const event: StoredEvent = {
        ...(body as Event),
        id: `AAMkAGI-fake-${n}`,
        organizer_: organizer,
        cancelled: false,
        onlineMeeting: body.isOnlineMeeting ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_fake${n}%40thread.v2/0` } : null,
      };
      this.events.push(event);
      if (this.createAnswerDelayMs) await new Promise((r) => setTimeout(r, this.createAnswerDelayMs));
      return done(201, view(event));
    }
    const event = this.events.find((e) => e.id === eventId && live(e));
    if (!event) {
      record(404, body);
      return json(404, { error: { code: 'ErrorItemNotFound' } });
    }
    if (m[3] && method === 'POST') {
      event.cancelled = true;
      event.cancelComment = String(body.comment ?? '');
      return done(202);
    }
    if (method === 'PATCH') {
      Object.assign(event, body);
      return done(200, view(event));
    }
    if (method === 'GET') return done(200, view(event));
    record(405, body);
    return json(405, { error: { code: 'MethodNotAllowed' } });
  }
}

/** The meeting id an event carries in its extended property. */
export function meetingIdOf(e: Event): string | undefined {
  return e.singleValueExtendedProperties?.find((p) => p.id?.endsWith('Name SltMeetingId'))?.value ?? undefined;
}

/** What Graph answers about an event (without the fake's own fields). */
function view(e: StoredEvent): Event {
  const { organizer_: _o, cancelled: _c, cancelComment: _cc, singleValueExtendedProperties: _p, ...rest } = e;
  return rest;
}
