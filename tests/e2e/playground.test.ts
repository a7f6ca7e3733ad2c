import path from 'node:path';
import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/start';
import { PlaygroundUi, SCREENSHOTS, startBuiltStack } from '../support/playground';

/**
 * What `npm start` gives a newcomer, used the way they would: the stack the start script builds
 * (embedded Azurite, the bot from dist/, the Agents Playground with this repository's
 * `.m365agentsplayground.yml`) and the Playground's own web UI in headless Chromium. Screenshots
 * land in screenshots/ (git-ignored) for a person to look at.
 */
const CHANNEL = 'SLT-nettverket - Ungdomsteam Øst 13-16';
/** The Playground's tenant and two colleagues (.m365agentsplayground.yml): Ola is in Øst's private channel, Kari is not. */
const PLAYGROUND_TENANT = '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e';
const OLA = '00000000-0000-4000-8000-000000000003';
const KARI = '00000000-0000-4000-8000-000000000002';
const TREND = 'Flere elever forteller om salg av snus via Snapchat etter skoletid.';
/** Valid mod-11 check digits (invented): the guard must recognise it, with the space users type. */
const IDENTITY_NUMBER = '150309 12311';

describe('npm start: the Agents Playground in Chromium, as a newcomer uses it', () => {
  let stack: Stack;
  let ui: PlaygroundUi;

  beforeAll(async () => {
    stack = await startBuiltStack();
    ui = await PlaygroundUi.open(stack.playgroundUrl!);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.stop();
  });

  it('models an SLT network: a team with two youth teams, the coordination group and the board in private channels, and the current user is an administrator', async () => {
    expect(await ui.conversations()).toEqual(
      expect.arrayContaining([
        'Personal Chat',
        'SLT-nettverket - General',
        'SLT-nettverket - Ungdomsteam Vest 13-16',
        CHANNEL,
        'SLT-nettverket - Koordineringsgruppen',
        'SLT-nettverket - SLT-styret',
      ]),
    );
    expect(stack.devMode).toBe(true);
    expect(stack.admin?.name).toBe('Sigrid Vågen');
    expect(stack.playgroundPrivateChannels).toEqual([
      'Ungdomsteam Vest 13-16: privat / private, 4 medlemmer / members',
      'Ungdomsteam Øst 13-16: privat / private, 4 medlemmer / members',
      'Koordineringsgruppen: privat / private, 3 medlemmer / members',
      'SLT-styret: privat / private, 3 medlemmer / members',
    ]);
  });

  it('hjelp in the personal chat answers with the help card, administrator commands included', async () => {
    await ui.select('Personal Chat');
    await ui.send('hjelp', { expect: 'Dette kan du gjøre med SLT-boten' });
    const help = ui.card('Dette kan du gjøre med SLT-boten');
    expect(await help.innerText()).toContain('Du er administrator');
    await ui.screenshot(SCREENSHOTS, 'playground-hjelp.png');
  });

  it('a coordinator registers a channel as a youth team, schedules a series of four, lists them and gets calendar files', async () => {
    await ui.select(CHANNEL);
    await ui.send('registrer', { mention: true, expect: 'Registrer kanalen som SLT-organ' });
    // Who will read it is said before anything is typed: the private channel's own members, as Teams defines them.
    const readers = '4 medlemmer av den private kanalen «Ungdomsteam Øst 13-16» kan lese det som meldes inn her.';
    expect(await ui.card('Registrer kanalen som SLT-organ').innerText()).toContain(readers);
    await ui.screenshot(SCREENSHOTS, 'playground-registrer.png');
    await ui.registerChannel('Ungdomsteam', 'Ungdomsteam Øst 13-16');
    const done = await ui.card('Kanalen er registrert').innerText();
    expect(done).toContain('ungdomsteam «Ungdomsteam Øst 13-16»');
    expect(done).toContain(readers);
    await ui.screenshot(SCREENSHOTS, 'playground-registrert.png');

    // The form comes prefilled (tomorrow, 09:00, a series of four following the 6-week cadence).
    await ui.send('møte', { mention: true, expect: 'Planlegg møte – Ungdomsteam Øst 13-16' });
    const schedule = ui.card('Planlegg møte – Ungdomsteam Øst 13-16');
    await (await ui.field(schedule, 'Sted')).fill('Rådhuset, møterom 3');
    await ui.press(schedule, 'Planlegg', '4 møter er planlagt – Ungdomsteam Øst 13-16');
    await ui.screenshot(SCREENSHOTS, 'playground-moter-planlagt.png');

    await ui.send('møter', { mention: true, expect: 'Kommende møter – Ungdomsteam Øst 13-16' });
    const list = ui.card('Kommende møter – Ungdomsteam Øst 13-16');
    const links = await list.locator('a', { hasText: 'Legg til i kalender' }).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(4);
    await ui.screenshot(SCREENSHOTS, 'playground-moter.png');

    // The calendar files a calendar app would download: one event each, 09:00 Oslo time, six weeks apart (or moved off a holiday).
    const starts: DateTime[] = [];
    for (const link of links) {
      const res = await fetch(link.replace('//localhost:', '//127.0.0.1:'));
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const events = Object.values(ical.sync.parseICS(await res.text())).filter((c) => c?.type === 'VEVENT');
      expect(events).toHaveLength(1);
      const event = events[0] as VEvent;
      expect(String(event.summary)).toContain('Ungdomsteam Øst 13-16');
      expect(String(event.location)).toBe('Rådhuset, møterom 3');
      starts.push(DateTime.fromJSDate(event.start).setZone('Europe/Oslo'));
    }
    for (const start of starts) expect(start.toFormat('HH:mm')).toBe('09:00');
    for (let i = 1; i < starts.length; i++) {
      const days = starts[i]!.startOf('day').diff(starts[i - 1]!.startOf('day'), 'days').days;
      expect(Math.abs(days - 42)).toBeLessThanOrEqual(3);
    }
  }, 90_000); // the Playground UI in Chromium, slow on a busy machine

  it('a member reporting a trend with an identity number is refused with the text kept; without it the trend is stored', async () => {
    await ui.select(CHANNEL);
    await ui.send('trend', { mention: true, expect: 'Meld inn en trend' });
    const form = ui.card('Meld inn en trend');
    await ui.choose(form, 'Innsatsområde', 'Rusmiddelbruk blant unge');
    await form.getByText('Økende', { exact: true }).click();
    // The Playground may redraw a card when a dropdown changes, emptying what was typed: choose first.
    await ui.choose(form, 'Din tjeneste', 'Skole');
    const typed = `Flere elever forteller om salg av snus via Snapchat etter skoletid. Gjelder ${IDENTITY_NUMBER}.`;
    await (await ui.field(form, 'Beskrivelse')).fill(typed);
    await ui.press(form, 'Send inn', 'Teksten ser ut til å inneholde personopplysninger');

    const refused = ui.card('Teksten ser ut til å inneholde personopplysninger');
    expect(await refused.innerText()).toContain(`fødselsnummer («${IDENTITY_NUMBER}»)`);
    const description = await ui.field(refused, 'Beskrivelse');
    expect(await description.inputValue()).toBe(typed);
    await ui.screenshot(SCREENSHOTS, 'playground-trend-avvist.png');

    await description.fill(TREND);
    await ui.press(refused, 'Send inn', 'Takk! Trenden er registrert.');
    await ui.screenshot(SCREENSHOTS, 'playground-trend-lagret.png');
  }, 90_000); // the Playground UI in Chromium, slow on a busy machine

  it('a trend that describes one pupil by school and class is refused with the features named and the text kept; about a group it is stored', async () => {
    await ui.select(CHANNEL);
    await ui.send('trend', { mention: true, expect: 'Meld inn en trend' });
    const form = ui.card('Meld inn en trend');
    await ui.choose(form, 'Innsatsområde', 'Rusmiddelbruk blant unge');
    await form.getByText('Økende', { exact: true }).click();
    await ui.choose(form, 'Din tjeneste', 'Skole');
    const typed = 'En jente i 9C på Granlia skole blir holdt utenfor av de andre og sitter alene i friminuttene.';
    await (await ui.field(form, 'Beskrivelse')).fill(typed);
    await ui.press(form, 'Send inn', 'Teksten beskriver én ung person');

    const refused = ui.card('Teksten beskriver én ung person');
    const said = await refused.innerText();
    expect(said).toContain('klasse («9C på Granlia skole»)');
    expect(said).toContain('forvaltningsloven § 13 a nr. 2');
    expect(said).toContain('Skriv det som en trend om en gruppe');
    const description = await ui.field(refused, 'Beskrivelse');
    expect(await description.inputValue()).toBe(typed);
    await description.scrollIntoViewIfNeeded();
    await ui.screenshot(SCREENSHOTS, 'playground-trend-indirekte-avvist.png');

    await description.fill('Flere elever på ungdomstrinnet i området blir holdt utenfor og sitter alene i friminuttene.');
    await ui.press(refused, 'Send inn', 'Takk! Trenden er registrert.');
    const stored = ui.card('Flere elever på ungdomstrinnet i området blir holdt utenfor');
    expect(await stored.innerText()).toContain('Takk! Trenden er registrert.');
    await stored.scrollIntoViewIfNeeded();
    await ui.screenshot(SCREENSHOTS, 'playground-trend-gruppe-lagret.png');
  }, 90_000); // the Playground UI in Chromium, slow on a busy machine

  it("the tab shows Øst's trend to Ola, in Øst's private channel, and nothing of it to Kari, who is in the team and in Vest but not in Øst", async () => {
    await ui.select('SLT-nettverket - Ungdomsteam Vest 13-16');
    await ui.registerChannel('Ungdomsteam', 'Ungdomsteam Vest 13-16');
    expect(await ui.card('Kanalen er registrert').innerText()).toContain('4 medlemmer av den private kanalen «Ungdomsteam Vest 13-16»');
    // status lists each body's channel kind and readers.
    await ui.send('status', { mention: true, expect: 'Organer og hvem som leser dem' });
    const status = await ui.card('Organer og hvem som leser dem').innerText();
    expect(status).toMatch(/Ungdomsteam Vest 13-16\s+privat kanal, 4 medlemmer/);
    expect(status).toMatch(/Ungdomsteam Øst 13-16\s+privat kanal, 4 medlemmer/);
    expect(status).not.toContain('Deler lesere');
    await ui.card('Organer og hvem som leser dem').getByText('Organer og hvem som leser dem').scrollIntoViewIfNeeded();
    await ui.screenshot(SCREENSHOTS, 'playground-status.png');
    const tab = await ui.newPage();
    try {
      const open = async (who: string): Promise<void> => {
        await tab.goto(`${stack.botUrl}/tab/index.html?devUser=${who}&devTenant=${PLAYGROUND_TENANT}`);
        await tab.waitForSelector('body[data-first-render-ms]', { timeout: 20_000 });
        await tab.waitForSelector('#dev-person option:nth-child(3)', { state: 'attached' });
        await tab.click('#readers summary');
      };
      await open(OLA);
      expect(await tab.textContent('#who')).toContain('Ola Bekkevold');
      expect(await tab.textContent('#trends')).toContain(TREND);
      expect(await tab.textContent('#readers')).toContain('Ungdomsteam Øst 13-16: privat kanal, 4 medlemmer');
      await tab.screenshot({ path: path.join(SCREENSHOTS, 'playground-fane-ola.png') });
      await tab.goto('about:blank');
      await open(KARI);
      expect(await tab.textContent('#who')).toContain('Kari Fjellheim');
      expect(await tab.textContent('#readers')).toContain('Ungdomsteam Vest 13-16: privat kanal, 4 medlemmer');
      expect(await tab.textContent('#readers')).not.toContain('Øst');
      expect(await tab.textContent('body')).not.toContain(TREND);
      expect(await tab.textContent('#trends')).toContain('Ingen trendmeldinger i perioden.');
      await tab.screenshot({ path: path.join(SCREENSHOTS, 'playground-fane-kari.png') });
    } finally {
      await tab.close();
    }
  }, 90_000); // the Playground UI in Chromium, slow on a busy machine
});
