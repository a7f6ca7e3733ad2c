import type { Activity, TurnContext } from 'botbuilder';
import restify from 'restify';
import { z } from 'zod';
import type { SltAdapter } from '../bot/adapter';
import { type Config, LOOPBACK_HOSTS } from '../config';
import type { PageKind } from '../i18n/pages';
import type { Logger } from '../log';
import type { TabApi } from '../tab-api';
import { TAB_CSP, type TabFile } from '../tab-api/static';
import { pageLocale, peoplePage } from './people-page';

export interface HttpDeps {
  config: Config;
  log: Logger;
  /** Its `authenticate` runs before the tenant gate (production mode), so a caller without a valid token gets 401 whatever tenant it names. */
  adapter: SltAdapter;
  /** Runs one turn. */
  bot: { run(context: TurnContext): Promise<void> };
  /** Throws when storage is unreachable. */
  pingStorage(): Promise<void>;
  /** A meeting's calendar file by its download token; undefined for an unknown token. */
  icsFor?(token: string): Promise<{ fileName: string; text: string } | undefined>;
  /** Where a meeting's agenda is in Teams, by the meeting's download token (the invitation's link); undefined for an unknown token. */
  agendaLinkFor?(token: string): Promise<string | undefined>;
  /** The tab's JSON API (`/api/tab/…`). */
  tabApi?: TabApi;
  /** The built tab page's files by name (`/tab/<name>`). */
  tabFile?(name: string): Promise<TabFile | undefined>;
  /** A document to download (the annual report draft) by its token; undefined when unknown or expired. */
  fileFor?(token: string): Promise<{ fileName: string; contentType: string; body: string } | undefined>;
  /** Slow-client limits (tests shorten them); default HTTP_TIMEOUTS. */
  timeouts?: HttpTimeouts;
}

/** How long a client may take: to send its headers, its whole request, or to stay silent. */
export interface HttpTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
  /** How often Node looks for connections past those limits. */
  readonly checkEveryMs: number;
}

/**
 * Teams posts an activity in one go and waits about 15 s for the answer: 30 s to send headers
 * and request is generous for the channel and short for a client that trickles bytes to hold
 * connections open. Checked every 5 s, so a limit holds within 30–35 s.
 */
export const HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 30_000, requestMs: 30_000, checkEveryMs: 5_000 };

/** Download tokens are base64url; anything else is not looked up at all. */
const ICS_PATH = /^([A-Za-z0-9_-]{16,64})\.ics$/;
/** A meeting's download token (as in the `.ics` link). */
const AGENDA_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
/** Document tokens: 144 random bits, base64url. */
const FILE_TOKEN = /^[A-Za-z0-9_-]{24}$/;

/** The least an activity must carry for the bot to answer it at all. */
const activityShape = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
});

/** Largest activity accepted. Teams messages are ~100 KB at most; 1 MB leaves room for cards. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The only module that imports restify: `/api/messages` and `/healthz`.
 * At the door, before any route or parsing: in development mode only loopback Host headers
 * (`doorChecks`), and only `application/json` bodies on every route (415 otherwise; nothing is
 * read, nothing written to disk). Channel and tenant filtering happen here, before the adapter,
 * because the adapter has neither check; in production the token is checked first, so only an
 * authenticated caller learns of them.
 */
