import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { type AzuriteHandle, freePort, startAzurite } from '../../scripts/azurite';
import { BENCH_ADMIN, benchUser } from './activities';
import { BenchConnector } from './connector';
import { measureDigest } from './digest';
import { measureGuard } from './guard';
import { postJson, runLoad } from './load';
import { procCpuMs, type ServerProcess, startServer } from './processes';
import { type BenchReport, formatReport, machine, type Phase, type Ratio, saveReport } from './report';
import type { BenchContext, Scenario } from './scenario';
import { SCENARIOS } from './scenarios';
import { ratio, summarise } from './stats';
import { measureTab, type TabResult } from './tab';
import { judgeTargets } from './targets';

/**
 * `npm run bench`: starts Azurite, SLT-boten and the echo baseline as separate processes and a
 * connector stand-in here, then drives `POST /api/messages` with every scenario of SCENARIOS at
 * each concurrency; then the tab's first render in Chromium (tab.ts) and the digest at scale
 * (digest.ts), and the confidentiality guard per text length in this process (guard.ts). Prints a
 * table, writes tests/bench/results/latest.json and appends a line to tests/bench/history.jsonl.
 *
 * Environment: BENCH_SECONDS (per phase, default 20), BENCH_WARMUP_SECONDS (default 2),
 * BENCH_CONCURRENCY (default "1,10,50"), BENCH_ONLY (scenario names, comma-separated),
 * BENCH_STRICT=1 (exit 1 when a target fails; otherwise the run exits 0 after reporting),
 * BENCH_PACE_MS (paced phases: 50 users each starting one request per this many ms, default
 * 1000; 0 = none),
 * BENCH_BOT_NODE_ARGS (extra node flags for the bot, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
 * BENCH_TAB=0 (skip the tab's first render in Chromium; BENCH_TAB_TRENDS, BENCH_TAB_LOADS: see tab.ts),
 * BENCH_DIGEST_SIZES (see digest.ts).
 */

// Compiled to dist/tests/bench/run.js; the sources (and results) live in tests/bench/.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const BENCH_DIR = path.join(ROOT, 'tests', 'bench');

function numberEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return process.env[name] && Number.isFinite(v) && v >= 0 ? v : fallback;
}

const SECONDS = numberEnv('BENCH_SECONDS', 20);
const WARMUP = numberEnv('BENCH_WARMUP_SECONDS', 2);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,10,50')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const PACE_MS = numberEnv('BENCH_PACE_MS', 1000);
const PACED_USERS = 50;
const ONLY = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** Probes and sets up every scenario before anything is measured. */
async function prepare(scenarios: readonly Scenario[], ctx: BenchContext) {
  const skipped: { scenario: string; reason: string }[] = [];
  const setupFailures: string[] = [];
  const runnable: Scenario[] = [];
  for (const s of scenarios) {
    const reason = s.probe ? await s.probe(ctx) : undefined;
    if (reason) {
      skipped.push({ scenario: s.name, reason });
      continue;
    }
    try {
      await s.setup?.(ctx);
      runnable.push(s);
    } catch (err) {
      // The feature exists but could not be prepared: that is a failure, not a skip.
      setupFailures.push(`${s.name}: ${(err as Error).message}`);
      skipped.push({ scenario: s.name, reason: `SETUP FAILED: ${(err as Error).message}` });
    }
  }
  return { skipped, setupFailures, runnable };
}

/** One scenario at one concurrency, with the server's peak RSS sampled and the CPU time of server, Azurite and bench taken while it runs. */
async function runPhase(s: Scenario, c: number, server: ServerProcess, azuritePid: number, ctx: BenchContext, paceMs = 0): Promise<Phase> {
  ctx.connector.clear();
  let peak = server.rssMb();
  const cpuBefore = { server: server.cpuMs(), azurite: procCpuMs(azuritePid), bench: process.cpuUsage() };
  process.stdout.write(`  ${s.name} at ${c} users${paceMs ? `, one request per ${paceMs} ms each` : ''}… `);
  const result = await runLoad({
    url: `${server.baseUrl}/api/messages`,
    concurrency: c,
    paceMs,
    warmupMs: WARMUP * 1000,
    durationMs: SECONDS * 1000,
    next: (user, seq) => s.next(ctx, user, seq),
    onTick: () => (peak = Math.max(peak, server.rssMb())),
  });
  const bench = process.cpuUsage(cpuBefore.bench);
  const perRequest = (ms: number): number => Math.round((ms / Math.max(result.completed, 1)) * 100) / 100;
  const cpuMsPerRequest = {
    server: perRequest(server.cpuMs() - cpuBefore.server),
    azurite: perRequest(procCpuMs(azuritePid) - cpuBefore.azurite),
    bench: perRequest((bench.user + bench.system) / 1000),
  };
  const latencyMs = summarise(result.latencies);
  const seconds = result.elapsedMs / 1000;
  const throughputRps = Math.round((result.latencies.length / Math.max(seconds, 0.001)) * 10) / 10;
  console.log(`${throughputRps} req/s, p50 ${latencyMs.p50} ms, p99 ${latencyMs.p99} ms, ${result.errors} errors`);
  return {
    scenario: s.name,
    target: s.target,
    concurrency: c,
    ...(paceMs ? { paceMs } : {}),
    seconds: Math.round(seconds * 10) / 10,
    requests: result.latencies.length,
    throughputRps,
    latencyMs,
    errors: result.errors,
    errorKinds: result.errorKinds,
    peakRssMb: peak,
    cpuMsPerRequest,
  };
}

