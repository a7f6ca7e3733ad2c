import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { resolveLocale } from '../i18n';
import { apology } from './errors';
import { correlationIdOf } from './handler';

/**
 * The CloudAdapter. Without MicrosoftAppId it accepts unauthenticated activities
 * (development mode, bound to 127.0.0.1 by the HTTP layer); with it, the Bot Framework JWT
 * is validated on every request.
 */
export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.devMode
      ? {}
      : {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppType: config.bot.appType,
          MicrosoftAppTenantId: config.bot.appTenantId,
        },
  );
  const adapter = new CloudAdapter(auth);
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
