import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationError } from 'botframework-connector';
import type { Config } from '../config';
import { resolveLocale } from '../i18n';
import type { Logger } from '../log';
import { apology } from './errors';
import { correlationIdOf } from './handler';

/** jsonwebtoken's errors: what botbuilder lets through for a token with a known key id but a missing or bad signature. */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder's authentication, except that a token it cannot verify is always an
 * AuthenticationError: botbuilder rethrows jsonwebtoken's own error for an unsigned or forged
 * token under a known key id, which CloudAdapter answers with 500 and the library's message.
 */
class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (!(err instanceof AuthenticationError) && err instanceof Error && JWT_ERRORS.has(err.name)) {
        throw new AuthenticationError(`Unauthorized. ${err.name}`, 401);
      }
      throw err;
    }
  }
}

export interface AdapterOptions {
  /**
   * More settings for botbuilder's ConfigurationBotFrameworkAuthentication (production mode only).
   * Tests pass the public cloud's own values with `ToBotFromChannelOpenIdMetadataUrl` pointing at
   * a local key set; botbuilder then uses exactly the settings given, none of its defaults.
   */
  authSettings?: Readonly<Record<string, string | boolean>>;
}

/** The CloudAdapter, and its authentication on its own for the HTTP layer's gates. */
export type SltAdapter = CloudAdapter & {
  /** Throws (an AuthenticationError, status 401) unless the request carries a valid Bot Framework token for this activity. */
  authenticate(activity: Activity, authHeader: string): Promise<void>;
};

/**
 * The CloudAdapter. Without MicrosoftAppId it accepts unauthenticated activities
 * (development mode, bound to 127.0.0.1 by the HTTP layer); with it, the Bot Framework JWT
 * is validated on every request.
 */
export function createAdapter(config: Config, log: Logger, options: AdapterOptions = {}): SltAdapter {
  const auth = new ChannelAuthentication(
    config.devMode
      ? {}
      : {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppType: config.bot.appType,
          MicrosoftAppTenantId: config.bot.appTenantId,
          ...options.authSettings,
        },
  );
  const adapter = Object.assign(new CloudAdapter(auth), {
    async authenticate(activity: Activity, authHeader: string): Promise<void> {
      await auth.authenticateRequest(activity, authHeader);
    },
  });
  // The one sink for failures that escaped a handler: log with the correlation id, tell the user.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const cid = correlationIdOf(context);
    log.error({ cid, err: error, type: context.activity.type }, 'turn failed');
    if (context.activity.type === 'message') {
      const locale = resolveLocale(context.activity.locale, config.defaultLocale);
      await context.sendActivity(apology(error, cid, locale)).catch((e: unknown) => log.warn({ cid, err: e }, 'apology not delivered'));
    }
  };
  return adapter;
}
