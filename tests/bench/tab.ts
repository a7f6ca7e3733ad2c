import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { type AzuriteHandle, freePort, startAzurite } from '../../scripts/azurite';
import { buildTab } from '../../scripts/build-tab';
import { chromiumExecutable, launchChromium } from '../../scripts/chromium';
import { AuditRepository } from '../../src/storage/table/audit';
import { BodyRepository } from '../../src/storage/table/bodies';
import { DigestRepository } from '../../src/storage/table/digests';
import { EscalationRepository } from '../../src/storage/table/escalations';
import { MeetingRepository } from '../../src/storage/table/meetings';
import { RoleRepository } from '../../src/storage/table/roles';
import { TrendRepository } from '../../src/storage/table/trends';
import { TableStore } from '../../src/storage/tables';
import { PEOPLE, TEAM_ID, TENANT } from '../support/activities';
import { FakeConnector } from '../support/connector';
import { FIXTURE_NOW, type FixtureStores, fixtureTrendTotal, ROLES, seedYear } from '../support/tab-fixture';
import { type ServerProcess, startServer } from './processes';
import { percentile } from './stats';

/**
 * The SLT overview tab's first render (issue 7: under 1 s on this machine with a year of data),
 * measured here rather than in the Chromium test. The year of tests/support/tab-fixture.ts is
 * seeded through the bot's own repositories (its trend counts scaled to about BENCH_TAB_TRENDS,
 * default 1 000: a municipality's youth teams over a year), the bot runs as its own process in
 * development mode on the fixture's clock, and headless Chromium opens
 * `/tab/index.html?devUser=<coordinator>&devTenant=…` BENCH_TAB_LOADS times (default 10: one cold,
 * then warm), a fresh page each time. Each load's figure is the page's own `data-first-render-ms`
 * (navigation start → all four sections drawn, src/tab/main.ts); a load whose chart total is not
 * the seeded count fails the measurement instead of being timed.
 *
 * Part of `npm run bench` (BENCH_TAB=0 skips it), or on its own:
 * `npm run build && node dist/tests/bench/tab.js`. scripts/chromium.ts picks the browser (CHROMIUM_PATH, Debian's, or the one npm ci brings).
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');

function numberEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return process.env[name] && Number.isFinite(v) && v > 0 ? v : fallback;
}

export const TAB_TRENDS = numberEnv('BENCH_TAB_TRENDS', 1000);
export const TAB_LOADS = Math.max(2, Math.round(numberEnv('BENCH_TAB_LOADS', 10)));

export interface TabFigures {
  fixture: { bodies: number; trends: number; matters: number; meetings: number };
  seedMs: number;
  /** Every load's first render in ms, in order: the first is cold (fresh bot and browser). */
  loadsMs: number[];
  coldMs: number;
  warm: { min: number; median: number; max: number };
  /** Peak resident memory of the bot process that served the tab, MB. */
  botPeakMb: number;
  /** 1-minute load average when the loads started. */
  loadAverage: number;
}

export type TabResult = { skipped: string } | TabFigures;

