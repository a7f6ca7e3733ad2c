import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { addedItemId } from '../../src/domain/agenda';
import type { Meeting } from '../../src/domain/meetings';
import { bodyIdFor } from '../../src/storage/table/bodies';
import { CHANNELS, cardAction, channelMessage, PEOPLE, type Person, TEAM_ID, TENANT } from '../support/activities';
import { allElements, byId, type Card, errorAfter, member, shown, verbs } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import type { ConnectorCall } from '../support/connector';
import { cardOf, type Harness, startHarness } from '../support/harness';

const KARI = PEOPLE.kari; // administrator (SLT_ADMINS): scheduled the meetings, gets the minutes form
const SIGRID = PEOPLE.sigrid; // SLT coordinator
const OLA = PEOPLE.ola; // youth-team member (school), no role
const PER = PEOPLE.per; // youth-team member (police), no role
const VEST = CHANNELS.vest;

describe('agendas and minutes as living cards, through /api/messages', () => {
  let h: Harness;
  const clock = new ManualClock('2026-11-02T09:00:00Z'); // Monday
  const url = () => h.connector.url;
  const vestId = bodyIdFor(VEST.id);
  let meetings: Meeting[] = [];
  let agendaPost: ConnectorCall | undefined;
  let callPost: ConnectorCall | undefined;

  const invoke = async (verb: string, data: Record<string, unknown>, from: Person, channel: { id: string; name: string } | null = VEST, trigger = 'manual') => {
    const activity = cardAction(verb, data, { serviceUrl: url(), from, channel });
    const res = await h.send({ ...activity, value: { ...activity.value, trigger } });
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown };
    return body?.type === 'application/vnd.microsoft.card.adaptive'
      ? { card: body.value as Card, message: undefined }
      : { card: undefined, message: String(body?.value) };
  };
  const say = async (text: string, from: Person, channel = VEST, threadId?: string) => {
    const before = h.connector.calls.length;
    await h.send(channelMessage(text, { serviceUrl: url(), from, channel, threadId }));
    const reply = h.connector.calls.slice(before).find((c) => c.method === 'POST' && c.body.type === 'message');
    return { card: reply ? cardOf(reply.body) : undefined, text: reply?.body.text as string | undefined };
  };
  const drain = async () => {
    for (let i = 0; i < 10 && (await h.app.outboxSender.tick()).ready > 0; i++);
  };
  const tick = async () => {
    await h.app.jobRunner.tick();
    await drain();
  };
  /** New top-level posts in a channel (they travel inside create-conversation calls). */
  const postsIn = (channel: { id: string }): ConnectorCall[] =>
    h.connector.posts.filter((p) => (p.conversationId ?? '').split(';')[0] === channel.id && !p.activityId);
  const record = () => h.app.services.agendas.getAgenda(TENANT, vestId, meetings[0]!.id);
  const first = () => ({ meetingId: meetings[0]!.id, bodyId: vestId });
  const trend = (focusArea: string, description: string, from: Person, service: string, formId: string) =>
    invoke('trend.submit', { focusArea, direction: 'increasing', description, service, formId }, from);

  beforeAll(async () => {
    h = await startHarness({ clock, env: { SLT_ADMINS: KARI.aadObjectId } });
    h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
    h.connector.channels.set(TEAM_ID, [CHANNELS.general, VEST, CHANNELS.koord]);
    // Private channels with everyone in them.
    for (const c of [VEST, CHANNELS.koord]) h.connector.rosters.set(c.id, Object.values(PEOPLE).map(member));
    await h.app.services.roles.set(TENANT, SIGRID.aadObjectId, 'coordinator', true, 'test', clock.now().toISOString(), SIGRID.name);
    const registered = await invoke(
      'body.register',
      { kind: 'youthTeam', name: 'Ungdomsteam Vest 13-16', cadenceWeeks: '6', weekday: '4', time: '18:00', durationMinutes: '120' },
      KARI,
    );
    expect(registered.card).toBeDefined();
    await invoke(
      'body.register',
      { kind: 'coordinationGroup', name: 'Koordineringsgruppen', cadenceWeeks: '6', weekday: '2', time: '09:00', durationMinutes: '90' },
      KARI,
      CHANNELS.koord,
    );
  });
  afterAll(async () => h.stop());

  it('schedules two meetings; «agenda» before anything is reported shows the standing items', async () => {
    const res = await invoke(
      'meeting.schedule',
      { date: '2026-11-12', time: '18:00', durationMinutes: '120', location: 'Ungdomshuset, møterom 2', repeat: 'cadence', count: '2' },
      KARI,
    );
    expect(shown(res.card)[0]).toBe('2 møter er planlagt – Ungdomsteam Vest 13-16');
    meetings = await h.app.services.meetings.listForBody(TENANT, vestId);
    expect(meetings).toHaveLength(2);
    await drain();
    const { card } = await say('agenda', OLA);
    const texts = shown(card);
    expect(texts[0]).toBe('Dagsorden – Ungdomsteam Vest 13-16');
    expect(texts.filter((t) => /^\d+\. /.test(t))).toEqual(['1. Oppdatering fra politiet', '2. Utfordringsbildet lokalt', '3. Eventuelt']);
  });

  it('posts the call for topics and then the agenda with the police update first, the two trends under their focus areas and the escalation', async () => {
    await trend('drugs', 'Mer snus og vape blant 8. trinn i friminuttene.', OLA, 'school', 'form-t1');
    await trend('public-space', 'Grupper samles ved kjøpesenteret etter stengetid.', PER, 'police', 'form-t2');
    const esc = await invoke(
      'escalation.submit',
      { title: 'Uro ved kjøpesenteret på kveldstid', description: 'Flere tjenester ser det samme over tid.', formId: 'form-e1' },
      OLA,
    );
    expect(esc.card).toBeDefined();

    h.connector.clear();
    // The first try to post the agenda fails: the record is kept and the outbox tries again.
    const isAgenda = (c: ConnectorCall) => JSON.stringify(c.body).includes('Dagsorden – ');
    h.connector.fail({ status: 403, times: 1, match: isAgenda });
    clock.set('2026-11-10T18:00:00Z'); // call for topics (5 Nov) and agenda (10 Nov 18:00 Oslo) are due
    await tick();
    expect(postsIn(VEST).some(isAgenda)).toBe(false);
    expect((await record())?.posted.at).toBe('2026-11-10T18:00:00.000Z');
    expect((await record())?.card.activityId).toBeUndefined();
    clock.set('2026-11-10T18:05:00Z');
    await drain();
    callPost = postsIn(VEST).find((p) => shown(cardOf(p.body))[0]?.startsWith('Innspill til møtet'));
    agendaPost = postsIn(VEST).find((p) => shown(cardOf(p.body))[0]?.startsWith('Dagsorden'));
    expect(callPost).toBeDefined();
    expect(agendaPost).toBeDefined();
    const card = cardOf(agendaPost!.body)!;
    expect(validateCard(card)).toEqual([]);
    const texts = shown(card);
    expect(texts.filter((t) => /^\d+\. /.test(t))).toEqual([
      '1. Oppdatering fra politiet',
      '2. Utfordringsbildet lokalt: Kriminalitet i det offentlige rom',
      '3. Utfordringsbildet lokalt: Rusmiddelbruk blant unge',
      '4. Sak: Uro ved kjøpesenteret på kveldstid',
      '5. Eventuelt',
    ]);
    expect(texts).toContain('• Økende: Mer snus og vape blant 8. trinn i friminuttene. – Skole');
    // Suggested times fill the meeting (18:00–20:00).
    expect(texts).toContain('Meldt av: Politi · 18:00–18:35 · 35 min');
    expect(texts).toContain('Meldt av: Alle · 19:45–20:00 · 15 min');
    // Who brought it is a service or a body, never the people who reported.
    expect(texts.join('\n')).not.toMatch(new RegExp(`${OLA.name}|${PER.name}`));
    // Everyone sees the read-only view; the coordinators in the channel get theirs by refresh.
    expect(verbs(card)).not.toContain('agenda.addItem');
    const refresh = card.refresh as { action: { verb: string; data: unknown }; userIds: string[] };
    expect(refresh.action).toMatchObject({ verb: 'agenda.refresh', data: first() });
    expect(refresh.userIds.sort()).toEqual([KARI.id, SIGRID.id].sort());
    // The record holds the posted card's ids, written back by the outbox.
    expect((await record())?.card).toEqual({ activityId: agendaPost!.assignedId, conversationId: `${VEST.id};messageid=${agendaPost!.assignedId}` });
  });

  it("answers the card's automatic refresh with the coordinators' view for a coordinator and the read-only view for a member", async () => {
    const coordinator = await invoke('agenda.refresh', first(), SIGRID, VEST, 'automatic');
    expect(verbs(coordinator.card)).toEqual(expect.arrayContaining(['agenda.removeItem', 'agenda.addItem', 'agenda.refresh']));
    const memberView = await invoke('agenda.refresh', first(), OLA, VEST, 'automatic');
    expect(verbs(memberView.card)).toEqual(['agenda.refresh']);
    expect(shown(memberView.card).filter((t) => /^\d+\. /.test(t))).toHaveLength(5);
  });

  it('refuses a crafted agenda.addItem from a member without the coordinator role, and nothing changes', async () => {
    const before = await record();
    h.connector.clear();
    const res = await invoke('agenda.addItem', { ...first(), title: 'Mitt eget punkt' }, OLA);
    expect(res.card).toBeUndefined();
    expect(res.message).toContain('krever rollen SLT-koordinator');
    expect(await record()).toEqual(before);
    await drain();
    expect(h.connector.updates).toEqual([]);
  });

  it("adds a coordinator's item and updates the posted card in place: a PUT of the original activity, not a new post", async () => {
    h.connector.clear();
    const res = await invoke('agenda.addItem', { ...first(), title: 'Sommerferietilbud for ungdom', by: 'youthClub' }, SIGRID);
    expect(shown(res.card)).toContain('Punktet er lagt til på dagsordenen.');
    expect(shown(res.card)).toContain('5. Sommerferietilbud for ungdom');
    await drain();
    expect(postsIn(VEST)).toEqual([]);
    expect(h.connector.updates).toHaveLength(1);
    const put = h.connector.updates[0]!;
    expect(put.activityId).toBe(agendaPost!.assignedId);
    const texts = shown(cardOf(put.body));
    expect(texts).toContain('5. Sommerferietilbud for ungdom');
    expect(texts).toContain('6. Eventuelt');
    expect(texts.find((t) => t.startsWith('Meldt av: Fritidsklubb'))).toBeDefined();
  });

  it('adds the item once when the same agenda.addItem arrives twice, and sends no second update', async () => {
    h.connector.clear();
    const again = await invoke('agenda.addItem', { ...first(), title: 'Sommerferietilbud for ungdom', by: 'youthClub' }, SIGRID);
    expect(shown(again.card)).toContain('Punktet står allerede på dagsordenen.');
    await drain();
    expect(h.connector.updates).toEqual([]);
    expect((await record())?.edits.added.map((a) => a.title)).toEqual(['Sommerferietilbud for ungdom']);
  });

  it('sends an item title that names a person back with the error at the field, the text kept, and stores nothing', async () => {
    const typed = 'Ring Per Olsen på 912 34 567 om festen';
    const res = await invoke('agenda.addItem', { ...first(), title: typed }, SIGRID);
    expect(errorAfter(res.card, 'title')).toContain('personopplysninger');
    expect(byId(res.card, 'title')?.value).toBe(typed);
    expect((await record())?.edits.added).toHaveLength(1);
  });

  it('updates the posted card in place when a new trend arrives before the meeting', async () => {
    h.connector.clear();
    // Answering the call for topics in its thread opens the trend card with the text prefilled.
    const reply = await say('Mer vaping ved stasjonen på kveldstid', OLA, VEST, callPost!.assignedId);
    expect(byId(reply.card, 'description')?.value).toBe('Mer vaping ved stasjonen på kveldstid');
    await trend('drugs', 'Mer vaping ved stasjonen på kveldstid', OLA, 'school', 'form-t3');
    await drain();
    const put = h.connector.updates.find((u) => u.activityId === agendaPost!.assignedId);
    expect(put).toBeDefined();
    expect(shown(cardOf(put!.body))).toContain('• Økende: Mer vaping ved stasjonen på kveldstid – Skole');
    expect(postsIn(VEST)).toEqual([]);
  });

  it('takes a composed item off the agenda for a coordinator, and refuses taking off a standing item', async () => {
    const standing = await invoke('agenda.removeItem', { ...first(), itemId: 'police' }, SIGRID);
    expect(shown(standing.card)).toContain('Faste punkter kan ikke tas av dagsordenen.');
    const removed = await invoke('agenda.removeItem', { ...first(), itemId: addedItemId(meetings[0]!.id, 'Sommerferietilbud for ungdom') }, SIGRID);
    expect(shown(removed.card)).toContain('Punktet er tatt av dagsordenen.');
    expect(shown(removed.card).some((t) => t.includes('Sommerferietilbud'))).toBe(false);
    // Put it back for the minutes.
    await invoke('agenda.addItem', { ...first(), title: 'Sommerferietilbud for ungdom', by: 'youthClub' }, SIGRID);
    await drain();
  });

  it('sends the coordinator the minutes form after the meeting, refuses a task without a responsible, and records the minutes', async () => {
    h.connector.clear();
    clock.set('2026-11-12T19:20:00Z'); // 20:20 Oslo: the meeting ended at 20:00
    await tick();
    const direct = h.connector.messages.filter((m) => m.conversationId === `a:1on1-${KARI.id}`);
    expect(direct).toHaveLength(1);
    const form = cardOf(direct[0]!.body)!;
    expect(validateCard(form)).toEqual([]);
    expect(shown(form)[0]).toBe('Referat – Ungdomsteam Vest 13-16');
    const itemId = addedItemId(meetings[0]!.id, 'Sommerferietilbud for ungdom');
    expect(byId(form, `task__${itemId}`)).toBeDefined();
    expect(verbs(form)).toEqual(['minutes.record']);

    // Saving the form untouched (or with blanks only) would share empty minutes: refused, nothing stored or posted.
    const empty = await invoke('minutes.record', { ...first(), decision__police: '   ', [`task__${itemId}`]: '' }, KARI, null);
    expect(shown(empty.card)).toContain('Referatet er tomt. Skriv et vedtak eller en oppgave under minst ett punkt, og trykk «Lagre og del referatet» igjen.');
    expect(verbs(empty.card)).toEqual(['minutes.record']);
    await drain();
    expect(h.connector.activities.filter((a) => (a.conversationId ?? '').startsWith(VEST.id))).toEqual([]);
    expect(await h.app.services.agendas.getMinutes(TENANT, vestId, meetings[0]!.id)).toBeUndefined();

    const data = {
      ...first(),
      decision__police: 'Politiet melder roligere helger.',
      [`task__${itemId}`]: 'Lage oversikt over sommertilbud',
      [`due__${itemId}`]: '2026-12-15',
    };
    const refused = await invoke('minutes.record', data, KARI, null);
    expect(errorAfter(refused.card, `responsible__${itemId}`)).toBe('Velg hvem som er ansvarlig for oppgaven.');
    expect(byId(refused.card, `task__${itemId}`)?.value).toBe('Lage oversikt over sommertilbud');
    expect(await h.app.services.agendas.getMinutes(TENANT, vestId, meetings[0]!.id)).toBeUndefined();

    // A due date before the meeting day (12 November, Oslo) is a slip: the error at the field, the task kept.
    const early = await invoke('minutes.record', { ...data, [`responsible__${itemId}`]: 'youthClub', [`due__${itemId}`]: '2026-11-11' }, KARI, null);
    expect(errorAfter(early.card, `due__${itemId}`)).toBe('Fristen kan ikke være før møtet (12. november).');
    expect(byId(early.card, `task__${itemId}`)?.value).toBe('Lage oversikt over sommertilbud');
    expect(await h.app.services.agendas.getMinutes(TENANT, vestId, meetings[0]!.id)).toBeUndefined();

    h.connector.clear();
    const saved = await invoke('minutes.record', { ...data, [`responsible__${itemId}`]: 'youthClub' }, KARI, null);
    expect(shown(saved.card)).toContain('Referatet er lagret og delt i kanalen. Åpne oppgaver kommer på neste dagsorden.');
    expect(shown(saved.card)).toContain('Registrert: Oppgave: Lage oversikt over sommertilbud – ansvarlig: Fritidsklubb / ungdomshus, frist 15. desember');
    await drain();
    const minutesPost = postsIn(VEST).find((p) => shown(cardOf(p.body))[0] === 'Referat – Ungdomsteam Vest 13-16');
    expect(minutesPost).toBeDefined();
    expect(shown(cardOf(minutesPost!.body))).toEqual(
      expect.arrayContaining([
        '1. Oppdatering fra politiet',
        'Vedtak: Politiet melder roligere helger.',
        'Oppgave: Lage oversikt over sommertilbud – ansvarlig: Fritidsklubb / ungdomshus, frist 15. desember',
      ]),
    );

    // The same submission again (double click) stores and posts nothing new.
    h.connector.clear();
    const again = await invoke('minutes.record', { ...data, [`responsible__${itemId}`]: 'youthClub' }, KARI, null);
    expect(shown(again.card)).toContain('Ingenting nytt å lagre – referatet er som før.');
    await drain();
    expect(h.connector.activities).toEqual([]);
    expect((await h.app.services.agendas.getMinutes(TENANT, vestId, meetings[0]!.id))?.minutes.tasks).toHaveLength(1);
  });

  it('gives another coordinator the minutes form with «referat» in the channel, 1:1 and pre-filled, and refuses a member', async () => {
    const refused = await say('referat', OLA);
    expect(refused.text).toBe(
      'Dette krever rollen SLT-koordinator, og den har du ikke. Ta kontakt med en SLT-koordinator eller administrator hvis du trenger den.',
    );

    h.connector.clear();
    const asked = await say('referat', SIGRID);
    expect(asked.text).toBe('Jeg har sendt deg referatskjemaet for møtet 12. november i en personlig melding.');
    await drain();
    const direct = h.connector.messages.filter((m) => m.conversationId === `a:1on1-${SIGRID.id}`);
    expect(direct).toHaveLength(1);
    const form = cardOf(direct[0]!.body)!;
    expect(shown(form)[0]).toBe('Referat – Ungdomsteam Vest 13-16');
    // The latest meeting that has begun (the first; the second lies ahead), with what was recorded.
    expect(byId(form, 'decision__police')?.value).toBe('Politiet melder roligere helger.');
    expect(allElements(form).find((e) => e.verb === 'minutes.record')?.data).toEqual(first());
    // Nothing went to the channel but the one-line notice.
    expect(h.connector.activities.filter((a) => (a.conversationId ?? '').startsWith(VEST.id) && a.body.attachments)).toEqual([]);

    // During the next meeting «referat» gives that meeting's form, which says the meeting is under way.
    const after = clock.now().toISOString();
    clock.set(new Date(Date.parse(meetings[1]!.startUtc) + 30 * 60_000).toISOString());
    try {
      h.connector.clear();
      expect((await say('referat', SIGRID)).text).toMatch(/^Jeg har sendt deg referatskjemaet for møtet \d{1,2}\. \p{L}+ i en personlig melding\.$/u);
      await drain();
      const during = cardOf(h.connector.messages.find((m) => m.conversationId === `a:1on1-${SIGRID.id}`)!.body)!;
      expect(allElements(during).find((e) => e.verb === 'minutes.record')?.data).toEqual({ meetingId: meetings[1]!.id, bodyId: vestId });
      expect(shown(during)[1]).toMatch(/^Møtet i Ungdomsteam Vest 13-16 .* er i gang\. /);
      expect(byId(during, 'decision__police')?.value).toBe('');
    } finally {
      clock.set(after);
    }
  });

  it('carries the open task onto the next agenda until a coordinator marks it done', async () => {
    const { card } = await say('agenda', OLA);
    const texts = shown(card);
    expect(texts.find((t) => /^\d+\. /.test(t))).toBe('1. Oppdatering fra politiet');
    expect(texts.some((t) => /^\d+\. Lage oversikt over sommertilbud$/.test(t))).toBe(true);
    expect(texts.find((t) => t.startsWith('Ansvarlig: Fritidsklubb / ungdomshus'))).toBeDefined();
    expect(texts.some((t) => t.includes('Mer snus'))).toBe(false); // the last meeting's trends stay there

    const next = { meetingId: meetings[1]!.id, bodyId: vestId };
    const view = await invoke('agenda.refresh', next, SIGRID);
    const done = allElements(view.card).find((e) => e.verb === 'minutes.taskDone');
    expect(done?.data).toMatchObject(next);
    h.connector.clear();
    const res = await invoke('minutes.taskDone', done!.data!, SIGRID);
    expect(shown(res.card)).toContain('Oppgaven er merket som utført.');
    expect(shown(res.card).some((t) => t.includes('Lage oversikt over sommertilbud'))).toBe(false);
    await drain();
    // The minutes card in the channel shows it done, in place.
    const put = h.connector.updates[0];
    expect(shown(cardOf(put!.body))).toContain('Utført: Lage oversikt over sommertilbud – Fritidsklubb / ungdomshus');
  });

  it("shows the coordination group the youth teams' topics as a standing item, in statistical form", async () => {
    await invoke(
      'meeting.schedule',
      { date: '2026-11-17', time: '09:00', durationMinutes: '90', location: '', repeat: 'none', count: '' },
      KARI,
      CHANNELS.koord,
    );
    const { card } = await say('agenda', SIGRID, CHANNELS.koord);
    const texts = shown(card);
    expect(texts.filter((t) => /^\d+\. /.test(t))).toEqual([
      '1. Oppdatering fra politiet',
      '2. Utfordringsbildet lokalt',
      '3. Saker fra ungdomsteamene',
      '4. Eventuelt',
    ]);
    // Three topics (two on drugs, one on public space) from one team: small counts shown as "<3".
    expect(texts).toContain('• Ungdomsteam Vest 13-16: Kriminalitet i det offentlige rom <3 · Rusmiddelbruk blant unge <3');
  });
});
