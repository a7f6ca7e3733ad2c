import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/azurite';
import { type ServerProcess, startServer } from '../bench/processes';
import { CHANNELS, cardAction, PEOPLE, personalMessage, TEAM_ID, TENANT } from '../support/activities';
import { allElements, type Card, shown } from '../support/card-reading';
import { FakeConnector } from '../support/connector';
import { FakeGraph } from '../support/graph-fake';
import { cardOf, uniquePrefix } from '../support/harness';

/**
 * The built bot (dist/src/index.js, as `npm start` and production run it) as a process of its
 * own with SLT_CALENDAR=graph, against the test's fake Entra and Graph served over https with a
 * self-signed certificate. The process trusts that certificate only through NODE_EXTRA_CA_CERTS,
 * as a developer's local fake would be trusted: MSAL's own HTTP client fetches the OpenID metadata
 * and the token, Node's fetch calls Graph. Without the variable the same bot reaches neither, and
 * says so in `status` and on the card — the meeting is scheduled regardless.
 */
const ROOT = path.resolve(__dirname, '../..');
const BOT = path.join(ROOT, 'dist', 'src', 'index.js');
const KARI = PEOPLE.kari;
const VEST = CHANNELS.vest;
const ROSTER = [KARI, PEOPLE.ola, PEOPLE.amina].map((p) => ({
  id: p.id,
  aadObjectId: p.aadObjectId,
  name: p.name,
  email: `${p.aadObjectId.replace(/^aad-/, '')}@vestby.kommune.example`,
}));
const SERIES = { date: '2027-02-15', time: '18:00', durationMinutes: '90', location: 'Rådhuset, møterom 3', repeat: 'cadence', count: '2' };

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the built bot as its own process, with Graph trusted through NODE_EXTRA_CA_CERTS', () => {
  const graph = new FakeGraph();
  const connector = new FakeConnector();
  const bots: ServerProcess[] = [];

  const start = async (trustFake: boolean, prefix = uniquePrefix()): Promise<ServerProcess> => {
    if (!fs.existsSync(BOT)) throw new Error(`${BOT} is missing: npm test builds it first (npm run build)`);
    const bot = await startServer(
      trustFake ? 'bot-trusting' : 'bot-not-trusting',
      BOT,
      await freePort(),
      {
        STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
        SLT_TABLE_PREFIX: prefix,
        SLT_ADMINS: KARI.aadObjectId,
        SLT_CLOCK_START: '2026-11-02T09:00:00Z',
        LOG_LEVEL: 'warn',
        ...graph.env(TENANT),
        ...(trustFake ? { NODE_EXTRA_CA_CERTS: graph.caPath } : {}),
      },
      '/healthz',
    );
    bots.push(bot);
    return bot;
  };
  const send = async (bot: ServerProcess, activity: object): Promise<{ type?: string; value?: unknown }> => {
    const res = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    const text = await res.text();
    return text ? (JSON.parse(text) as { type?: string; value?: unknown }) : {};
  };
  const schedule = async (bot: ServerProcess, channel: { id: string; name: string }, form: string): Promise<void> => {
    const from = KARI;
    await send(
      bot,
      cardAction(
        'body.register',
        { kind: 'youthTeam', name: channel.name, cadenceWeeks: '6', weekday: '1', time: '18:00', durationMinutes: '90' },
        { serviceUrl: connector.url, from, channel },
      ),
    );
    await send(bot, cardAction('meeting.schedule', SERIES, { serviceUrl: connector.url, from, channel, replyToId: form }));
  };
  const openUrls = (card: Card | undefined): string[] => allElements(card).flatMap((e) => (e.type === 'Action.OpenUrl' ? [e.title ?? ''] : []));

  beforeAll(async () => {
    await graph.start();
    await connector.start();
    connector.rosters.set(TEAM_ID, ROSTER);
    // Vest and Øst are private channels with their own rosters (as Teams has them): their members are the invitees.
    for (const c of [VEST, CHANNELS.ost]) connector.rosters.set(c.id, ROSTER);
    connector.channels.set(TEAM_ID, [CHANNELS.general, VEST, CHANNELS.ost]);
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await connector.stop();
    await graph.stop();
  });

  it('sends the invitations through MSAL and fetch, and puts the Teams link on the cards', async () => {
    const bot = await start(true);
    await schedule(bot, VEST, 'form-process-1');
    // The job runs as soon as it is scheduled (no waiting for the next 15 s tick).
    await until('two events', () => graph.events.length >= 2);
    expect(graph.events).toHaveLength(2);
    // Made side by side: in either order.
    expect(graph.events.map((e) => e.start).sort((a, b) => a!.dateTime!.localeCompare(b!.dateTime!))).toEqual([
      { dateTime: '2027-02-15T18:00:00', timeZone: 'W. Europe Standard Time' },
      { dateTime: '2027-03-30T18:00:00', timeZone: 'W. Europe Standard Time' },
    ]);
    expect(graph.events[0]!.attendees!.map((a) => a.emailAddress!.address).sort()).toEqual([
      'amina-haugen@vestby.kommune.example',
      'ola-strand@vestby.kommune.example',
    ]);
    expect(graph.tokenRequests).toBe(1);
    // The outbox (1 s loop) posts the cards, then updates each with its link.
    const linked = await until('both cards with the Teams link', () => {
      const cards = connector.updates.map((u) => cardOf(u.body)).filter((c) => openUrls(c).includes('Bli med i Teams-møtet'));
      return cards.length >= 2 ? cards : undefined;
    });
    expect(linked).toHaveLength(2);
    expect(bot.errorLines).toEqual([]);
  });

  it('without NODE_EXTRA_CA_CERTS reaches no fake, schedules the meetings anyway and says so in status and on the card', async () => {
    const bot = await start(false);
    const before = graph.calls.length;
    const tokens = graph.tokenRequests;
    await schedule(bot, CHANNELS.ost, 'form-process-2');
    const cards = await until('the two meeting cards in Øst', () => {
      const posted = connector.posts.filter((p) => p.conversationId?.startsWith(CHANNELS.ost.id) && shown(cardOf(p.body))[0]?.startsWith('Møte – '));
      return posted.length >= 2 ? posted : undefined;
    });
    for (const c of cards) expect(shown(cardOf(c.body))).toContain('Invitasjonen er ikke sendt ennå.');
    const failing = await until('status showing the failing invitations', async () => {
      const n = connector.messages.length;
      await send(bot, personalMessage('status', { serviceUrl: connector.url, from: KARI }));
      const texts = shown(cardOf(connector.messages[n]!.body));
      const from = texts.indexOf('Leveranser som feiler');
      const rows = texts.slice(from).filter((t) => t.startsWith('Outlook-invitasjon – Ungdomsteam Øst'));
      return rows.length === 2 ? texts.slice(from) : undefined;
    });
    expect(failing.some((t) => t.startsWith('fikk ikke logget inn mot Microsoft Graph ('))).toBe(true);
    // The TLS handshake was refused: nothing reached the fake.
    expect(graph.calls.length).toBe(before);
    expect(graph.tokenRequests).toBe(tokens);
  });

  it('three processes on one storage account make each event once when the click reaches two of them at once', async () => {
    const prefix = uniquePrefix();
    const three = [await start(true, prefix), await start(true, prefix), await start(true, prefix)];
    const koord = CHANNELS.koord;
    const already = new Set(graph.events.map((e) => e.id));
    const fresh = () => graph.events.filter((e) => !already.has(e.id));
    await send(
      three[0]!,
      cardAction(
        'body.register',
        { kind: 'coordinationGroup', name: koord.name, cadenceWeeks: '6', weekday: '1', time: '18:00', durationMinutes: '90' },
        { serviceUrl: connector.url, from: KARI, channel: koord },
      ),
    );
    // A retried delivery behind a load balancer: the same click at two instances; each wakes its scheduler.
    const click = cardAction('meeting.schedule', SERIES, { serviceUrl: connector.url, from: KARI, channel: koord, replyToId: 'form-process-3' });
    await Promise.all([send(three[1]!, click), send(three[2]!, { ...click, id: `${click.id}-again` })]);
    await until('two events for the coordination group', () => fresh().length >= 2);
    // Give every instance a tick of its own (they tick at start, then every 15 s, and at once when woken).
    await new Promise((r) => setTimeout(r, 3_000));
    expect(fresh()).toHaveLength(2);
    expect(new Set(fresh().map((e) => e.transactionId)).size).toBe(2);
    const linked = await until('both cards in the coordination group with the Teams link', () => {
      const ids = new Set(
        connector.updates
          .filter((u) => u.conversationId?.startsWith(koord.id) && openUrls(cardOf(u.body)).includes('Bli med i Teams-møtet'))
          .map((u) => u.activityId),
      );
      return ids.size >= 2 ? ids : undefined;
    });
    expect(linked.size).toBe(2);
    const cards = connector.posts.filter((p) => p.conversationId?.startsWith(koord.id) && shown(cardOf(p.body))[0]?.startsWith('Møte – '));
    expect(cards).toHaveLength(2);
    for (const bot of three) expect(bot.errorLines).toEqual([]);
  });
});
