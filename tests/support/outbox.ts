import type { ConversationRef } from '../../src/domain/bodies';
import { BotFrameworkSender } from '../../src/bot/sender';
import { createAdapter } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config';
import type { Logger } from '../../src/log';
import { BOT, CHANNELS, TEAM_ID, TENANT } from './activities';

/** Where a proactive post goes: a channel of the test team, through the connector at `serviceUrl`. */
export function channelRef(serviceUrl: string, channel: { id: string } = CHANNELS.vest, tenantId: string = TENANT): ConversationRef {
  return { serviceUrl, conversationId: channel.id, channelId: channel.id, teamId: TEAM_ID, tenantId, botId: BOT.id, botName: BOT.name };
}

/** The bot's real sender in development mode (no credentials), for an OutboxSender under test. */
export function connectorSender(log: Logger): BotFrameworkSender {
  return new BotFrameworkSender(createAdapter(loadConfig({ STORAGE_CONNECTION_STRING: 'unused' }), log), '', Date.now);
}
