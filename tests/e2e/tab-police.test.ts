import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab';
import { launchChromium } from '../../scripts/chromium';
import { DEFAULT_CATEGORIES, type PoliceTable, parsePoliceTable } from '../../src/domain/police-stats';
import { TENANT } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { ROLES, seedYear } from '../support/tab-fixture';

/**
 * The tab's «Politistatistikk» section in headless Chromium (development mode), with the
 * published Tabell 1–3 stored: chart and tables, filtered by offence type and age band.
 */
const SHOTS = path.resolve(__dirname, '../../screenshots');
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'police');

describe("the tab's police statistics section in Chromium", () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let tabDir: string;

  beforeAll(async () => {
    tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slt-tab-'));
    await buildTab(tabDir);
    h = await startHarness({ env: { SLT_ADMINS: ROLES.admin.aadObjectId }, overrides: { tab: { dir: tabDir } } });
    await seedYear(h.app.services, h.connector);
    const store = async (table: PoliceTable, file: string): Promise<void> => {
      const parsed = parsePoliceTable(table, fs.readFileSync(path.join(FIXTURES, file), 'utf8'), { categories: DEFAULT_CATEGORIES, thisYear: 2026 });
      expect(parsed.problems).toEqual([]);
      await h.app.services.policeStats.replace(TENANT, table, parsed.figures, 'i000000000000000000000001', {
        id: 'seed',
        name: 'Politiet',
        at: '2025-01-20T10:00:00.000Z',
      });
    };
    await store('offences', 'tabell-2-lovbrudd.txt');
    await store('offencesByAge', 'tabell-3-aldersgrupper.txt');
    await store('persons', 'tabell-1-personer.txt');
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
    if (tabDir) fs.rmSync(tabDir, { recursive: true, force: true });
  });

  const bars = (): Promise<[number, number][]> =>
    page.$$eval('#police svg.chart rect.bar', (rs) =>
      rs.map((r) => [Number(r.getAttribute('data-year')), Number(r.getAttribute('data-count'))] as [number, number]),
    );
  const row = (table: string, label: string): Promise<string[]> =>
    page.$$eval(
      `#${table} tbody tr`,
      (trs, l) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')).find((cells) => cells[0] === l) ?? [],
      label,
    );

  it('opens at «Se politistatistikk» (#police) for a member, with the total by year and the table of offence types', async () => {
    await page.goto(`${h.baseUrl}/tab/index.html?devUser=${encodeURIComponent(ROLES.vestMember.aadObjectId)}&devTenant=${TENANT}#police`);
    await page.waitForSelector('#police svg.chart', { timeout: 15_000 });
    expect(await page.isVisible('#police')).toBe(true);
    expect(await page.getAttribute('#tab-police', 'aria-selected')).toBe('true');
    expect(await page.textContent('#police h2')).toBe('Politistatistikk');
    expect(await page.textContent('#police .chart-title')).toBe('Totalt, 10–17 år: anmeldelser per år');
    expect(await bars()).toEqual([
      [2017, 174],
      [2018, 235],
      [2019, 382],
      [2020, 288],
      [2021, 295],
      [2022, 268],
      [2023, 388],
      [2024, 268],
    ]);
    expect(await row('police-offences', 'Vinning')).toEqual(['Vinning', '84', '105', '194', '158', '151', '121', '210', '87', '−123']);
    expect(await row('police-persons', 'Jenter 10–14 år')).toEqual(['Jenter 10–14 år', '16', '21', '36', '59', '62', '33', '68', '41', '−27']);
    await page.screenshot({ path: path.join(SHOTS, 'tab-police.png'), fullPage: true });
  });

  it('filters by offence type and age band: Vold among 10–14-year-olds, above the range of the seven years before', async () => {
    await page.selectOption('#police-type', 'Vold');
    await page.selectOption('#police-band', '10-14');
    expect((await bars()).at(-1)).toEqual([2024, 42]);
    expect(await page.$$eval('#police-offences tbody tr', (trs) => trs.map((tr) => tr.children[0]?.textContent))).toEqual([
      'Vold',
      'Fysisk vold',
      'Mot. off. tj.person',
      'Trusler',
    ]);
    expect(await row('police-offences', 'Vold')).toEqual(['Vold', '9', '5', '4', '9', '14', '18', '27', '42', '+15']);
    expect(await page.textContent('#police .variation')).toBe('2024: 42, over normalvariasjonen de siste sju årene (4–27).');
    await page.screenshot({ path: path.join(SHOTS, 'tab-police-vold-10-14.png'), fullPage: true });
    await page.selectOption('#police-type', 'Narkotika');
    await page.selectOption('#police-band', '10-17');
    expect(await page.textContent('#police .variation')).toBe('2024: 18, innenfor normalvariasjonen de siste sju årene (14–68).');
  });
});
