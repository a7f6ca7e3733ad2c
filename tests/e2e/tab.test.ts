import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab';
import { launchChromium } from '../../scripts/chromium';
import type { MeasureFields, MeasureState } from '../../src/domain/measures/model';
import { planCreate } from '../../src/domain/measures/rules';
import { isHeld } from '../../src/domain/meetings';
import { MeasureRepository } from '../../src/storage/table/measures';
import { type Person, TENANT } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { FIXTURE_AREAS, FIXTURE_MONTHS, ROLES, type SeededYear, seedYear, TREND_BODIES, type TrendBody, trendCount } from '../support/tab-fixture';

/**
 * The SLT overview tab in headless Chromium (through playwright-core; scripts/chromium.ts picks the browser),
 * in development mode outside Teams, against the real server seeded with a year of invented data.
 */
const SHOTS = path.resolve(__dirname, '../../screenshots');

/** What the chart must show for a set of bodies: count per focus area per month. */
function expected(bodies: readonly TrendBody[], area: number): number[] {
  return FIXTURE_MONTHS.map((_, mi) => bodies.reduce((sum, b) => sum + trendCount(b, mi, area), 0));
}

describe('SLT overview tab in Chromium (development mode)', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let seeded: SeededYear;
  let tabDir: string;
  const renderTimes: number[] = [];

  beforeAll(async () => {
    tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slt-tab-'));
    await buildTab(tabDir);
    h = await startHarness({ env: { SLT_ADMINS: ROLES.admin.aadObjectId }, overrides: { tab: { dir: tabDir } } });
    seeded = await seedYear(h.app.services, h.connector);
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
    if (tabDir) fs.rmSync(tabDir, { recursive: true, force: true });
    if (renderTimes.length) console.log(`tab first render (navigation start → all four sections drawn): ${renderTimes.map((t) => `${t} ms`).join(', ')}`);
  });

  /** Opens the tab as a person (development identity in the address) and waits for the first render. */
  async function openAs(person: Person, extra = ''): Promise<number> {
    await page.goto(`${h.baseUrl}/tab/index.html?devUser=${encodeURIComponent(person.aadObjectId)}&devTenant=${TENANT}${extra}`);
    await page.waitForSelector('body[data-first-render-ms]', { timeout: 15_000 });
    const ms = Number(await page.getAttribute('body', 'data-first-render-ms'));
    renderTimes.push(ms);
    return ms;
  }

  const counts = (area: string): Promise<number[]> =>
    page.$$eval(`svg.chart g.series[data-focus-area="${area}"] .dot`, (dots) => dots.map((d) => Number(d.getAttribute('data-count'))));

  it('outside Teams shows the development banner and identity picker, then the tab for the person picked', async () => {
    await page.goto(`${h.baseUrl}/tab/index.html`);
    await page.waitForSelector('#dev-person option:nth-child(3)', { state: 'attached' });
    expect(await page.textContent('#dev-banner')).toBe('Utviklingsmodus – ingen innlogging');
    expect(await page.isVisible('#dev-banner')).toBe(true);
    const options = await page.$$eval('#dev-person option', (os) => os.map((o) => o.textContent ?? ''));
    expect(options.join('\n')).toContain(ROLES.coordinator.name);
    expect(options.join('\n')).toContain(ROLES.vestMember.name);
    expect(await page.inputValue('#dev-tenant')).toBe(TENANT);
    await page.screenshot({ path: path.join(SHOTS, 'tab-dev-picker.png') });
    await page.selectOption('#dev-person', ROLES.coordinator.aadObjectId);
    await page.click('#dev-show');
    await page.waitForSelector('svg.chart');
    expect(await page.textContent('#who')).toContain(ROLES.coordinator.name);
    expect(await page.textContent('#who')).toContain('SLT-koordinator');
  });

  it('inside an iframe that is not Teams, gives up waiting for Teams after a short timeout and offers the development picker', async () => {
    // A host page that frames the tab (same origin, as the page's CSP allows), but never answers teams-js.
    fs.writeFileSync(
      path.join(tabDir, 'frame-test.html'),
      `<!doctype html><iframe id="f" width="1200" height="800" src="index.html?devUser=${ROLES.vestMember.aadObjectId}&devTenant=${TENANT}"></iframe>`,
    );
    const started = Date.now();
    await page.goto(`${h.baseUrl}/tab/frame-test.html`);
    const frame = page.frameLocator('#f');
    await frame.locator('svg.chart').waitFor({ timeout: 15_000 });
    const waited = Date.now() - started;
    // The banner comes with the identity picker, which loads alongside the sections.
    await frame.locator('#dev-banner', { hasText: 'Utviklingsmodus' }).waitFor({ timeout: 15_000 });
    expect(await frame.locator('#dev-banner').textContent()).toBe('Utviklingsmodus – ingen innlogging');
    expect(waited).toBeGreaterThanOrEqual(1500); // teams-js itself would wait 60 s
    expect(waited).toBeLessThan(10_000);
  });

  // How fast it draws is measured by `npm run bench` (tests/bench/tab.ts), not asserted here.
  it("draws the chart with the fixture year's counts per focus area and month", async () => {
    await openAs(ROLES.coordinator);
    expect(await page.getAttribute('svg.chart', 'data-months')).toBe('12');
    for (const [i, area] of FIXTURE_AREAS.entries()) expect(await counts(area), area).toEqual(expected(TREND_BODIES, i));
    const total = FIXTURE_AREAS.reduce((n, _, i) => n + expected(TREND_BODIES, i).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(seeded.trendCount);
    expect(await page.getAttribute('p.total', 'data-total')).toBe(String(total));
    expect(await page.$$eval('ul.legend li[data-focus-area]', (li) => li.length)).toBe(3);
    await page.screenshot({ path: path.join(SHOTS, 'tab-trends-coordinator.png'), fullPage: false });
  });

  it('filters by body, focus area and period, and the chart follows', async () => {
    await openAs(ROLES.coordinator);
    await page.selectOption('#trend-body', seeded.bodies.vest.id);
    await page.waitForFunction(
      (n) => document.querySelector('p.total')?.getAttribute('data-total') === String(n),
      expected(['vest'], 0)
        .concat(expected(['vest'], 1), expected(['vest'], 2))
        .reduce((a, b) => a + b, 0),
    );
    expect(await counts('drugs')).toEqual(expected(['vest'], 0));
    expect(await counts('youth-networks')).toEqual(expected(['vest'], 2));

    await page.selectOption('#trend-area', 'public-space');
    await page.waitForFunction(() => document.querySelectorAll('svg.chart g.series').length === 1);
    expect(await counts('public-space')).toEqual(expected(['vest'], 1));
    const areas = await page.$$eval('ul.trend-list li', (li) => [...new Set(li.map((l) => l.getAttribute('data-focus-area')))]);
    expect(areas).toEqual(['public-space']);

    await page.fill('#trend-from', '2026-06');
    await page.dispatchEvent('#trend-from', 'change');
    await page.waitForFunction(() => document.querySelector('svg.chart')?.getAttribute('data-months') === '6');
    expect(await counts('public-space')).toEqual(expected(['vest'], 1).slice(6));
    await page.screenshot({ path: path.join(SHOTS, 'tab-trends-filtered.png') });
  });

  it("a member of one youth team sees only that team's trend texts, never another team's", async () => {
    await openAs(ROLES.vestMember);
    expect(await page.textContent('#who')).toBe(`Viser det ${ROLES.vestMember.name} har tilgang til`);
    const bodies = await page.$$eval('#trend-body option', (os) => os.map((o) => o.getAttribute('value')).filter(Boolean));
    expect(bodies).toEqual([seeded.bodies.vest.id]);
    const items = await page.$$eval('ul.trend-list li', (li) => li.map((l) => ({ body: l.getAttribute('data-body'), text: l.textContent ?? '' })));
    expect(items.length).toBeGreaterThan(20);
    expect(new Set(items.map((i) => i.body))).toEqual(new Set([seeded.bodies.vest.id]));
    expect(items.some((i) => i.text.includes('Team Vest'))).toBe(true);
    expect(items.some((i) => i.text.includes('Team Øst') || i.text.includes('Team Koordinering'))).toBe(false);
    expect(await counts('drugs')).toEqual(expected(['vest'], 0));
    // Who reads it, as Teams defines it: the private channel's own two members.
    await page.click('#readers summary');
    expect(await page.$$eval('#readers li', (li) => li.map((l) => l.textContent))).toEqual(['Ungdomsteam Vest 13-16: privat kanal, 2 medlemmer']);
    await page.screenshot({ path: path.join(SHOTS, 'tab-member-vest.png') });

    await openAs(ROLES.ostMember);
    const ost = await page.$$eval('ul.trend-list li', (li) => li.map((l) => l.textContent ?? ''));
    expect(ost.length).toBeGreaterThan(20);
    expect(ost.every((t) => t.includes('Team Øst'))).toBe(true);
  });

  it('shows open matters by level and state with their history; members see the steps, coordinators also who and why', async () => {
    await openAs(ROLES.coordinator);
    await page.click('#tab-escalations');
    const at = (level: string) =>
      page.$$eval(`.column[data-level="${level}"] li.matter`, (li) => li.map((l) => `${l.getAttribute('data-escalation-id')}:${l.getAttribute('data-state')}`));
    expect(await at('youthTeam')).toEqual([`${seeded.matters.vestOpen}:proposed`]);
    expect(await at('coordinationGroup')).toEqual([`${seeded.matters.vestAtKoord}:accepted`]);
    expect(await at('board')).toEqual([`${seeded.matters.ostAtBoard}:escalated`]);
    const board = `li.matter[data-escalation-id="${seeded.matters.ostAtBoard}"]`;
    await page.click(`${board} details summary`);
    const steps = await page.$$eval(`${board} details li`, (li) => li.map((l) => l.textContent ?? ''));
    expect(steps).toHaveLength(3);
    expect(steps[2]).toContain('løftet');
    expect(steps[2]).toContain(ROLES.coordinator.name);
    await page.screenshot({ path: path.join(SHOTS, 'tab-escalations.png') });

    await page.check('#esc-closed');
    await page.waitForSelector(`li.matter[data-escalation-id="${seeded.matters.vestResolved}"]`);

    await openAs(ROLES.vestMember);
    await page.click('#tab-escalations');
    const ids = await page.$$eval('li.matter', (li) => li.map((l) => l.getAttribute('data-escalation-id')));
    expect(ids.sort()).toEqual([seeded.matters.vestOpen, seeded.matters.vestAtKoord].sort());
    const history = await page.$$eval('li.matter details li', (li) => li.map((l) => l.textContent ?? '').join('\n'));
    expect(history).not.toContain(ROLES.coordinator.name);
  });

  it("shows the measures register by level with status and evaluation, and the status per focus area; members read only their bodies' measures", async () => {
    const s = h.app.services;
    const add = async (key: string, fields: Partial<MeasureFields> & Pick<MeasureFields, 'title' | 'ownerBodyId'>, state: MeasureState) => {
      const r = planCreate(
        {
          tenantId: TENANT,
          id: MeasureRepository.idFor(TENANT, 'manual', key),
          fields: { description: '', focusAreas: [], responsible: [], ...fields },
          state,
          source: { kind: 'manual' },
        },
        { id: ROLES.coordinator.aadObjectId, name: ROLES.coordinator.name },
        '2026-09-01T08:00:00.000Z',
        key,
      );
      if (!r.ok) throw new Error('fixture');
      await s.measures.create(r.measure, r.log);
    };
    const drugs = { id: 'drugs', label: 'Rusmiddelbruk blant unge' };
    const space = { id: 'public-space', label: 'Kriminalitet i det offentlige rom' };
    await add(
      'sone',
      {
        title: 'Sonemøter i sentrum',
        ownerBodyId: seeded.bodies.koord.id,
        level: 'area',
        focusAreas: [space],
        responsible: ['police', 'outreach'],
        start: '2026-02-01',
      },
      'ongoing',
    );
    await add(
      'grupper',
      {
        title: 'Aktivitetsgrupper i ferien',
        ownerBodyId: seeded.bodies.koord.id,
        level: 'group',
        focusAreas: [drugs],
        responsible: ['youthClub'],
        start: '2026-06-20',
        end: '2026-08-10',
        evaluation: 'Ungdommene ba om flere grupper.',
        conclusion: 'continue',
      },
      'completed',
    );
    await add(
      'jobb',
      {
        title: 'Sommerjobb for unge i risiko',
        ownerBodyId: seeded.bodies.styret.id,
        level: 'individual',
        focusAreas: [drugs],
        responsible: ['nav'],
        start: '2026-05-01',
        end: '2026-08-31',
      },
      'planned',
    );
    await s.measures.changeStatusText(TENANT, 2026, 'drugs', () => ({
      write: {
        year: 2026,
        focusAreaId: 'drugs',
        text: 'Utsett! er tatt i bruk på alle ungdomsskolene.',
        version: 1,
        updatedAt: '2026-10-01T08:00:00.000Z',
        updatedBy: ROLES.coordinator.aadObjectId,
        updatedByName: ROLES.coordinator.name,
      },
      result: 1,
    }));

    await openAs(ROLES.coordinator);
    await page.click('#tab-measures');
    expect(await page.textContent('#measures h2')).toBe('Tiltak 2026');
    expect(await page.$$eval('#measures .measure-level', (l) => l.map((x) => x.getAttribute('data-level')))).toEqual(['individual', 'group', 'area']);
    const rows = await page.$$eval('#measures tr[data-measure-id]', (r) =>
      r.map((x) => [x.querySelector('.matter-title')?.textContent, x.getAttribute('data-standing'), x.querySelector('.badge')?.textContent]),
    );
    expect(rows).toEqual([
      ['Sommerjobb for unge i risiko', 'overdue', 'Planlagt – Fristen er passert (31. august 2026)'],
      ['Aktivitetsgrupper i ferien', 'completed', 'Fullført 1. september 2026'],
      ['Sonemøter i sentrum', 'ongoing', 'Pågår'],
    ]);
    expect(await page.textContent('#measures tr[data-standing="completed"]')).toContain('Konklusjon: Videreføres');
    const area = '#measures .area-card[data-area="drugs"]';
    expect(await page.textContent(area)).toContain('Utsett! er tatt i bruk på alle ungdomsskolene.');
    expect(await page.textContent(area)).toContain('Tiltak: fullført 1, fristen er passert 1');
    expect(await page.textContent(area)).toContain(`Sist skrevet 1. oktober 2026 av ${ROLES.coordinator.name}`);
    await page.click('#measures tr[data-standing="overdue"] details summary');
    expect(await page.textContent('#measures tr[data-standing="overdue"] dl')).toContain('SLT-styret');
    await page.screenshot({ path: path.join(SHOTS, 'tab-measures.png'), fullPage: true });

    // A board member reads the board's measures only, and not who wrote the status text.
    await openAs(ROLES.boardMember);
    await page.click('#tab-measures');
    expect(await page.$$eval('#measures tr[data-measure-id]', (r) => r.map((x) => x.querySelector('.matter-title')?.textContent))).toEqual([
      'Sommerjobb for unge i risiko',
    ]);
    expect(await page.textContent('#measures')).not.toContain(ROLES.coordinator.name);
    // A youth-team member: no measures of theirs, the network's status per focus area.
    await openAs(ROLES.vestMember);
    await page.click('#tab-measures');
    expect(await page.getAttribute('#measures [data-state]', 'data-state')).toBe('empty');
    expect(await page.textContent('#measures .area-card[data-area="drugs"]')).toContain('Utsett! er tatt i bruk på alle ungdomsskolene.');
  });

  it('the annual wheel shows every meeting of the year, held and planned, and the seasonal markers', async () => {
    await openAs(ROLES.coordinator);
    await page.click('#tab-wheel');
    const s = h.app.services;
    const all = (await Promise.all(Object.values(seeded.bodies).map((b) => s.meetings.listForBody(TENANT, b.id)))).flat();
    const now = s.clock.now();
    const dots = await page.$$eval('svg.wheel circle.meeting', (c) => c.map((d) => d.getAttribute('data-status')));
    expect(dots).toHaveLength(seeded.meetings);
    expect(dots.filter((d) => d === 'held')).toHaveLength(all.filter((m) => isHeld(m, now)).length);
    expect(dots.filter((d) => d === 'planned').length).toBeGreaterThan(0);
    const markers = await page.$$eval('svg.wheel [data-marker]', (m) => m.map((x) => x.getAttribute('data-marker')));
    expect(markers).toEqual(['russSeason', 'endOfSchoolParties', 'summerHolidays', 'schoolStart', 'halloween', 'newYear']);
    expect(await page.$$eval('.meeting-list li', (li) => li.length)).toBe(seeded.meetings);
    await page.screenshot({ path: path.join(SHOTS, 'tab-wheel.png') });

    // A youth-team member's wheel holds only the bodies they belong to (as `møter` in a personal chat).
    await openAs(ROLES.vestMember);
    await page.click('#tab-wheel');
    const bodies = await page.$$eval('svg.wheel circle.meeting', (c) => [...new Set(c.map((d) => d.getAttribute('data-body')))]);
    expect(bodies).toEqual([seeded.bodies.vest.id]);
  });

  it('digests are for coordinators and the board; a youth-team member is told so', async () => {
    await openAs(ROLES.coordinator);
    await page.click('#tab-digests');
    expect(await page.$$eval('#digests li[data-month]', (li) => li.map((l) => l.getAttribute('data-month')))).toEqual(['2026-10']);
    expect(await page.textContent('#digests li[data-month]')).toContain('Månedsrapport for oktober 2026');
    // This archive row holds no digest this release can read: the page says so and where to look instead.
    await page.click('#digests li[data-month="2026-10"] button.read');
    expect(await (await page.waitForSelector('#digests [role="alert"]')).textContent()).toBe(
      'Rapporten for 2026-10 kan ikke vises her. Skriv «rapport 2026-10» til SLT-boten.',
    );
    await page.click('#digests button.back');
    // The annual report draft is made on request, by the same code as «årsrapport», behind download links.
    await page.click('#annual-make');
    const link = await page.waitForSelector('#digests a[data-format="html"]');
    const file = await fetch(`${h.baseUrl}${new URL((await link.getAttribute('href'))!).pathname}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/html');
    expect(await file.text()).toContain('2025');
    await page.screenshot({ path: path.join(SHOTS, 'tab-digests.png') });
    await openAs(ROLES.vestMember);
    await page.click('#tab-digests');
    expect(await page.getAttribute('#digests [data-state]', 'data-state')).toBe('not-allowed');
  });

  it('follows the theme: dark and high contrast restyle the page through CSS variables', async () => {
    await openAs(ROLES.coordinator, '&theme=dark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.$eval('body', (b) => getComputedStyle(b).backgroundColor)).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: path.join(SHOTS, 'tab-trends-dark.png') });
    await openAs(ROLES.coordinator, '&theme=contrast#wheel');
    expect(await page.$eval('body', (b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 0, 0)');
    // The board's ring comes first and takes the first high-contrast colour.
    expect(await page.$eval(`svg.wheel circle.meeting[data-body="${seeded.bodies.styret.id}"]`, (c) => getComputedStyle(c).stroke)).toBe('rgb(255, 255, 1)');
    await page.screenshot({ path: path.join(SHOTS, 'tab-wheel-contrast.png') });
  });
});
