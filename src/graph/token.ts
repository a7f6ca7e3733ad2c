import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { CalendarCallError } from '../domain/invitations';
import type { Logger } from '../log';
import { type HttpTransport, msalNetwork } from './transport';

export interface TokenOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Entra login host (SLT_LOGIN_URL), e.g. https://login.microsoftonline.com. */
  readonly loginUrl: string;
  /** Graph base URL: the token's scope is its origin's `/.default`. */
  readonly graphUrl: string;
  readonly log: Logger;
  /** Network for MSAL; default MSAL's own client (which trusts NODE_EXTRA_CA_CERTS like the rest of Node). */
  readonly transport?: HttpTransport;
}

const MICROSOFT_LOGIN = 'login.microsoftonline.com';

/**
 * An app-only token for Microsoft Graph by client credentials, through MSAL (`@azure/msal-node`),
 * which caches it in memory and asks Entra again only near its expiry.
 *
 * A login host other than Microsoft's (SLT_LOGIN_URL: a national cloud, or a test's fake) is
 * listed in `knownAuthorities`: MSAL then trusts it as given and reads its OpenID metadata from
 * `<host>/<tenant>/v2.0/.well-known/openid-configuration`, instead of asking Microsoft's instance
 * discovery — so a local fake needs no outside network.
 */
export class GraphToken {
  private readonly app: ConfidentialClientApplication;
  private readonly scope: string;
  /** A request on its way: jobs running side by side share it instead of each asking Entra. */
  private pending?: Promise<string>;

  constructor(o: TokenOptions) {
    const login = new URL(o.loginUrl);
    this.scope = `${new URL(o.graphUrl).origin}/.default`;
    this.app = new ConfidentialClientApplication({
      auth: {
        clientId: o.clientId,
        clientSecret: o.clientSecret,
        authority: `${login.origin}/${o.tenantId}`,
        ...(login.host === MICROSOFT_LOGIN ? {} : { knownAuthorities: [login.host] }),
      },
      system: {
        ...(o.transport ? { networkClient: msalNetwork(o.transport) } : {}),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (_level, message) => o.log.warn({ msal: message.slice(0, 300) }, 'MSAL'),
        },
      },
    });
  }

  /** A valid access token, or CalendarCallError (stage `token`) saying why there is none. */
  token(): Promise<string> {
    this.pending ??= this.acquire().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async acquire(): Promise<string> {
    let result: Awaited<ReturnType<ConfidentialClientApplication['acquireTokenByClientCredential']>>;
    try {
      result = await this.app.acquireTokenByClientCredential({ scopes: [this.scope] });
    } catch (err) {
      throw tokenError(err);
    }
    if (!result?.accessToken) throw new CalendarCallError(undefined, 'no_token', undefined, 'token');
    return result.accessToken;
  }
}

/**
 * MSAL's error as a calendar error: a refusal by Entra (bad secret, app not consented: 4xx) needs
 * an operator and is not transient; no answer or a server error is.
 */
function tokenError(err: unknown): CalendarCallError {
  const e = err as { errorCode?: string; status?: number; name?: string } | undefined;
  const code = String(e?.errorCode || e?.name || 'error')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .slice(0, 40);
  const refused = typeof e?.status === 'number' && e.status >= 400 && e.status < 500;
  const configError = e?.name === 'ClientConfigurationError';
  return new CalendarCallError(refused ? e.status : configError ? 400 : undefined, code, undefined, 'token');
}
