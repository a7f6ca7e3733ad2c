import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab';
import type { Roster } from '../../src/domain/ports';
import type { EscalationsResponse, MeasuresResponse, MeResponse, TrendsResponse, WheelResponse } from '../../src/tab-api/contract';
import { TENANT } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { ROLES, type SeededYear, seedYear } from '../support/tab-fixture';

/**
 * The tab API in production mode (MicrosoftAppId set): tokens are signed with a test key pair,
 * and the validator reads the tenant's keys from a JWKS served locally instead of Entra.
 */
const APP_ID = '7f0e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const DOMAIN = 'slt-boten-test.example.no';
const OTHER_TENANT = '0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a';
/** Production mode takes only Entra object ids (GUIDs) in SLT_ADMINS; the fixture's people have made-up ids. */
const CONFIGURED_ADMIN = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';
const V2_ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

interface KeyPair {
  privateKey: CryptoKey;
  jwk: JWK;
}

async function keyPair(kid: string): Promise<KeyPair> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

describe('tab API in production mode: SSO tokens', () => {
  let h: Harness;
  let jwks: http.Server;
  let jwksBase = '';
  const jwksHits: string[] = [];
  let good: KeyPair;
  let rogue: KeyPair;
  let seeded: SeededYear;

  /** A token as Entra issues it for the tab, with any claim overridden. */
  async function token(claims: JWTPayload = {}, key: CryptoKey = good.privateKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tid: TENANT, oid: ROLES.vestMember.aadObjectId, scp: 'access_as_user', name: ROLES.vestMember.name, ver: '2.0', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(String(claims.iss ?? V2_ISSUER))
      .setAudience((claims.aud as string | undefined) ?? APP_ID)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : now + 3600)
      .sign(key);
  }

  async function get<T = Record<string, unknown>>(route: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const res = await fetch(`${h.baseUrl}/api/tab/${route}`, { headers });
    return { status: res.status, body: (await res.json()) as T };
  }
  const bearer = (t: string): Record<string, string> => ({ authorization: `Bearer ${t}` });

  beforeAll(async () => {
    good = await keyPair('test-key');
    rogue = await keyPair('test-key'); // same key id, different key: a forged signature
    jwks = http.createServer((req, res) => {
      jwksHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [good.jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
    jwksBase = `http://127.0.0.1:${(jwks.address() as { port: number }).port}`;
    // Production mode reads the Teams roster through Entra-authenticated calls; the fixture's rosters stand in.
    const roster: Roster = {
      members: async (ref) =>
        (h.connector.rosters.get(ref.conversationId) ?? []).map((m) => ({ aadObjectId: m.aadObjectId, channelAccountId: m.id, name: m.name })),
      isMember: async (ref, id) => (h.connector.rosters.get(ref.conversationId) ?? []).some((m) => m.aadObjectId === id),
    };
    h = await startHarness({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret',
        MicrosoftAppTenantId: TENANT,
        SLT_TENANT_IDS: TENANT,
        SLT_PUBLIC_URL: `https://${DOMAIN}`,
        SLT_ADMINS: CONFIGURED_ADMIN,
      },
      host: '127.0.0.1',
      overrides: { roster, tab: { jwksUrl: (tid) => `${jwksBase}/${tid}/discovery/v2.0/keys` } },
    });
    seeded = await seedYear(h.app.services, h.connector);
  }, 60_000);

  afterAll(async () => {
    await h?.stop();
    await new Promise<void>((r) => (jwks ? jwks.close(() => r()) : r()));
  });

  it('refuses a request without a token', async () => {
    const res = await get('trends');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'missing', message: expect.stringContaining('logget inn') });
    expect((await get('me', { authorization: 'Basic a2FyaTpoZW1tZWxpZw==' })).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const res = await get('trends', bearer(await token({ exp: Math.floor(Date.now() / 1000) - 600 })));
    expect(res).toMatchObject({ status: 401, body: { error: 'expired' } });
  });

  it('refuses a token for another audience (another app)', async () => {
    const res = await get('trends', bearer(await token({ aud: '11111111-2222-4333-8444-555555555555' })));
    expect(res).toMatchObject({ status: 401, body: { error: 'audience' } });
  });

  it("refuses a token from a tenant that is not allowed, without fetching that tenant's keys", async () => {
    jwksHits.length = 0;
    const res = await get('trends', bearer(await token({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })));
    expect(res).toMatchObject({ status: 401, body: { error: 'tenant' } });
    expect(jwksHits.filter((u) => u.includes(OTHER_TENANT))).toEqual([]);
  });

  it("refuses a token whose issuer is another tenant's, and one without the access_as_user scope", async () => {
    expect(await get('trends', bearer(await token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })))).toMatchObject({
      status: 401,
      body: { error: 'issuer' },
    });
    expect(await get('trends', bearer(await token({ scp: 'User.Read openid' })))).toMatchObject({ status: 401, body: { error: 'scope' } });
  });

  it('refuses a badly signed token: another key under the same key id, an unsigned token, and garbage', async () => {
    expect(await get('trends', bearer(await token({}, rogue.privateKey)))).toMatchObject({ status: 401, body: { error: 'signature' } });
    const [header, payload] = (await token()).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await get('trends', bearer(none))).status).toBe(401);
    expect((await get('trends', bearer(`${header}.${payload}.AAAA`))).status).toBe(401);
    expect((await get('trends', bearer('not-a-token'))).status).toBe(401);
    expect(jwksHits.every((u) => u === `/${TENANT}/discovery/v2.0/keys`)).toBe(true);
  });

  it('accepts a v1 token addressed to the app id URI (api://<domain>/<app id>)', async () => {
    const res = await get<MeResponse>('me', bearer(await token({ iss: `https://sts.windows.net/${TENANT}/`, aud: `api://${DOMAIN}/${APP_ID}`, ver: '1.0' })));
    expect(res.status).toBe(200);
    expect(res.body.viewer).toMatchObject({ id: ROLES.vestMember.aadObjectId, tenantId: TENANT, name: ROLES.vestMember.name, coordinator: false });
    expect(res.body.devMode).toBe(false);
  });

  it('a valid token gets what its person may read: a youth-team member only that team, a coordinator every body', async () => {
    const kari = bearer(await token());
    const me = await get<MeResponse>('me', kari);
    expect(me.body.bodies.map((b) => b.id)).toEqual([seeded.bodies.vest.id]);
    const trends = await get<TrendsResponse>('trends', kari);
    expect(trends.status).toBe(200);
    expect(trends.body.items.length).toBeGreaterThan(0);
    expect(new Set(trends.body.items.map((t) => t.bodyId))).toEqual(new Set([seeded.bodies.vest.id]));
    expect(JSON.stringify(trends.body)).not.toMatch(/Team Øst|Team Koordinering|reporterId|aad-/);
    // Asking for another team's body by id gives nothing, not an error that tells it exists.
    const other = await get<TrendsResponse>(`trends?body=${seeded.bodies.ost.id}`, kari);
    expect(other).toMatchObject({ status: 200, body: { total: 0, items: [] } });
    const matters = await get<EscalationsResponse>('escalations', kari);
    expect(matters.body.items.map((e) => e.id).sort()).toEqual([seeded.matters.vestOpen, seeded.matters.vestAtKoord].sort());
    expect(matters.body.items.flatMap((e) => e.history).every((s) => s.actorName === undefined && s.note === undefined)).toBe(true);
    const wheel = await get<WheelResponse>('wheel?year=2026', kari);
    expect(new Set(wheel.body.meetings.map((m) => m.bodyId))).toEqual(new Set([seeded.bodies.vest.id]));
    expect((await get('digests', kari)).body).toMatchObject({ allowed: false, items: [] });
    const post = (route: string, headers: Record<string, string>) => fetch(`${h.baseUrl}/api/tab/${route}`, { method: 'POST', headers });
    expect((await post('annual-report?year=2025', kari)).status).toBe(403);
    expect((await get('annual-report?year=2025', kari)).status).toBe(405);

    const amina = bearer(await token({ oid: ROLES.coordinator.aadObjectId, name: ROLES.coordinator.name }));
    const all = await get<TrendsResponse>('trends', amina);
    expect(all.body.total).toBe(seeded.trendCount);
    const allMatters = await get<EscalationsResponse>('escalations', amina);
    expect(allMatters.body.items.map((e) => e.id)).toContain(seeded.matters.ostAtBoard);
    expect(allMatters.body.items.find((e) => e.id === seeded.matters.ostAtBoard)?.history.at(-1)).toMatchObject({
      verb: 'escalate',
      actorName: ROLES.coordinator.name,
    });
    expect((await get('digests', amina)).body).toMatchObject({
      allowed: true,
      source: 'archive',
      items: [{ month: '2026-10' }],
      annualReport: { years: [2025, 2026] },
    });
    const report = await post('annual-report?year=2026', amina);
    expect(report.status).toBe(200);
    expect(await report.json()).toMatchObject({
      year: 2026,
      html: expect.stringMatching(/\/files\/[A-Za-z0-9_-]{24}$/),
      markdown: expect.stringMatching(/\/files\//),
    });
  });

  it('refuses the development identity headers in production, with or without a token, and hides the development route', async () => {
    const dev = { 'x-slt-dev-user': ROLES.coordinator.aadObjectId, 'x-slt-dev-tenant': TENANT };
    expect(await get('trends', dev)).toMatchObject({ status: 401, body: { error: 'devHeaderRefused' } });
    expect(await get('trends', { ...dev, ...bearer(await token()) })).toMatchObject({ status: 401, body: { error: 'devHeaderRefused' } });
    expect((await get('dev/people')).status).toBe(404);
  });

  it('validates query parameters with a Norwegian message per field', async () => {
    const kari = bearer(await token());
    const bad = await get<{ error: string; fields: Record<string, string> }>('trends?from=2026-13&body=x', kari);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.from).toBe('Måned skrives ÅÅÅÅ-MM, for eksempel 2026-03.');
    expect(bad.body.fields.body).toBe('Ukjent organ.');
    const span = await get<{ fields: Record<string, string> }>('trends?from=2020-01&to=2026-01', kari);
    expect(span).toMatchObject({ status: 400, body: { fields: { from: 'Perioden kan være høyst 24 måneder.' } } });
    const year = await get<{ fields: Record<string, string> }>('measures?year=26', kari);
    expect(year).toMatchObject({ status: 400, body: { fields: { year: 'Må være minst 2000.' } } });
    const measures = await get<MeasuresResponse>('measures?year=2026', kari);
    expect(measures).toMatchObject({ status: 200, body: { year: 2026, levels: [], coordinator: false } });
    expect(measures.body.areas.length).toBeGreaterThan(0);
    const unknown = await get<{ fields: Record<string, string> }>('wheel?yeer=2026', kari);
    expect(unknown).toMatchObject({ status: 400, body: { fields: { yeer: 'Ukjent parameter.' } } });
    expect((await get('nothing-here', kari)).status).toBe(404);
  });
});

