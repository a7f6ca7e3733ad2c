import http from 'node:http';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import type { Roster } from '../../src/domain/ports';
import { type Person, TENANT } from './activities';
import { type Harness, startHarness } from './harness';

/**
 * The bot in production mode (MicrosoftAppId set) for tab API tests: tokens signed with a test
 * key pair whose public half a local JWKS serves in place of Entra's, and the fixture's rosters
 * standing in for Teams' (production mode reads rosters through authenticated calls).
 * The same set-up as tests/integration/tab-api.test.ts, for other tab API test files.
 */
export const APP_ID = '7f0e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const DOMAIN = 'slt-boten-test.example.no';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

export interface ProductionTab {
  readonly h: Harness;
  /** A token as Entra issues it for the tab, for this person (claims may be overridden). */
  token(person: Person, claims?: JWTPayload): Promise<string>;
  stop(): Promise<void>;
}

export async function startProductionTab(): Promise<ProductionTab> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const jwks = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(jwks.address() as { port: number }).port}`;
  let h: Harness | undefined;
  const roster: Roster = {
    members: async (ref) =>
      (h?.connector.rosters.get(ref.conversationId) ?? []).map((m) => ({ aadObjectId: m.aadObjectId, channelAccountId: m.id, name: m.name })),
    isMember: async (ref, id) => (h?.connector.rosters.get(ref.conversationId) ?? []).some((m) => m.aadObjectId === id),
  };
  try {
    h = await startHarness({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret',
        MicrosoftAppTenantId: TENANT,
        SLT_TENANT_IDS: TENANT,
        SLT_PUBLIC_URL: `https://${DOMAIN}`,
      },
      host: '127.0.0.1',
      overrides: { roster, tab: { jwksUrl: (tid) => `${base}/${tid}/discovery/v2.0/keys` } },
    });
  } catch (err) {
    await new Promise<void>((r) => jwks.close(() => r()));
    throw err;
  }
  const harness = h;
  return {
    h: harness,
    async token(person, claims = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ tid: TENANT, oid: person.aadObjectId, scp: 'access_as_user', name: person.name, ver: '2.0', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(APP_ID)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(now + 3600)
        .sign(privateKey);
    },
    async stop() {
      await harness.stop();
      await new Promise<void>((r) => jwks.close(() => r()));
    },
  };
}
