import { afterAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/start';
import { PlaygroundUi, SCREENSHOTS, startBuiltStack } from '../support/playground';

/**
 * The monthly digest's chart as the Agents Playground draws it (with the same chart renderer as
 * Teams): a youth team reports one trend in each of two focus areas in October, so both lines
 * have the same counts (0 … 0, 1). Before issue 18 they were drawn as one line in two nearly equal
 * violets, with y ticks at 0.25, 0.5 and 0.75. The bot's clock starts on 20 October 2026.
 */
const VEST = 'SLT-nettverket - Ungdomsteam Vest 13-16';
const AREAS = ['Kriminalitet i det offentlige rom', 'Rusmiddelbruk blant unge'];

describe('npm start: the digest chart in the Agents Playground', () => {
  let stack: Stack | undefined;
  let ui: PlaygroundUi | undefined;

  afterAll(async () => {
    await ui?.close();
    await stack?.stop();
  });

  it('draws two areas with the same counts in two colours apart for colour-blind readers, whole-number ticks, and says the lines overlap', async () => {
    stack = await startBuiltStack({ SLT_CLOCK_START: '2026-10-20T12:00:00+02:00' });
    const pg = await PlaygroundUi.open(stack.playgroundUrl!);
    ui = pg;
    await pg.select(VEST);
    await pg.registerChannel('Ungdomsteam', 'Ungdomsteam Vest 13-16');
    for (const [i, area] of [...AREAS].reverse().entries()) {
      await pg.send('trend', { mention: true, expect: 'Meld inn en trend' });
      const form = pg.card('Meld inn en trend');
      await pg.choose(form, 'Innsatsområde', area);
      await form.getByText('Økende', { exact: true }).click();
      await pg.choose(form, 'Din tjeneste', 'Skole');
      await (await pg.field(form, 'Beskrivelse')).fill(`Flere elever på ungdomstrinnet nevner dette i friminuttene (${i + 1}).`);
      await pg.press(form, 'Send inn', `nevner dette i friminuttene (${i + 1})`);
    }

    await pg.select('Personal Chat');
    await pg.send('rapport 2026-10', { expect: 'Månedsrapport for SLT-styret – oktober 2026' });
    const card = pg.card('Månedsrapport for SLT-styret – oktober 2026');
    expect(await card.innerText()).toContain(`Samme tall alle månedene, så linjene ligger oppå hverandre: ${AREAS[0]} og ${AREAS[1]}.`);
    const chart = card
      .locator('svg')
      .filter({ has: pg.page.locator('path[stroke]') })
      .first();
    await chart.waitFor();
    // One line per area, each in its own colour (categoricalBlue, divergingRed), not Teams' violet shades.
    const strokes = await chart.locator('path[stroke]').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')?.toLowerCase()));
    expect(strokes).toEqual(['#2461ca', '#d33f4c']);
    // The y axis of counts: 0 to 4 in whole numbers (no 0.25, 0.5, 0.75).
    const ticks = await chart.locator('text').evaluateAll((ts) => ts.map((t) => (t.textContent ?? '').trim()).filter((t) => /^[\d.,]+$/.test(t)));
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    for (const tick of ticks) expect(tick).toMatch(/^\d+$/);
    await chart.scrollIntoViewIfNeeded();
    await pg.screenshot(SCREENSHOTS, 'playground-rapport-graf.png');
  }, 240_000);
});
