import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import type { BodyKind } from '../../src/domain/bodies';
import { bodyScope } from '../../src/domain/visibility';
import { createLogger } from '../../src/log';
import { OutboxSender } from '../../src/scheduler/outbox';
import { OutboxTable } from '../../src/storage/table/outbox';
import { TABLE_NAMES, type TableName } from '../../src/storage/tables';
import { escapeUserText } from '../../src/views/escape';
import { CHANNELS, cardAction, channelMessage, channelRegistration, PEOPLE, type Person, personalMessage, TEAM_ID, TENANT } from '../support/activities';
import { byId, type Card, errorAfter, executeData, member } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import type { ConnectorCall } from '../support/connector';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';
import { connectorSender } from '../support/outbox';
import { makeNationalId } from '../unit/guard/helpers';

const KARI = PEOPLE.kari; // teacher, youth team Vest
const AMINA = PEOPLE.amina; // outreach, youth team Øst
const SIGRID = PEOPLE.sigrid; // SLT coordinator
const PER = PEOPLE.per; // police, coordination group member (not a coordinator)
const OLA = PEOPLE.ola; // board member; made a coordinator for the race test

describe('trends and escalations through /api/messages', () => {
  let h: Harness;
  let drain: () => Promise<void>;
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  const url = () => h.connector.url;

  /** The card or message an invoke answered with. */
  const invoke = async (verb: string, data: Record<string, unknown>, from: Person, channel: { id: string; name: string } | null, replyToId?: string) => {
    const res = await h.send(cardAction(verb, data, { serviceUrl: url(), from, channel, replyToId }));
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown };
    return body?.type === 'application/vnd.microsoft.card.adaptive'
      ? { card: body.value as Card, message: undefined }
      : { card: undefined, message: String(body?.value) };
  };
  /** Sends a channel message; resolves with the bot's reply (body and its activity id). */
  const say = async (text: string, from: Person, channel: { id: string; name: string }) => {
    const before = h.connector.calls.length;
    await h.send(channelMessage(text, { serviceUrl: url(), from, channel }));
    const reply = h.connector.calls.slice(before).find((c) => c.method === 'POST' && c.body.type === 'message');
    return { card: reply ? cardOf(reply.body) : undefined, text: reply?.body.text as string | undefined, activityId: reply?.assignedId };
  };
  /** 1:1 messages the bot sent to a person (the fake connector names 1:1 chats by member id). */
  const directTo = (p: Person): ConnectorCall[] => h.connector.messages.filter((m) => m.conversationId === `a:1on1-${p.id}`);
  /** The matter a card shows: the requester's view has no step buttons, but its refresh names it. */
  const matterId = (card: Card | undefined): string => String((card?.refresh as { action: { data: { escalationId: string } } }).action.data.escalationId);
  const postsIn = (channel: { id: string }): ConnectorCall[] =>
    h.connector.posts.filter((m) => (m.conversationId ?? '').split(';')[0] === channel.id && !m.activityId);

  beforeAll(async () => {
    h = await startHarness({ clock });
    const services = h.app.services;
    const register = (channel: { id: string; name: string }, kind: BodyKind) =>
      services.bodies.upsert(channelRegistration(channel, kind, url(), clock.now().toISOString()));
    await register(CHANNELS.vest, 'youthTeam');
    await register(CHANNELS.ost, 'youthTeam');
    await register(CHANNELS.koord, 'coordinationGroup');
    await register(CHANNELS.styret, 'board');
    h.connector.rosters.set(CHANNELS.vest.id, [member(KARI), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.ost.id, [member(AMINA), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.koord.id, [member(SIGRID), member(PER)]);
    h.connector.rosters.set(CHANNELS.styret.id, [member(OLA), member(SIGRID)]);
    h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
    await services.roles.set(TENANT, SIGRID.aadObjectId, 'coordinator', true, 'test', clock.now().toISOString(), SIGRID.name);

    const log = createLogger('silent');
    const table = new OutboxTable(services.store.table('outbox'), (name) =>
      (TABLE_NAMES as readonly string[]).includes(name) ? services.store.table(name as TableName) : undefined,
    );
    const sender = new OutboxSender({ table, sender: connectorSender(log), clock, log, instanceId: 'e2e', random: () => 0, sleep: async () => undefined });
    drain = async () => {
      for (let i = 0; i < 10 && (await sender.tick()).ready > 0; i++);
    };
  });
  afterAll(async () => h.stop());

  describe('trend topics', () => {
    it('refuses a trend with a valid-checksum identity number, keeps the text and names the number; stores it once removed', async () => {
      const { card: form } = await say('trend', KARI, CHANNELS.vest);
      expect(cardTexts(form)[0]).toBe('Meld inn en trend');
      const formId = executeData(form, 'trend.submit')?.formId;
      expect(typeof formId).toBe('string');
      const fnr = makeNationalId('150307', 100);
      const typed = `Flere elever snakker om en fest i helgen. Jenta har fødselsnummer ${fnr} og ble hentet av politiet.`;
      const data = { focusArea: 'drugs', direction: 'increasing', description: typed, area: 'Sentrum', ageGroup: '13-16', service: 'school', formId };

      const refused = await invoke('trend.submit', data, KARI, CHANNELS.vest);
      expect(byId(refused.card, 'description')?.value).toBe(typed);
      expect(byId(refused.card, 'area')?.value).toBe('Sentrum');
      const error = errorAfter(refused.card, 'description');
      expect(error).toContain('fødselsnummer');
      expect(error).toContain(fnr);
      expect(error).toContain('SLT drøfter trender, ikke enkeltsaker');
      expect(await h.app.services.trends.list(bodyScope(TENANT, (await vestBody()).id), ['2026-11'])).toEqual([]);

      const cleaned = 'Flere elever snakker om en fest i helgen, og politiet har hentet flere hjem.';
      const stored = await invoke('trend.submit', { ...data, description: cleaned }, KARI, CHANNELS.vest);
      const texts = cardTexts(stored.card);
      expect(texts[0]).toBe('Takk! Trenden er registrert.');
      expect(texts).toContain(`Beskrivelse: ${cleaned}`);
      expect(texts).toContain('Innmeldt av: Skole');
      expect(texts.join('\n')).not.toContain(KARI.name);

      // A double click stores nothing new and says so.
      const again = await invoke('trend.submit', { ...data, description: cleaned }, KARI, CHANNELS.vest);
      expect(cardTexts(again.card).join(' ')).toContain('ikke lagret to ganger');
      for (const c of [form, refused.card, stored.card]) expect(validateCard(c)).toEqual([]);
      const trends = await h.app.services.trends.list(bodyScope(TENANT, (await vestBody()).id), ['2026-11']);
      expect(trends.map((t) => [t.description, t.service, t.reporterId])).toEqual([[cleaned, 'school', KARI.aadObjectId]]);
    });

    it('remembers the reporter’s service and prefills it next time, with the text after the command', async () => {
      const { card } = await say('trend mer røyking av e-sigaretter på skoleveien', KARI, CHANNELS.vest);
      expect(byId(card, 'service')?.value).toBe('school');
      expect(byId(card, 'description')?.value).toBe('mer røyking av e-sigaretter på skoleveien');
    });

    it('stores template syntax, links, HTML and emoji exactly as typed minus control characters, and shows them literally', async () => {
      const typed = 'Fest ${title} og ${1+1}: [klikk her](https://evil.example) <b>fet</b> **uro** 😀🎉\u0007\u0000 – æøå';
      const expected = 'Fest ${title} og ${1+1}: [klikk her](https://evil.example) <b>fet</b> **uro** 😀🎉 – æøå';
      const res = await invoke(
        'trend.submit',
        { focusArea: 'public-space', direction: 'new', description: typed, service: 'outreach', formId: 'exotic-1' },
        KARI,
        CHANNELS.vest,
      );
      expect(cardTexts(res.card)).toContain(`Beskrivelse: ${escapeUserText(expected)}`);
      expect(JSON.stringify(res.card)).toContain('${title}'); // not evaluated
      const stored = (await h.app.services.trends.list(bodyScope(TENANT, (await vestBody()).id), ['2026-11'])).find((t) => t.description.startsWith('Fest'));
      expect(Buffer.from(stored!.description).equals(Buffer.from(expected))).toBe(true);
    });

    it('refuses oversize text with a Norwegian field message and keeps it', async () => {
      const long = 'Mange unge samles ved stasjonen. '.repeat(40);
      const res = await invoke('trend.submit', { focusArea: 'drugs', direction: 'stable', description: long, service: 'school' }, KARI, CHANNELS.vest);
      expect(errorAfter(res.card, 'description')).toBe(`Kan ha høyst 1000 tegn (nå ${long.length}).`);
      expect(byId(res.card, 'description')?.value).toBe(long);
    });

    it('refuses missing required fields and an unknown focus area next to the fields', async () => {
      const res = await invoke(
        'trend.submit',
        { focusArea: 'finnes-ikke', direction: 'increasing', description: 'Mer uro i sentrum.', service: 'school' },
        KARI,
        CHANNELS.vest,
      );
      expect(errorAfter(res.card, 'focusArea')).toBe('Velg et innsatsområde fra listen.');
      const empty = await invoke('trend.submit', { focusArea: 'drugs', description: '' }, KARI, CHANNELS.vest);
      expect(errorAfter(empty.card, 'direction')).toBe('Feltet må fylles ut.');
      expect(errorAfter(empty.card, 'description')).toBe('Feltet må fylles ut.');
    });

    it("refuses a crafted trend for another team's channel from a non-member and stores nothing there", async () => {
      const res = await invoke(
        'trend.submit',
        { focusArea: 'drugs', direction: 'new', description: 'Forsøk på å skrive i feil team.', service: 'school' },
        KARI,
        CHANNELS.ost,
      );
      expect(res.message).toBe('Bare medlemmer av Ungdomsteam Øst 13-16 og SLT-koordinatorer kan melde inn trender her.');
      const ost = await h.app.services.bodies.byChannel(TENANT, CHANNELS.ost.id);
      expect(await h.app.services.trends.list(bodyScope(TENANT, ost!.id), ['2026-11'])).toEqual([]);
      const cmd = await say('trend', KARI, CHANNELS.ost);
      expect(cmd.text).toContain('Bare medlemmer av Ungdomsteam Øst 13-16');
    });

    it('lets a coordinator edit the focus areas from the trend card, and refuses it to members', async () => {
      const { card } = await say('trend', SIGRID, CHANNELS.vest);
      expect(executeData(card, 'focusAreas.set')).toBeDefined();
      const { card: memberCard } = await say('trend', KARI, CHANNELS.vest);
      expect(executeData(memberCard, 'focusAreas.set')).toBeUndefined();
      const refused = await invoke('focusAreas.set', { areas: 'Bare ett område' }, KARI, CHANNELS.vest);
      expect(refused.message).toContain('SLT-koordinator');
      const saved = await invoke('focusAreas.set', { areas: 'Rusmiddelbruk blant unge\nNetthets og deling av bilder\nAnnet' }, SIGRID, CHANNELS.vest);
      expect(cardTexts(saved.card)[0]).toBe('Innsatsområdene er lagret');
      const { card: after } = await say('trend', KARI, CHANNELS.vest);
      const choices = (byId(after, 'focusArea') as { choices?: { title: string }[] }).choices?.map((c) => c.title);
      expect(choices).toEqual(['Rusmiddelbruk blant unge', 'Netthets og deling av bilder', 'Annet']);
    });
  });

  describe('escalations', () => {
    it('walks a matter from the youth team to the board, telling the requester at each step', async () => {
      const { card: form, activityId: formActivity } = await say('løft', KARI, CHANNELS.vest);
      expect(cardTexts(form)[0]).toBe('Løft en sak');
      const formId = executeData(form, 'escalation.submit')?.formId;
      const data = {
        title: 'Økende uro ved kjøpesenteret på kveldstid',
        description: 'Flere tjenester ser grupper som samles etter stengetid.',
        requestedAction: 'Felles tiltak med politiet',
        formId,
      };
      const proposed = await invoke('escalation.submit', data, KARI, CHANNELS.vest, formActivity);
      expect(cardTexts(proposed.card).slice(0, 2)).toEqual([data.title, 'Foreslått – venter på SLT-koordinator']);
      const id = matterId(proposed.card);
      await drain();
      expect(cardTexts(cardOf(directTo(KARI).at(-1)!.body)).join(' ')).toContain('er sendt til SLT-koordinator for vurdering');
      expect(cardTexts(cardOf(directTo(SIGRID).at(-1)!.body))).toContain('Ny sak til vurdering fra Ungdomsteam Vest 13-16');

      // Not visible yet to the coordination group, nor to another youth team.
      expect(cardTexts((await say('saker', PER, CHANNELS.koord)).card).join(' ')).not.toContain(data.title);
      expect(cardTexts((await say('saker', AMINA, CHANNELS.ost)).card).join(' ')).not.toContain(data.title);

      // A crafted accept by a member who is not a coordinator is refused and changes nothing.
      const crafted = await invoke('escalation.accept', { escalationId: id }, AMINA, CHANNELS.ost);
      expect(crafted.message).toContain('SLT-koordinator');

      const accepted = await invoke('escalation.accept', { escalationId: id, acceptNote: 'Tas opp i neste møte' }, SIGRID, CHANNELS.vest, formActivity);
      expect(cardTexts(accepted.card)[1]).toBe('Godtatt – ligger hos Koordineringsgruppen');
      const repeat = await invoke('escalation.accept', { escalationId: id, acceptNote: 'Tas opp i neste møte' }, SIGRID, CHANNELS.vest, formActivity);
      expect(repeat.card).toEqual(accepted.card);
      await drain();
      const koordPost = postsIn(CHANNELS.koord).find((p) => cardTexts(cardOf(p.body))[0] === data.title);
      expect(koordPost, 'the matter is posted in the coordination group').toBeDefined();
      expect(cardTexts(cardOf(directTo(KARI).at(-1)!.body)).join(' ')).toContain('er godtatt og løftet til Koordineringsgruppen');

      // On the coordination group's list and agenda query.
      expect(cardTexts((await say('saker', PER, CHANNELS.koord)).card)).toContain(data.title);
      const koord = await h.app.services.bodies.byChannel(TENANT, CHANNELS.koord.id);
      expect((await h.app.services.escalations.openEscalationsAt(TENANT, koord!.id)).map((e) => e.id)).toEqual([id]);

      const escalated = await invoke(
        'escalation.escalate',
        { escalationId: id, escalateNote: 'Trenger styrets myndighet' },
        SIGRID,
        CHANNELS.koord,
        koordPost!.assignedId,
      );
      expect(cardTexts(escalated.card)[1]).toBe('Løftet til SLT-styret');
      await drain();
      const boardPost = postsIn(CHANNELS.styret).find((p) => cardTexts(cardOf(p.body))[0] === data.title);
      expect(boardPost).toBeDefined();
      expect(h.connector.updates.some((u) => u.activityId === formActivity)).toBe(true); // the youth team's card updated in place
      expect(cardTexts(cardOf(directTo(KARI).at(-1)!.body)).join(' ')).toContain('er løftet videre til SLT-styret');

      const decided = await invoke(
        'escalation.decide',
        { escalationId: id, boardDecision: 'Styret bevilger midler til natteravner' },
        SIGRID,
        CHANNELS.styret,
        boardPost!.assignedId,
      );
      expect(cardTexts(decided.card)).toContain('Styrets vedtak: Styret bevilger midler til natteravner');
      await drain();
      const last = cardTexts(cardOf(directTo(KARI).at(-1)!.body));
      expect(last.join(' ')).toContain('SLT-styret har fattet vedtak');
      expect(last).toContain('Styrets vedtak: Styret bevilger midler til natteravner');
      expect(
        directTo(KARI)
          .map((m) => cardTexts(cardOf(m.body))[1])
          .filter((t) => t?.includes(data.title)),
      ).toHaveLength(4);
      expect(h.connector.updates.some((u) => u.activityId === koordPost!.assignedId)).toBe(true);

      // Every card of the walk is a valid Adaptive Card 1.5 as Teams would parse it.
      for (const c of [form, proposed.card, accepted.card, escalated.card, decided.card, cardOf(koordPost!.body), cardOf(directTo(KARI).at(-1)!.body)])
        expect(validateCard(c)).toEqual([]);
      const log = await h.app.services.audit.list(TENANT, id);
      expect(log.map((l) => `${l.fromState}→${l.toState}`)).toEqual(['→proposed', 'proposed→accepted', 'accepted→escalated', 'escalated→decided']);
      expect(await h.app.services.escalations.openEscalationsAt(TENANT, koord!.id)).toEqual([]);
    });

    it('refuses a declined matter without a reason next to the field, and tells the requester the reason', async () => {
      const { activityId } = await say('løft', KARI, CHANNELS.vest);
      const proposed = await invoke(
        'escalation.submit',
        { title: 'Lite tilbud til unge om sommeren', description: 'Flere melder at unge mangler steder å være.', formId: 'decline-1' },
        KARI,
        CHANNELS.vest,
        activityId,
      );
      const id = matterId(proposed.card);
      const noReason = await invoke('escalation.decline', { escalationId: id, declineNote: '' }, SIGRID, CHANNELS.vest, activityId);
      expect(errorAfter(noReason.card, 'declineNote')).toBe('Feltet må fylles ut.');
      const declined = await invoke(
        'escalation.decline',
        { escalationId: id, declineNote: 'Ungdomsteamet følger det opp selv først' },
        SIGRID,
        CHANNELS.vest,
        activityId,
      );
      expect(cardTexts(declined.card)[1]).toBe('Avslått');
      await drain();
      expect(cardTexts(cardOf(directTo(KARI).at(-1)!.body))).toContain('Begrunnelse for avslag: Ungdomsteamet følger det opp selv først');
    });

    it('lets one of two coordinators win when they accept and decline at once; the other is told', async () => {
      await h.app.services.roles.set(TENANT, OLA.aadObjectId, 'coordinator', true, 'test', clock.now().toISOString(), OLA.name);
      const { activityId } = await say('løft', KARI, CHANNELS.vest);
      const proposed = await invoke(
        'escalation.submit',
        { title: 'Salg av snus i friminuttene', description: 'Skolene melder om salg mellom elever.', formId: 'race-1' },
        KARI,
        CHANNELS.vest,
        activityId,
      );
      const id = matterId(proposed.card);
      const [a, b] = await Promise.all([
        invoke('escalation.accept', { escalationId: id }, SIGRID, null),
        invoke('escalation.decline', { escalationId: id, declineNote: 'Ikke nå' }, OLA, null),
      ]);
      const winners = [a, b].filter((r) => r.card);
      const losers = [a, b].filter((r) => r.message);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]!.message).toMatch(/^Saken er allerede (godtatt|avslått) av en SLT-koordinator\.$/);
      expect((await h.app.services.audit.list(TENANT, id)).map((l) => l.verb)).toHaveLength(2);
    });

    it('refuses to lift a matter from the board, and tells a personal chat where to escalate', async () => {
      expect((await say('løft', OLA, CHANNELS.styret)).text).toBe('SLT-styret er øverste nivå: saker herfra kan ikke løftes videre.');
      h.connector.clear();
      await h.send(personalMessage('løft', { serviceUrl: url(), from: KARI }));
      expect(h.connector.messages[0]!.body.text).toContain('skriv «@SLT-boten løft» der');
    });

    it('shows a coordinator in a personal chat what waits at each level, and a member only their bodies', async () => {
      h.connector.clear();
      await h.send(personalMessage('saker', { serviceUrl: url(), from: SIGRID }));
      const texts = cardTexts(cardOf(h.connector.messages[0]!.body));
      expect(texts[0]).toBe('Åpne saker du har tilgang til');
      h.connector.clear();
      await h.send(personalMessage('saker', { serviceUrl: url(), from: AMINA }));
      expect(cardTexts(cardOf(h.connector.messages[0]!.body)).join(' ')).not.toContain('Ungdomsteam Vest');
    });
  });

  describe('retention', () => {
    it('runs daily through the scheduler and erases free text older than 24 months, keeping the categories', async () => {
      const scope = bodyScope(TENANT, (await vestBody()).id);
      expect((await h.app.services.trends.list(scope, ['2026-11'])).length).toBeGreaterThan(0);
      const pending = await h.app.services.scheduler.pending(TENANT);
      expect(pending.map((j) => j.key)).toContain(`retention:${TENANT}:2026-11-03`);
      // Two years and a bit later the scheduler gets to it.
      clock.set('2028-11-05T03:00:00Z');
      await h.drain();
      const trends = await h.app.services.trends.list(scope, ['2026-11']);
      expect(trends.every((t) => t.description === '' && t.textErasedAt)).toBe(true);
      expect(trends.map((t) => t.focusAreaId)).toContain('drugs');
      const open = await h.app.services.escalations.listAt(scope, (await vestBody()).id, false);
      expect(open.every((c) => c.escalation.title === '' && c.escalation.description === '')).toBe(true);
      // …and the next day's run is scheduled.
      expect((await h.app.services.scheduler.pending(TENANT)).map((j) => j.key)).toContain(`retention:${TENANT}:2028-11-06`);
    });
  });

  async function vestBody() {
    return (await h.app.services.bodies.byChannel(TENANT, CHANNELS.vest.id))!;
  }
});
