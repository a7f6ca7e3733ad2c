import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/start';
import { PlaygroundUi, SCREENSHOTS, startBuiltStack } from '../support/playground';

/**
 * Police statistics in the Agents Playground, as the coordinator (Sigrid, administrator in
 * development mode) would enter them: the report's Tabell 2 pasted into the card, previewed,
 * stored; then the months; then the agenda opens with the police's figures. The bot's clock
 * starts on Monday 10 March 2025 (development mode's SLT_CLOCK_START).
 */
const VEST = 'SLT-nettverket - Ungdomsteam Vest 13-16';
const TABLE_2 = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'police', 'tabell-2-lovbrudd.txt'), 'utf8');
/** Invented months (none are published): 2024 whole, 2025 to February. */
const MONTHLY = [
  'Måned;2024;2025',
  ...[
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
  ],
  'Vinning',
  'Januar;9;4',
  'Februar;8;5',
  'Vold',
  'Januar;5;9',
  'Februar;4;8',
].join('\n');

describe('npm start: police statistics pasted in the Agents Playground, previewed, stored and shown on the agenda', () => {
  let stack: Stack | undefined;
  let ui: PlaygroundUi | undefined;

  afterAll(async () => {
    await ui?.close();
    await stack?.stop();
  });

  it('pastes Tabell 2, sees the preview, stores it, and finds the figures first on the agenda', async () => {
    stack = await startBuiltStack({ SLT_CLOCK_START: '2025-03-10T12:00:00+01:00' });
    const pg = await PlaygroundUi.open(stack.playgroundUrl!);
    ui = pg;
    await pg.select(VEST);
    await pg.registerChannel('Ungdomsteam', 'Ungdomsteam Vest 13-16');

    await pg.send('politistatistikk', { mention: true, expect: 'Lim inn tabellene fra politiets regneark' });
    const form = pg.card('Lim inn tabellene fra politiets regneark');
    await (await pg.field(form, 'Tabellen (lim inn)')).fill(TABLE_2);
    await pg.press(form, 'Forhåndsvis', 'Dette blir lagret');
    const preview = pg.card('Dette blir lagret');
    const shown = await preview.innerText();
    expect(shown).toContain('Dette blir lagret: 136 tall for 2017–2024');
    expect(shown).toContain('Vinning: 84 · 105 · 194 · 158 · 151 · 121 · 210 · 87');
    await preview.scrollIntoViewIfNeeded();
    await pg.screenshot(SCREENSHOTS, 'playground-politistatistikk-forhandsvisning.png');
    await pg.press(preview, 'Lagre', 'Lagret: 136 tall');

    // The months, in the same card (it came back empty after «Lagre»), as Anmeldelser per måned.
    const again = pg.card('Lagret: 136 tall');
    await pg.choose(again, 'Tabell', 'Anmeldelser per måned');
    await (await pg.field(pg.card('Lagret: 136 tall'), 'Tabellen (lim inn)')).fill(MONTHLY);
    await pg.press(pg.card('Lagret: 136 tall'), 'Forhåndsvis', 'Dette blir lagret: 22 tall');
    await pg.press(pg.card('Dette blir lagret: 22 tall'), 'Lagre', 'Lagret: 22 tall');

    await pg.send('møte', { mention: true, expect: 'Planlegg møte – Ungdomsteam Vest 13-16' });
    await pg.press(pg.card('Planlegg møte – Ungdomsteam Vest 13-16'), 'Planlegg', 'planlagt – Ungdomsteam Vest 13-16');
    await pg.send('agenda', { mention: true, expect: 'Dagsorden – Ungdomsteam Vest 13-16' });
    const agenda = pg.card('Dagsorden – Ungdomsteam Vest 13-16');
    const text = await agenda.innerText();
    // The police update is the first item (the card's «1.» is drawn as a list number).
    expect(text.indexOf('Oppdatering fra politiet')).toBeGreaterThan(-1);
    expect(text.indexOf('Oppdatering fra politiet')).toBeLessThan(text.indexOf('Utfordringsbildet lokalt'));
    expect(text).toContain('Anmeldelser med mistenkt 10–17 år i februar 2025: 24 (samme måned i fjor: 19, +5).');
    expect(text).toContain('Hittil i år (januar–februar 2025): 51 (samme periode i fjor: 41, +10).');
    expect(text).toContain('• Vinning: 9 (−8)');
    expect(await agenda.getByRole('link', { name: 'Se politistatistikk' }).getAttribute('href')).toMatch(/\/tab\/index\.html#police$/);
    await agenda.scrollIntoViewIfNeeded();
    await pg.screenshot(SCREENSHOTS, 'playground-dagsorden-politi.png');
  }, 180_000);
});
