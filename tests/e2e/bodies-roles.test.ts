import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsRoster } from '../../src/bot/roster';
import { CHANNELS, cardAction, channelMessage, PEOPLE, type Person, personalMessage, TEAM_ID, TENANT, type TestChannel } from '../support/activities';
import { type Card, type Element, errorAfter, inputValue, invokeResult, member, shown } from '../support/card-reading';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

/** Body elements of a card in order. */
function elements(card: Card | undefined): Element[] {
  return ((card?.body as Element[] | undefined) ?? []).filter(Boolean);
}

const REGISTER = { kind: 'youthTeam', name: 'Ungdomsteam Sentrum', cadenceWeeks: '', weekday: '2', time: '09:00', durationMinutes: '90' };

describe('bodies and roles through /api/messages', () => {
  let h: Harness;
  const url = () => h.connector.url;
  const invoke = async (verb: string, data: Record<string, unknown>, from: Person, channel: TestChannel | null = CHANNELS.general) =>
    invokeResult(await h.send(cardAction(verb, data, { serviceUrl: url(), from, channel })));
  const say = async (text: string, from: Person, channel: TestChannel = CHANNELS.general) => {
    h.connector.clear();
    await h.send(channelMessage(text, { serviceUrl: url(), from, channel }));
    return h.connector.messages.map((m) => m.body);
  };

  beforeAll(async () => {
    h = await startHarness({ env: { SLT_ADMINS: PEOPLE.sigrid.aadObjectId } });
    // The team: everyone, and General (standard) is read by all of it. The other channels are
    // private: the youth teams' and the coordination group's hold everyone too, the board's its own,
    // smaller roster.
    h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
    h.connector.channels.set(TEAM_ID, [CHANNELS.general, CHANNELS.vest, CHANNELS.ost, CHANNELS.koord, CHANNELS.styret]);
    for (const c of [CHANNELS.vest, CHANNELS.ost, CHANNELS.koord]) h.connector.rosters.set(c.id, Object.values(PEOPLE).map(member));
    h.connector.rosters.set(CHANNELS.styret.id, [member(PEOPLE.per), member(PEOPLE.sigrid)]);
  });
  afterAll(async () => h.stop());

  it('shows an administrator the roles card with the team roster to pick from', async () => {
    const [reply] = await say('koordinator', PEOPLE.sigrid);
    const card = cardOf(reply!);
    expect(cardTexts(card)[0]).toBe('Roller i SLT-boten');
    expect(shown(card)).toContain(`${PEOPLE.sigrid.name}: administrator (SLT_ADMINS)`);
    const picker = elements(card).find((e) => e.id === 'aadObjectId');
    expect(picker?.type).toBe('Input.ChoiceSet');
    expect(picker?.choices?.map((c) => c.value).sort()).toEqual(
      Object.values(PEOPLE)
        .map((p) => p.aadObjectId)
        .sort(),
    );
  });

  it('lets the administrator grant the coordinator role, and a second grant changes nothing', async () => {
    const first = await invoke('role.grant', { aadObjectId: PEOPLE.kari.aadObjectId, role: 'coordinator' }, PEOPLE.sigrid);
    expect(cardTexts(first.card)).toContain('Kari Fjellheim er nå SLT-koordinator.');
    expect(cardTexts(first.card)).toContain('Kari Fjellheim: SLT-koordinator');
    const again = await invoke('role.grant', { aadObjectId: PEOPLE.kari.aadObjectId, role: 'coordinator' }, PEOPLE.sigrid);
    expect(cardTexts(again.card)).toContain('Kari Fjellheim var allerede SLT-koordinator. Ingenting er endret.');
    const rows = await h.app.services.roles.list(TENANT);
    expect(rows.filter((r) => r.aadObjectId === PEOPLE.kari.aadObjectId)).toEqual([
      expect.objectContaining({ coordinator: true, admin: false, name: 'Kari Fjellheim' }),
    ]);
  });

  it('stores the roster name that comes with a grant cleaned of control characters, like typed text', async () => {
    const dirty = { ...member(PEOPLE.amina), name: '\u0007Amina\u0000 Solberg-Ali\u001b ' };
    h.connector.rosters.set(TEAM_ID, [
      ...Object.values(PEOPLE)
        .filter((p) => p !== PEOPLE.amina)
        .map(member),
      dirty,
    ]);
    (h.app.services.roster as TeamsRoster).clear(); // the bot caches rosters for a minute
    try {
      await invoke('role.grant', { aadObjectId: PEOPLE.amina.aadObjectId, role: 'coordinator' }, PEOPLE.sigrid);
      expect((await h.app.services.roles.get(TENANT, PEOPLE.amina.aadObjectId))?.name).toBe('Amina Solberg-Ali');
      await invoke('role.revoke', { aadObjectId: PEOPLE.amina.aadObjectId, role: 'coordinator' }, PEOPLE.sigrid);
    } finally {
      h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
      (h.app.services.roster as TeamsRoster).clear();
    }
  });

  it('refuses a crafted role.grant from someone who is not an administrator and stores nothing', async () => {
    const res = await invoke('role.grant', { aadObjectId: PEOPLE.ola.aadObjectId, role: 'admin' }, PEOPLE.ola);
    expect(res.message).toContain('administrator');
    expect(await h.app.services.roles.get(TENANT, PEOPLE.ola.aadObjectId)).toBeUndefined();
  });

  it('refuses to revoke an administrator from SLT_ADMINS and says why', async () => {
    const res = await invoke('role.revoke', { aadObjectId: PEOPLE.sigrid.aadObjectId, role: 'admin' }, PEOPLE.sigrid);
    expect(shown(res.card).join('\n')).toContain('er administrator fra oppsettet (SLT_ADMINS) og kan ikke fjernes i boten');
  });

  it('gives the coordinator the registration form in a channel, and an explanation in a personal chat', async () => {
    const [reply] = await say('registrer', PEOPLE.kari);
    const card = cardOf(reply!);
    expect(cardTexts(card)[0]).toBe('Registrer kanalen som SLT-organ');
    expect(
      elements(card)
        .map((e) => e.id)
        .filter(Boolean),
    ).toEqual(['kind', 'name', 'cadenceWeeks', 'weekday', 'time', 'durationMinutes']);
    h.connector.clear();
    await h.send(personalMessage('registrer', { serviceUrl: url(), from: PEOPLE.kari }));
    expect(String(h.connector.messages[0]!.body.text)).toContain('må skrives i kanalen som skal registreres');
  });

  it('registers the General channel (id = team id) as a youth team with the default cadence', async () => {
    const res = await invoke('body.register', REGISTER, PEOPLE.kari, CHANNELS.general);
    const texts = cardTexts(res.card);
    expect(texts[0]).toBe('Kanalen er registrert');
    expect(texts).toContain('Møtes: hver 6. uke');
    expect(texts).toContain('Vanlig tid: tirsdager kl. 09:00');
    expect(texts).toContain('Skriv «@SLT-boten møte» for å planlegge møter.');
    const body = await h.app.services.bodies.byChannel(TENANT, TEAM_ID);
    expect(body).toMatchObject({
      kind: 'youthTeam',
      name: 'Ungdomsteam Sentrum',
      cadenceWeeks: 6,
      weekday: 2,
      time: '09:00',
      durationMinutes: 90,
      channelId: TEAM_ID,
      registeredBy: PEOPLE.kari.aadObjectId,
    });
    // Posts later go to this channel itself, not to a thread of the card.
    expect(body?.ref).toMatchObject({ conversationId: TEAM_ID, serviceUrl: url(), tenantId: TENANT, teamId: TEAM_ID });
  });

  it('registers the board channel as the board with a quarterly cadence', async () => {
    const res = await invoke(
      'body.register',
      { kind: 'board', name: 'SLT-styret', cadenceWeeks: '', weekday: '', time: '', durationMinutes: '' },
      PEOPLE.kari,
      CHANNELS.styret,
    );
    expect(cardTexts(res.card)).toContain('Møtes: hver 13. uke');
    expect(await h.app.services.bodies.byChannel(TENANT, CHANNELS.styret.id)).toMatchObject({
      kind: 'board',
      cadenceWeeks: 13,
      durationMinutes: 90,
      channelName: 'SLT-styret',
    });
  });

  it('updates the same body when the channel is registered again, keeping its id and registration time', async () => {
    const before = await h.app.services.bodies.byChannel(TENANT, TEAM_ID);
    const res = await invoke('body.register', { ...REGISTER, name: 'Ungdomsteam Sentrum 13-16', cadenceWeeks: '4' }, PEOPLE.kari, CHANNELS.general);
    expect(cardTexts(res.card)[0]).toBe('Registreringen er oppdatert');
    const after = await h.app.services.bodies.byChannel(TENANT, TEAM_ID);
    expect(after).toMatchObject({ id: before!.id, registeredAt: before!.registeredAt, name: 'Ungdomsteam Sentrum 13-16', cadenceWeeks: 4 });
    expect(await h.app.services.bodies.list(TENANT)).toHaveLength(2);
    const twice = await invoke('body.register', { ...REGISTER, name: 'Ungdomsteam Sentrum 13-16', cadenceWeeks: '4' }, PEOPLE.kari, CHANNELS.general);
    expect(cardTexts(twice.card)[0]).toBe('Ingen endringer: kanalen var allerede registrert slik');
  });

  it('shows the registration form with the current values when a registered channel runs «registrer» again', async () => {
    const [reply] = await say('registrer', PEOPLE.kari);
    const card = cardOf(reply!);
    expect(cardTexts(card).join('\n')).toContain('Kanalen er nå registrert som ungdomsteam «Ungdomsteam Sentrum 13-16»');
    expect(inputValue(card, 'name')).toBe('Ungdomsteam Sentrum 13-16');
    expect(inputValue(card, 'cadenceWeeks')).toBe(4);
  });

  it('refuses a second board in another channel, naming the channel that holds it, and stores nothing', async () => {
    const res = await invoke('body.register', { ...REGISTER, kind: 'board', name: 'Nytt styre' }, PEOPLE.kari, CHANNELS.koord);
    expect(errorAfter(res.card, 'kind')).toMatch(/^SLT-styret er allerede registrert i kanalen «SLT-styret»\./);
    expect(inputValue(res.card, 'name')).toBe('Nytt styre');
    expect(await h.app.services.bodies.byChannel(TENANT, CHANNELS.koord.id)).toBeUndefined();
  });

  it('refuses «registrer» from a member without the coordinator role, naming the role, and stores nothing', async () => {
    const [reply] = await say('registrer', PEOPLE.ola, CHANNELS.vest);
    expect(String(reply!.text)).toContain('SLT-koordinator');
    expect(cardOf(reply!)).toBeUndefined();
    expect(await h.app.services.bodies.byChannel(TENANT, CHANNELS.vest.id)).toBeUndefined();
  });

  it('refuses a crafted body.register from a non-coordinator and stores nothing', async () => {
    const res = await invoke('body.register', { ...REGISTER, name: 'Kapret' }, PEOPLE.ola, CHANNELS.vest);
    expect(res.message).toContain('SLT-koordinator');
    expect(await h.app.services.bodies.byChannel(TENANT, CHANNELS.vest.id)).toBeUndefined();
    expect(await h.app.services.bodies.list(TENANT)).toHaveLength(2);
  });

  it('sends the form back with the error next to an empty name and the typed values kept', async () => {
    const res = await invoke('body.register', { ...REGISTER, name: '   ', cadenceWeeks: '8', time: '14:30' }, PEOPLE.kari, CHANNELS.vest);
    expect(errorAfter(res.card, 'name')).toBe('Feltet må fylles ut.');
    expect(errorAfter(res.card, 'kind')).toBe('');
    expect(inputValue(res.card, 'kind')).toBe('youthTeam');
    expect(inputValue(res.card, 'cadenceWeeks')).toBe(8);
    expect(inputValue(res.card, 'time')).toBe('14:30');
    expect(await h.app.services.bodies.byChannel(TENANT, CHANNELS.vest.id)).toBeUndefined();
  });

  it('sends the form back for a 10 000-character name with the length error and the text kept', async () => {
    const long = 'Ungdomsteam '.repeat(834).slice(0, 10_000);
    const res = await invoke('body.register', { ...REGISTER, name: long }, PEOPLE.kari, CHANNELS.vest);
    expect(errorAfter(res.card, 'name')).toBe('Kan ha høyst 100 tegn (nå 10000).');
    expect(inputValue(res.card, 'name')).toBe(long);
    expect(await h.app.services.bodies.byChannel(TENANT, CHANNELS.vest.id)).toBeUndefined();
  });

  it('explains bad numbers and times next to their fields', async () => {
    const res = await invoke('body.register', { ...REGISTER, cadenceWeeks: '27', time: '25:00', durationMinutes: '5' }, PEOPLE.kari, CHANNELS.vest);
    expect(errorAfter(res.card, 'cadenceWeeks')).toBe('Skriv et helt tall fra 1 til 26.');
    expect(errorAfter(res.card, 'time')).toBe('Skriv klokkeslettet som TT:MM, for eksempel 09:00.');
    expect(errorAfter(res.card, 'durationMinutes')).toBe('Skriv et helt tall fra 15 til 480.');
    expect(await h.app.services.bodies.byChannel(TENANT, CHANNELS.vest.id)).toBeUndefined();
  });

  it('tells a member of the board channel in «hjelp» that they are on the SLT board, and nobody else', async () => {
    (h.app.services.roster as TeamsRoster).clear(); // registration read the board's roster a moment ago
    const [perHelp] = await say('hjelp', PEOPLE.per, CHANNELS.vest);
    expect(cardTexts(cardOf(perHelp!))).toContain('Du er medlem av SLT-styret.');
    // Read from the board channel's own roster, not the team's.
    expect(h.connector.calls.some((c) => c.method === 'GET' && c.conversationId === CHANNELS.styret.id)).toBe(true);
    const [olaHelp] = await say('hjelp', PEOPLE.ola, CHANNELS.vest);
    expect(cardTexts(cardOf(olaHelp!)).join('\n')).not.toContain('SLT-styret.');
    const [kariHelp] = await say('hjelp', PEOPLE.kari, CHANNELS.vest);
    expect(cardTexts(cardOf(kariHelp!))).toContain('Du er SLT-koordinator.');
  });

  it('reads the board roster from Teams once and answers again from the cache', async () => {
    await say('hjelp', PEOPLE.per, CHANNELS.ost); // cached from the test before
    const rosterReads = h.connector.calls.filter((c) => c.method === 'GET' && c.conversationId === CHANNELS.styret.id);
    expect(rosterReads).toEqual([]);
    expect(cardTexts(cardOf(h.connector.messages[0]!.body))).toContain('Du er medlem av SLT-styret.');
  });

  it('remembers a new service URL for a registered channel when an activity arrives from it', async () => {
    const moved = url().replace('127.0.0.1', 'localhost');
    h.connector.clear();
    await h.send(channelMessage('hjelp', { serviceUrl: moved, from: PEOPLE.kari, channel: CHANNELS.styret }));
    expect((await h.app.services.bodies.byChannel(TENANT, CHANNELS.styret.id))?.ref.serviceUrl).toBe(moved);
  });
});

