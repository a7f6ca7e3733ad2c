import type { BodyReader } from '../domain/bodies';
import type { AgendaRepository } from '../storage/table/agendas';
import type { MeetingRepository } from '../storage/table/meetings';

/**
 * The agenda link in an Outlook invitation (`GET /agenda/<token>`, the meeting's download token):
 * a redirect into Teams, to the meeting's agenda card once it is posted (two days before), to
 * the meeting card before that, else to the body's channel. The invitation's body is written
 * once — Teams keeps its meeting blob there — so the link must stay right as the agenda appears.
 * Teams decides who may open the post: members of the channel, as for everything else.
 */
export async function agendaLinkFor(
  deps: { meetings: Pick<MeetingRepository, 'byIcsToken'>; bodies: BodyReader; agendas: Pick<AgendaRepository, 'getAgenda'> },
  token: string,
): Promise<string | undefined> {
  const m = await deps.meetings.byIcsToken(token);
  if (!m) return undefined;
  const [body, agenda] = await Promise.all([deps.bodies.get(m.tenantId, m.bodyId), deps.agendas.getAgenda(m.tenantId, m.bodyId, m.id)]);
  if (!body) return undefined;
  const post = agenda?.card.activityId ?? m.cardActivityId;
  return post
    ? teamsMessageLink(body.channelId, post, m.tenantId, body.channelName)
    : teamsChannelLink(body.channelId, m.tenantId, body.channelName ?? body.name);
}

const TEAMS = 'https://teams.microsoft.com/l';

/** Teams' deep link to a channel post (its message id is the activity id Teams gave the post). */
export function teamsMessageLink(channelId: string, messageId: string, tenantId: string, channelName?: string): string {
  const q = new URLSearchParams({ tenantId, parentMessageId: messageId, createdTime: messageId, ...(channelName ? { channelName } : {}) });
  return `${TEAMS}/message/${encodeURIComponent(channelId)}/${encodeURIComponent(messageId)}?${q}`;
}

/** Teams' deep link to a channel. */
export function teamsChannelLink(channelId: string, tenantId: string, channelName: string): string {
  return `${TEAMS}/channel/${encodeURIComponent(channelId)}/${encodeURIComponent(channelName)}?${new URLSearchParams({ tenantId })}`;
}
