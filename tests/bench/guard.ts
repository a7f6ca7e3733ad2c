import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMinutesInput } from '../../src/app/minutes-input';
import { screenText } from '../../src/domain/guard';
import { parseCorpus } from '../../src/domain/guard/measure';
import { type LatencySummary, summarise } from './stats';

/**
 * The confidentiality guard's speed (issue 14): `screenText` on texts of 200, 2 000 and 20 000
 * characters, in this process, timed one call at a time. Two kinds of text: realistic (the guard
 * corpus's texts run together, a different stretch for every call) and adversarial (shapes that made
 * earlier versions backtrack over the whole text: one long hyphenated capitalised word, runs of dots,
 * a long e-mail-like word, rows of digit groups, many short sentences, many «@»). Time should grow in
 * proportion to length: the ratio time(20 000) / time(2 000), both medians of the same run, should be
 * near 10. Also a 1 MB minutes decision, which must be refused for its length without being screened.
 *
 * Part of `npm run bench` (run.ts calls measureGuard), or on its own:
 * `npm run build && node dist/tests/bench/guard.js`.
 */
export const GUARD_LENGTHS: readonly number[] = [200, 2_000, 20_000];
const RUNS: Record<number, number> = { 200: 3_000, 2000: 1_050, 20000: 150 };
const ROOT = path.resolve(__dirname, '..', '..', '..');

export type GuardTexts = 'realistic' | 'adversarial';
export interface GuardFigure {
  texts: GuardTexts;
  length: number;
  runs: number;
  /** Wall-clock time per call: what a user waits, including whatever else the machine runs meanwhile. */
  ms: LatencySummary;
  /** CPU time of this process per call (user + system, all threads): the guard's own work. */
  cpuMs: LatencySummary;
}
export interface GuardResult {
  figures: GuardFigure[];
  /** p50 at 20 000 characters / p50 at 2 000, per kind of text, wall clock and CPU time: 10 is linear. */
  growth: Record<GuardTexts, { wall: number; cpu: number }>;
  /** A minutes submission with a 1 000 000-character decision: how long until it is refused, and why. */
  megabyteMinutes: { ms: LatencySummary; refusedForLength: boolean };
}

const ADVERSARIAL = ['A-', '.', 'abc.def.ghi.jkl.', '12 34 56 78 ', 'Han. ', 'x@', 'Per og ', 'den eneste ', 'a'];

/** `count` texts of `length` characters of one kind, each a different stretch. */
function textsOf(kind: GuardTexts, length: number, count: number): string[] {
  if (kind === 'adversarial') {
    return Array.from({ length: count }, (_, i) => ADVERSARIAL[i % ADVERSARIAL.length]!.repeat(Math.ceil(length / 2)).slice(0, length));
  }
  const corpus = parseCorpus(JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'guard-corpus.json'), 'utf8')));
  const all = corpus.map((e) => e.text).join(' ');
  const source = all.repeat(Math.ceil((length * 2) / all.length) + 1);
  return Array.from({ length: count }, (_, i) => {
    const from = (i * 7_919) % all.length;
    return source.slice(from, from + length);
  });
}

/** Wall-clock and CPU milliseconds of one call. */
function time(fn: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * Times screenText on every length and kind of text, after a warm-up. The lengths take turns (each
 * round screens 20 texts of 200 characters, 7 of 2 000 and one of 20 000), so that whatever else the
 * machine does at the moment weighs on all three alike and the growth ratio stays fair.
 */
export function measureGuard(): GuardResult {
  for (const t of textsOf('realistic', 2_000, 300)) screenText(t);
  const figures: GuardFigure[] = [];
  const rounds = RUNS[20_000] ?? 150;
  for (const texts of ['realistic', 'adversarial'] as const) {
    const perRound = GUARD_LENGTHS.map((length) => Math.round((RUNS[length] ?? rounds) / rounds));
    const samples = GUARD_LENGTHS.map((length, i) => textsOf(texts, length, rounds * perRound[i]!));
    const latencies = GUARD_LENGTHS.map((_, i) => new Float64Array(samples[i]!.length));
    const cpu = GUARD_LENGTHS.map((_, i) => new Float64Array(samples[i]!.length));
    for (let round = 0; round < rounds; round++) {
      GUARD_LENGTHS.forEach((_, i) => {
        for (let k = 0; k < perRound[i]!; k++) {
          const n = round * perRound[i]! + k;
          const took = time(() => screenText(samples[i]![n]!));
          latencies[i]![n] = took.wall;
          cpu[i]![n] = took.cpu;
        }
      });
    }
    GUARD_LENGTHS.forEach((length, i) => figures.push({ texts, length, runs: latencies[i]!.length, ms: summarise(latencies[i]!), cpuMs: summarise(cpu[i]!) }));
  }
  const at = (texts: GuardTexts, length: number) => figures.find((f) => f.texts === texts && f.length === length);
  const ratio = (a: number | undefined, b: number | undefined): number => Math.round(((a ?? NaN) / (b ?? NaN)) * 10) / 10;
  const growth = (texts: GuardTexts) => ({
    wall: ratio(at(texts, 20_000)?.ms.p50, at(texts, 2_000)?.ms.p50),
    cpu: ratio(at(texts, 20_000)?.cpuMs.p50, at(texts, 2_000)?.cpuMs.p50),
  });

  const decision = `Ring 912 34 567. ${'Koordineringsgruppen følger opp. '.repeat(31_000)}`.slice(0, 1_000_000);
  let refusedForLength = true;
  const minutes = Float64Array.from(
    { length: 20 },
    () =>
      time(() => {
        const parsed = parseMinutesInput({ decision__police: decision }, ['police'], 'nb');
        refusedForLength &&= parsed.errors.length === 1 && parsed.errors[0]!.message.startsWith('Kan ha høyst 1000 tegn');
      }).wall,
  );
  return {
    figures,
    growth: { realistic: growth('realistic'), adversarial: growth('adversarial') },
    megabyteMinutes: { ms: summarise(minutes), refusedForLength },
  };
}

/** The report's lines for the guard. */
export function formatGuard(r: GuardResult): string[] {
  const out = ['guard (screenText, in process)        runs   wall p50    p99     max   CPU p50    p99'];
  const n = (v: number, w: number): string => v.toFixed(2).padStart(w);
  for (const f of r.figures) {
    const label = `  ${f.texts} ${f.length.toLocaleString('en').replace(/,/g, ' ')} characters`;
    out.push(`${label.padEnd(38)}${String(f.runs).padStart(5)}${n(f.ms.p50, 10)}${n(f.ms.p99, 8)}${n(f.ms.max, 8)}${n(f.cpuMs.p50, 10)}${n(f.cpuMs.p99, 7)}`);
  }
  const g = r.growth;
  out.push(
    `  time(20 000) / time(2 000), p50 (10× is linear): realistic ${g.realistic.cpu}× CPU, ${g.realistic.wall}× wall; adversarial ${g.adversarial.cpu}× CPU, ${g.adversarial.wall}× wall`,
  );
  const m = r.megabyteMinutes;
  out.push(
    `  1 MB minutes decision: ${m.refusedForLength ? 'refused for its length' : 'NOT refused for its length'} in p50 ${m.ms.p50} ms, max ${m.ms.max} ms`,
  );
  return out;
}

if (require.main === module) {
  console.log(`guard benchmark: ${GUARD_LENGTHS.join(' / ')} characters, ${process.version}`);
  console.log(formatGuard(measureGuard()).join('\n'));
}
