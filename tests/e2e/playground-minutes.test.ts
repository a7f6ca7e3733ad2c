import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/start';
import { PlaygroundUi, SCREENSHOTS, startBuiltStack } from '../support/playground';

/**
 * Minutes in the Agents Playground, the way a coordinator records them: the day before, the
 * coordination group is registered and its meetings scheduled; two weeks after the first meeting
 * (past the 14 days in which the bot sends the form by itself, so only «referat» can bring it),
 * «referat» brings the minutes form 1:1, the saved minutes are posted in the channel and the
 * next meeting's agenda carries the open task. A running stack's clock cannot jump ahead, so the
 * stack is started twice on the same Azurite folder with development mode's SLT_CLOCK_START
 * (a new Playground session each time, as after a restart of `npm start`).
 */
const KOORD = 'SLT-nettverket - Koordineringsgruppen';
const TASK = 'Kartlegge behovet for natteravner i sentrum';
/**
 * The bot's days: next Monday noon (Oslo), the meeting on Tuesday, and the minutes 15 days later.
 * Near the real date, because the Playground's date picker opens on the browser's month.
 * Weeks whose Tuesday is a public holiday are passed over (the form would move the meeting).
 */
const HOLIDAYS = ['12-25', '12-26', '01-01', '05-01', '05-17'];
let monday = DateTime.now().setZone('Europe/Oslo').startOf('day').plus({ days: 1 });
while (monday.weekday !== 1 || HOLIDAYS.includes(monday.plus({ days: 1 }).toFormat('MM-dd'))) monday = monday.plus({ days: 1 });
const TUESDAY = monday.plus({ days: 1 }).setLocale('nb');

describe('npm start: minutes in the Agents Playground, recorded after the meeting and carried onto the next agenda', () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'slt-pg-minutes-'));
  let stack: Stack | undefined;
  let ui: PlaygroundUi | undefined;

  const start = async (clock: string): Promise<PlaygroundUi> => {
    stack = await startBuiltStack({ SLT_CLOCK_START: clock }, data);
    ui = await PlaygroundUi.open(stack.playgroundUrl!);
    return ui;
  };
  const stop = async (): Promise<void> => {
    await ui?.close();
    await stack?.stop();
    ui = undefined;
    stack = undefined;
  };

  afterAll(async () => {
    await stop();
    fs.rmSync(data, { recursive: true, force: true });
  });

  it('the day before: the coordinator registers the coordination group and schedules its meetings', async () => {
    const pg = await start(monday.set({ hour: 12 }).toISO()!);
    await pg.select(KOORD);
    await pg.registerChannel('Koordineringsgruppe', 'Koordineringsgruppen');
    // The form comes prefilled: tomorrow 09:00, then the group's cadence.
    await pg.send('møte', { mention: true, expect: 'Planlegg møte – Koordineringsgruppen' });
    const schedule = pg.card('Planlegg møte – Koordineringsgruppen');
    await (await pg.field(schedule, 'Sted')).fill('Rådhuset, møterom 2');
    await pg.press(schedule, 'Planlegg', 'møter er planlagt – Koordineringsgruppen');
    expect(await pg.card('møter er planlagt – Koordineringsgruppen').innerText()).toContain(`${TUESDAY.toFormat('cccc d. LLLL yyyy')} kl. 09:00`);
    await stop();
  }, 120_000);

  it('two weeks later: «referat» brings the form 1:1; the saved minutes are posted in the channel; the next agenda carries the open task', async () => {
    const pg = await start(TUESDAY.plus({ days: 15 }).set({ hour: 13 }).toISO()!);
    await pg.select(KOORD);
    await pg.send('referat', { mention: true, expect: `Jeg har sendt deg referatskjemaet for møtet ${TUESDAY.toFormat('d. LLLL')} i en personlig melding.` });
    await pg.select('Personal Chat');
    // Sent through the outbox: the stopped bot's send lease ends half a minute after its last post.
    await pg.page.getByText('Referat – Koordineringsgruppen').first().waitFor({ timeout: 60_000 });
    expect(await pg.page.locator('.ac-adaptiveCard').filter({ hasText: 'Referat – Koordineringsgruppen' }).count()).toBe(1);
    const form = pg.card('Referat – Koordineringsgruppen');
    expect(await form.innerText()).toContain('Oppdatering fra politiet');

    // The task under the police update. The Playground redraws a card when one of its dropdowns or
    // date pickers changes, emptying typed text boxes, so those are set first.
    await (await pg.field(form, 'Ansvarlig tjeneste', 0)).click();
    await pg.page.getByRole('option', { name: 'Politi', exact: true }).click();
    const due = await pg.field(form, 'Frist', 0);
    await due.click();
    await pg.page.locator('[aria-label*="next month" i], [title*="next month" i]').first().click(); // the 15th of next month: after the meeting
    await pg.page.locator('[role="gridcell"] button, [role="dialog"] button').filter({ hasText: /^15$/ }).first().click();
    expect(await due.inputValue()).not.toBe('');
    await (await pg.field(form, 'Vedtak / konklusjon', 0)).fill('Politiet orienterte om økt salg av cannabis via sosiale medier. Tatt til orientering.');
    await (await pg.field(form, 'Oppgave', 0)).fill(TASK);
    await pg.screenshot(SCREENSHOTS, 'playground-referat-skjema.png');
    await pg.press(form, 'Lagre og del referatet', 'Referatet er lagret og delt i kanalen.');
    expect(await pg.card('Referat – Koordineringsgruppen').innerText()).toContain(`Registrert: Oppgave: ${TASK} – ansvarlig: Politi, frist 15.`);

    await pg.select(KOORD);
    const posted = pg.page.locator('.ac-adaptiveCard').filter({ hasText: 'Vedtak: Politiet orienterte om økt salg av cannabis' });
    await posted.first().waitFor({ timeout: 60_000 }); // through the outbox; slow when the other Playground test runs alongside
    const minutes = await posted.first().innerText();
    expect(minutes).toContain('Referat – Koordineringsgruppen');
    expect(minutes).toContain(`Oppgave: ${TASK} – ansvarlig: Politi`);
    await pg.screenshot(SCREENSHOTS, 'playground-referat-delt.png');

    await pg.send('agenda', { mention: true, expect: 'Dagsorden – Koordineringsgruppen' });
    const agenda = await pg.card('Dagsorden – Koordineringsgruppen').innerText();
    expect(agenda).not.toContain(TUESDAY.toFormat('cccc d. LLLL yyyy')); // the next meeting's agenda, not the one just held
    // The police update first; the open task as an item of its own, with who answers for it.
    expect(agenda.indexOf('Oppdatering fra politiet')).toBeGreaterThan(-1);
    expect(agenda.indexOf(TASK)).toBeGreaterThan(agenda.indexOf('Oppdatering fra politiet'));
    expect(agenda).toContain('Ansvarlig: Politi');
    expect(agenda).toContain(
      `Oppfølging fra møtet ${TUESDAY.toFormat('d. LLLL')} · frist 15. ${DateTime.now().setZone('Europe/Oslo').plus({ months: 1 }).setLocale('nb').toFormat('LLLL')}`,
    );
    await pg.screenshot(SCREENSHOTS, 'playground-referat-neste-dagsorden.png');
  }, 180_000);
});
