import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { planCreate } from '../../src/domain/measures/rules';
import { MeasureRepository } from '../../src/storage/table/measures';
import { CHANNELS, cardAction, channelMessage, PEOPLE, type Person, personalMessage, TEAM_ID, TENANT } from '../support/activities';
import { type Card, cardNodes, errorAfter, executeData, inputValue, member, shown as shownTexts, verbs } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import { type DigestFixture, MATTERS, seedDigestFixture, TASKS } from '../support/digest-fixture';
import { cardOf, type Harness, startHarness } from '../support/harness';

/**
 * The measures register end to end (issue 17), through /api/messages against Azurite: a matter
 * resolved with a measure appears in `tiltak`; `measure.status` to «Fullført» takes it off the
 * digest's overdue list and shows «Fullført <dato>» in the annual report; a stale card is refused
 * and shown again with the current values; a minutes task becomes a measure linked to its
 * meeting; the board's decision carries a measure; ids of another network are refused; members
 * read, coordinators write; the yearly focus areas record the board meeting; and the December
 * run of the annual wheel asks the coordinators 1:1 for evaluations, once.
 */
const SIGRID = PEOPLE.sigrid; // SLT coordinator
const KARI = PEOPLE.kari; // member of the coordination group, no role
const OLA = PEOPLE.ola; // board member, no role
const OTHER_TENANT = '0f0e0d0c-0b0a-4999-8888-777766665555';

type Reply = { card?: Card; message?: string };

/** What the user reads (a fact starting «2. november» is bound with its list marker escaped). */
const shown = (card: Card | undefined): string[] => shownTexts(card).map((t) => t.replace(/\\\./g, '.'));

/** The lines under a heading of the digest card. */
function listUnder(card: unknown, heading: string): string[] {
  const box = cardNodes(card).find((n) => Array.isArray(n.items) && (n.items as Card[])[0]?.text === heading);
  return box ? (box.items as Card[]).slice(1).map((i) => String(i.text)) : [];
}

