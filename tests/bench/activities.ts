import { randomUUID } from 'node:crypto';
import type { BenchMember } from './connector';

/**
 * Teams activities for the benchmark, with invented people and channels only. Kept here rather
 * than imported from tests/support, which is not part of the build (`npm run bench` runs from dist/).
 */
export const BENCH_TENANT = '0b3c5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d';
export const BENCH_TEAM = '19:benk-nettverket@thread.tacv2';
export const BENCH_BOT = { id: '28:slt-boten-benk', name: 'SLT-boten' };
/** The channel trend and agenda scenarios run in (registered as a youth team in their setup). */
export const BENCH_CHANNEL = { id: '19:ungdomsteam-benkevik@thread.tacv2', name: 'Ungdomsteam Benkevik 13-16' };

/** User `n` of a run: a distinct person with a personal chat of their own. */
export function benchUser(n: number): BenchMember {
  return { id: `29:benk-${n}`, aadObjectId: `aad-benk-${String(n).padStart(3, '0')}`, name: `Testperson ${n}` };
}

/** The administrator (in SLT_ADMINS of the bot under test) who registers channels in setups. */
export const BENCH_ADMIN: BenchMember = { id: '29:benk-admin', aadObjectId: 'aad-benk-admin', name: 'Testadministrator' };

function common(from: BenchMember, serviceUrl: string) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'nb-NO',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: BENCH_BOT.id, name: BENCH_BOT.name },
  };
}

/** A message in the user's personal chat with the bot. */
export function personalMessage(text: string, from: BenchMember, serviceUrl: string) {
  return {
    ...common(from, serviceUrl),
    type: 'message',
    text,
    conversation: { id: `a:benk-personal-${from.id}`, conversationType: 'personal', tenantId: BENCH_TENANT },
    channelData: { tenant: { id: BENCH_TENANT } },
  };
}

/** A channel message that @mentions the bot. */
export function channelMessage(text: string, from: BenchMember, serviceUrl: string, channel = BENCH_CHANNEL) {
  const mention = `<at>${BENCH_BOT.name}</at>`;
  return {
    ...common(from, serviceUrl),
    type: 'message',
    text: `${mention} ${text}`,
    textFormat: 'plain',
    conversation: { id: `${channel.id};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: BENCH_TENANT },
    entities: [{ type: 'mention', text: mention, mentioned: { id: BENCH_BOT.id, name: BENCH_BOT.name } }],
    channelData: { tenant: { id: BENCH_TENANT }, team: { id: BENCH_TEAM, name: 'Benkenettverket' }, channel: { id: channel.id, name: channel.name } },
  };
}

/** An `Action.Execute` invoke from a card in a channel. */
export function cardAction(verb: string, data: Record<string, unknown>, from: BenchMember, serviceUrl: string, channel = BENCH_CHANNEL) {
  return {
    ...common(from, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'benk-card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    conversation: { id: `${channel.id};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: BENCH_TENANT },
    channelData: { tenant: { id: BENCH_TENANT }, team: { id: BENCH_TEAM, name: 'Benkenettverket' }, channel: { id: channel.id, name: channel.name } },
  };
}
