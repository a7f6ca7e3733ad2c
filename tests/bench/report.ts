import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DigestResult } from './digest';
import { formatGuard, type GuardResult } from './guard';
import type { LatencySummary } from './stats';
import type { TabResult } from './tab';

/** One scenario at one concurrency. */
export interface Phase {
  scenario: string;
  target: 'bot' | 'echo';
  concurrency: number;
  /** Paced phase: each user starts at most one request per this many ms (absent: closed loop, no think time). */
  paceMs?: number;
  seconds: number;
  requests: number;
  throughputRps: number;
  latencyMs: LatencySummary;
  errors: number;
  errorKinds: Record<string, number>;
  /** Largest resident set size of the server process sampled during the phase. */
  peakRssMb: number;
  /**
   * CPU time per request during the phase (warm-up included), ms: the server under test,
   * Azurite (storage on the same machine) and the bench process (load generator and connector).
   */
  cpuMsPerRequest?: { server: number; azurite: number; bench: number };
}

export interface Ratio {
  scenario: string;
  baseline: string;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
}

export interface Target {
  name: string;
  /** null = could not be judged (scenario skipped). */
  pass: boolean | null;
  detail: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine skews the figures. */
  loadAverageAtStart: number;
}

export interface BenchReport {
  date: string;
  machine: Machine;
  settings: { seconds: number; warmupSeconds: number; concurrency: number[]; paced?: { users: number; paceMs: number } };
  phases: Phase[];
  skipped: { scenario: string; reason: string }[];
  ratios: Ratio[];
  /** Whole-life peak RSS (VmHWM) per server process, MB. */
  memory: { botPeakMb: number; echoPeakMb: number };
  digest: DigestResult;
  /** The overview tab's first render in Chromium (tab.ts). */
  tab: TabResult;
  /** The confidentiality guard per text length (guard.ts). */
  guard: GuardResult;
  targets: Target[];
  notes: string[];
  /** Lines the bot logged at level error during the run (first few). */
  botErrorLines: string[];
}

/** CPU model, cores, memory, Node version: what the figures depend on. */
export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

const pad = (v: string | number, n: number): string => String(v).padStart(n);

/** The scenario's name, with its pace for a paced phase ("hjelp @1/s"). */
export function phaseLabel(p: Phase): string {
  return p.paceMs ? `${p.scenario} @${Math.round((1000 / p.paceMs) * 10) / 10}/s` : p.scenario;
}