/** Empties the bot's tables `names` (see Scenario.grows): dropped and created again, Azurite does that at once. */
async function emptyTables(connectionString: string, prefix: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const table = TableClient.fromConnectionString(connectionString, `${prefix}${name}`, { allowInsecureConnection: true });
    await table.deleteTable();
    await table.createTable();
  }
}

/** ours / baseline for every scenario that names a baseline, at each concurrency both ran at. */
function ratiosOf(runnable: readonly Scenario[], phases: readonly Phase[]): Ratio[] {
  const ratios: Ratio[] = [];
  for (const s of runnable) {
    if (!s.baseline) continue;
    for (const c of CONCURRENCY) {
      const ours = phases.find((p) => p.scenario === s.name && p.concurrency === c && !p.paceMs);
      const base = phases.find((p) => p.scenario === s.baseline && p.concurrency === c && !p.paceMs);
      if (!ours || !base) continue;
      const [l, b] = [ours.latencyMs, base.latencyMs];
      ratios.push({
        scenario: s.name,
        baseline: s.baseline,
        concurrency: c,
        p50: ratio(l.p50, b.p50),
        p95: ratio(l.p95, b.p95),
        p99: ratio(l.p99, b.p99),
        throughput: ratio(ours.throughputRps, base.throughputRps),
      });
    }
  }
  return ratios;
}

async function main(): Promise<void> {
  const host = machine(); // now, so the load average is the one the run started under
  const scenarios = SCENARIOS.filter((s) => !ONLY || ONLY.includes(s.name) || SCENARIOS.some((b) => ONLY.includes(b.name) && b.baseline === s.name));
  const phasesTotal = scenarios.length * (CONCURRENCY.length + (PACE_MS > 0 ? 1 : 0));
  console.log(
    `bench: ${scenarios.map((s) => s.name).join(', ')} at ${CONCURRENCY.join('/')} users, ${SECONDS} s + ${WARMUP} s warm-up per phase (at most ${Math.round((phasesTotal * (SECONDS + WARMUP)) / 60)} min)`,
  );

  let azurite: AzuriteHandle | undefined;
  const connector = new BenchConnector();
  const servers: ServerProcess[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  try {
    azurite = await startAzurite();
    await connector.start();
    connector.roster = [BENCH_ADMIN, ...Array.from({ length: Math.max(...CONCURRENCY) }, (_, i) => benchUser(i))];
    const botEnv = {
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      SLT_TABLE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'warn',
      SLT_ADMINS: BENCH_ADMIN.aadObjectId,
    };
    const botArgs = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const bot = await startServer('bot', path.join(ROOT, 'dist', 'src', 'index.js'), await freePort(), botEnv, '/healthz', botArgs);
    servers.push(bot);
    const echo = await startServer('echo', path.join(__dirname, 'echo-bot.js'), await freePort(), {}, '/healthz');
    servers.push(echo);

    const notes: string[] = [];
    const botMessages = new URL(`${bot.baseUrl}/api/messages`);
    const ctx: BenchContext = {
      connector,
      serviceUrl: connector.url,
      sendToBot: (activity) => postJson(agent, botMessages, activity),
      note: (t) => notes.push(t),
    };
    const { skipped, setupFailures, runnable } = await prepare(scenarios, ctx);

    const phases: Phase[] = [];
    for (const c of CONCURRENCY) {
      for (const s of runnable) {
        if (s.grows?.length) await emptyTables(azurite.connectionString, botEnv.SLT_TABLE_PREFIX, s.grows);
        phases.push(await runPhase(s, c, s.target === 'echo' ? echo : bot, azurite.process.pid ?? 0, ctx));
        await new Promise((r) => setTimeout(r, 500)); // let the servers settle between phases
      }
    }
    // Paced: many people at once, each with a moment between clicks — what a network's members do.
    if (PACE_MS > 0) {
      for (const s of runnable) {
        if (s.grows?.length) await emptyTables(azurite.connectionString, botEnv.SLT_TABLE_PREFIX, s.grows);
        phases.push(await runPhase(s, PACED_USERS, s.target === 'echo' ? echo : bot, azurite.process.pid ?? 0, ctx, PACE_MS));
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const ratios = ratiosOf(runnable, phases);
    // The tab after the load phases (the other servers idle), before the digest's own Azurite.
    const tab: TabResult = process.env.BENCH_TAB === '0' ? { skipped: 'BENCH_TAB=0' } : await measureTab(azurite.connectionString);
    // The guard in this process while the servers idle: it runs inside every free-text action.
    console.log('  guard: 200 / 2 000 / 20 000 characters…');
    const guard = measureGuard();

    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: host,
      settings: {
        seconds: SECONDS,
        warmupSeconds: WARMUP,
        concurrency: CONCURRENCY,
        ...(PACE_MS > 0 ? { paced: { users: PACED_USERS, paceMs: PACE_MS } } : {}),
      },
      phases,
      skipped,
      ratios,
      memory: { botPeakMb: bot.peakRssMb(), echoPeakMb: echo.peakRssMb() },
      digest: await measureDigest(),
      tab,
      guard,
      targets: judgeTargets({ phases, ratios, skipped, setupFailures, concurrency: CONCURRENCY, tab, guard }),
      notes,
      botErrorLines: bot.errorLines.slice(0, 5),
    };
    console.log('');
    console.log(formatReport(report));
    const saved = saveReport(report, BENCH_DIR);
    console.log(`\nwritten: ${path.relative(process.cwd(), saved.latest)}, appended: ${path.relative(process.cwd(), saved.history)}`);
    if (process.env.BENCH_STRICT === '1' && report.targets.some((t) => t.pass === false)) process.exitCode = 1;
  } finally {
    agent.destroy();
    for (const s of servers) await s.stop();
    await connector.stop();
    await azurite?.stop();
  }
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
