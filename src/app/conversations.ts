import type { ConversationRef } from '../domain/bodies';
import type { Place } from '../handler-types';
import type { Logger } from '../log';
import type { BodyRepository } from '../storage/table/bodies';

/**
 * The reference needed to post into this place later without being spoken to. For a channel
 * the conversation is the channel itself (no `;messageid=` thread suffix), so posts start new
 * threads in that channel — never in General unless General is the channel.
 */
export function refOf(place: Place): ConversationRef {
  const channel = place.kind === 'channel' ? place.channelId : undefined;
  return {
    serviceUrl: place.serviceUrl,
    conversationId: channel ?? place.conversationId.split(';')[0]!,
    tenantId: place.tenantId,
    botId: place.botId,
    botName: place.botName || undefined,
    teamId: place.teamId,
    channelId: channel,
  };
}

/**
 * Keeps registered channels' references current (Teams can move a tenant to another
 * serviceUrl; channels get renamed). Remembers what it last saw per channel, so an unchanged
 * channel costs nothing after its first activity in this process.
 */
export function conversationTracker(bodies: BodyRepository, log: Logger): (place: Place) => Promise<void> {
  const seen = new Map<string, string>();
  return async (place) => {
    if (place.kind !== 'channel' || !place.channelId || !place.tenantId || !place.serviceUrl) return;
    const key = `${place.tenantId}|${place.channelId}`;
    const ref = refOf(place);
    const fingerprint = JSON.stringify([ref, place.channelName ?? '']);
    if (seen.get(key) === fingerprint) return;
    try {
      const wrote = await bodies.refreshRef(place.tenantId, place.channelId, ref, place.channelName);
      if (seen.size > 5_000) seen.clear();
      seen.set(key, fingerprint);
      if (wrote) log.info({ channel: key }, 'conversation reference refreshed');
    } catch (err) {
      // Not worth failing the user's turn over: the next activity tries again.
      log.warn({ err }, 'conversation reference not refreshed');
    }
  };
}