describe('the last administrator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(); // no SLT_ADMINS: administrators exist only as grants
    h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
    await h.app.services.roles.set(TENANT, PEOPLE.amina.aadObjectId, 'admin', true, 'seed', '2026-11-01T00:00:00Z', PEOPLE.amina.name);
  });
  afterAll(async () => h.stop());

  const invoke = async (verb: string, data: Record<string, unknown>, from: Person) =>
    invokeResult(await h.send(cardAction(verb, data, { serviceUrl: h.connector.url, from })));

  it('cannot be revoked, and can once another administrator is granted', async () => {
    const refused = await invoke('role.revoke', { aadObjectId: PEOPLE.amina.aadObjectId, role: 'admin' }, PEOPLE.amina);
    expect(cardTexts(refused.card)).toContain('Amina Solberg-Ali er den siste administratoren og kan ikke fjernes. Gi rollen til en annen først.');
    expect((await h.app.services.roles.get(TENANT, PEOPLE.amina.aadObjectId))?.admin).toBe(true);

    await invoke('role.grant', { aadObjectId: PEOPLE.ola.aadObjectId, role: 'admin' }, PEOPLE.amina);
    const revoked = await invoke('role.revoke', { aadObjectId: PEOPLE.amina.aadObjectId, role: 'admin' }, PEOPLE.amina);
    expect(cardTexts(revoked.card)).toContain('Amina Solberg-Ali er ikke lenger administrator.');
    expect((await h.app.services.roles.list(TENANT)).filter((r) => r.admin).map((r) => r.aadObjectId)).toEqual([PEOPLE.ola.aadObjectId]);
  });

  it('asks for a valid object id next to the field when one is typed wrong, keeping it', async () => {
    const res = await invoke('role.grant', { aadObjectId: "x' or 1 eq 1", role: 'coordinator' }, PEOPLE.ola);
    expect(errorAfter(res.card, 'aadObjectId')).toContain('Entra-objekt-ID');
    expect(inputValue(res.card, 'aadObjectId')).toBe("x' or 1 eq 1");
  });
});
