import type { SsoRefusal, SsoValidator } from '../auth/sso';

/** Headers as Node gives them (lower-case names). */
export type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** The development identity headers: honoured only in development mode, refused otherwise. */
export const DEV_USER_HEADER = 'x-slt-dev-user';
export const DEV_TENANT_HEADER = 'x-slt-dev-tenant';

/** Who is asking, as proven by the token (or, in development mode, as picked). */
export interface TabIdentity {
  readonly oid: string;
  readonly tid: string;
  readonly name?: string;
  readonly via: 'sso' | 'dev';
}

export type IdentityResult =
  | { readonly ok: true; readonly identity: TabIdentity }
  | { readonly ok: false; readonly reason: SsoRefusal | 'missing' | 'devHeaderRefused' | 'devIdentity' };

export interface IdentityDeps {
  readonly devMode: boolean;
  /** Allowed tenants; in development mode empty means any. */
  readonly tenantIds: readonly string[];
  readonly sso: Pick<SsoValidator, 'verify'>;
}

/** Entra object ids are GUIDs; development fixtures use readable ids, so allow a safe charset there. */
const DEV_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function header(h: Headers, name: string): string | undefined {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
}

/**
 * Establishes who a tab request comes from. Production: a valid SSO bearer token, and nothing
 * else — a request that carries the development headers is refused outright, so a proxy or a
 * curious user cannot talk the server into a development identity. Development mode (no
 * MicrosoftAppId, loopback only): the picked identity from the development headers.
 */
export async function identify(deps: IdentityDeps, headers: Headers): Promise<IdentityResult> {
  const devUser = header(headers, DEV_USER_HEADER);
  const devTenant = header(headers, DEV_TENANT_HEADER);
  if (!deps.devMode) {
    if (devUser !== undefined || devTenant !== undefined) return { ok: false, reason: 'devHeaderRefused' };
    const auth = header(headers, 'authorization');
    const m = auth ? /^Bearer\s+([A-Za-z0-9._-]+)$/i.exec(auth) : null;
    if (!m) return { ok: false, reason: 'missing' };
    const result = await deps.sso.verify(m[1]!);
    return result.ok ? { ok: true, identity: { ...result.identity, via: 'sso' } } : result;
  }
  if (!devUser && !devTenant) return { ok: false, reason: 'missing' };
  if (!devUser || !devTenant || !DEV_ID.test(devUser) || !GUID.test(devTenant)) return { ok: false, reason: 'devIdentity' };
  if (deps.tenantIds.length > 0 && !deps.tenantIds.includes(devTenant)) return { ok: false, reason: 'tenant' };
  return { ok: true, identity: { oid: devUser, tid: devTenant, via: 'dev' } };
}