export function createServer(deps: HttpDeps): restify.Server {
  const { config, log, adapter, bot } = deps;
  const server = restify.createServer({ name: 'slt-boten', handleUncaughtExceptions: false });
  limitSlowClients(server, deps.timeouts ?? HTTP_TIMEOUTS);
  server.pre(doorChecks(config, log));
  // JSON only (the door has refused every other body): read into memory up to MAX_BODY_BYTES (413 beyond).
  server.use(restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }));
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));

  /** Answers with the adapter's own status (401 for a missing or bad token) and false, or true for a caller with a valid token. */
  const authenticated = async (body: Record<string, unknown>, req: restify.Request, res: restify.Response): Promise<boolean> => {
    if (config.devMode) return true;
    try {
      await adapter.authenticate(body as unknown as Activity, req.header('authorization') ?? '');
      return true;
    } catch (err) {
      const status = (err as { statusCode?: unknown }).statusCode;
      if (typeof status !== 'number') throw err;
      log.warn({ err: (err as Error).message, status }, 'rejected: not authenticated');
      res.send(status, { error: status === 401 ? 'unauthorized' : 'authentication failed' });
      return false;
    }
  };

  server.post('/api/messages', async (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (!activityShape.safeParse(body).success || !body) {
      log.warn({ path: req.path() }, 'rejected: not an activity');
      res.send(400, { error: 'expected a Bot Framework activity' });
      return;
    }
    // 403 only to a caller with a valid token: an unauthenticated one gets 401 whatever it names.
    if (!config.devMode && body.channelId !== 'msteams') {
      if (!(await authenticated(body, req, res))) return;
      log.warn({ channelId: body.channelId }, 'rejected: channel not msteams');
      res.send(403, { error: 'channel not allowed' });
      return;
    }
    if (config.tenantIds.length > 0) {
      const cd = (body.channelData ?? {}) as { tenant?: { id?: string } };
      const conv = (body.conversation ?? {}) as { tenantId?: string };
      const tenant = cd.tenant?.id ?? conv.tenantId;
      if (!tenant || !config.tenantIds.includes(tenant)) {
        if (!(await authenticated(body, req, res))) return;
        log.warn({ tenant }, 'rejected: tenant not allowed');
        res.send(403, { error: 'tenant not allowed' });
        return;
      }
    }
    // An allowed tenant's token is checked by the adapter itself.
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await deps.pingStorage();
      res.send(200, { status: 'ok', storage: 'ok' });
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'health: storage unreachable');
      res.send(503, { status: 'degraded', storage: 'unreachable' });
    }
  });

  // Calendar downloads: the unguessable token in the URL is the only key (no login in a calendar app).
  server.get('/ics/:file', async (req, res) => {
    const m = ICS_PATH.exec(String(req.params?.file ?? ''));
    let file: { fileName: string; text: string } | undefined;
    try {
      file = m && deps.icsFor ? await deps.icsFor(m[1]!) : undefined;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'ics: lookup failed');
      sendPage(req, res, 'unavailable');
      return;
    }
    if (!file) {
      sendPage(req, res, 'calendarGone');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    });
    res.end(file.text);
  });

  // The agenda link in Outlook invitations: a redirect into Teams (the meeting's download token is the key).
  server.get('/agenda/:token', async (req, res) => {
    const token = String(req.params?.token ?? '');
    let link: string | undefined;
    try {
      link = AGENDA_TOKEN.test(token) && deps.agendaLinkFor ? await deps.agendaLinkFor(token) : undefined;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'agenda link: lookup failed');
      sendPage(req, res, 'unavailable');
      return;
    }
    if (!link?.startsWith('https://teams.microsoft.com/')) {
      sendPage(req, res, 'agendaGone');
      return;
    }
    res.writeHead(302, { location: link, 'cache-control': 'no-store' });
    res.end();
  });

  // Documents the bot made for one person (annual report draft): the expiring token is the only key.
  server.get('/files/:token', async (req, res) => {
    const token = String(req.params?.token ?? '');
    let file: { fileName: string; contentType: string; body: string } | undefined;
    try {
      file = FILE_TOKEN.test(token) && deps.fileFor ? await deps.fileFor(token) : undefined;
    } catch (err) {
      log.warn({ err: (err as Error).name }, 'files: lookup failed');
      sendPage(req, res, 'unavailable');
      return;
    }
    if (!file) {
      sendPage(req, res, 'fileGone');
      return;
    }
    // The HTML draft opens in the browser (to read and print); other formats download.
    const disposition = file.contentType.startsWith('text/html') ? 'inline' : 'attachment';
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-disposition': `${disposition}; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'cache-control': 'no-store',
      // Rendered in the browser: no scripts, nothing fetched, no referrer, not indexed.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
    });
    res.end(file.body);
  });

  // The Teams tab: its JSON API (authenticated per request inside) and its static page.
  const tabApi = async (req: restify.Request, res: restify.Response): Promise<void> => {
    if (!deps.tabApi) return void res.send(404, { error: 'notFound' });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method === 'POST' ? 'POST' : 'GET';
    const out = await deps.tabApi.handle({
      method,
      route: url.pathname.replace(/^\/api\/tab\//, ''),
      query: url.searchParams,
      headers: req.headers,
      body: method === 'POST' ? (req.body as unknown) : undefined,
    });
    res.header('cache-control', 'no-store');
    res.send(out.status, out.body);
  };
  server.get('/api/tab/dev/people', tabApi);
  server.get('/api/tab/:route', tabApi);
  server.post('/api/tab/:route', tabApi);
  server.get('/tab/:file', async (req, res) => {
    let file: TabFile | undefined;
    try {
      file = deps.tabFile ? await deps.tabFile(String(req.params?.file ?? '')) : undefined;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'tab: file unreadable');
      sendPage(req, res, 'unavailable');
      return;
    }
    if (!file) {
      sendPage(req, res, 'notFound');
      return;
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'cache-control': 'no-cache',
      'content-security-policy': TAB_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(file.data);
  });

  // An address nobody serves: a page for people, JSON for the API routes (restify's own answer).
  server.on('NotFound', (req, res, _err, cb) => {
    if (!new URL(req.url ?? '/', 'http://localhost').pathname.startsWith('/api/')) sendPage(req, res, 'notFound');
    return cb();
  });

  server.on('restifyError', (req, _res, err, cb) => {
    // The error's name, not its message: a JSON parse message quotes part of the body (user text).
    log.warn({ path: req.path?.(), status: (err as { statusCode?: number }).statusCode, error: err.name }, 'request rejected');
    return cb();
  });
  /** Answers a browser with a Norwegian page (English when it asks for English first). */
  function sendPage(req: restify.Request, res: restify.Response, kind: PageKind): void {
    const page = peoplePage(kind, pageLocale(req.header('accept-language'), config.defaultLocale));
    res.sendRaw(page.status, page.body, { ...page.headers });
  }
  return server;
}

