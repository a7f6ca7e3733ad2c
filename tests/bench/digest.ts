import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type AzuriteHandle, startAzurite } from '../../scripts/azurite';
import type { BodyKind } from '../../src/domain/bodies';
import { shiftMonth } from '../../src/domain/digest';
import { DEFAULT_FOCUS_AREAS } from '../../src/domain/focus-areas';
import { AGE_GROUPS, DIRECTIONS, SERVICES } from '../../src/domain/trends';
import { BodyRepository } from '../../src/storage/table/bodies';
import { trendPartition } from '../../src/storage/table/trends';
import { TableStore } from '../../src/storage/tables';

/**
 * The monthly digest at scale (issue 6): 1 000, 10 000 and 100 000 trend topics in one month of
 * one network, in Azurite, each size in its own tables. Seeding writes entity-group transactions
 * of 100 rows (one partition each) with 16 in flight and is timed on its own. The digest is then
 * built exactly as the bot builds it (`buildDigest`: streamed trend partitions, matters, meetings)
 * in a child process (digest-worker.ts) — once to warm up, once measured — which reports the
 * time, the heap's peak growth sampled every 2 ms while it runs, and its VmHWM. Streaming should
 * make the time grow no faster than the rows and keep memory flat.
 *
 * Part of `npm run bench` (run.ts calls measureDigest), or on its own:
 * `npm run build && node dist/tests/bench/digest.js` (BENCH_DIGEST_SIZES="1000,10000" to choose).
 */
export const DIGEST_SIZES: readonly number[] = (process.env.BENCH_DIGEST_SIZES ?? '1000,10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

/** One size measured. `ms` and `heapGrowthMb` are the aggregation's (what run.ts prints). */
export interface DigestFigure {
  trends: number;
  ms: number;
  heapGrowthMb: number;
  seedMs: number;
  msPer1000: number;
  vmHwmMb: number;
  /** CPU time while it was built: the digest's own process, and Azurite's (10 ms resolution). */
  cpuMs?: number;
  azuriteCpuMs?: number;
}

export type DigestResult = { skipped: string } | { figures: DigestFigure[] };

const TENANT = 'bench-digest-tenant';
const MONTH = '2026-10';
/** Rows per (body, month) partition at most: see `bodiesFor`. */
const PARTITION_ROWS = 5_000;

/**
 * The network: the coordination group, the board, and enough youth teams that no (body, month)
 * partition holds more than PARTITION_ROWS rows (at least three teams). Azurite, unlike Azure,
 * checks an insert against every row of its partition (its index covers PartitionKey only), so
 * seeding one 30 000-row partition is quadratic in Azurite; the digest itself reads partition by
 * partition either way.
 */
function bodiesFor(trends: number): { key: string; kind: BodyKind; name: string }[] {
  const teams = Math.max(3, Math.ceil(trends / PARTITION_ROWS));
  return [
    ...Array.from({ length: teams }, (_, i) => ({ key: `ut${i + 1}`, kind: 'youthTeam' as const, name: `Ungdomsteam ${i + 1}` })),
    { key: 'koord', kind: 'coordinationGroup', name: 'Koordineringsgruppen' },
    { key: 'styret', kind: 'board', name: 'SLT-styret' },
  ];
}
const BATCH = 100;
const IN_FLIGHT = 16;

/** Runs `fn` over `items` with at most `limit` at a time. */
async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/**
 * Registers the network's bodies and writes `trends` invented trend topics into MONTH (spread
 * evenly over the youth teams and the coordination group, every focus area), plus a twentieth as many in
 * each of the five months before so the changes and the chart have something to compare.
 */
async function seed(store: TableStore, trends: number): Promise<number> {
  const bodies = new BodyRepository(store.table('bodies'));
  const ids: string[] = [];
  for (const b of bodiesFor(trends)) {
    const channelId = `19:bench-${b.key}@thread.tacv2`;
    const r = await bodies.upsert({
      tenantId: TENANT,
      kind: b.kind,
      name: b.name,
      cadenceWeeks: 6,
      durationMinutes: 90,
      channelId,
      channelName: b.name,
      channelType: 'private',
      ref: { serviceUrl: 'http://127.0.0.1:9', conversationId: channelId, tenantId: TENANT, botId: '28:bench', channelId },
      registeredBy: 'bench',
      at: '2026-01-05T08:00:00.000Z',
    });
    if (!r.ok) throw new Error(`bench: body ${b.key} not registered`);
    if (b.kind !== 'board') ids.push(r.body.id);
  }
  const table = store.table('trends');
  const batches: { pk: string; rows: ({ partitionKey: string; rowKey: string } & Record<string, unknown>)[] }[] = [];
  const months = [MONTH, ...[1, 2, 3, 4, 5].map((n) => shiftMonth(MONTH, -n))];
  let n = 0;
  for (const month of months) {
    const count = month === MONTH ? trends : Math.ceil(trends / 20);
    for (const [b, bodyId] of ids.entries()) {
      const share = Math.floor(count / ids.length) + (b < count % ids.length ? 1 : 0);
      const pk = trendPartition(TENANT, bodyId, month);
      for (let start = 0; start < share; start += BATCH) {
        const rows = Array.from({ length: Math.min(BATCH, share - start) }, () => {
          const i = n++;
          const area = DEFAULT_FOCUS_AREAS[(i * 7 + b) % DEFAULT_FOCUS_AREAS.length]!;
          return {
            partitionKey: pk,
            rowKey: `t${i.toString(16).padStart(24, '0')}`,
            bodyId,
            month,
            focusAreaId: area.id,
            focusAreaLabel: area.nb,
            direction: DIRECTIONS[i % DIRECTIONS.length],
            description: `Tjenestene ser mer av dette blant unge på kveldstid i sentrum, særlig i helgene (observasjon ${i}).`,
            area: 'Sentrum',
            ageGroup: AGE_GROUPS[i % AGE_GROUPS.length],
            service: SERVICES[i % SERVICES.length],
            reporterId: `aad-bench-${i % 97}`,
            reportedAt: `${month}-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00.000Z`,
            textErased: false,
          };
        });
        batches.push({ pk, rows });
      }
    }
  }
  await eachLimit(batches, IN_FLIGHT, async (batch) => {
    await table.submitTransaction(batch.rows.map((r) => ['create', r] as const));
  });
  return n;
}

/** Builds the digest in a child process and reads its one JSON line. */
function measureInChild(
  storage: string,
  prefix: string,
  azuritePid: number,
): Promise<{ ms: number; counted: number; peakHeapGrowthMb: number; vmHwmMb: number; cpuMs: number; azuriteCpuMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'digest-worker.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        BENCH_STORAGE: storage,
        BENCH_PREFIX: prefix,
        BENCH_TENANT: TENANT,
        BENCH_MONTH: MONTH,
        BENCH_AZURITE_PID: String(azuritePid),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')) : reject(new Error(`digest worker exited ${code}: ${err.slice(0, 500)}`)),
    );
  });
}

