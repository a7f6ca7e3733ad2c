import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab';
import { launchChromium } from '../../scripts/chromium';
import type { MeasuresResponse } from '../../src/tab-api/contract';
import { PEOPLE, type Person, TENANT } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { ROLES, type SeededYear, seedYear } from '../support/tab-fixture';

/**
 * The «Tiltak» section's forms in headless Chromium (development mode), against the real server:
 * a coordinator registers a measure, finds it in the register, sets it to «Fullført», has a save
 * from a stale version refused with the input kept and the stored values shown, and writes a
 * focus area's status text; errors appear next to the field with the input kept; a member of a
 * body sees the register without any form.
 */
const SHOTS = path.resolve(__dirname, '../../screenshots');
const TITLE = 'Natteravner ved kjøpesenteret';
const SECOND = PEOPLE.sigrid; // a second coordinator, to change the measure meanwhile

describe("the tab's measures forms in Chromium", () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let tabDir: string;
  let seeded: SeededYear;

  beforeAll(async () => {
    tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slt-tab-'));
    await buildTab(tabDir);
    h = await startHarness({ env: { SLT_ADMINS: ROLES.admin.aadObjectId }, overrides: { tab: { dir: tabDir } } });
    seeded = await seedYear(h.app.services, h.connector);
    await h.app.services.roles.set(TENANT, SECOND.aadObjectId, 'coordinator', true, 'seed', '2025-11-20T10:00:00.000Z', SECOND.name);
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
    if (tabDir) fs.rmSync(tabDir, { recursive: true, force: true });
  });

  async function openMeasures(person: Person, extra = ''): Promise<void> {
    await page.goto(`${h.baseUrl}/tab/index.html?devUser=${encodeURIComponent(person.aadObjectId)}&devTenant=${TENANT}${extra}#measures`);
    await page.waitForSelector('body[data-first-render-ms]', { timeout: 15_000 });
    await page.waitForSelector('#measures h2');
  }
  const row = `#measures tr[data-measure-id]:has(.matter-title:text-is("${TITLE}"))`;
  const errorOf = (field: string) => page.textContent(`#measure-new [data-field="${field}"] .field-error`);
  const devPost = async (route: string, person: Person, body: unknown) =>
    fetch(`${h.baseUrl}/api/tab/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slt-dev-user': person.aadObjectId, 'x-slt-dev-tenant': TENANT },
      body: JSON.stringify(body),
    });

  it('a coordinator registers a measure: errors next to the fields with the input kept, then the measure in the register', async () => {
    await openMeasures(ROLES.coordinator);
    expect(await page.textContent('#measures')).toContain('Registrer et tiltak, endre det eller sett status her');
    await page.click('#measure-new-open');
    const form = '#measure-new form.measure-form';
    await page.fill(`${form} [name="description"]`, 'Voksne i gangene fredag og lørdag kveld, i samarbeid med frivillige.');
    await page.fill(`${form} [name="plan"]`, 'Ring 912 34 567 for å bli med');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} .notice.attention`);
    expect(await page.textContent(`${form} .notice`)).toBe('Noe må rettes før tiltaket kan lagres – se feltene under.');
    // The missing name is a use-case rule; the phone number is the guard's; both said next to their field.
    expect(await errorOf('plan')).toContain('telefonnummer');
    expect(await page.getAttribute(`${form} [name="plan"]`, 'aria-invalid')).toBe('true');
    expect(await page.inputValue(`${form} [name="description"]`)).toBe('Voksne i gangene fredag og lørdag kveld, i samarbeid med frivillige.');
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-form-errors.png'), fullPage: true });

    await page.fill(`${form} [name="plan"]`, 'Handlingsplan mot ungdomskriminalitet, tiltak 4');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForFunction(() => document.querySelector('#measure-new [data-field="title"] .field-error')?.textContent !== '');
    expect(await errorOf('title')).toBe('Skriv et kort navn på tiltaket.');
    expect(await page.inputValue(`${form} [name="plan"]`)).toBe('Handlingsplan mot ungdomskriminalitet, tiltak 4');

    await page.fill(`${form} [name="title"]`, TITLE);
    await page.check(`${form} input[name="focusAreas"][value="public-space"]`);
    await page.selectOption(`${form} [name="level"]`, 'area');
    expect(await page.inputValue(`${form} [name="ownerBodyId"]`)).toBe(seeded.bodies.koord.id);
    await page.selectOption(`${form} [name="ownerBodyId"]`, seeded.bodies.styret.id);
    await page.check(`${form} input[name="responsible"][value="outreach"]`);
    await page.check(`${form} input[name="responsible"][value="volunteer"]`);
    await page.fill(`${form} [name="start"]`, '2026-09-01');
    await page.fill(`${form} [name="end"]`, '2026-12-15');
    await page.selectOption(`${form} [name="status"]`, 'ongoing');
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-form-filled.png'), fullPage: true });
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector('#measures-notice');
    expect(await page.textContent('#measures-notice')).toBe('Tiltaket er registrert.');
    expect(await page.$(form)).toBeNull();
    expect(await page.getAttribute(row, 'data-standing')).toBe('ongoing');
    expect(await page.textContent(`${row} .badge`)).toBe('Pågår');
    expect(await page.textContent(`#measures .measure-level[data-level="area"]`)).toContain(TITLE);
    expect(await page.textContent(row)).toContain('Kriminalitet i det offentlige rom');
    expect(await page.textContent(row)).toContain('Utekontakt');
    expect(await page.textContent('#measures .area-card[data-area="public-space"]')).toContain('Tiltak: pågår 1');
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-registered.png'), fullPage: true });
  });

  it('a coordinator sets the status to «Fullført»', async () => {
    await page.selectOption(`${row} select.measure-status`, 'completed');
    await page.click(`${row} .status-edit button`);
    await page.waitForFunction(() => document.querySelector('#measures-notice')?.textContent === 'Status er satt til «Fullført».');
    expect(await page.getAttribute(row, 'data-standing')).toBe('completed');
    expect(await page.textContent(`${row} .badge`)).toBe('Fullført 2. november 2026');
    expect(await page.inputValue(`${row} select.measure-status`)).toBe('completed');
    await page.click(`${row} details summary`);
    expect(await page.textContent(`${row} dl`)).toContain(`2. november 2026 av ${ROLES.coordinator.name}`);
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-completed.png'), fullPage: true });
  });

  it('a save from a stale version is refused: the input stays, what is stored now is shown, and saving again replaces it', async () => {
    await page.click(`${row} button.measure-edit`);
    const form = '#measures tr.edit-row form.measure-form';
    await page.waitForSelector(form);
    expect(await page.inputValue(`${form} [name="title"]`)).toBe(TITLE);
    // Meanwhile another coordinator moves the deadline.
    const id = await page.getAttribute(row, 'data-measure-id');
    const read = (await (
      await fetch(`${h.baseUrl}/api/tab/measures?year=2026`, { headers: { 'x-slt-dev-user': SECOND.aadObjectId, 'x-slt-dev-tenant': TENANT } })
    ).json()) as MeasuresResponse;
    const stored = read.levels.flatMap((l) => l.items).find((m) => m.id === id)!;
    const moved = await devPost('measure-save', SECOND, { ...stored.edit!.values, measureId: id, version: stored.edit!.version, end: '2027-01-31' });
    expect(moved.status).toBe(200);

    await page.fill(`${form} [name="title"]`, 'Natteravner i sentrum');
    await page.fill(`${form} [name="evaluation"]`, 'Færre meldinger om uro i helgene.');
    await page.selectOption(`${form} [name="conclusion"]`, 'continue');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} .notice.warning`);
    expect(await page.textContent(`${form} .notice`)).toBe(
      `Tiltaket ble endret av ${SECOND.name} 2. november 2026 mens du skrev (frist). Det du skrev er ikke lagret, men står i skjemaet: se over og trykk «Lagre» igjen for å erstatte det som er lagret.`,
    );
    expect(await page.inputValue(`${form} [name="title"]`)).toBe('Natteravner i sentrum');
    // What the other coordinator changed is shown under its field; the person's own changes are not flagged.
    expect(await page.textContent(`${form} [data-field="end"] .stored`)).toBe('Endret i mellomtiden – lagret nå: 31. januar 2027');
    expect(await page.$$eval(`${form} .stored:not([hidden])`, (s) => s.length)).toBe(1);
    expect(await page.inputValue(`${form} [name="evaluation"]`)).toBe('Færre meldinger om uro i helgene.');
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-stale.png'), fullPage: true });

    // Knowingly: take the other coordinator's deadline, then save again.
    await page.fill(`${form} [name="end"]`, '2027-01-31');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForFunction(() => document.querySelector('#measures-notice')?.textContent === 'Endringene er lagret.');
    const renamed = '#measures tr[data-measure-id]:has(.matter-title:text-is("Natteravner i sentrum"))';
    expect(await page.textContent(renamed)).toContain('Færre meldinger om uro i helgene.');
    expect(await page.textContent(renamed)).toContain('Konklusjon: Videreføres');
    expect(await page.textContent(renamed)).toContain('31. januar 2027');
    const log = await h.app.services.measures.history(TENANT, id!);
    expect(log.map((e) => [e.verb, e.actorName])).toEqual([
      ['create', ROLES.coordinator.name],
      ['status', ROLES.coordinator.name],
      ['update', SECOND.name],
      ['update', ROLES.coordinator.name],
    ]);
  });

  it("a coordinator writes a focus area's status text: screened, saved, shown with who wrote it", async () => {
    const card = '#measures .area-card[data-area="public-space"]';
    await page.click(`${card} .area-edit button`);
    await page.fill(`${card} textarea`, 'Kontakt ola.nordmann@example.no om natteravnene.');
    await page.click(`${card} button[type="submit"]`);
    await page.waitForSelector(`${card} .field-error:not([hidden])`);
    expect(await page.textContent(`${card} .field-error`)).toContain('e-postadresse');
    expect(await page.inputValue(`${card} textarea`)).toBe('Kontakt ola.nordmann@example.no om natteravnene.');
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-area-error.png'), fullPage: true });
    const text = 'Natteravnene er i gang, og uroen ved kjøpesenteret har avtatt.';
    await page.fill(`${card} textarea`, text);
    await page.click(`${card} button[type="submit"]`);
    await page.waitForFunction(() => document.querySelector('#measures-notice')?.textContent === 'Statusteksten er lagret.');
    expect(await page.textContent(`${card} .area-text`)).toBe(text);
    expect(await page.textContent(card)).toContain(`Sist skrevet 2. november 2026 av ${ROLES.coordinator.name}`);
    expect(await page.textContent(`${card} .area-edit button`)).toBe('Endre statustekst');
    expect((await h.app.services.measures.statusTexts(TENANT, 2026)).find((x) => x.focusAreaId === 'public-space')?.text).toBe(text);
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-area-text.png'), fullPage: true });
  });

  it('the forms follow the dark theme through the CSS variables', async () => {
    await openMeasures(ROLES.coordinator, '&theme=dark');
    await page.click('#measure-new-open');
    const bg = await page.$eval('#measure-new form', (f) => getComputedStyle(f).backgroundColor);
    expect(bg).toBe('rgb(41, 41, 41)');
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-form-dark.png'), fullPage: true });
  });

  it('a member of a body reads the register and the status texts, and sees no forms', async () => {
    // The board member reads the board's measures (this one is owned by the board), read only.
    await openMeasures(ROLES.boardMember);
    expect(await page.textContent('#measures')).toContain('Bare SLT-koordinatorene kan registrere og endre tiltak.');
    expect(await page.$$eval('#measures tr[data-measure-id] .matter-title', (t) => t.map((x) => x.textContent))).toEqual(['Natteravner i sentrum']);
    expect(await page.textContent('#measures .area-card[data-area="public-space"]')).toContain('Natteravnene er i gang');
    for (const form of ['#measure-new-open', 'form', 'select.measure-status', '.area-edit', 'button.measure-edit', 'textarea'])
      expect(await page.$$(`#measures ${form}`), form).toHaveLength(0);
    expect(await page.textContent('#measures')).not.toContain(ROLES.coordinator.name);
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures-member.png'), fullPage: true });
  });
});
