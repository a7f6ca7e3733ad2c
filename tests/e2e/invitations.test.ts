import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { OSLO_WINDOWS_ZONE } from '../../src/graph/calendar';
import { bodyIdFor } from '../../src/storage/table/bodies';
import { CHANNELS, cardAction, PEOPLE, type Person, personalMessage, TEAM_ID, TENANT } from '../support/activities';
import { allElements, type Card, shown } from '../support/card-reading';
import type { RosterMember } from '../support/connector';
import { FakeGraph, meetingIdOf } from '../support/graph-fake';
import { cardOf, type Harness, startHarness } from '../support/harness';

/**
 * Outlook invitations with a Teams link (issue 20), through /api/messages against fake Graph and
 * token endpoints served over https by the test (self-signed certificate, trusted here through
 * the app's transport override; tests/e2e/invitations-process.test.ts runs the built bot as its
 * own process trusting it through NODE_EXTRA_CA_CERTS). The body's channel has the coordinator
 * and five members; the coordinator schedules a series of four that crosses a holiday (29 March
 * 2027 is Easter Monday) and a daylight-saving change.
 */

const KARI = PEOPLE.kari; // SLT coordinator (administrator from the start): organizer
const VEST = CHANNELS.vest;
const JONAS: Person = { id: '29:jonas', aadObjectId: 'aad-jonas-lervik', name: 'Jonas Lervik' };

/** The channel's roster as Teams reports it: e-mail where Exchange has one, else only the UPN. */
const withMail = (p: Person, mail: string, upnOnly = false): RosterMember => ({
  id: p.id,
  aadObjectId: p.aadObjectId,
  name: p.name,
  userPrincipalName: mail,
  ...(upnOnly ? {} : { email: mail }),
});
const ROSTER: RosterMember[] = [
  withMail(KARI, 'kari.fjellheim@vestby.kommune.example'),
  withMail(PEOPLE.ola, 'ola.bekkevold@vestby.kommune.example'),
  withMail(PEOPLE.amina, 'amina.solberg-ali@vestby.kommune.example'),
  withMail(PEOPLE.per, 'per.tveitane@politiet.example', true),
  withMail(PEOPLE.sigrid, 'sigrid.vagen@vestby.kommune.example'),
  withMail({ id: '29:mona', aadObjectId: 'aad-mona-dahl', name: 'Mona Dahl' }, 'mona.dahl@vestby.kommune.example'),
];
const FIVE = ROSTER.filter((m) => m.aadObjectId !== KARI.aadObjectId).map((m) => m.userPrincipalName!);

const BODY = { kind: 'youthTeam', name: 'Ungdomsteam Vest 13-16', cadenceWeeks: '6', weekday: '1', time: '18:00', durationMinutes: '120' };
const SERIES = { date: '2027-02-15', time: '18:00', durationMinutes: '120', location: 'Ungdomshuset, møterom 2', repeat: 'cadence', count: '4' };
/** Oslo wall clock of the four meetings: the second moved off Easter Monday; summer time from 28 March. */
const OSLO_STARTS = ['2027-02-15T18:00:00', '2027-03-30T18:00:00', '2027-05-10T18:00:00', '2027-06-21T18:00:00'];

/** A bot on the fake Graph, with its own connector and tables. */
async function graphBot(graph: FakeGraph, clock: ManualClock, prefix?: string): Promise<Harness> {
  const h = await startHarness({
    clock,
    prefix,
    env: { SLT_ADMINS: KARI.aadObjectId, ...graph.env(TENANT) },
    overrides: { graphTransport: graph.transport() },
  });
  h.connector.rosters.set(TEAM_ID, ROSTER);
  // Vest is a private channel with its own roster (as Teams has it): its members are the invitees.
  h.connector.rosters.set(VEST.id, ROSTER);
  h.connector.channels.set(TEAM_ID, [CHANNELS.general, VEST]);
  return h;
}

/** Runs what is due on the given instances at once: their schedulers, then their outboxes until empty. */
async function settle(...bots: Harness[]): Promise<void> {
  await Promise.all(bots.map((b) => b.app.jobRunner.tick()));
  for (let i = 0; i < 10; i++) {
    const reports = await Promise.all(bots.map((b) => b.app.outboxSender.tick()));
    if (reports.every((r) => r.ready === 0)) break;
  }
}