/** Media type without parameters, lower case ('' when absent). */
function mediaType(req: restify.Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** True when the request says it carries a body. */
function hasBody(req: restify.Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A Host header naming this machine (name or address, any port). */
function loopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return LOOPBACK_HOSTS.has(name.toLowerCase());
}

/**
 * Runs before routing and before anything reads the body. Development mode trusts whoever
 * calls, so it answers only requests addressed to this machine by name (a web page elsewhere
 * that points a name at 127.0.0.1 — DNS rebinding — sends its own name). And every route parses
 * JSON only: restify's general body parser would write multipart uploads to temporary files it
 * never removes and parse CSV, before any login.
 */
function doorChecks(config: Config, log: Logger): restify.RequestHandler {
  return (req, res, next) => {
    if (config.devMode && !loopbackHost(req.headers.host)) {
      log.warn({ host: String(req.headers.host ?? '').slice(0, 100) }, 'rejected: development mode serves loopback hosts only');
      res.header('connection', 'close');
      res.send(421, { error: 'development mode answers requests to 127.0.0.1 or localhost only' });
      return next(false);
    }
    if (hasBody(req) && mediaType(req) !== 'application/json') {
      log.warn({ path: req.path?.(), contentType: String(req.headers['content-type'] ?? '').slice(0, 100) }, 'rejected: not JSON');
      // The body is never read: close the connection instead of draining it.
      res.header('connection', 'close');
      res.send(415, { error: 'expected application/json' });
      return next(false);
    }
    return next();
  };
}

/** Slow or silent clients are cut off (Node's own defaults are 60 s for headers and 5 min per request). */
function limitSlowClients(server: restify.Server, t: HttpTimeouts): void {
  const http = server.server;
  http.headersTimeout = t.headersMs;
  http.requestTimeout = t.requestMs;
  // Read by Node when the server starts listening (a constructor option missing from the types).
  (http as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval = t.checkEveryMs;
  http.setTimeout(t.requestMs);
}
