import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildDigest, type DigestDeps } from '../../src/app/digest';
import { createLogger } from '../../src/log';
import { BodyRepository } from '../../src/storage/table/bodies';
import { DigestSources } from '../../src/storage/table/digest-sources';
import { DigestRepository } from '../../src/storage/table/digests';
import { FocusAreaRepository } from '../../src/storage/table/focus-areas';
import { MeetingRepository } from '../../src/storage/table/meetings';
import { TableStore } from '../../src/storage/tables';
import { procCpuMs } from './processes';

/**
 * Child process of the digest benchmark (tests/bench/digest.ts): builds one month's digest the
 * way the bot does — `buildDigest` over the real repositories, streaming the trend partitions —
 * once to warm up and once measured, sampling the heap while it runs. Its own process, so its
 * peak resident memory (VmHWM) is the aggregation's and nothing else's. Prints one JSON line.
 * Environment: BENCH_STORAGE, BENCH_PREFIX, BENCH_TENANT, BENCH_MONTH.
 */
const unused = (what: string) => (): never => {
  throw new Error(`the digest build does not use ${what}`);
};

function vmHwmMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : NaN;
  } catch {
    return NaN; // not Linux: reported as missing
  }
}

async function main(): Promise<void> {
  const env = (name: string): string => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} missing`);
    return v;
  };
  const store = new TableStore(env('BENCH_STORAGE'), env('BENCH_PREFIX'));
  const tenant = env('BENCH_TENANT');
  const month = env('BENCH_MONTH');
  const deps: DigestDeps = {
    config: { suppressBelow: 3, defaultLocale: 'nb' },
    log: createLogger('silent'),
    bodies: new BodyRepository(store.table('bodies')),
    meetings: new MeetingRepository(store.table('meetings')),
    focusAreas: new FocusAreaRepository(store.table('settings')),
    digestSources: new DigestSources(store.table('trends'), store.table('escalations'), store.table('agendas')),
    digests: new DigestRepository(store.table('digests')),
    roster: { members: unused('the roster'), isMember: unused('the roster') },
    roles: { list: unused('roles') },
    outbox: { enqueue: unused('the outbox') },
  };
  const now = new Date(`${month}-28T12:00:00.000Z`);
  await buildDigest(deps, tenant, month, 'nb', now); // warm-up: JIT, sockets, module loading
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
  // CPU of this process (the bot's code) and of Azurite while the digest is built: where the time goes.
  const azuritePid = Number(process.env.BENCH_AZURITE_PID);
  const cpu0 = process.cpuUsage();
  const azurite0 = procCpuMs(azuritePid);
  const t0 = performance.now();
  const content = await buildDigest(deps, tenant, month, 'nb', now);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const azuriteCpuMs = Math.round(procCpuMs(azuritePid) - azurite0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const mb = (b: number): number => Math.round((b / 1048576) * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({ ms: Math.round(ms * 10) / 10, counted: content.trends.total.count, heapBaseMb: mb(base), peakHeapGrowthMb: mb(peak - base), vmHwmMb: vmHwmMb(), cpuMs, azuriteCpuMs })}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