async function invoke(h: Harness, verb: string, data: Record<string, unknown>, replyToId?: string, serviceUrl = h.connector.url) {
  const res = await h.send(cardAction(verb, data, { serviceUrl, from: KARI, channel: VEST, replyToId }));
  expect(res.status).toBe(200);
  const body = res.body as { type?: string; value?: unknown };
  return body.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Card) : undefined;
}

/** The `status` card's texts, asked by the coordinator in a personal chat. */
async function statusTexts(h: Harness): Promise<string[]> {
  const before = h.connector.messages.length;
  await h.send(personalMessage('status', { serviceUrl: h.connector.url, from: KARI }));
  return shown(cardOf(h.connector.messages[before]!.body));
}

/** Every version of a posted card, in order: the post, then its updates in place. */
const versionsOf = (h: Harness, activityId: string | undefined): Card[] =>
  h.connector.calls.flatMap((c) => {
    if (c.method === 'POST' && c.assignedId === activityId) return [((c.body as { activity?: Card }).activity ?? c.body) as Card];
    if (c.method === 'PUT' && c.activityId === activityId) return [c.body as Card];
    return [];
  });

/** The OpenUrl actions of a card: title → url. */
const links = (card: Card | undefined): Record<string, string> =>
  Object.fromEntries(
    allElements(card)
      .filter((e) => e.type === 'Action.OpenUrl')
      .map((e) => [e.title ?? '', String((e as { url?: string }).url)]),
  );

