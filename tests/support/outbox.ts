import { createAdapter } from '../../src/bot/adapter';
import { BotFrameworkSender } from '../../src/bot/sender';
import { loadConfig } from '../../src/config';
import type { Logger } from '../../src/log';

/** The bot's real sender in development mode (no credentials), for an OutboxSender under test. */
export function connectorSender(log: Logger): BotFrameworkSender {
  return new BotFrameworkSender(createAdapter(loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }), log), '', Date.now);
}
