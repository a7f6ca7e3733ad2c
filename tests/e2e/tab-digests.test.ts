import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab';
import { launchChromium } from '../../scripts/chromium';
import { ManualClock } from '../../src/clock';
import { DEFAULT_FOCUS_AREAS } from '../../src/domain/focus-areas';
import { CHANNELS, cardAction, PEOPLE, type Person, TENANT } from '../support/activities';
import { member } from '../support/card-reading';
import { type DigestFixture, MATTERS, seedDigestFixture, TREND_SPEC } from '../support/digest-fixture';
import { type Harness, startHarness } from '../support/harness';

/**
 * The tab's «Rapporter» in headless Chromium: the coordinator sends September's and October's
 * digests to the board through /api/messages («Send til styret»), and a board member opens each
 * past digest in the tab and reads it — the same figures as the card. A youth-team member may not.
 * Then the trends chart with two focus areas of the same counts: told apart by marker, dash and
 * colour, the markers side by side, whole-number ticks.
 */
const SHOTS = path.resolve(__dirname, '../../screenshots');
const SIGRID = PEOPLE.sigrid; // coordinator
const PER = PEOPLE.per; // board member
const AMINA = PEOPLE.amina; // youth team member only

const count = (month: string, area?: string): number =>
  TREND_SPEC.filter(([m, , a]) => m === month && (area === undefined || a === area)).reduce((s, [, , , n]) => s + n, 0);
const label = (id: string): string => DEFAULT_FOCUS_AREAS.find((a) => a.id === id)!.nb;

