import type { ConversationRef } from '../domain/bodies';
import type { Outbox } from '../domain/ports';
import type { CommandRequest, Reply } from '../handler-types';

/**
 * Answers "shown only to the asker". In a personal chat the replies go there as usual. In a
 * channel or group chat everything the bot answers is read by everyone in it, so the replies go
 * to the person 1:1 through the outbox (addressed by their Teams id, in the conversation's
 * tenant and service) and the conversation is only told that they were sent.
 */
export async function replyPrivately(req: CommandRequest, outbox: Outbox, replies: readonly Reply[], notice: string, label: string): Promise<Reply[]> {
  if (req.place.kind === 'personal') return [...replies];
  const { place, actor } = req;
  const target: ConversationRef = {
    serviceUrl: place.serviceUrl,
    conversationId: (place.channelId ?? place.conversationId).split(';')[0] ?? '',
    tenantId: place.tenantId,
    botId: place.botId,
    botName: place.botName,
    ...(place.teamId ? { teamId: place.teamId } : {}),
    ...(place.channelId ? { channelId: place.channelId } : {}),
  };
  // One key per incoming message (Teams' redelivery of it is dropped before this point).
  const turn = req.activityId ?? req.correlationId;
  for (const [i, reply] of replies.entries()) {
    await outbox.enqueue({
      key: `private:${actor.tenantId}:${actor.id}:${turn}:${i}`,
      tenantId: actor.tenantId,
      target,
      toUser: { aadObjectId: actor.id, ...(actor.channelAccountId ? { channelAccountId: actor.channelAccountId } : {}) },
      message: reply.type === 'text' ? { type: 'text', text: reply.text } : { type: 'card', card: reply.card },
      label,
    });
  }
  return [{ type: 'text', text: notice }];
}