/** The human-readable report: one line per phase, then ratios, memory, digest, tab, targets. */
export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  out.push(
    `SLT-boten benchmark ${r.date} — ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}, load ${r.machine.loadAverageAtStart} at start; ${r.settings.seconds} s per phase after ${r.settings.warmupSeconds} s warm-up`,
  );
  out.push('');
  out.push(
    `${'scenario'.padEnd(20)}${pad('users', 6)}${pad('requests', 10)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('errors', 8)}${pad('RSS MB', 8)}   CPU ms/request: server+Azurite+bench`,
  );
  for (const p of r.phases) {
    const l = p.latencyMs;
    const c = p.cpuMsPerRequest;
    const cpu = c ? `${c.server.toFixed(2)}+${c.azurite.toFixed(2)}+${c.bench.toFixed(2)}` : '';
    out.push(
      `${phaseLabel(p).padEnd(20)}${pad(p.concurrency, 6)}${pad(p.requests, 10)}${pad(p.throughputRps.toFixed(1), 9)}${pad(l.p50.toFixed(2), 9)}${pad(l.p95.toFixed(2), 9)}${pad(l.p99.toFixed(2), 9)}${pad(l.max.toFixed(1), 9)}${pad(p.errors, 8)}${pad(p.peakRssMb, 8)}   ${cpu}`,
    );
    for (const [kind, n] of Object.entries(p.errorKinds)) out.push(`${''.padEnd(20)}error: ${kind} × ${n}`);
  }
  for (const s of r.skipped) out.push(`${s.scenario.padEnd(20)}SKIPPED: ${s.reason}`);
  if (r.ratios.length) {
    out.push('');
    out.push('ours / baseline (latency: lower is better; throughput: higher is better)');
    for (const x of r.ratios)
      out.push(`  ${x.scenario}/${x.baseline} at ${pad(x.concurrency, 2)} users: p50 ${x.p50}×  p95 ${x.p95}×  p99 ${x.p99}×  throughput ${x.throughput}×`);
  }
  out.push('');
  out.push(`peak memory (VmHWM): bot ${r.memory.botPeakMb} MB, echo baseline ${r.memory.echoPeakMb} MB`);
  if ('skipped' in r.digest) out.push(`digest aggregation: SKIPPED: ${r.digest.skipped}`);
  else
    for (const d of r.digest.figures)
      out.push(
        `digest aggregation: ${pad(d.trends, 6)} trends in ${d.ms} ms (heap +${d.heapGrowthMb} MB; CPU: digest ${d.cpuMs ?? '?'} ms, Azurite ${d.azuriteCpuMs ?? '?'} ms)`,
      );
  if ('skipped' in r.tab) out.push(`tab first render: SKIPPED: ${r.tab.skipped}`);
  else {
    const f = r.tab.fixture;
    out.push(
      `tab first render (${f.bodies} bodies, ${f.trends} trends, ${f.matters} matters, ${f.meetings} meetings; load ${r.tab.loadAverage}): cold ${r.tab.coldMs} ms; ${r.tab.loadsMs.length - 1} warm: min ${r.tab.warm.min}, median ${r.tab.warm.median}, max ${r.tab.warm.max} ms`,
    );
  }
  out.push(...formatGuard(r.guard));
  for (const n of r.notes) out.push(`note: ${n}`);
  if (r.botErrorLines.length) out.push(`bot logged ${r.botErrorLines.length} error line(s); first: ${r.botErrorLines[0]}`);
  out.push('');
  out.push('targets');
  for (const t of r.targets) out.push(`  ${t.pass === null ? 'SKIPPED' : t.pass ? 'PASS   ' : 'FAIL   '} ${t.name} — ${t.detail}`);
  return out.join('\n');
}

/** Writes results/latest.json and appends one line to history.jsonl (both under tests/bench/). */
export function saveReport(r: BenchReport, benchDir: string): { latest: string; history: string } {
  const latest = path.join(benchDir, 'results', 'latest.json');
  const history = path.join(benchDir, 'history.jsonl');
  mkdirSync(path.dirname(latest), { recursive: true });
  writeFileSync(latest, `${JSON.stringify(r, null, 2)}\n`);
  const line = {
    date: r.date,
    machine: r.machine,
    settings: r.settings,
    figures: r.phases.map((p) => ({
      scenario: p.scenario,
      users: p.concurrency,
      ...(p.paceMs ? { paceMs: p.paceMs } : {}),
      rps: p.throughputRps,
      p50: p.latencyMs.p50,
      p95: p.latencyMs.p95,
      p99: p.latencyMs.p99,
      errors: p.errors,
      cpuMsPerRequest: p.cpuMsPerRequest,
    })),
    ratios: r.ratios.map((x) => ({ scenario: x.scenario, users: x.concurrency, p50: x.p50, p99: x.p99 })),
    memory: r.memory,
    ...('skipped' in r.tab ? {} : { tab: { trends: r.tab.fixture.trends, coldMs: r.tab.coldMs, warm: r.tab.warm } }),
    guard: r.guard.figures.map((f) => ({
      texts: f.texts,
      length: f.length,
      bestP50: f.best.p50,
      bestP99: f.best.p99,
      onceP50: f.once.p50,
      onceP99: f.once.p99,
    })),
    skipped: r.skipped.map((s) => s.scenario),
    targets: r.targets.map((t) => ({ name: t.name, pass: t.pass })),
  };
  appendFileSync(history, `${JSON.stringify(line)}\n`);
  return { latest, history };
}
