import { createRemoteJWKSet, decodeJwt, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

/**
 * Single sign-on for the Teams tab: validates the Entra ID access token the tab gets from
 * `authentication.getAuthToken()` (PLATFORM.md "teams-js v2"). Checked, in this order:
 * the tenant (`tid`) is one of SLT_TENANT_IDS — before any key is fetched, so a stranger's token
 * never makes us download another tenant's keys — then the RS256 signature against that tenant's
 * published keys, the issuer of that tenant (v1 or v2 endpoint), the audience (the app's client
 * id or its app id URI), expiry/not-before, and the delegated scope `access_as_user`.
 */
export interface SsoOptions {
  /** Accepted `aud` values: the client id and the app id URI `api://<domain>/<client id>`. */
  readonly audiences: readonly string[];
  /** Tenants whose people may use the tab (SLT_TENANT_IDS). Empty: nobody. */
  readonly tenantIds: readonly string[];
  /** Where a tenant's signing keys are published; tests point this at a local key set. */
  readonly jwksUrl?: (tenantId: string) => string;
  /** Real time for expiry (never the business clock, which development mode may shift). */
  readonly now?: () => Date;
}

/** The person behind a valid token. */
export interface SsoIdentity {
  /** Entra object id (`oid`): the same id the bot sees as `from.aadObjectId`. */
  readonly oid: string;
  readonly tid: string;
  readonly name?: string;
}

/** Why a token was refused: for the log and the 401 body, never the token itself. */
export type SsoRefusal = 'malformed' | 'tenant' | 'expired' | 'signature' | 'issuer' | 'audience' | 'scope' | 'claims' | 'keys';

export type SsoResult = { readonly ok: true; readonly identity: SsoIdentity } | { readonly ok: false; readonly reason: SsoRefusal };

/** Entra's published signing keys of a tenant. */
export const entraJwksUrl = (tenantId: string): string => `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/discovery/v2.0/keys`;

/** Both issuers Entra uses for a tenant: v1 (sts.windows.net) and v2 tokens. */
export const issuersOf = (tenantId: string): string[] => [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`];

/**
 * The audiences the tab's tokens may carry: the app's client id, and its app id URI
 * `api://<host of the public URL>/<client id>` — the manifest's `webApplicationInfo.resource`,
 * which `npm run package` fills from the same SLT_PUBLIC_URL. None in development mode.
 */
export function ssoAudiences(config: { readonly bot: { readonly appId: string }; readonly publicUrl: string }): string[] {
  if (!config.bot.appId) return [];
  return [config.bot.appId, `api://${new URL(config.publicUrl).host}/${config.bot.appId}`];
}

export const REQUIRED_SCOPE = 'access_as_user';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Tolerated clock skew between Entra and this server. */
const SKEW_SECONDS = 60;

export class SsoValidator {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly options: SsoOptions) {}

  /** Validates a bearer token; never throws for a bad token. */
  async verify(token: string): Promise<SsoResult> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch (err) {
      if (err instanceof errors.JOSEError) return { ok: false, reason: 'malformed' };
      throw err;
    }
    const tid = typeof unverified.tid === 'string' ? unverified.tid : '';
    if (!GUID.test(tid) || !this.options.tenantIds.some((t) => t.toLowerCase() === tid.toLowerCase())) return { ok: false, reason: 'tenant' };

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keysOf(tid), {
        algorithms: ['RS256'],
        issuer: issuersOf(tid),
        audience: [...this.options.audiences],
        requiredClaims: ['exp', 'oid', 'tid'],
        clockTolerance: SKEW_SECONDS,
        currentDate: this.options.now?.(),
      }));
    } catch (err) {
      return { ok: false, reason: refusalOf(err) };
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) return { ok: false, reason: 'scope' };
    if (typeof payload.oid !== 'string' || !payload.oid || payload.tid !== tid) return { ok: false, reason: 'claims' };
    return { ok: true, identity: { oid: payload.oid, tid, name: typeof payload.name === 'string' ? payload.name : undefined } };
  }

  /** One remote key set per tenant: jose caches the keys and refetches on an unknown `kid`. */
  private keysOf(tenantId: string): JWTVerifyGetKey {
    const key = tenantId.toLowerCase();
    let keys = this.keySets.get(key);
    if (!keys) {
      keys = createRemoteJWKSet(new URL((this.options.jwksUrl ?? entraJwksUrl)(tenantId)), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
      this.keySets.set(key, keys);
    }
    return keys;
  }
}

/** Maps jose's error codes to our reasons; anything unexpected counts as a key problem. */
function refusalOf(err: unknown): SsoRefusal {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'aud') return 'audience';
    if (err.claim === 'nbf') return 'expired';
    return 'claims';
  }
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JOSEAlgNotAllowed)
    return 'signature';
  if (err instanceof errors.JWTInvalid || err instanceof errors.JWSInvalid) return 'malformed';
  return 'keys';
}