describe('the measures register through /api/messages', () => {
  let h: Harness;
  let fx: DigestFixture;
  const clock = new ManualClock('2026-11-02T09:00:00.000Z');
  const url = () => h.connector.url;
  const invoke = async (verb: string, data: Record<string, unknown>, from: Person, channel: { id: string; name: string } | null = null): Promise<Reply> => {
    const res = await h.send(cardAction(verb, data, { serviceUrl: url(), from, channel }));
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown };
    if (body?.type !== 'application/vnd.microsoft.card.adaptive') return { message: String(body?.value) };
    expect(validateCard(body.value)).toEqual([]);
    return { card: body.value as Card };
  };
  const say = async (text: string, from: Person, channel?: { id: string; name: string }): Promise<Reply> => {
    h.connector.clear();
    await h.send(channel ? channelMessage(text, { serviceUrl: url(), from, channel }) : personalMessage(text, { serviceUrl: url(), from }));
    const m = h.connector.messages[0]!.body;
    const card = cardOf(m);
    if (card) expect(validateCard(card)).toEqual([]);
    return card ? { card } : { message: String(m.text) };
  };
  const listTitles = (card: Card | undefined): string[] =>
    cardNodes(card)
      .filter((n) => n.type === 'Column' && (n.items as Card[])?.[0]?.weight === 'Bolder')
      .map((n) => String((n.items as Card[])[0]!.text));
  const measureIdIn = (card: Card | undefined, title: string): string => {
    const col = cardNodes(card).find((n) => n.type === 'ColumnSet' && JSON.stringify(n).includes(title));
    return String(executeData(col, 'measure.show')?.measureId);
  };
  const html = async (year: number): Promise<string> => {
    h.connector.clear();
    await h.send(personalMessage(`årsrapport ${year}`, { serviceUrl: url(), from: SIGRID }));
    const link = (cardOf(h.connector.messages[0]!.body)!.actions as { url: string }[])[0]!.url.replace(/^https?:\/\/[^/]+/, h.baseUrl);
    return (await fetch(link)).text();
  };

  beforeAll(async () => {
    h = await startHarness({ clock });
    fx = await seedDigestFixture(h.app.services, h.connector.url);
    h.connector.rosters.set(CHANNELS.koord.id, [member(KARI), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.styret.id, [member(OLA), member(SIGRID)]);
    // Teams finds a person to write to 1:1 in the team's roster.
    h.connector.rosters.set(TEAM_ID, [member(KARI), member(OLA), member(SIGRID)]);
  });
  afterAll(async () => h?.stop());

  let measureId = '';

  it('puts the measure of a matter resolved by the coordination group into the register, where `tiltak` lists it', async () => {
    const resolved = await invoke(
      'escalation.resolve',
      {
        escalationId: fx.matters.newAtKoord,
        decision: 'Felles innsats med politiet i helgene.',
        measure: 'Trygghetsvandring i sentrum',
        responsible: 'Utekontakten',
        due: '2026-10-25',
      },
      SIGRID,
      CHANNELS.koord,
    );
    expect(shown(resolved.card)[1]).toMatch(/^Behandlet/);
    const list = await say('tiltak', SIGRID);
    expect(shown(list.card)[0]).toBe('Tiltak som pågår eller er planlagt');
    expect(listTitles(list.card)).toContain('Trygghetsvandring i sentrum');
    measureId = measureIdIn(list.card, 'Trygghetsvandring i sentrum');
    // Linked both ways: the measure names its matter, and the matter finds its measure by id.
    expect(measureId).toBe(MeasureRepository.forEscalation(TENANT, fx.matters.newAtKoord));
    const card = (await invoke('measure.show', { measureId }, SIGRID)).card;
    expect(shown(card)).toEqual(
      expect.arrayContaining([
        'Trygghetsvandring i sentrum',
        'Status: Planlagt – Fristen er passert (25. oktober 2026)',
        'Ansvarlige tjenester: Utekontakt / oppsøkende tjeneste',
        'Organ som eier tiltaket: Koordineringsgruppen',
        `Kommer fra: Løftet sak: ${MATTERS.newAtKoord}`,
      ]),
    );
    expect(verbs(card)).toEqual(['measure.status', 'measure.show']);
  });

  it("lists an overdue measure that is not completed on the digest's overdue list with its responsible service", async () => {
    const digest = (await say('rapport 2026-10', SIGRID)).card;
    expect(listUnder(digest, 'Forfalt')).toContain(
      `Tiltak: Trygghetsvandring i sentrum – Utekontakt / oppsøkende tjeneste, ${CHANNELS.koord.name}, frist 25. oktober (6 dager over fristen)`,
    );
    // A matter decided before the register still reads as before.
    expect(listUnder(digest, 'Forfalt')[0]).toMatch(/^Tiltak: Foreldrevandring i boligområdet – Kulturetaten/);
  });

  it('sets the status to «Fullført» from the card: the measure leaves the overdue list and the annual report says «Fullført <dato>»', async () => {
    const card = (await invoke('measure.show', { measureId }, SIGRID)).card;
    const target = executeData(card, 'measure.status')!;
    expect(target).toEqual({ measureId, version: '1' });
    const done = await invoke('measure.status', { ...target, status: 'completed' }, SIGRID);
    expect(shown(done.card).slice(0, 3)).toEqual(['Trygghetsvandring i sentrum', 'Status: Fullført 2. november 2026', 'Status er satt til «Fullført».']);
    expect(shown(done.card)).toContain('Status satt: 2. november 2026 av Sigrid Vågen');
    expect(shown(done.card)).toContain('2. november 2026: status Planlagt → Fullført (Sigrid Vågen)');

    const digest = (await say('rapport 2026-10', SIGRID)).card;
    expect(JSON.stringify(digest)).not.toContain('Trygghetsvandring');
    const report = await html(2026);
    expect(report).toMatch(/<td>Trygghetsvandring i sentrum<\/td>(<td>[^<]*<\/td>){3}<td>Fullført 2\. november 2026<\/td>/);
    expect(report).not.toMatch(/Trygghetsvandring i sentrum<\/td>.*Fristen er passert/);
  });

  it('refuses a status change from a stale card and shows the card again with the current values; the same click twice is one change', async () => {
    const repeat = await invoke('measure.status', { measureId, version: '1', status: 'completed' }, SIGRID);
    expect(shown(repeat.card)[2]).toBe('Status er satt til «Fullført».');
    const stale = await invoke('measure.status', { measureId, version: '1', status: 'ongoing' }, SIGRID);
    expect(shown(stale.card)[1]).toBe('Status: Fullført 2. november 2026');
    expect(shown(stale.card)[2]).toMatch(/^Tiltaket er endret siden kortet ble laget \(Sigrid Vågen, 2\. november 2026\)\. Endringen er ikke lagret\./);
    expect(inputValue(stale.card, 'status')).toBe('completed');
    expect(executeData(stale.card, 'measure.status')).toEqual({ measureId, version: '2' });
    expect(await h.app.services.measures.history(TENANT, measureId)).toHaveLength(2);
  });

  it("refuses a measure of another network, a status that is not on the card's list, and anyone who is not a coordinator", async () => {
    const foreign = planCreate(
      {
        tenantId: OTHER_TENANT,
        id: MeasureRepository.idFor(OTHER_TENANT, 'manual', 'f'),
        fields: { title: 'Annet nettverks tiltak', description: '', focusAreas: [], responsible: [], ownerBodyId: fx.bodies.koord.id },
        state: 'planned',
        source: { kind: 'manual' },
      },
      SIGRID,
      clock.now().toISOString(),
      'k',
    );
    if (!foreign.ok) throw new Error('fixture');
    await h.app.services.measures.create(foreign.measure, foreign.log);
    const notFound = 'Fant ikke tiltaket. Det kan høre til et annet nettverk, eller et organ du ikke er med i.';
    expect((await invoke('measure.status', { measureId: foreign.measure.id, version: '1', status: 'completed' }, SIGRID)).message).toBe(notFound);
    expect((await invoke('measure.show', { measureId: foreign.measure.id }, SIGRID)).message).toBe(notFound);
    expect((await invoke('measure.save', { measureId: foreign.measure.id, version: '1', title: 'Kapret' }, SIGRID)).message).toBe(notFound);
    expect((await h.app.services.measures.get(OTHER_TENANT, foreign.measure.id))!.state).toBe('planned');

    const bad = await invoke('measure.status', { measureId, version: '2', status: 'done' }, SIGRID);
    expect(shown(bad.card)[1]).toBe('Status: Fullført 2. november 2026');
    expect(errorAfter(bad.card, 'status')).toBe('Velg en av de oppgitte verdiene.');

    expect((await invoke('measure.status', { measureId, version: '2', status: 'ongoing' }, KARI, CHANNELS.koord)).message).toMatch(
      /^Dette krever rollen SLT-koordinator/,
    );
  });

  it('lets a member of a body read its measures, without anything to change', async () => {
    const list = await say('tiltak', KARI, CHANNELS.koord);
    expect(shown(list.card)[1]).toMatch(/tiltak\. Bare SLT-koordinatorene kan endre tiltakene\.$/);
    expect(listTitles(list.card)).toEqual(['Trygghetsvandring i sentrum']);
    const card = (await invoke('measure.show', { measureId }, KARI, CHANNELS.koord)).card;
    expect(shown(card)).toContain('Bare SLT-koordinatorene kan endre tiltak.');
    expect(verbs(card)).toEqual(['measure.show']);
    expect(JSON.stringify(card)).not.toContain('Sigrid');
    expect((await say('tiltak ny', KARI, CHANNELS.koord)).message).toBe('Dette kan bare SLT-koordinatorene gjøre.');
    // A body she is not in.
    expect((await say('tiltak', KARI, CHANNELS.styret)).message).toBe(`Du er ikke medlem av ${CHANNELS.styret.name}, så du kan ikke se tiltakene her.`);
  });

  it("gives the board's decision the same measure, responsible and deadline fields, so its measure is followed up too", async () => {
    const decided = await invoke(
      'escalation.decide',
      {
        escalationId: fx.matters.waitingEscalated,
        boardDecision: 'Styret bevilger midler til sommerjobber.',
        measure: 'Sommerjobb for ungdom i risiko',
        responsible: 'NAV',
        due: '2027-06-01',
      },
      SIGRID,
      CHANNELS.styret,
    );
    expect(shown(decided.card)).toContain('Tiltak: Sommerjobb for ungdom i risiko');
    const list = await say('tiltak', OLA, CHANNELS.styret);
    expect(listTitles(list.card)).toEqual(['Sommerjobb for ungdom i risiko']);
    expect(shown(list.card).join('\n')).toContain('Planlagt · Nivå ikke satt · NAV · 1. juni 2027');
  });

  it('makes a minutes task a measure linked to its meeting («Gjør til tiltak»), once', async () => {
    h.connector.clear();
    await h.send(channelMessage('referat', { serviceUrl: url(), from: SIGRID, channel: CHANNELS.koord }));
    await h.app.outboxSender.tick();
    const form = cardOf(h.connector.messages.find((m) => m.conversationId === `a:1on1-${SIGRID.id}`)!.body);
    const task = TASKS.find(([, , t]) => t.title === 'Kartlegge tilbud på kveldstid')![2];
    const button = cardNodes(form).find((n) => n.verb === 'measure.fromTask' && JSON.stringify(cardNodes(form)).includes(task.title));
    expect(button?.title).toBe('Gjør til tiltak');
    const data = cardNodes(form)
      .filter((n) => n.type === 'ColumnSet' && JSON.stringify(n).includes(task.title))
      .map((n) => executeData(n, 'measure.fromTask'))[0]!;
    expect(data).toMatchObject({ bodyId: fx.bodies.koord.id, meetingId: 'm000000000000000c-1' });
    const made = await invoke('measure.fromTask', data, SIGRID);
    expect(shown(made.card)[0]).toBe(`Endre tiltak: ${task.title}`);
    expect(shown(made.card)).toContain('Oppgaven er gjort til et tiltak i tiltaksregisteret. Fyll inn det som mangler.');
    expect(shown(made.card)).toContain('Kommer fra: Oppgave i referatet fra Koordineringsgruppen 13. oktober 2026');
    expect(inputValue(made.card, 'responsible')).toBe('youthClub');
    expect(inputValue(made.card, 'end')).toBe(task.due);
    const again = await invoke('measure.fromTask', data, SIGRID);
    expect(shown(again.card)).toContain('Tiltaket var allerede registrert.');
    const id = String(executeData(made.card, 'measure.save')!.measureId);
    const stored = await h.app.services.measures.get(TENANT, id);
    expect(stored?.source).toEqual({
      kind: 'task',
      bodyId: fx.bodies.koord.id,
      meetingId: 'm000000000000000c-1',
      meetingStartUtc: '2026-10-13T08:00:00.000Z',
      taskId: data.taskId,
    });
    // Followed up as a measure now: the digest does not list the task as well.
    const digest = (await say('rapport 2026-10', SIGRID)).card;
    expect(JSON.stringify(digest).match(new RegExp(task.title, 'g'))).toHaveLength(1);
    expect(JSON.stringify(digest)).toContain(`Tiltak: ${task.title}`);
  });

  it('registers a measure on its own, once per form, and shows bad input next to its field with the input kept', async () => {
    const form = (await say('tiltak ny', SIGRID)).card;
    expect(shown(form)[0]).toBe('Nytt tiltak');
    const target = executeData(form, 'measure.save')!;
    const data = {
      ...target,
      title: 'Utsett! for foreldre på 8. trinn',
      description: 'Foreldremøter om rus på alle ungdomsskolene.',
      focusAreas: 'drugs',
      level: 'universal',
      responsible: 'school,health',
      ownerBodyId: fx.bodies.koord.id,
      plan: 'Rusmiddelpolitisk handlingsplan, tiltak 9',
      start: '2026-09-01',
      end: '2026-08-01',
      status: 'ongoing',
      evaluationMethod: 'Prosessevaluering med skolene',
    };
    const refused = await invoke('measure.save', data, SIGRID);
    expect(errorAfter(refused.card, 'end')).toBe('Slutt eller frist må være samme dag som starten eller senere.');
    expect(inputValue(refused.card, 'title')).toBe(data.title);
    expect(inputValue(refused.card, 'plan')).toBe(data.plan);
    const named = await invoke('measure.save', { ...data, end: '2027-06-15', description: 'Ring Kari Nordmann på 912 34 567.' }, SIGRID);
    expect(errorAfter(named.card, 'description')).toMatch(/telefonnummer/i);
    expect(inputValue(named.card, 'description')).toBe('Ring Kari Nordmann på 912 34 567.');

    const saved = await invoke('measure.save', { ...data, end: '2027-06-15' }, SIGRID);
    expect(shown(saved.card).slice(0, 3)).toEqual(['Utsett! for foreldre på 8. trinn', 'Status: Pågår', 'Tiltaket er registrert.']);
    expect(shown(saved.card)).toEqual(
      expect.arrayContaining(['Innsatsområde: Rusmiddelbruk blant unge', 'Nivå: Universelt nivå', 'Plan: Rusmiddelpolitisk handlingsplan, tiltak 9']),
    );
    const twice = await invoke('measure.save', { ...data, end: '2027-06-15' }, SIGRID);
    expect(shown(twice.card)[2]).toBe('Tiltaket var allerede registrert.');
    expect(listTitles((await say('tiltak alle', SIGRID)).card).filter((t) => t.startsWith('Utsett!'))).toHaveLength(1);
  });

  it('saves an evaluation with only the fields of the evaluation form, and refuses a save from a stale form with the input kept', async () => {
    const id = MeasureRepository.forEscalation(TENANT, fx.matters.waitingEscalated);
    const form = (await invoke('measure.show', { measureId: id, mode: 'evaluate' }, SIGRID)).card;
    expect(shown(form)[0]).toBe('Evaluering av tiltaket: Sommerjobb for ungdom i risiko');
    const target = executeData(form, 'measure.save')!;
    const evaluated = await invoke(
      'measure.save',
      { ...target, evaluationMethod: '', evaluation: 'Godt mottatt av ungdom og arbeidsgivere.', conclusion: 'continue' },
      SIGRID,
    );
    expect(shown(evaluated.card)).toEqual(
      expect.arrayContaining(['Evaluering: Godt mottatt av ungdom og arbeidsgivere.', 'Konklusjon: Videreføres', 'Endringene er lagret.']),
    );
    expect(shown(evaluated.card)).toContain('Status: Planlagt');

    const late = await invoke('measure.save', { ...target, evaluationMethod: '', evaluation: 'En annen vurdering.', conclusion: 'end' }, SIGRID);
    expect(shown(late.card)[2]).toMatch(/^Tiltaket ble endret av Sigrid Vågen 2\. november 2026 mens du skrev \(evaluering, konklusjon\)/);
    expect(inputValue(late.card, 'evaluation')).toBe('En annen vurdering.');
    expect(executeData(late.card, 'measure.save')!.version).toBe('2');
    expect((await h.app.services.measures.get(TENANT, id))!.conclusion).toBe('continue');
  });

  it('records the focus areas the board decided for a year, with its meeting', async () => {
    const card = (await say('tiltak innsatsområder 2027', SIGRID)).card;
    expect(shown(card)[0]).toBe('Innsatsområder for 2027');
    const meetings = cardNodes(card).find((n) => n.id === 'boardMeetingId')!.choices as { title: string; value: string }[];
    expect(meetings.map((m) => m.value)).toEqual(['m000000000000000f-1', 'm0000000000000010-1']);
    const target = executeData(card, 'focusAreas.set')!;
    const areas = 'Rusmiddelbruk blant unge\nKriminelle ungdomsnettverk\nNetthets og deling av bilder';
    const missing = await invoke('focusAreas.set', { ...target, areas, boardMeetingId: '' }, SIGRID);
    expect(errorAfter(missing.card, 'boardMeetingId')).toBe('Velg styremøtet som vedtok innsatsområdene.');
    expect(inputValue(missing.card, 'areas')).toBe(areas);
    const saved = await invoke('focusAreas.set', { ...target, areas, boardMeetingId: 'm000000000000000f-1' }, SIGRID);
    expect(shown(saved.card)).toContain('Innsatsområdene for 2027 er lagret.');
    expect(shown(saved.card)).toContain('2027: vedtatt i SLT-styret 24. november 2026');
    expect((await h.app.services.focusAreas.forYear(TENANT, 2027)).map((a) => a.id)).toEqual(['drugs', 'youth-networks', 'netthets-og-deling-av-bilder']);
    // This year's list (and the trend card) is unchanged.
    expect((await h.app.services.focusAreas.get(TENANT)).map((a) => a.id)).toContain('extremism');
  });

  it("writes the status text of a focus area, refuses one from a stale card, and shows the area's measures and trend topics", async () => {
    const card = (await say('tiltak status', SIGRID)).card;
    expect(shown(card)[0]).toBe('Status og fremdrift per innsatsområde 2026');
    expect(shown(card)).toContain('Tiltak: pågår 1');
    expect(shown(card).some((t) => /^Trender: \d+ \(\d+ økende\)$/.test(t))).toBe(true);
    const target = executeData(card, 'focusStatus.save')!;
    const saved = await invoke('focusStatus.save', { ...target, text__drugs: 'Utsett! er gjennomført på alle ungdomsskolene.' }, SIGRID);
    expect(shown(saved.card)).toContain('Statustekstene er lagret.');
    expect(inputValue(saved.card, 'text__drugs')).toBe('Utsett! er gjennomført på alle ungdomsskolene.');
    const stale = await invoke('focusStatus.save', { ...target, text__drugs: 'En annen tekst.' }, SIGRID);
    expect(errorAfter(stale.card, 'text__drugs')).toMatch(
      /^Teksten ble endret av Sigrid Vågen .* Nå står det: «Utsett! er gjennomført på alle ungdomsskolene\.»/,
    );
    expect(inputValue(stale.card, 'text__drugs')).toBe('En annen tekst.');
    const member = (await say('tiltak status', KARI, CHANNELS.koord)).card;
    expect(shown(member)).toContain('Utsett! er gjennomført på alle ungdomsskolene.');
    expect(verbs(member)).toEqual(['measure.show']);
  });

  it("in the autumn puts «Innsatsområder for <år>» on the board's next agenda, once", async () => {
    // The 2027 list is decided above; the wheel would skip it. For 2028 the board has no meeting left this year.
    const { focusAreasOnBoardAgenda } = await import('../../src/app/measure-jobs');
    expect(await focusAreasOnBoardAgenda(h.app.services, TENANT, 2027, clock.now())).toBe('already decided');
    clock.set('2026-12-01T09:00:00.000Z');
    expect(await focusAreasOnBoardAgenda(h.app.services, TENANT, 2028, clock.now())).toBe('no board meeting this year');
    clock.set('2026-11-02T09:00:00.000Z');
    expect(await focusAreasOnBoardAgenda(h.app.services, TENANT, 2028, clock.now())).toBe('added');
    expect(await focusAreasOnBoardAgenda(h.app.services, TENANT, 2028, clock.now())).toBe('already on an agenda');
    const agenda = (await say('agenda', OLA, CHANNELS.styret)).card;
    expect(shown(agenda).some((t) => t.endsWith('Innsatsområder for 2028'))).toBe(true);
  });

  it('in December asks each coordinator 1:1 to evaluate the measures that ran this year, once, from the scheduled job', async () => {
    clock.set('2026-12-07T05:30:00.000Z');
    await h.send(personalMessage('hjelp', { serviceUrl: url(), from: SIGRID })); // the tenant's wheel is made sure of
    clock.set('2026-12-07T06:00:30.000Z');
    h.connector.clear();
    await h.drain();
    await h.app.outboxSender.tick();
    const prompts = h.connector.messages.filter((m) => m.conversationId === `a:1on1-${SIGRID.id}`);
    expect(prompts).toHaveLength(1);
    const card = cardOf(prompts[0]!.body);
    expect(validateCard(card)).toEqual([]);
    expect(shown(card)[0]).toBe('Evaluering av tiltakene i 2026');
    expect(listTitles(card)[0]).not.toBe('Sommerjobb for ungdom i risiko'); // evaluated already: listed last
    expect(listTitles(card)).toContain('Trygghetsvandring i sentrum');
    expect(shown(card).join('\n')).toContain('Evaluert: Videreføres');
    // Another run the same year (another instance, a retry) asks no one again.
    const { askForEvaluations } = await import('../../src/app/measure-jobs');
    expect(await askForEvaluations(h.app.services, TENANT, 2026, clock.now())).toBe(0);
    const next = (await h.app.services.scheduler.pending(TENANT)).find((j) => j.kind === 'measuresWheel' && j.dueAt > clock.now().toISOString());
    expect(next?.dueAt).toBe('2026-12-14T06:00:00.000Z');
  });
});
