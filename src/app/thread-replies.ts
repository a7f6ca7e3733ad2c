import type { CommandRequest, Reply } from '../handler-types';
import type { Services } from './services';
import { trendCardReply } from './trend-form';

/**
 * An @mention answering the call for topics in its thread ("we see more vaping at the station")
 * is a trend topic on its way: it opens the trend card with the text prefilled. Recognised by
 * the thread's root being a call-for-topics post of this channel's body (its activity id is kept
 * on the agenda record). Undefined for any other message: the router answers as before.
 */
export async function callForTopicsReply(req: Omit<CommandRequest, 'args'> & { readonly text: string }, services: Services): Promise<Reply[] | undefined> {
  if (req.place.kind !== 'channel' || !req.place.channelId || !req.threadRootId || req.threadRootId === req.activityId) return undefined;
  const body = await services.bodies.byChannel(req.place.tenantId, req.place.channelId);
  if (!body) return undefined;
  const meetingId = await services.agendas.meetingOfCall(body.tenantId, body.id, req.threadRootId);
  if (!meetingId) return undefined;
  return trendCardReply({ ...req, args: req.text }, services, req.text);
}
