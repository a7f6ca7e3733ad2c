import { randomUUID } from 'node:crypto';
import type { BodyKind, ChannelKind, ConversationRef } from '../../src/domain/bodies';
import type { BodyRegistration } from '../../src/storage/table/bodies';

/** Invented people and places for fixtures (never real names from the seed documents). */
export const TENANT = '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e';
export const TEAM_ID = '19:slt-nettverket@thread.tacv2';
export const BOT = { id: '28:slt-boten', name: 'SLT-boten' };

export interface Person {
  id: string;
  aadObjectId: string;
  name: string;
}

export const PEOPLE = {
  kari: { id: '29:kari', aadObjectId: 'aad-kari-nordmann', name: 'Kari Fjellheim' },
  ola: { id: '29:ola', aadObjectId: 'aad-ola-strand', name: 'Ola Bekkevold' },
  amina: { id: '29:amina', aadObjectId: 'aad-amina-haugen', name: 'Amina Solberg-Ali' },
  per: { id: '29:per', aadObjectId: 'aad-per-lien', name: 'Per Tveitane' },
  sigrid: { id: '29:sigrid', aadObjectId: 'aad-sigrid-moen', name: 'Sigrid Vågen' },
} satisfies Record<string, Person>;

/** A channel of the test team; `type` is what Teams says in `channelData.channel.type`. */
export interface TestChannel {
  readonly id: string;
  readonly name: string;
  readonly type?: ChannelKind;
}

/**
 * The test team's channels. The bodies live in private channels with their own rosters (the
 * tests set them on the connector), as a correct network does; General is standard (the team).
 */
export const CHANNELS = {
  general: { id: TEAM_ID, name: 'Generelt', type: 'standard' },
  vest: { id: '19:ungdomsteam-vest@thread.tacv2', name: 'Ungdomsteam Vest 13-16', type: 'private' },
  ost: { id: '19:ungdomsteam-ost@thread.tacv2', name: 'Ungdomsteam Øst 13-16', type: 'private' },
  koord: { id: '19:koordineringsgruppen@thread.tacv2', name: 'Koordineringsgruppen', type: 'private' },
  styret: { id: '19:slt-styret@thread.tacv2', name: 'SLT-styret', type: 'private' },
} satisfies Record<string, TestChannel>;

/** `channelData.channel` as Teams sends it: the type only when the test channel has one. */
function channelData(channel: TestChannel): { id: string; name: string; type?: string } {
  return { id: channel.id, name: channel.name, ...(channel.type ? { type: channel.type } : {}) };
}

export interface ActivityOptions {
  from?: Person;
  locale?: string;
  serviceUrl: string;
  tenantId?: string;
}

function common(o: ActivityOptions) {
  const from = o.from ?? PEOPLE.kari;
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: o.locale ?? 'nb-NO',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: BOT.id, name: BOT.name },
  };
}

/** A channel message that @mentions the bot, as Teams sends it. */
export function channelMessage(text: string, o: ActivityOptions & { channel?: TestChannel; threadId?: string }) {
  const channel = o.channel ?? CHANNELS.general;
  const mention = `<at>${BOT.name}</at>`;
  const c = common(o);
  return {
    ...c,
    type: 'message',
    text: `${mention} ${text}`,
    textFormat: 'plain',
    conversation: { id: `${channel.id};messageid=${o.threadId ?? Date.now()}`, conversationType: 'channel', isGroup: true, tenantId: o.tenantId ?? TENANT },
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
    channelData: { tenant: { id: o.tenantId ?? TENANT }, team: { id: TEAM_ID, name: 'SLT-nettverket' }, channel: channelData(channel) },
  };
}

/** A message in a personal (1:1) chat with the bot. */
export function personalMessage(text: string, o: ActivityOptions) {
  const c = common(o);
  return {
    ...c,
    type: 'message',
    text,
    conversation: { id: `a:personal-${c.from.id}`, conversationType: 'personal', tenantId: o.tenantId ?? TENANT },
    channelData: { tenant: { id: o.tenantId ?? TENANT } },
  };
}

/** An `Action.Execute` invoke from a card in a channel (or personal chat when `channel` is null). */
export function cardAction(verb: string, data: Record<string, unknown>, o: ActivityOptions & { channel?: TestChannel | null; replyToId?: string }) {
  const c = common(o);
  const channel = o.channel === undefined ? CHANNELS.general : o.channel;
  return {
    ...c,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: o.replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    conversation: channel
      ? { id: `${channel.id};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: o.tenantId ?? TENANT }
      : { id: `a:personal-${c.from.id}`, conversationType: 'personal', tenantId: o.tenantId ?? TENANT },
    channelData: channel
      ? { tenant: { id: o.tenantId ?? TENANT }, team: { id: TEAM_ID, name: 'SLT-nettverket' }, channel: channelData(channel) }
      : { tenant: { id: o.tenantId ?? TENANT } },
  };
}

/** The bot being added to a team (conversationUpdate in the General channel). */
export function botAddedToTeam(o: ActivityOptions) {
  const c = common(o);
  return {
    ...c,
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id, name: BOT.name }],
    conversation: { id: TEAM_ID, conversationType: 'channel', isGroup: true, tenantId: o.tenantId ?? TENANT },
    channelData: { tenant: { id: o.tenantId ?? TENANT }, team: { id: TEAM_ID, name: 'SLT-nettverket' }, eventType: 'teamMemberAdded' },
  };
}

/** Where a proactive post goes: a channel of the test team, through the connector at `serviceUrl`. */
export function channelRef(serviceUrl: string, channel: { id: string } = CHANNELS.vest, tenantId: string = TENANT): ConversationRef {
  return { serviceUrl, conversationId: channel.id, channelId: channel.id, teamId: TEAM_ID, tenantId, botId: BOT.id, botName: BOT.name };
}

/**
 * A channel registered as an SLT body the way `body.register` stores it (6-week cadence, 90
 * minutes, registered by Sigrid), for tests that start from a registered network.
 */
export function channelRegistration(channel: TestChannel, kind: BodyKind, serviceUrl: string, at: string, tenantId: string = TENANT): BodyRegistration {
  return {
    tenantId,
    kind,
    name: channel.name,
    cadenceWeeks: 6,
    durationMinutes: 90,
    channelId: channel.id,
    channelName: channel.name,
    channelType: channel.type ?? 'standard',
    teamName: 'SLT-nettverket',
    ref: channelRef(serviceUrl, channel, tenantId),
    registeredBy: PEOPLE.sigrid.aadObjectId,
    at,
  };
}
