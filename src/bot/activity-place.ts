import type { Activity } from 'botbuilder';
import { channelKindOf } from '../domain/bodies';
import type { Actor, Place, PlaceKind } from '../handler-types';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string; aadGroupId?: string };
  /** `type`: standard, private or shared (absent in older clients and the Agents Playground). */
  channel?: { id?: string; name?: string; type?: string };
}

/** Tenant of an activity: channelData.tenant.id, else conversation.tenantId. */
export function tenantOf(activity: Partial<Activity>): string {
  const cd = (activity.channelData ?? {}) as TeamsChannelData;
  return cd.tenant?.id ?? activity.conversation?.tenantId ?? '';
}

/** Who sent the activity. Falls back to the channel account id when there is no Entra id (only in tests/dev). */
export function actorOf(activity: Partial<Activity>): Actor {
  const from = activity.from ?? { id: '', name: '' };
  return {
    id: from.aadObjectId ?? from.id ?? '',
    name: from.name ?? '',
    tenantId: tenantOf(activity),
    channelAccountId: from.id ?? '',
  };
}

/** Where the activity came from, in plain terms. */
export function placeOf(activity: Partial<Activity>): Place {
  const cd = (activity.channelData ?? {}) as TeamsChannelData;
  const convType = activity.conversation?.conversationType;
  const kind: PlaceKind = convType === 'channel' || cd.channel?.id ? 'channel' : convType === 'groupChat' ? 'groupChat' : 'personal';
  const conversationId = activity.conversation?.id ?? '';
  return {
    kind,
    conversationId,
    channelId: kind === 'channel' ? (cd.channel?.id ?? conversationId.split(';')[0]) : undefined,
    channelName: cd.channel?.name,
    channelType: kind === 'channel' ? channelKindOf(cd.channel?.type) : undefined,
    teamId: cd.team?.id,
    teamName: cd.team?.name,
    serviceUrl: activity.serviceUrl ?? '',
    tenantId: tenantOf(activity),
    botId: activity.recipient?.id ?? '',
    botName: activity.recipient?.name ?? '',
  };
}

/** Root message id of the thread a channel message belongs to (`…;messageid=123`). */
export function threadRootOf(activity: Partial<Activity>): string | undefined {
  const m = /;messageid=(\d+)/.exec(activity.conversation?.id ?? '');
  return m?.[1];
}
