import { performance } from 'node:perf_hooks';

/** Sizes (trend topics in one month of one network) the monthly digest is measured at. */
export const DIGEST_SIZES: readonly number[] = [100, 1_000, 10_000];

/** One digest aggregation measured: input size, time, and how much the heap grew. */
export interface DigestFigure {
  trends: number;
  ms: number;
  heapGrowthMb: number;
}

export type DigestResult = { skipped: string } | { figures: DigestFigure[] };

/**
 * EXTENSION POINT for the digest issue. Set `run` to a function that builds `trends` invented
 * trend topics (in memory, or in Azurite through the repositories) and aggregates them into one
 * monthly digest the way the bot does; run.ts then times it at each of DIGEST_SIZES and prints
 * the figures with the load table. Until then the digest row is reported as SKIPPED.
 */
export const digestAggregation: { run?: (trends: number) => Promise<void> } = {};

/** Times the digest aggregation at each size, or says why it cannot. */
export async function measureDigest(): Promise<DigestResult> {
  const run = digestAggregation.run;
  if (!run) return { skipped: 'the monthly digest aggregation does not exist yet (digest issue): set digestAggregation.run in tests/bench/digest.ts' };
  const figures: DigestFigure[] = [];
  for (const trends of DIGEST_SIZES) {
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await run(trends);
    const ms = performance.now() - t0;
    figures.push({ trends, ms: Math.round(ms * 10) / 10, heapGrowthMb: Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1048576) * 10) / 10 });
  }
  return { figures };
}