/** Seeds, starts the bot, loads the tab TAB_LOADS times; prints a line as it goes. */
export async function measureTab(storageConnectionString: string): Promise<TabResult> {
  const noBrowser = await chromiumExecutable().then(
    () => undefined,
    (error: unknown) => String(error),
  );
  if (noBrowser) return { skipped: noBrowser };
  const prefix = `tab${randomBytes(4).toString('hex')}`;
  const connector = new FakeConnector();
  let bot: ServerProcess | undefined;
  let browser: Browser | undefined;
  try {
    await connector.start();
    await buildTab(path.join(ROOT, 'dist', 'tab'));

    // Seeded through the bot's own repositories, in the bot's tables (created here as the bot creates them).
    const store = new TableStore(storageConnectionString, prefix);
    await store.ensureTables();
    const repos: FixtureStores = {
      bodies: new BodyRepository(store.table('bodies')),
      roles: new RoleRepository(store.table('roles')),
      trends: new TrendRepository(store.table('trends')),
      escalations: new EscalationRepository(store.table('escalations')),
      audit: new AuditRepository(store.table('audit')),
      meetings: new MeetingRepository(store.table('meetings')),
      digests: new DigestRepository(store.table('digests')),
    };
    const trendScale = Math.max(1, Math.round(TAB_TRENDS / fixtureTrendTotal()));
    const t0 = performance.now();
    const seeded = await seedYear(repos, connector, { trendScale });
    const seedMs = Math.round(performance.now() - t0);
    // The bot here runs its scheduler and outbox (the Chromium test's does not): its cadence watch
    // messages the coordinator, which needs her Teams id from the team roster, as in Teams.
    connector.rosters.set(
      TEAM_ID,
      Object.values(PEOPLE).map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })),
    );
    const fixture = {
      bodies: Object.keys(seeded.bodies).length,
      trends: seeded.trendCount,
      matters: Object.keys(seeded.matters).length,
      meetings: seeded.meetings,
    };
    process.stdout.write(
      `  tab: ${fixture.bodies} bodies, ${fixture.trends} trends, ${fixture.matters} matters, ${fixture.meetings} meetings seeded in ${seedMs} ms; first render… `,
    );

    // Development mode (no MicrosoftAppId), its clock starting at the fixture's now, as the Chromium test runs it.
    bot = await startServer(
      'tab-bot',
      path.join(ROOT, 'dist', 'src', 'index.js'),
      await freePort(),
      {
        STORAGE_CONNECTION_STRING: storageConnectionString,
        SLT_TABLE_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        SLT_ADMINS: ROLES.admin.aadObjectId,
        SLT_CLOCK_START: FIXTURE_NOW,
      },
      '/healthz',
    );
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const url = `${bot.baseUrl}/tab/index.html?devUser=${encodeURIComponent(ROLES.coordinator.aadObjectId)}&devTenant=${TENANT}`;
    const loadAverage = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
    const loadsMs: number[] = [];
    for (let i = 0; i < TAB_LOADS; i++) {
      const page = await context.newPage();
      try {
        await page.goto(url);
        await page.waitForSelector('body[data-first-render-ms]', { timeout: 30_000 });
        const total = await page.getAttribute('p.total', 'data-total');
        if (total !== String(fixture.trends)) throw new Error(`tab load ${i + 1} showed ${total} trends, seeded ${fixture.trends}`);
        loadsMs.push(Number(await page.getAttribute('body', 'data-first-render-ms')));
      } finally {
        await page.close();
      }
    }
    const warm = Float64Array.from(loadsMs.slice(1)).sort();
    const figures: TabFigures = {
      fixture,
      seedMs,
      loadsMs,
      coldMs: loadsMs[0]!,
      warm: { min: warm[0]!, median: percentile(warm, 50), max: warm[warm.length - 1]! },
      botPeakMb: bot.peakRssMb(),
      loadAverage,
    };
    console.log(
      `cold ${figures.coldMs} ms; ${warm.length} warm loads: min ${figures.warm.min}, median ${figures.warm.median}, max ${figures.warm.max} ms (load ${loadAverage})`,
    );
    if (bot.errorLines.length) console.log(`  tab: the bot logged ${bot.errorLines.length} error line(s); first: ${bot.errorLines[0]}`);
    return figures;
  } finally {
    await browser?.close();
    await bot?.stop();
    await connector.stop();
  }
}

/** Standalone: its own Azurite, the figures as JSON. */
async function standalone(): Promise<void> {
  let azurite: AzuriteHandle | undefined;
  try {
    azurite = await startAzurite();
    console.log(`tab first-render benchmark: ~${TAB_TRENDS} trends, ${TAB_LOADS} loads, ${process.version}`);
    console.log(JSON.stringify(await measureTab(azurite.connectionString), null, 2));
  } finally {
    await azurite?.stop();
  }
}

if (require.main === module) {
  standalone().catch((err: unknown) => {
    console.error('tab bench failed:', err);
    process.exit(1);
  });
}
