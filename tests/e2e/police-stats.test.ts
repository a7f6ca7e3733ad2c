import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { CHANNELS, cardAction, channelMessage, PEOPLE, type Person, personalMessage, TEAM_ID, TENANT } from '../support/activities';
import { allElements, type Card, executeData, inputValue, member, shown, verbs } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import { cardOf, type Harness, startHarness } from '../support/harness';

/**
 * Issue 16 through /api/messages: the police's tables pasted as they stand in a published
 * annual report (tests/fixtures/police), previewed, confirmed; who may do it; and the figures
 * where they are used — the agenda's police item, the monthly digest and the annual report.
 */
const KARI = PEOPLE.kari; // administrator (SLT_ADMINS)
const SIGRID = PEOPLE.sigrid; // SLT coordinator
const PER = PEOPLE.per; // the police's contact in the youth team: gets the police role
const OLA = PEOPLE.ola; // youth-team member, no role
const VEST = CHANNELS.vest;
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'police');
const TABLE_1 = fs.readFileSync(path.join(FIXTURES, 'tabell-1-personer.txt'), 'utf8');
const TABLE_2 = fs.readFileSync(path.join(FIXTURES, 'tabell-2-lovbrudd.txt'), 'utf8');
const TABLE_3 = fs.readFileSync(path.join(FIXTURES, 'tabell-3-aldersgrupper.txt'), 'utf8');
/** Invented months (no such figures are published): 2024 whole, 2025 to February, total and three types. */
const MONTHLY = [
  'Måned;2024;2025',
  'Januar;22;27',
  'Februar;19;24',
  'Mars;25;',
  'April;18;',
  'Mai;30;',
  'Juni;21;',
  'Juli;12;',
  'August;20;',
  'September;26;',
  'Oktober;28;',
  'November;24;',
  'Desember;23;',
  'Vinning',
  'Januar;9;4',
  'Februar;8;5',
  'Vold',
  'Januar;5;9',
  'Februar;4;8',
  'Narkotika',
  'Januar;2;2',
  'Februar;1;2',
].join('\n');

