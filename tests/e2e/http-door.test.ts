import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/azurite';
import { loadConfig } from '../../src/config';
import { createServer, HTTP_TIMEOUTS } from '../../src/http/server';
import { createLogger } from '../../src/log';
import { personalMessage } from '../support/activities';
import { type Harness, startHarness, uniquePrefix } from '../support/harness';

/** Every route the server has, with a path that reaches its handler. */
const ROUTES = [
  '/api/messages',
  '/healthz',
  '/ics/AAAAAAAAAAAAAAAAAAAA.ics',
  '/files/AAAAAAAAAAAAAAAAAAAAAAAA',
  '/api/tab/me',
  '/api/tab/annual-report',
  '/api/tab/dev/people',
  '/tab/index.html',
  '/no/such/route',
];

const BOUNDARY = '----slt-door-test';
/** A file upload of 2 MB: restify's general body parser wrote such parts to temporary files. */
const MULTIPART = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="file"; filename="liste.csv"',
  'Content-Type: text/csv',
  '',
  'navn;telefon\n'.repeat(150_000),
  `--${BOUNDARY}--`,
  '',
].join('\r\n');
const CSV = 'tittel;beskrivelse\nUro;Mange elever på 9. trinn\n';

/** One raw HTTP request (fetch may not set Host); resolves with status and body text. */
function request(
  port: number,
  o: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: o.method, path: o.path, headers: o.headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (err) => {
      // The server may close the connection on a refused upload before it has all been written.
      if ((err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET') return;
      reject(err);
    });
    req.end(o.body);
  });
}

describe('at the door: only JSON bodies, on every route, before anything is parsed', () => {
  let h: Harness;
  let port: number;
  let tmp: string;
  const originalTmp = process.env.TMPDIR;

  beforeAll(async () => {
    h = await startHarness();
    port = Number(new URL(h.baseUrl).port);
  });
  afterAll(async () => h.stop());
  beforeEach(() => {
    // Where a multipart parser would put its files (os.tmpdir() reads TMPDIR on each call).
    tmp = fs.mkdtempSync(path.join(originalTmp ?? os.tmpdir(), 'slt-door-'));
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    process.env.TMPDIR = originalTmp;
    if (originalTmp === undefined) delete process.env.TMPDIR;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each(ROUTES)('refuses a multipart upload and a CSV body to %s with 415 and writes no file', async (route) => {
    const statuses: Record<string, number> = {};
    for (const method of ['POST', 'PUT']) {
      const headers = (type: string) => ({ host: `127.0.0.1:${port}`, 'content-type': type });
      statuses[`${method} multipart`] = (
        await request(port, { method, path: route, headers: headers(`multipart/form-data; boundary=${BOUNDARY}`), body: MULTIPART })
      ).status;
      statuses[`${method} csv`] = (await request(port, { method, path: route, headers: headers('text/csv'), body: CSV })).status;
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(statuses).toEqual({ 'POST multipart': 415, 'POST csv': 415, 'PUT multipart': 415, 'PUT csv': 415 });
  });

  it('refuses a body without a content type, and a JSON look-alike type', async () => {
    const activity = JSON.stringify(personalMessage('hjelp', { serviceUrl: h.connector.url }));
    const bare = await request(port, {
      method: 'POST',
      path: '/api/messages',
      headers: { host: `127.0.0.1:${port}`, 'content-length': String(activity.length) },
      body: activity,
    });
    expect(bare.status).toBe(415);
    const lookalike = await request(port, {
      method: 'POST',
      path: '/api/messages',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/vnd.slt+json' },
      body: activity,
    });
    expect(lookalike.status).toBe(415);
    expect(h.connector.messages).toHaveLength(0);
  });

  it('still serves JSON (with a charset) and bodiless requests (the control for the refusals)', async () => {
    h.connector.clear();
    const activity = JSON.stringify(personalMessage('hjelp', { serviceUrl: h.connector.url }));
    const res = await request(port, {
      method: 'POST',
      path: '/api/messages',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json; charset=utf-8' },
      body: activity,
    });
    expect(res.status).toBe(200);
    expect(h.connector.messages).toHaveLength(1);
    expect((await request(port, { method: 'GET', path: '/healthz', headers: { host: `localhost:${port}` } })).status).toBe(200);
  });
});

describe('development mode answers only requests addressed to this machine', () => {
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    h = await startHarness();
    port = Number(new URL(h.baseUrl).port);
  });
  afterAll(async () => h.stop());

  it.each(['example.org', 'example.org:3978', 'slt.kommune.example', '127.0.0.1.nip.io', '10.0.0.5'])('refuses Host: %s on every route', async (host) => {
    h.connector.clear();
    const activity = JSON.stringify(personalMessage('hjelp', { serviceUrl: h.connector.url }));
    for (const route of ROUTES) {
      const get = await request(port, { method: 'GET', path: route, headers: { host } });
      expect(get.status, `GET ${route}`).toBe(421);
    }
    const post = await request(port, { method: 'POST', path: '/api/messages', headers: { host, 'content-type': 'application/json' }, body: activity });
    expect(post.status).toBe(421);
    expect(h.connector.calls).toEqual([]);
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('serves Host: %s with or without a port', async (name) => {
    expect((await request(port, { method: 'GET', path: '/healthz', headers: { host: `${name}:${port}` } })).status).toBe(200);
    expect((await request(port, { method: 'GET', path: '/healthz', headers: { host: name } })).status).toBe(200);
  });
});

describe('slow clients', () => {
  it('cuts off a client that never finishes its headers, and by default after 30 s', async () => {
    const port = await freePort();
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      PORT: String(port),
      SLT_TABLE_PREFIX: uniquePrefix(),
      LOG_LEVEL: 'silent',
    });
    // The HTTP server alone: no request here reaches a route.
    const deps = {
      config,
      log: createLogger('silent'),
      adapter: {} as never,
      bot: { run: async () => undefined },
      pingStorage: async () => undefined,
    };
    const defaults = createServer(deps).server;
    expect(defaults.headersTimeout).toBe(HTTP_TIMEOUTS.headersMs);
    expect(defaults.requestTimeout).toBe(HTTP_TIMEOUTS.requestMs);
    expect(HTTP_TIMEOUTS.headersMs).toBe(30_000);

    const server = createServer({ ...deps, timeouts: { headersMs: 500, requestMs: 500, checkEveryMs: 100 } });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(`POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `));
        let text = '';
        socket.on('data', (c: Buffer) => (text += c.toString()));
        socket.on('close', () => resolve(text));
      });
      // Cut off within the limit (and its check interval): a 408, or the socket simply closed.
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
