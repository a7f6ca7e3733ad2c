import http from 'node:http';
import { CallerIdConstants } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Roster } from '../../src/domain/ports';
import { cardAction, TENANT } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';

/**
 * POST /api/messages in production mode (MicrosoftAppId set): botbuilder's JWT check is on. The
 * Bot Framework channel's OpenID metadata and signing keys are served locally (a test key pair,
 * endorsed for msteams), so a token signed here passes that check exactly as a Teams token would —
 * which lets the test reach the server's own channel and tenant gate behind it.
 */
const APP_ID = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const OTHER_TENANT = '0d9c8b7a-6f5e-4d3c-9b1a-0f9e8d7c6b5a';
/** The issuer of Bot Framework channel tokens in the public cloud. */
const CHANNEL_ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;
const KID = 'bf-test-key';

async function keyPair(): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' } };
}

describe('POST /api/messages in production mode: Bot Framework authentication, then channel and tenant', () => {
  let h: Harness;
  let keys: http.Server;
  let good: { privateKey: CryptoKey; jwk: JWK };
  let rogue: { privateKey: CryptoKey; jwk: JWK };
  const keyFetches: string[] = [];

  /** A channel token as the Bot Framework issues it for this bot and connector, any claim overridden. */
  async function token(claims: JWTPayload = {}, key: CryptoKey = good.privateKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: h.connector.url, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(String(claims.iss ?? CHANNEL_ISSUER))
      .setAudience((claims.aud as string | undefined) ?? APP_ID)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : now + 3600)
      .sign(key);
  }
  const bearer = (t: string): Record<string, string> => ({ authorization: `Bearer ${t}` });
  /** A card action in a Teams channel of the allowed tenant: answered in the HTTP response, so nothing goes out to Entra. */
  const activity = (o: { tenantId?: string } = {}) => cardAction('no.such.verb', {}, { serviceUrl: h.connector.url, ...o });

  beforeAll(async () => {
    good = await keyPair();
    rogue = await keyPair(); // same key id, another key: a forged signature
    keys = http.createServer((req, res) => {
      keyFetches.push(req.url ?? '');
      const base = `http://127.0.0.1:${(keys.address() as { port: number }).port}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/.well-known/openidconfiguration') res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` }));
      // Endorsed for several channels, as the Bot Framework's own keys are: a valid token can name another channel.
      else res.end(JSON.stringify({ keys: [{ ...good.jwk, endorsements: ['msteams', 'webchat', 'directline', 'emulator'] }] }));
    });
    await new Promise<void>((r) => keys.listen(0, '127.0.0.1', () => r()));
    const metadata = `http://127.0.0.1:${(keys.address() as { port: number }).port}/.well-known/openidconfiguration`;
    // Production reads rosters through Entra-authenticated connector calls; none are needed here.
    const roster: Roster = { members: async () => [], isMember: async () => false };
    h = await startHarness({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret',
        MicrosoftAppTenantId: TENANT,
        SLT_TENANT_IDS: TENANT,
        SLT_PUBLIC_URL: 'https://slt-boten-test.example.no',
      },
      host: '127.0.0.1',
      overrides: {
        roster,
        // botbuilder's public-cloud settings (what production uses), but the channel's keys from here.
        botAuth: {
          authSettings: {
            ValidateAuthority: true,
            ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
            ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
            ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
            OAuthUrl: AuthenticationConstants.OAuthUrl,
            ToBotFromChannelOpenIdMetadataUrl: metadata,
            ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
            CallerId: CallerIdConstants.PublicAzureChannel,
          },
        },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await h?.stop();
    await new Promise<void>((r) => (keys ? keys.close(() => r()) : r()));
  });

  it('answers a correctly signed token from an allowed tenant in Teams (the control for every refusal below)', async () => {
    const res = await h.send(activity(), bearer(await token()));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('ikke lenger tilgjengelig'),
    });
    expect(keyFetches).toEqual(['/.well-known/openidconfiguration', '/keys']);
  });

  it('refuses a request without Authorization, or with another scheme, with 401', async () => {
    expect((await h.send(activity())).status).toBe(401);
    expect((await h.send(activity(), { authorization: 'Basic a2FyaTpoZW1tZWxpZw==' })).status).toBe(401);
    expect((await h.send(activity(), { authorization: 'Bearer' })).status).toBe(401);
  });

  it('refuses garbage, an unsigned token and a forged signature with 401', async () => {
    const [header, payload] = (await token()).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: KID, typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const [what, t] of [
      ['garbage', 'not-a-token'],
      ['unsigned (alg none)', unsigned],
      ['signature cut off', `${header}.${payload}.`],
      ['signature of another key under the same key id', await token({}, rogue.privateKey)],
      ['garbled signature', `${header}.${payload}.AAAA`],
    ] as const) {
      // botbuilder alone answers the last four with 500 and jsonwebtoken's message (src/bot/adapter.ts).
      expect((await h.send(activity(), bearer(t))).status, what).toBe(401);
    }
  });

  it('refuses a signed token for another bot, from another issuer, for another connector, or expired, with 401', async () => {
    expect((await h.send(activity(), bearer(await token({ aud: '11111111-2222-4333-8444-555555555555' })))).status, 'audience').toBe(401);
    expect((await h.send(activity(), bearer(await token({ iss: 'https://sts.windows.net/evil/' })))).status, 'issuer').toBe(401);
    expect((await h.send(activity(), bearer(await token({ serviceurl: 'https://smba.evil.example/' })))).status, 'serviceurl').toBe(401);
    expect((await h.send(activity(), bearer(await token({ exp: Math.floor(Date.now() / 1000) - 3600 })))).status, 'expired').toBe(401);
  });

  it('refuses a correctly signed activity from a tenant outside SLT_TENANT_IDS with 403, by channelData or by conversation', async () => {
    const t = bearer(await token());
    expect((await h.send(activity({ tenantId: OTHER_TENANT }), t)).status).toBe(403);
    const onlyConversation = { ...activity({ tenantId: OTHER_TENANT }), channelData: {} };
    expect((await h.send(onlyConversation, t)).status).toBe(403);
    const noTenant = { ...activity(), channelData: {}, conversation: { id: '19:x@thread.tacv2;messageid=1', conversationType: 'channel' } };
    expect((await h.send(noTenant, t)).status).toBe(403);
  });

  it('answers a caller without a valid token 401 whatever tenant it names, so which tenants are allowed is not revealed', async () => {
    for (const [what, a] of [
      ['allowed tenant', activity()],
      ['other tenant', activity({ tenantId: OTHER_TENANT })],
      ['no tenant', { ...activity(), channelData: {}, conversation: { id: '19:x@thread.tacv2;messageid=1', conversationType: 'channel' } }],
    ] as const) {
      expect((await h.send(a)).status, `${what}, no token`).toBe(401);
      expect((await h.send(a, bearer(await token({ aud: '11111111-2222-4333-8444-555555555555' })))).status, `${what}, another bot's token`).toBe(401);
    }
  });

  it('answers a caller without a valid token 401 whatever channel it names (the channel check comes after authentication)', async () => {
    for (const channelId of ['webchat', 'directline', 'emulator']) {
      expect((await h.send({ ...activity(), channelId })).status, `${channelId}, no token`).toBe(401);
      expect((await h.send({ ...activity(), channelId }, bearer(await token({ aud: '11111111-2222-4333-8444-555555555555' })))).status, channelId).toBe(401);
    }
  });

  it('refuses a correctly signed activity from a channel other than msteams with 403', async () => {
    const t = bearer(await token());
    for (const channelId of ['webchat', 'directline', 'emulator']) {
      expect((await h.send({ ...activity(), channelId }, t)).status, channelId).toBe(403);
    }
  });

  it('sent nothing to the connector for any refused request', () => {
    expect(h.connector.calls).toEqual([]);
  });
});
