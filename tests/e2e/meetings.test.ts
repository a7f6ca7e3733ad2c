import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/main';
import { ManualClock } from '../../src/clock';
import { utcToOslo } from '../../src/domain/calendar';
import { createLogger } from '../../src/log';
import { bodyIdFor } from '../../src/storage/table/bodies';
import { CHANNELS, cardAction, channelMessage, PEOPLE, type Person, personalMessage, TEAM_ID, TENANT } from '../support/activities';
import { type Card, errorAfter, inputValue, member, shown } from '../support/card-reading';
import type { ConnectorCall } from '../support/connector';
import { cardOf, type Harness, startHarness } from '../support/harness';

/** Actions of a card, by type. */
const actionsOf = (card: Card | undefined): Record<string, unknown>[] => (card?.actions as Record<string, unknown>[] | undefined) ?? [];

const KARI = PEOPLE.kari; // SLT coordinator
const OLA = PEOPLE.ola; // youth-team member, no role
const SERIES = { date: '2026-11-05', time: '18:00', durationMinutes: '120', location: 'Ungdomshuset, møterom 2', repeat: 'cadence', count: '4' };

describe('meetings through /api/messages', () => {
  let h: Harness;
  const clock = new ManualClock('2026-11-02T09:00:00Z'); // Monday
  const url = () => h.connector.url;
  const general = CHANNELS.general;
  const bodyId = bodyIdFor(general.id);

  const invoke = async (
    verb: string,
    data: Record<string, unknown>,
    from: Person,
    replyToId?: string,
    channel: { id: string; name: string } | null = general,
  ) => {
    const res = await h.send(cardAction(verb, data, { serviceUrl: url(), from, channel, replyToId }));
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown };
    return body?.type === 'application/vnd.microsoft.card.adaptive'
      ? { card: body.value as Card, message: undefined }
      : { card: undefined, message: String(body?.value) };
  };
  const say = async (text: string, from: Person) => {
    const before = h.connector.calls.length;
    await h.send(channelMessage(text, { serviceUrl: url(), from, channel: general }));
    const reply = h.connector.calls.slice(before).find((c) => c.method === 'POST' && c.body.type === 'message');
    return { card: reply ? cardOf(reply.body) : undefined, text: reply?.body.text as string | undefined };
  };
  const drain = async () => {
    for (let i = 0; i < 10 && (await h.app.outboxSender.tick()).ready > 0; i++);
  };
  /** New top-level posts in General (channel posts travel inside create-conversation calls). */
  const postsInGeneral = (): ConnectorCall[] => h.connector.posts.filter((p) => (p.conversationId ?? '').split(';')[0] === general.id && !p.activityId);
  const stored = () => h.app.services.meetings.listForBody(TENANT, bodyId);

  beforeAll(async () => {
    h = await startHarness({ clock, env: { SLT_ADMINS: KARI.aadObjectId }, loops: false });
    h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
    h.connector.channels.set(TEAM_ID, [general, CHANNELS.vest]);
    h.connector.rosters.set(CHANNELS.vest.id, Object.values(PEOPLE).map(member)); // a private channel with everyone in it
  });
  afterAll(async () => h.stop());

  it('refuses «møte» in a channel that is not registered, pointing to «registrer»', async () => {
    const reply = await say('møte', KARI);
    expect(reply.text).toContain('Denne kanalen er ikke registrert');
    expect(reply.text).toContain('«@SLT-boten registrer»');
  });

  it('lets a coordinator register General as a youth team', async () => {
    const res = await invoke(
      'body.register',
      { kind: 'youthTeam', name: 'Ungdomsteam Sentrum 13-16', cadenceWeeks: '6', weekday: '4', time: '18:00', durationMinutes: '120' },
      KARI,
      'register-card',
    );
    expect(res.card).toBeDefined();
    expect(await h.app.services.bodies.get(TENANT, bodyId)).toMatchObject({ kind: 'youthTeam', cadenceWeeks: 6, weekday: 4, time: '18:00' });
  });

  it('refuses «møte» to a member without the coordinator role, and stores nothing', async () => {
    const reply = await say('møte', OLA);
    expect(reply.card).toBeUndefined();
    expect(reply.text).toContain('krever rollen SLT-koordinator');
    const res = await invoke('meeting.schedule', SERIES, OLA, 'ola-card');
    expect(res.message).toContain('krever rollen SLT-koordinator');
    expect(await stored()).toEqual([]);
  });

  it("shows the coordinator a form prefilled with the body's habits: next Thursday 18:00, 120 minutes, a series of 4", async () => {
    const { card } = await say('møte', KARI);
    expect(shown(card)[0]).toBe('Planlegg møte – Ungdomsteam Sentrum 13-16');
    expect(inputValue(card, 'date')).toBe('2026-11-05');
    expect(inputValue(card, 'time')).toBe('18:00');
    expect(inputValue(card, 'durationMinutes')).toBe(120);
    expect(inputValue(card, 'repeat')).toBe('cadence');
    expect(inputValue(card, 'count')).toBe(4);
    expect(actionsOf(card)[0]).toMatchObject({ type: 'Action.Execute', verb: 'meeting.schedule' });
  });

  it.each([
    ['a date in the past', { date: '2026-10-30' }, 'date', 'Dato kan ikke være tilbake i tid.'],
    ['31 February', { date: '2026-02-31' }, 'date', 'Datoen finnes ikke. Bruk formatet ÅÅÅÅ-MM-DD.'],
    ['the time 25:00', { time: '25:00' }, 'time', 'Klokkeslettet er ugyldig'],
  ])('sends the form back for %s with the error at the field, the typed values kept, and nothing stored', async (_name, change, field, message) => {
    const data = { ...SERIES, ...change };
    const { card } = await invoke('meeting.schedule', data, KARI, 'form-bad');
    expect(errorAfter(card, field)).toContain(message);
    expect(inputValue(card, 'date')).toBe(data.date);
    expect(inputValue(card, 'time')).toBe(data.time);
    expect(inputValue(card, 'location')).toBe(SERIES.location);
    expect(inputValue(card, 'count')).toBe(4);
    expect(await stored()).toEqual([]);
  });

  it('refuses a place that names a person or a phone number, with the error at the place and nothing stored', async () => {
    const data = { ...SERIES, location: 'Hjemme hos Per Olsen, ring 912 34 567' };
    const { card } = await invoke('meeting.schedule', data, KARI, 'form-place');
    expect(errorAfter(card, 'location')).toContain('personopplysninger');
    expect(inputValue(card, 'location')).toBe(data.location);
    expect(await stored()).toEqual([]);
  });

  it("schedules a series of four at the body's cadence, confirms the dates and stores four meetings", async () => {
    const { card } = await invoke('meeting.schedule', SERIES, KARI, 'form-1');
    const texts = shown(card);
    expect(texts[0]).toBe('4 møter er planlagt – Ungdomsteam Sentrum 13-16');
    expect(texts).toEqual(
      expect.arrayContaining([
        'torsdag 5. november 2026 kl. 18:00',
        'torsdag 17. desember 2026 kl. 18:00',
        'torsdag 28. januar 2027 kl. 18:00',
        'torsdag 11. mars 2027 kl. 18:00',
      ]),
    );
    const meetings = await stored();
    expect(meetings).toHaveLength(4);
    expect(meetings.map((m) => utcToOslo(m.startUtc))).toEqual([
      { date: '2026-11-05', time: '18:00', weekday: 4 },
      { date: '2026-12-17', time: '18:00', weekday: 4 },
      { date: '2027-01-28', time: '18:00', weekday: 4 },
      { date: '2027-03-11', time: '18:00', weekday: 4 },
    ]);
    expect(meetings.every((m) => m.location === SERIES.location && m.createdBy === KARI.aadObjectId)).toBe(true);
  });

  it('stores one series when the same click arrives twice', async () => {
    const again = await invoke('meeting.schedule', SERIES, KARI, 'form-1');
    expect(shown(again.card)[0]).toBe('4 møter er planlagt – Ungdomsteam Sentrum 13-16');
    expect(await stored()).toHaveLength(4);
  });

  it('refuses a second series from another form at the same times, at the date field', async () => {
    const { card } = await invoke('meeting.schedule', SERIES, KARI, 'form-2');
    expect(errorAfter(card, 'date')).toBe('Det er allerede et møte torsdag 5. november 2026 kl. 18:00.');
    expect(await stored()).toHaveLength(4);
  });

  it('posts one meeting card per meeting into the channel, with a calendar download; the card ids are kept', async () => {
    h.connector.clear();
    await drain();
    const posts = postsInGeneral();
    expect(posts).toHaveLength(4);
    const first = cardOf(posts[0]!.body);
    expect(shown(first)[0]).toBe('Møte – Ungdomsteam Sentrum 13-16');
    expect(shown(first)).toEqual(expect.arrayContaining(['Når: torsdag 5. november 2026 kl. 18:00', 'Varighet: 2 t', `Sted: ${SERIES.location}`]));
    const open = actionsOf(first).find((a) => a.type === 'Action.OpenUrl');
    expect(open).toMatchObject({ title: 'Legg til i kalender' });
    expect(String(open!.url)).toMatch(new RegExp(`^${h.app.services.config.publicUrl}/ics/[A-Za-z0-9_-]{24}\\.ics$`));
    const meetings = await stored();
    expect(meetings.every((m) => !!m.cardActivityId)).toBe(true);
    expect(posts.map((p) => p.assignedId).sort()).toEqual(meetings.map((m) => m.cardActivityId).sort());
  });

  it("serves the .ics behind the card's link as a calendar file node-ical reads, with the right start", async () => {
    const [m] = await stored();
    const res = await fetch(`${h.baseUrl}/ics/${m!.icsToken}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="slt-mote-2026-11-05.ics"');
    const events = Object.values(ical.sync.parseICS(await res.text())).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(1);
    expect(events[0]!.start.toISOString()).toBe('2026-11-05T17:00:00.000Z');
    expect(events[0]!.location).toBe(SERIES.location);
    expect((await fetch(`${h.baseUrl}/ics/${'x'.repeat(24)}.ics`)).status).toBe(404);
    expect((await fetch(`${h.baseUrl}/ics/not-a-token`)).status).toBe(404);
  });

  it('lists the four upcoming meetings with «møter» in the channel and in a personal chat', async () => {
    const { card } = await say('møter', OLA);
    const texts = shown(card);
    expect(texts[0]).toBe('Kommende møter – Ungdomsteam Sentrum 13-16');
    expect(texts.filter((t) => / kl\. 18:00$/.test(t))).toHaveLength(4);

    h.connector.clear();
    await h.send(personalMessage('møter', { serviceUrl: url(), from: OLA }));
    const personal = shown(cardOf(h.connector.messages[0]!.body));
    expect(personal[0]).toBe('Dine kommende SLT-møter');
    expect(personal.filter((t) => / kl\. 18:00$/.test(t))).toHaveLength(4);
  });

  it("shows nothing in a personal chat to someone who is not in the body's channel", async () => {
    const outsider = { id: '29:utenfor', aadObjectId: 'aad-utenfor', name: 'Ikke Medlem' };
    h.connector.clear();
    await h.send(personalMessage('møter', { serviceUrl: url(), from: outsider }));
    const texts = shown(cardOf(h.connector.messages[0]!.body));
    expect(texts).toContain('Du har ingen kommende møter i SLT-organer du er medlem av.');
    expect(texts.some((t) => t.includes('kl. 18:00'))).toBe(false);
  });

  it('refuses a cancellation reason that says who is ill, to the clicker only, and cancels nothing', async () => {
    const [first] = await stored();
    h.connector.clear();
    const res = await invoke('meeting.cancel', { meetingId: first!.id, reason: 'Møtelederen Ola Hansen er syk' }, KARI, first!.cardActivityId);
    expect(res.card).toBeUndefined();
    expect(res.message).toContain('Begrunnelse: Teksten ser ut til å inneholde personopplysninger: navn («Ola Hansen»)');
    expect((await h.app.services.meetings.get(TENANT, bodyId, first!.id))?.status).toBe('scheduled');
    await drain();
    expect(h.connector.updates).toEqual([]);
  });

  it('cancels a meeting: the card is updated in place (AVLYST, reason), it leaves «møter», and its .ics says CANCEL', async () => {
    const [, second] = await stored();
    const res = await invoke('meeting.cancel', { meetingId: second!.id, reason: 'Kollisjon med skoleavslutning' }, KARI, second!.cardActivityId);
    expect(shown(res.card)).toEqual(expect.arrayContaining(['AVLYST', 'Begrunnelse: Kollisjon med skoleavslutning']));
    h.connector.clear();
    await drain();
    const put = h.connector.updates.find((u) => u.activityId === second!.cardActivityId);
    expect(put).toBeDefined();
    expect(shown(cardOf(put!.body))).toContain('AVLYST');
    expect(postsInGeneral()).toHaveLength(0);

    expect((await h.app.services.meetings.get(TENANT, bodyId, second!.id))?.status).toBe('cancelled');
    const list = shown((await say('møter', OLA)).card);
    expect(list.filter((t) => / kl\. 18:00$/.test(t))).toHaveLength(3);
    const ics = await (await fetch(`${h.baseUrl}/ics/${second!.icsToken}.ics`)).text();
    expect(ics).toContain('METHOD:CANCEL');
  });

  it('refuses cancelling to a member without the coordinator role', async () => {
    const [first] = await stored();
    const res = await invoke('meeting.cancel', { meetingId: first!.id, reason: '' }, OLA, first!.cardActivityId);
    expect(res.message).toContain('krever rollen SLT-koordinator');
    expect((await h.app.services.meetings.get(TENANT, bodyId, first!.id))?.status).toBe('scheduled');
  });

  it('moves a single meeting off 17 May and says so in the confirmation', async () => {
    const { card } = await invoke(
      'meeting.schedule',
      { date: '2027-05-17', time: '09:00', durationMinutes: '90', location: '', repeat: 'none', count: '' },
      KARI,
      'form-may',
    );
    const texts = shown(card);
    expect(texts[0]).toBe('Møtet er planlagt – Ungdomsteam Sentrum 13-16');
    expect(texts).toContain('tirsdag 18. mai 2027 kl. 09:00');
    expect(texts).toContain('flyttet fra 17. mai (grunnlovsdag og 2. pinsedag)');
  });

  it('posts the call for topics, agenda, reminder and minutes prompt when their times come, and nothing for a cancelled meeting', async () => {
    const [first, second] = await stored();
    h.connector.clear();
    // 5 Nov 2026 08:00 Oslo: call for topics (due at once, the meeting was 3 days ahead), agenda (3 Nov) and reminder are due.
    clock.set('2026-11-05T07:00:00Z');
    await h.app.jobRunner.tick();
    await drain();
    const texts = postsInGeneral().map((p) => (cardOf(p.body) ? shown(cardOf(p.body))[0] : String(p.body.text)));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Innspill til møtet torsdag 5. november 2026 kl. 18:00',
        'Dagsorden – Ungdomsteam Sentrum 13-16',
        'Påminnelse: Ungdomsteam Sentrum 13-16 har møte i dag kl. 18:00, Ungdomshuset, møterom 2.',
      ]),
    );
    const agenda = postsInGeneral().find((p) => shown(cardOf(p.body))[0]?.startsWith('Dagsorden'));
    expect(shown(cardOf(agenda!.body))).toEqual(expect.arrayContaining(['1. Oppdatering fra politiet', '2. Utfordringsbildet lokalt', '3. Eventuelt']));

    // After the meeting: the coordinator who scheduled it gets the minutes prompt 1:1.
    h.connector.clear();
    clock.set('2026-11-05T19:20:00Z');
    await h.app.jobRunner.tick();
    await drain();
    const direct = h.connector.messages.filter((m) => m.conversationId === `a:1on1-${KARI.id}`);
    expect(direct).toHaveLength(1);
    // The prompt is the minutes form (issue 5): its intro says the meeting is over.
    expect(shown(cardOf(direct[0]!.body)).join(' ')).toContain('Møtet i Ungdomsteam Sentrum 13-16 torsdag 5. november 2026 kl. 18:00 er over');

    // The cancelled meeting's days pass without a post about it.
    h.connector.clear();
    clock.set(new Date(Date.parse(second!.startUtc) + 60 * 60_000).toISOString());
    await h.app.jobRunner.tick();
    await drain();
    expect(h.connector.posts.filter((p) => JSON.stringify(p.body).includes('17. desember'))).toEqual([]);
    expect(first!.id).not.toBe(second!.id);
  });

  it('after downtime, sends the minutes prompt that fell due but no call for topics, agenda or reminder for a meeting that is over', async () => {
    const third = (await stored())[2]!; // Thursday 28 Jan 2027, 18:00–20:00 Oslo
    const config = h.app.services.config;
    await h.app.stop(); // the bot is down from mid-December …
    clock.set('2027-01-28T19:30:00Z'); // … until after the meeting has ended
    // A new instance, weeks later in real time too: the stopped one's send lease has long lapsed.
    const app = createApp(config, { clock, log: createLogger('silent'), loops: false, realNow: () => Date.now() + 30 * 86_400_000 });
    await app.start();
    try {
      h.connector.clear();
      await app.jobRunner.tick();
      for (let i = 0; i < 10 && (await app.outboxSender.tick()).ready > 0; i++);
      const texts = h.connector.posts.map((p) => (cardOf(p.body) ? shown(cardOf(p.body)).join(' | ') : String(p.body.text)));
      expect(texts.filter((t) => t.includes('28. januar'))).toHaveLength(1);
      expect(texts.find((t) => t.includes('28. januar'))).toContain('er over');
      expect(texts.some((t) => t.startsWith('Innspill til møtet') || t.startsWith('Dagsorden') || t.startsWith('Påminnelse'))).toBe(false);
      expect(third.id).toMatch(/-3$/);
    } finally {
      await app.stop();
    }
  });
});