describe("the tab's «Rapporter»: every past digest opens to read", () => {
  let h: Harness;
  let fx: DigestFixture;
  let browser: Browser;
  let page: Page;
  let tabDir: string;
  const clock = new ManualClock('2026-11-02T09:00:00.000Z');

  beforeAll(async () => {
    tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slt-tab-'));
    await buildTab(tabDir);
    h = await startHarness({ clock, overrides: { tab: { dir: tabDir } } });
    fx = await seedDigestFixture(h.app.services, h.connector.url);
    h.connector.rosters.set(CHANNELS.styret.id, [member(PEOPLE.ola), member(PER), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.vest.id, [member(PEOPLE.kari), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.ost.id, [member(AMINA), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.koord.id, [member(SIGRID)]);
    // «Send til styret» for September, then October, as the coordinator would press it.
    for (const month of ['2026-09', '2026-10']) {
      const res = await h.send(cardAction('digest.send', { month }, { serviceUrl: h.connector.url, from: SIGRID, channel: null }));
      expect(res.status).toBe(200);
    }
    await h.drain();
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
    if (tabDir) fs.rmSync(tabDir, { recursive: true, force: true });
  });

  const openAs = async (person: Person, hash = '#digests'): Promise<void> => {
    await page.goto(`${h.baseUrl}/tab/index.html?devUser=${encodeURIComponent(person.aadObjectId)}&devTenant=${TENANT}${hash}`);
    await page.waitForSelector('body[data-first-render-ms]', { timeout: 15_000 });
  };
  const row = (heading: string, first: string): Promise<string[]> =>
    page.$$eval(
      '#digests .digest-page .table-scroll',
      (boxes, [hd, f]) => {
        const box = boxes.find((b) => b.querySelector('h5')?.textContent === hd);
        const tr = Array.from(box?.querySelectorAll('tbody tr') ?? []).find((r) => r.children[0]?.textContent === f);
        return tr ? Array.from(tr.children).map((c) => c.textContent ?? '') : [];
      },
      [heading, first] as const,
    );

  it('a board member lists both months and reads September, then October, with the figures the card had', async () => {
    await openAs(PER);
    expect(await page.$$eval('#digests li[data-month]', (li) => li.map((l) => l.getAttribute('data-month')))).toEqual(['2026-10', '2026-09']);
    expect(await page.getAttribute('#digests li[data-month="2026-09"] button.read', 'aria-label')).toBe('Les månedsrapporten for sep 2026');

    await page.click('#digests li[data-month="2026-09"] button.read');
    await page.waitForSelector('#digests .digest-page[data-month="2026-09"]');
    expect(await page.textContent('#digests .digest-title')).toBe('Månedsrapport for SLT-styret – september 2026');
    expect(await row('Per innsatsområde', label('public-space'))).toEqual([label('public-space'), String(count('2026-09', 'public-space')), '+2', '+2']);
    expect(await page.textContent('#digests .digest-page')).toContain(`${count('2026-09')} trender i september 2026`);

    await page.click('#digests button.back');
    await page.click('#digests li[data-month="2026-10"] button.read');
    await page.waitForSelector('#digests .digest-page[data-month="2026-10"]');
    const text = (await page.textContent('#digests .digest-page')) ?? '';
    expect(text).toContain('Sendt til styret 2. november av Sigrid Vågen.');
    for (const id of ['drugs', 'public-space', 'youth-networks', 'violence-abuse', 'recruitment'])
      expect((await row('Per innsatsområde', label(id)))[1], id).toBe(String(count('2026-10', id)));
    // The matters waiting for the board, and the six-month chart with a marker per month and area.
    expect(text).toContain(MATTERS.waitingEscalated);
    expect(text).not.toContain(MATTERS.newProposedOnly);
    const drugs = await page.$$eval('#digests svg.chart g.series[data-focus-area="drugs"] .dot', (d) => d.map((x) => Number(x.getAttribute('data-count'))));
    expect(drugs).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((m) => count(m, 'drugs')));
    expect(fx.bodies.styret.name).toBe(CHANNELS.styret.name);
    await page.screenshot({ path: path.join(SHOTS, 'tab-rapport-oktober.png'), fullPage: true });
  });

  it('a youth-team member is told the digests are for coordinators and the board, and the API refuses the month', async () => {
    await openAs(AMINA);
    expect(await page.getAttribute('#digests [data-state]', 'data-state')).toBe('not-allowed');
    const res = await fetch(`${h.baseUrl}/api/tab/digest?month=2026-10`, { headers: { 'x-slt-dev-user': AMINA.aadObjectId, 'x-slt-dev-tenant': TENANT } });
    expect(res.status).toBe(403);
    const body = (await res.json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).not.toContain(MATTERS.waitingEscalated);
  });

  it('a month never sent answers 404 with a Norwegian message; a malformed month, 400', async () => {
    const as = { 'x-slt-dev-user': SIGRID.aadObjectId, 'x-slt-dev-tenant': TENANT };
    const never = await fetch(`${h.baseUrl}/api/tab/digest?month=2026-08`, { headers: as });
    expect(never.status).toBe(404);
    expect(((await never.json()) as { message: string }).message).toBe('Rapporten for 2026-08 er ikke sendt til styret.');
    expect((await fetch(`${h.baseUrl}/api/tab/digest?month=2026-13`, { headers: as })).status).toBe(400);
  });

  it('the trends chart tells two areas with the same counts apart: marker, dash and colour differ, markers side by side, whole-number ticks', async () => {
    // The coordination group's recruitment topics (September 1, October 4), now also as violence topics.
    const koord = fx.bodies.koord.id;
    let n = 0;
    for (const [month, k] of [
      ['2026-09', 1],
      ['2026-10', 4],
    ] as const)
      for (let i = 0; i < k; i++)
        await h.app.services.trends.add(
          {
            tenantId: TENANT,
            bodyId: koord,
            month,
            focusAreaId: 'violence-abuse',
            focusAreaLabel: 'violence-abuse',
            direction: 'stable',
            description: `Samme mønster som rekrutteringen, nummer ${n}`,
            service: 'police',
            reporterId: SIGRID.aadObjectId,
            reportedAt: `${month}-1${i}T10:00:00.000Z`,
          },
          `same-${n++}`,
        );
    await openAs(SIGRID, '#trends');
    await page.selectOption('#trend-body', koord);
    await page.waitForFunction(() => document.querySelectorAll('svg.chart g.series').length === 2);
    const lines = await page.$$eval('#trends svg.chart g.series', (gs) =>
      gs.map((g) => ({
        area: g.getAttribute('data-focus-area'),
        shape: g.getAttribute('data-shape'),
        dash: getComputedStyle(g.querySelector('.line')!).strokeDasharray,
        colour: getComputedStyle(g.querySelector('.line')!).stroke,
        counts: Array.from(g.querySelectorAll('.dot')).map((d) => Number(d.getAttribute('data-count'))),
        xs: Array.from(g.querySelectorAll('.dot')).map((d) => (d as SVGGraphicsElement).getBBox().x),
      })),
    );
    expect(lines.map((l) => l.area)).toEqual(['violence-abuse', 'recruitment']);
    expect(lines[0]!.counts).toEqual(lines[1]!.counts);
    expect(lines[0]!.shape).not.toBe(lines[1]!.shape);
    expect(lines[0]!.dash).not.toBe(lines[1]!.dash);
    expect(lines[0]!.colour).not.toBe(lines[1]!.colour);
    // Every month the two have the same count, so every marker pair stands apart.
    lines[0]!.xs.forEach((x, i) => expect(Math.abs(x - lines[1]!.xs[i]!)).toBeGreaterThan(5));
    const ticks = await page.$$eval('#trends svg.chart .tick.y', (ts) => ts.map((t) => t.textContent ?? ''));
    expect(ticks).toEqual(['0', '1', '2', '3', '4']);
    expect(await page.textContent('#trends .same-lines')).toBe(
      `Samme tall alle månedene, så linjene ligger oppå hverandre: ${label('violence-abuse')} og ${label('recruitment')}.`,
    );
    await page.click('#trends .chart-table summary');
    expect(await page.$$eval('#trends .chart-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-focus-area')))).toEqual([
      'violence-abuse',
      'recruitment',
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'tab-trends-same-lines.png'), fullPage: false });
  });
});