describe('police statistics through /api/messages', () => {
  let h: Harness;
  const clock = new ManualClock('2025-03-10T09:00:00Z'); // a Monday
  const url = () => h.connector.url;

  const invoke = async (verb: string, data: Record<string, unknown>, from: Person, channel: { id: string; name: string } | null = VEST) => {
    const res = await h.send(cardAction(verb, data, { serviceUrl: url(), from, channel }));
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown };
    return body?.type === 'application/vnd.microsoft.card.adaptive'
      ? { card: body.value as Card, message: undefined }
      : { card: undefined, message: String(body?.value) };
  };
  const say = async (text: string, from: Person, channel: { id: string; name: string } | null = VEST) => {
    const before = h.connector.calls.length;
    await h.send(channel ? channelMessage(text, { serviceUrl: url(), from, channel }) : personalMessage(text, { serviceUrl: url(), from }));
    const reply = h.connector.calls.slice(before).find((c) => c.method === 'POST' && c.body.type === 'message');
    return { card: reply ? cardOf(reply.body) : undefined, text: reply?.body.text as string | undefined };
  };
  const stored = (table: 'offences' | 'offencesByAge' | 'persons' | 'monthly') => h.app.services.policeStats.list(TENANT, table, 2010, 2030);
  const preview = async (table: string, text: string, from: Person) => {
    const { card } = await invoke('policeStats.import', { table, text, mode: 'paste' }, from);
    expect(card, 'the preview answers with a card').toBeDefined();
    expect(validateCard(card)).toEqual([]);
    return card!;
  };
  const store = async (table: string, text: string, from: Person) => {
    const card = await preview(table, text, from);
    const data = executeData(card, 'policeStats.confirm');
    expect(data?.importId, `«Lagre» on the preview of ${table}`).toMatch(/^i[0-9a-f]{24}$/);
    const done = await invoke('policeStats.confirm', data!, from);
    return { preview: card, done: done.card! };
  };

  beforeAll(async () => {
    h = await startHarness({ clock, env: { SLT_ADMINS: KARI.aadObjectId } });
    h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
    h.connector.rosters.set(VEST.id, Object.values(PEOPLE).map(member));
    await h.app.services.roles.set(TENANT, SIGRID.aadObjectId, 'coordinator', true, 'test', clock.now().toISOString(), SIGRID.name);
    const registered = await invoke(
      'body.register',
      { kind: 'youthTeam', name: 'Ungdomsteam Vest 13-16', cadenceWeeks: '6', weekday: '4', time: '18:00', durationMinutes: '120' },
      SIGRID,
    );
    expect(registered.card).toBeDefined();
  });
  afterAll(async () => h.stop());

  it("refuses a member's import and command; the police role, granted by an administrator, may", async () => {
    const refused = await invoke('policeStats.import', { table: 'offences', text: TABLE_2, mode: 'paste' }, PER);
    expect(refused.message).toBe(
      'Dette krever rollen politikontakt eller SLT-koordinator, og den har du ikke. Ta kontakt med en SLT-koordinator eller administrator hvis du trenger den.',
    );
    expect((await say('politistatistikk', OLA)).text).toContain('Dette krever rollen politikontakt eller SLT-koordinator');

    const granted = await invoke('role.grant', { aadObjectId: PER.aadObjectId, role: 'police' }, KARI);
    expect(shown(granted.card)).toContain(`${PER.name} er nå politikontakt.`);
    expect(shown(granted.card)).toContain(`${PER.name}: politikontakt`);
    // The police role is not the coordinator's: Per still cannot schedule meetings.
    expect((await say('møte', PER)).text).toContain('Dette krever rollen SLT-koordinator');

    const form = await say('politistatistikk', PER);
    expect(shown(form.card)[0]).toBe('Politistatistikk');
    expect(verbs(form.card)).toEqual(['policeStats.import']);
    expect(inputValue(form.card, 'table')).toBe('offences');
  });

  it('names a line with a letter where a number belongs, keeps the pasted text, and stores nothing', async () => {
    const wrong = TABLE_2.replace('Narkotika 14 47 68 29', 'Narkotika 14 47 6B 29');
    const card = await preview('offences', wrong, PER);
    const texts = shown(card);
    expect(texts).toContain('Én linje kunne ikke leses. Ingenting er lagret. Rett linjen under i teksten og trykk «Forhåndsvis» igjen.');
    expect(texts).toContain('Linje 15: «6B» i kolonnen 2019 er ikke et helt tall («Narkotika 14 47 6B 29 33 26 18 18 0»)');
    expect(verbs(card)).not.toContain('policeStats.confirm');
    expect(inputValue(card, 'text')).toBe(wrong.trim());
    expect(await stored('offences')).toEqual([]);
  });

  it("previews Tabell 2 as pasted from the report's text (printed twice) without storing, then stores it on «Lagre»", async () => {
    const card = await preview('offences', `${TABLE_2}\n\n${TABLE_2}`, PER);
    const texts = shown(card);
    expect(texts).toContain(
      'Dette blir lagret: 136 tall for 2017–2024 (Anmeldelser 10–17 år etter lovbruddstype (Tabell 2)). Ingenting er lagret ennå – trykk «Lagre».',
    );
    expect(texts).toContain('År: 2017 · 2018 · 2019 · 2020 · 2021 · 2022 · 2023 · 2024');
    expect(texts).toContain('Vinning: 84 · 105 · 194 · 158 · 151 · 121 · 210 · 87');
    expect(texts).toContain('17 rader står flere ganger med de samme tallene (linje 48–80); tatt med én gang.');
    expect(texts).toContain('Hoppet over (ingen tall): linje 1, 3, 42, 44');
    expect(await stored('offences')).toEqual([]);

    const importId = executeData(card, 'policeStats.confirm')!.importId;
    const done = await invoke('policeStats.confirm', { importId }, PER);
    expect(shown(done.card)).toContain(`Lagret: 136 tall for 2017–2024 (Anmeldelser 10–17 år etter lovbruddstype (Tabell 2)), av ${PER.name}.`);
    const rows = await stored('offences');
    expect(rows).toHaveLength(136);
    expect(rows.find((r) => r.category === 'Vinning' && r.year === 2024)).toMatchObject({ value: 87, importedBy: PER.aadObjectId, importedByName: PER.name });
    // A double click stores nothing new.
    const again = await invoke('policeStats.confirm', { importId }, PER);
    expect(shown(again.card)[1]).toMatch(/^Denne forhåndsvisningen ble allerede lagret 10\.03\.2025 10:00\. Ingenting er endret\.$/);
    expect(await stored('offences')).toHaveLength(136);
  });

  it('stores Tabell 3 (both age bands) and Tabell 1 (persons) the same way, also from a coordinator', async () => {
    const byAge = await store('offencesByAge', TABLE_3, SIGRID);
    expect(shown(byAge.preview)).toContain('10–14 år');
    expect(shown(byAge.preview)).toContain('Vold: 9 · 5 · 4 · 9 · 14 · 18 · 27 · 42');
    expect(shown(byAge.done)[1]).toContain('Lagret: 272 tall for 2017–2024');
    const persons = await store('persons', TABLE_1, PER);
    expect(shown(persons.preview)).toContain('Jenter 10–14 år: 16 · 21 · 36 · 59 · 62 · 33 · 68 · 41');
    expect(shown(persons.done)[1]).toContain('Lagret: 72 tall for 2017–2024');
    const monthly = await store('monthly', MONTHLY, PER);
    expect(shown(monthly.done)[1]).toContain('Lagret: 26 tall for 2024–2025');
    expect((await stored('offencesByAge')).filter((r) => r.band === '10-14' && r.category === 'Vold').map((r) => r.value)).toEqual([
      9, 5, 4, 9, 14, 18, 27, 42,
    ]);
  });

  it('replaces the same years on a new import and keeps the others', async () => {
    await store('offences', 'Lovbruddstype;2024\nVinning;90\nNarkotika;18\nTotal;271', PER);
    const rows = await stored('offences');
    expect(rows.filter((r) => r.year === 2024).map((r) => [r.category, r.value])).toEqual([
      ['Narkotika', 18],
      ['Total', 271],
      ['Vinning', 90],
    ]);
    expect(rows.filter((r) => r.year === 2023)).toHaveLength(17);
    await store('offences', TABLE_2, PER); // back to the published figures
    expect((await stored('offences')).find((r) => r.year === 2024 && r.category === 'Vinning')?.value).toBe(87);
  });

  it('previews a year typed in the card', async () => {
    const { card } = await invoke('policeStats.import', { table: 'offences', mode: 'year', year: '2024', band: '10-14', n4: '1', n11: '42', n12: 'tjue' }, PER);
    expect(shown(card)).toContain('Fysisk vold: «tjue» i kolonnen 2024 er ikke et helt tall');
    expect(inputValue(card, 'n11')).toBe(42);
    const ok = await invoke('policeStats.import', { table: 'offences', mode: 'year', year: '2024', band: '10-14', n4: '1', n11: '42' }, PER);
    expect(shown(ok.card)).toContain('Vold: 42');
    expect(verbs(ok.card)).toContain('policeStats.confirm');
    const none = await invoke('policeStats.import', { table: 'offences', mode: 'year', year: '2031' }, PER);
    expect(shown(none.card)).toContain('Skriv et år mellom 1990 og 2025.');
  });

  it("opens the agenda with the police's figures: the latest month, the year to date and the largest changes", async () => {
    const scheduled = await invoke('meeting.schedule', { date: '2025-03-20', time: '18:00', durationMinutes: '120', repeat: 'none', count: '1' }, SIGRID);
    expect(scheduled.card).toBeDefined();
    const { card } = await say('agenda', OLA);
    const texts = shown(card);
    const first = texts.indexOf('1. Oppdatering fra politiet');
    expect(first).toBeGreaterThan(0);
    expect(texts.slice(first + 2, first + 8)).toEqual([
      'Anmeldelser med mistenkt 10–17 år i februar 2025: 24 (samme måned i fjor: 19, +5).',
      'Hittil i år (januar–februar 2025): 51 (samme periode i fjor: 41, +10).',
      'Største endringer hittil i år:',
      // Vinning and Vold both changed by 8: the tie goes by name.
      '• Vinning: 9 (−8)',
      '• Vold: 17 (+8)',
      '• Narkotika: 4 (+1)',
    ]);
    expect(texts[first + 8]).toBe(`[Se politistatistikk](${h.app.services.config.publicUrl}/tab/index.html#police)`);
    expect(validateCard(card)).toEqual([]);
  });

  it('shows the police section in the monthly digest, persons by gender × age band with the «<3» rule', async () => {
    const { card } = await say('rapport 2025-02', SIGRID, null);
    const texts = shown(card);
    expect(texts).toContain('Politiets statistikk');
    expect(texts).toContain('Anmeldelser med mistenkt 10–17 år, januar–februar 2025 mot samme periode i fjor');
    const cells = allElements(card)
      .filter((e) => e.type === 'TableRow')
      .map((r) =>
        allElements(r)
          .filter((e) => e.type === 'TextBlock')
          .map((e) => String(e.text)),
      );
    expect(cells).toContainEqual(['Vold', '17', '9', '+8']);
    expect(cells).toContainEqual(['Vinning', '9', '17', '−8']);
    expect(texts).toContain('Totalt 51 (+10).');
    expect(texts).toContain('Mistenkte personer 2024 etter kjønn og alder');
    expect(cells).toContainEqual(['Jenter', '41', '29']);
    expect(cells).toContainEqual(['Gutter', '90', '96']);
  });

  it('writes the police chapter of the annual report draft for 2024 in the seed shape', async () => {
    const { card } = await say('årsrapport 2024', SIGRID, null);
    const links = (card!.actions as { url: string }[]).map((a) => a.url.replace(/^https?:\/\/[^/]+/, h.baseUrl));
    const md = await (await fetch(links[1]!)).text();
    const html = await (await fetch(links[0]!)).text();
    expect(md).toContain('## Politiets statistikk');
    expect(md.indexOf('## Politiets statistikk')).toBeLessThan(md.indexOf('## Utfordringsbildet: trender meldt inn fra tjenestene'));
    expect(md).toContain('| Lovbruddstype | 2017 | 2018 | 2019 | 2020 | 2021 | 2022 | 2023 | 2024 | 23-24 |');
    expect(md).toContain('| Vinning | 84 | 105 | 194 | 158 | 151 | 121 | 210 | 87 | −123 |');
    expect(md).toContain('| Narkotika | 14 | 47 | 68 | 29 | 33 | 26 | 18 | 18 | 0 |');
    expect(md).toContain('- Vinning: 87 i 2024 (−123 fra året før), innenfor normalvariasjonen de siste sju årene (84–210).');
    expect(md).toContain('- Narkotika: 18 i 2024 (0 fra året før), innenfor normalvariasjonen de siste sju årene (14–68).');
    expect(md).toContain('- Hensynsløs adferd/Personforfølgelse: 12 i 2024 (+4 fra året før), over normalvariasjonen de siste sju årene (1–9).');
    const young = md.slice(md.indexOf('**Anmeldelser etter lovbruddstype, mistenkte 10–14 år**'));
    expect(young).toContain('| Vold | 9 | 5 | 4 | 9 | 14 | 18 | 27 | 42 | \\+15 |');
    expect(html).toContain(
      '<td>Vold</td><td class="num">9</td><td class="num">5</td><td class="num">4</td><td class="num">9</td><td class="num">14</td><td class="num">18</td><td class="num">27</td><td class="num">42</td><td class="num">+15</td>',
    );
    expect(md).toContain('| Jenter 10–14 år | 16 | 21 | 36 | 59 | 62 | 33 | 68 | 41 | −27 |');
    expect(md).toContain('I 2024 ble det registrert 268 anmeldelser med mistenkte 10–17 år (−120 fra 2023).');
    expect(html).toContain('<figcaption>Vinning: anmeldelser per år</figcaption>');
    expect(html.match(/<figure class="chart">/g)?.length).toBe(12);
    expect(html).not.toContain(PER.name);
  });
});