/** Seeds and measures every size; prints a line per size as it goes. */
export async function measureDigest(): Promise<DigestResult> {
  let azurite: AzuriteHandle | undefined;
  const figures: DigestFigure[] = [];
  try {
    azurite = await startAzurite();
    for (const trends of DIGEST_SIZES) {
      const prefix = `dg${randomBytes(4).toString('hex')}`;
      const store = new TableStore(azurite.connectionString, prefix);
      await store.ensureTables();
      const t0 = performance.now();
      const written = await seed(store, trends);
      const seedMs = Math.round(performance.now() - t0);
      const m = await measureInChild(azurite.connectionString, prefix, azurite.process.pid ?? 0);
      if (m.counted !== trends) throw new Error(`digest counted ${m.counted} trends in ${MONTH}, seeded ${trends}`);
      const figure: DigestFigure = {
        trends,
        ms: m.ms,
        heapGrowthMb: m.peakHeapGrowthMb,
        seedMs,
        msPer1000: Math.round((m.ms / trends) * 1000 * 100) / 100,
        vmHwmMb: m.vmHwmMb,
        cpuMs: m.cpuMs,
        azuriteCpuMs: m.azuriteCpuMs,
      };
      figures.push(figure);
      console.log(
        `  digest: ${trends} trends in ${MONTH} (${written} rows in six months) seeded in ${seedMs} ms; built in ${m.ms} ms (${figure.msPer1000} ms per 1 000), heap peak +${m.peakHeapGrowthMb} MB, VmHWM ${m.vmHwmMb} MB; CPU: digest ${m.cpuMs} ms, Azurite ${m.azuriteCpuMs} ms`,
      );
    }
    return { figures };
  } finally {
    await azurite?.stop();
  }
}

/** Standalone: a table of the figures, and whether they scale as they should. */
async function standalone(): Promise<void> {
  console.log(`digest benchmark: ${DIGEST_SIZES.join(' / ')} trend topics in one month, Azurite (in memory), ${process.version}`);
  const result = await measureDigest();
  if ('skipped' in result) return;
  console.log('\n| trends in the month | seeding | digest built | per 1 000 trends | heap peak growth | VmHWM (worker) |\n|---|---|---|---|---|---|');
  for (const f of result.figures)
    console.log(
      `| ${f.trends.toLocaleString('en').replace(/,/g, ' ')} | ${(f.seedMs / 1000).toFixed(1)} s | ${f.ms} ms | ${f.msPer1000} ms | +${f.heapGrowthMb} MB | ${f.vmHwmMb} MB |`,
    );
  const [small, large] = [result.figures[0]!, result.figures.at(-1)!];
  const rows = large.trends / small.trends;
  console.log(
    `\nrows ×${rows}: time ×${Math.round((large.ms / small.ms) * 10) / 10}, heap peak ${small.heapGrowthMb} → ${large.heapGrowthMb} MB, VmHWM ${small.vmHwmMb} → ${large.vmHwmMb} MB`,
  );
}

if (require.main === module) {
  standalone().catch((err: unknown) => {
    console.error('digest bench failed:', err);
    process.exit(1);
  });
}