describe('tab API in development mode', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slt-tab-api-'));
    await buildTab(dir);
    h = await startHarness({ env: { SLT_ADMINS: ROLES.admin.aadObjectId }, overrides: { tab: { dir } } });
    await seedYear(h.app.services, h.connector);
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the picked development identity, refuses requests without one, and lists whom to pick', async () => {
    const res = await fetch(`${h.baseUrl}/api/tab/me`, { headers: { 'x-slt-dev-user': ROLES.ostMember.aadObjectId, 'x-slt-dev-tenant': TENANT } });
    expect(res.status).toBe(200);
    const me = (await res.json()) as MeResponse;
    expect(me.devMode).toBe(true);
    expect(me.bodies.map((b) => b.name)).toEqual(['Ungdomsteam Øst 13-16']);
    expect((await fetch(`${h.baseUrl}/api/tab/me`)).status).toBe(401);
    expect((await fetch(`${h.baseUrl}/api/tab/me`, { headers: { 'x-slt-dev-user': '<script>', 'x-slt-dev-tenant': TENANT } })).status).toBe(401);
    const people = (await (await fetch(`${h.baseUrl}/api/tab/dev/people`)).json()) as { tenants: string[]; people: { id: string; roles: string[] }[] };
    expect(people.tenants).toEqual([TENANT]);
    expect(people.people.map((p) => p.id)).toEqual(
      expect.arrayContaining([ROLES.admin.aadObjectId, ROLES.coordinator.aadObjectId, ROLES.vestMember.aadObjectId, ROLES.ostMember.aadObjectId]),
    );
  });

  it('serves the built page with a content security policy, and nothing outside its folder', async () => {
    const page = await fetch(`${h.baseUrl}/tab/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(await page.text()).toContain('<script src="tab.js"></script>');
    expect((await fetch(`${h.baseUrl}/tab/tab.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${h.baseUrl}/tab/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${h.baseUrl}/tab/.env`)).status).toBe(404);
  });
});