describe('Outlook invitations through Microsoft Graph', () => {
  const graph = new FakeGraph();
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  let h: Harness;
  const bodyId = bodyIdFor(VEST.id);
  const stored = () => h.app.services.meetings.listForBody(TENANT, bodyId);

  beforeAll(async () => {
    await graph.start();
    h = await graphBot(graph, clock);
  });
  afterAll(async () => {
    await h?.stop();
    await graph.stop();
  });

  it('makes one event per meeting in the coordinator’s calendar: Oslo times, the five members, a Teams link', async () => {
    await invoke(h, 'body.register', BODY);
    const confirmation = await invoke(h, 'meeting.schedule', SERIES, 'form-schedule-1');
    expect(shown(confirmation)).toContain('Et møtekort postes i kanalen for hvert møte, og medlemmene får en Outlook-invitasjon med Teams-lenke.');
    await settle(h);

    const meetings = await stored();
    expect(meetings).toHaveLength(4);
    expect(graph.events).toHaveLength(4);
    expect(graph.graphCalls('POST', /\/events$/)).toHaveLength(4);
    expect(graph.tokenRequests).toBe(1); // MSAL keeps the token

    for (const [i, m] of meetings.entries()) {
      const [event, ...more] = graph.eventsOf(m.id);
      expect(more, `one event for meeting ${i + 1}`).toEqual([]);
      expect(event!.organizer_).toBe(KARI.aadObjectId);
      expect(event!.subject).toBe('SLT: Ungdomsteam Vest 13-16');
      expect(event!.start).toEqual({ dateTime: OSLO_STARTS[i], timeZone: OSLO_WINDOWS_ZONE });
      // The wall clock in Oslo is the stored instant: 18:00 in winter (UTC+1) and summer (UTC+2).
      const start = DateTime.fromISO(event!.start!.dateTime!, { zone: 'Europe/Oslo' });
      expect(start.toUTC().toISO()).toBe(new Date(m.startUtc).toISOString());
      expect(event!.end!.dateTime).toBe(OSLO_STARTS[i]!.replace('T18:', 'T20:'));
      expect(event!.location).toEqual({ displayName: 'Ungdomshuset, møterom 2' });
      expect(event!.isOnlineMeeting).toBe(true);
      expect(event!.onlineMeetingProvider).toBe('teamsForBusiness');
      expect(event!.attendees!.map((a) => a.emailAddress!.address).sort()).toEqual([...FIVE].sort());
      expect(event!.attendees!.every((a) => a.type === 'required')).toBe(true);
      expect(event!.body!.content).toContain(`http://localhost:${new URL(h.baseUrl).port}/agenda/${m.icsToken}`);
      expect(meetingIdOf(event!)).toBe(m.id);
      expect(event!.transactionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      // Stored on the meeting row: the event and its link.
      expect(m.eventId).toBe(event!.id);
      expect(m.joinUrl).toBe(event!.onlineMeeting!.joinUrl);
    }
    expect(new Set(graph.events.map((e) => e.transactionId)).size).toBe(4);
    // The holiday move is kept (one event per meeting, no recurrence that would land on Easter Monday) and said.
    expect(graph.events.every((e) => !e.recurrence)).toBe(true);
    expect(graph.eventsOf(meetings[1]!.id)[0]!.body!.content).toContain('Møtet er flyttet fra 29. mars (2. påskedag).');
  });

  it('puts «Bli med i Teams-møtet» on each meeting card instead of the calendar download', async () => {
    const meetings = await stored();
    for (const m of meetings) {
      const versions = versionsOf(h, m.cardActivityId);
      expect(versions).toHaveLength(2);
      const latest = cardOf(versions[1]!);
      expect(links(latest)).toEqual({ 'Bli med i Teams-møtet': m.joinUrl });
      expect(shown(latest)).not.toContain('Invitasjonen er ikke sendt ennå.');
      // The card as first posted said so while the invitation was on its way.
      expect(shown(cardOf(versions[0]!))).toContain('Invitasjonen er ikke sendt ennå.');
      expect(links(cardOf(versions[0]!))).toEqual({});
    }
    // `møter` lists the Teams link too.
    const before = h.connector.messages.length;
    await h.send(personalMessage('møter', { serviceUrl: h.connector.url, from: KARI }));
    const list = cardOf(h.connector.messages[before]!.body);
    expect(shown(list).filter((t) => t.startsWith('[Bli med i Teams-møtet]('))).toHaveLength(4);
  });

  it('links the invitation to the meeting in its channel (the agenda once posted) through a redirect into Teams', async () => {
    const [m] = await stored();
    const res = await fetch(`${h.baseUrl}/agenda/${m!.icsToken}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe('https://teams.microsoft.com');
    expect(to.pathname).toBe(`/l/message/${encodeURIComponent(VEST.id)}/${m!.cardActivityId}`);
    expect(to.searchParams.get('tenantId')).toBe(TENANT);
    expect((await fetch(`${h.baseUrl}/agenda/AAAAAAAAAAAAAAAAAAAAAAAA`, { redirect: 'manual' })).status).toBe(404);
  });

  it('makes no fifth event when the same scheduling arrives twice (double click)', async () => {
    const again = await invoke(h, 'meeting.schedule', SERIES, 'form-schedule-1');
    expect(shown(again)[0]).toBe('4 møter er planlagt – Ungdomsteam Vest 13-16');
    await settle(h);
    expect(graph.events).toHaveLength(4);
    expect(graph.graphCalls('POST', /\/events$/)).toHaveLength(4);
  });

  it('cancels the one event with the reason, and updates who is invited to the others at that change', async () => {
    // Since the series was planned Per left the channel and Jonas joined it.
    h.connector.rosters.set(VEST.id, [
      ...ROSTER.filter((m) => m.aadObjectId !== PEOPLE.per.aadObjectId),
      withMail(JONAS, 'jonas.lervik@vestby.kommune.example'),
    ]);
    const meetings = await stored();
    const last = meetings[3]!;
    const calls = graph.calls.length;
    clock.advance(60_000);
    await invoke(h, 'meeting.cancel', { meetingId: last.id, reason: 'Kolliderer med budsjettmøtet i kommunestyret' });
    await settle(h);

    const cancels = graph.graphCalls('POST', /\/cancel$/);
    expect(cancels).toHaveLength(1);
    expect(cancels[0]!.path).toBe(`/users/${KARI.aadObjectId}/events/${last.eventId}/cancel`);
    expect(cancels[0]!.body.comment).toBe('Møtet er avlyst. Begrunnelse: Kolliderer med budsjettmøtet i kommunestyret');
    expect(graph.events.find((e) => e.id === last.eventId)!.cancelled).toBe(true);
    // The three still planned: attendees only (so only Per and Jonas hear of it), nothing else touched.
    const patches = graph.calls.slice(calls).filter((c) => c.method === 'PATCH');
    expect(patches.map((p) => p.path).sort()).toEqual(
      meetings
        .slice(0, 3)
        .map((m) => `/users/${KARI.aadObjectId}/events/${m.eventId}`)
        .sort(),
    );
    for (const p of patches) {
      expect(Object.keys(p.body)).toEqual(['attendees']);
      const addresses = (p.body.attendees as { emailAddress: { address: string } }[]).map((a) => a.emailAddress.address);
      expect(addresses).toContain('jonas.lervik@vestby.kommune.example');
      expect(addresses).not.toContain('per.tveitane@politiet.example');
      expect(addresses).toHaveLength(5);
    }
    expect(graph.graphCalls('POST', /\/events$/)).toHaveLength(4);
    // The card says AVLYST and offers no link any more.
    const cancelledCard = cardOf(versionsOf(h, last.cardActivityId).at(-1)!);
    expect(shown(cancelledCard)).toContain('AVLYST');
    expect(links(cancelledCard)).toEqual({});

    // Cancelling again (double click) calls Graph no more.
    const after = graph.calls.length;
    await invoke(h, 'meeting.cancel', { meetingId: last.id, reason: 'Kolliderer med budsjettmøtet i kommunestyret' });
    await settle(h);
    expect(graph.calls.slice(after).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(graph.graphCalls('POST', /\/cancel$/)).toHaveLength(1);
  });
});

describe('Outlook invitations when Graph throttles, fails and loses answers', () => {
  const graph = new FakeGraph();
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  let h: Harness;

  beforeAll(async () => {
    await graph.start();
    h = await graphBot(graph, clock);
  });
  afterAll(async () => {
    await h?.stop();
    await graph.stop();
  });

  const creates = () => graph.graphCalls('POST', /\/events$/);
  /** The invitations listed under «Leveranser som feiler». */
  const failingInvitations = (texts: string[]) => texts.slice(texts.indexOf('Leveranser som feiler')).filter((t) => t.startsWith('Outlook-invitasjon – '));

  it('makes every event exactly once after a 429 storm, an outage and a lost answer, and `status` shows the failures meanwhile', async () => {
    await invoke(h, 'body.register', BODY);
    // A storm: every create is refused with 429 and Retry-After: 30 s, twice over.
    graph.fail({ status: 429, times: 8, retryAfterSeconds: 30, match: (r) => r.method === 'POST' && r.path.endsWith('/events') });
    await invoke(h, 'meeting.schedule', SERIES, 'form-schedule-storm');
    await settle(h);
    expect(creates().map((c) => c.status)).toEqual([429, 429, 429, 429]);
    expect(graph.events).toHaveLength(0);

    let status = await statusTexts(h);
    expect(failingInvitations(status).sort()).toEqual(
      ['15.02', '30.03', '10.05', '21.06'].map((d) => `Outlook-invitasjon – Ungdomsteam Vest 13-16 ${d}`).sort(),
    );
    expect(status).toContain('Microsoft Graph ber oss vente (429) – invitasjonen sendes når det går');
    // The meeting itself is scheduled regardless, and its card says the invitation has not gone out.
    const cards = h.connector.posts.filter((p) => shown(cardOf(p.body))[0] === 'Møte – Ungdomsteam Vest 13-16');
    expect(cards).toHaveLength(4);
    for (const c of cards) expect(shown(cardOf(c.body))).toContain('Invitasjonen er ikke sendt ennå.');

    // Retry-After is honoured: nothing is tried again before 30 s have passed.
    clock.advance(20_000);
    await settle(h);
    expect(creates()).toHaveLength(4);

    // At 30 s the storm is still on: refused again.
    clock.advance(11_000);
    await settle(h);
    expect(creates().map((c) => c.status)).toEqual(Array(8).fill(429));

    // Then Graph goes down (503, no Retry-After): tried with backoff, still failing, shown as such.
    graph.outage = true;
    const beforeOutage = graph.calls.length;
    clock.advance(31_000);
    await settle(h);
    // Each job's first call (the look-up for an event of a lost attempt) is refused.
    expect(graph.calls.slice(beforeOutage).map((c) => `${c.method} ${c.status}`)).toEqual(Array(4).fill('GET 503'));
    status = await statusTexts(h);
    expect(failingInvitations(status)).toHaveLength(4);
    expect(status).toContain('Microsoft Graph svarte med feil (503 ServiceUnavailable) – prøver igjen');
    expect(status.filter((t) => t.startsWith('3 forsøk · nytt forsøk '))).toHaveLength(4);

    // Graph is back, but the answer to the first create is lost after the event was made.
    graph.outage = false;
    graph.fail({ status: 504, times: 1, lostAnswer: true, code: 'GatewayTimeout', match: (r) => r.method === 'POST' && r.path.endsWith('/events') });
    for (let i = 0; i < 6; i++) {
      clock.advance(20_000);
      await settle(h);
    }
    const meetings = await h.app.services.meetings.listForBody(TENANT, bodyIdFor(VEST.id));
    expect(graph.events).toHaveLength(4);
    for (const m of meetings) {
      expect(graph.eventsOf(m.id), m.id).toHaveLength(1);
      expect(m.eventId).toBe(graph.eventsOf(m.id)[0]!.id);
    }
    // The lost answer was found again by the meeting id on the event, not created twice.
    expect(creates().filter((c) => c.status === 201 || c.status === 504)).toHaveLength(4);
    expect(graph.graphCalls('GET', /\/events$/).length).toBeGreaterThanOrEqual(5);
    // Nothing is failing any more, and every card now carries the Teams link.
    status = await statusTexts(h);
    expect(failingInvitations(status)).toEqual([]);
    for (const m of meetings) expect(links(cardOf(versionsOf(h, m.cardActivityId).at(-1)!))).toEqual({ 'Bli med i Teams-møtet': m.joinUrl });
  });
});

describe('Outlook invitations with three bot instances on one storage account', () => {
  const graph = new FakeGraph();
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  const bots: Harness[] = [];

  beforeAll(async () => {
    await graph.start();
    const prefix = `t${Date.now().toString(36)}inv`;
    for (let i = 0; i < 3; i++) bots.push(await graphBot(graph, clock, prefix));
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await graph.stop();
  });

  it('makes each event once, also when an instance loses its lease in the middle of a create', async () => {
    const url = bots[0]!.connector.url; // the body's posts go to the first instance's connector
    await invoke(bots[0]!, 'body.register', BODY, undefined, url);
    // The coordinator's click reaches two instances at once (a retried delivery behind a load balancer).
    await Promise.all([
      invoke(bots[1]!, 'meeting.schedule', SERIES, 'form-schedule-3x', url),
      invoke(bots[2]!, 'meeting.schedule', SERIES, 'form-schedule-3x', url),
    ]);
    // Graph answers creates slowly: while the first answer is on its way, the lease of the
    // instance that asked runs out and another instance takes the job over.
    graph.createAnswerDelayMs = 3_000;
    const first = Promise.all(bots.map((b) => b.app.jobRunner.tick()));
    for (let i = 0; i < 200 && graph.events.length < 4; i++) await new Promise((r) => setTimeout(r, 25));
    expect(graph.events).toHaveLength(4); // made, their answers still on the way
    clock.advance(6 * 60_000); // past the 5-minute job lease
    await Promise.all(bots.map((b) => b.app.jobRunner.tick()));
    // The instances that took over found each event by its meeting id instead of making another.
    expect(graph.graphCalls('GET', /\/events$/)).toHaveLength(8);
    expect(graph.events).toHaveLength(4);
    await first;
    graph.createAnswerDelayMs = 0;
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      await settle(...bots);
    }

    const meetings = await bots[0]!.app.services.meetings.listForBody(TENANT, bodyIdFor(VEST.id));
    expect(meetings).toHaveLength(4);
    expect(graph.events).toHaveLength(4);
    for (const m of meetings) {
      expect(graph.eventsOf(m.id)).toHaveLength(1);
      expect(m.eventId).toBe(graph.eventsOf(m.id)[0]!.id);
      expect(m.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    }
    // Each meeting card once (in the body's channel), each updated once with its link.
    const cards = bots[0]!.connector.posts.filter((p) => shown(cardOf(p.body))[0] === 'Møte – Ungdomsteam Vest 13-16');
    expect(cards).toHaveLength(4);
    const linkUpdates = bots[0]!.connector.updates.filter((u) => links(cardOf(u.body))['Bli med i Teams-møtet']);
    expect(linkUpdates.map((u) => u.activityId).sort()).toEqual(meetings.map((m) => m.cardActivityId).sort());
  });
});
