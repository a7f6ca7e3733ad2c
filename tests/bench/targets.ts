import type { Phase, Ratio, Target } from './report';
import type { TabResult } from './tab';

/** The issue's targets, judged on one run's figures. */
export function judgeTargets(input: {
  phases: Phase[];
  ratios: Ratio[];
  skipped: { scenario: string; reason: string }[];
  setupFailures: string[];
  concurrency: number[];
  tab: TabResult;
}): Target[] {
  const { phases, ratios, skipped, setupFailures, concurrency, tab } = input;
  const targets: Target[] = [];
  const skipReason = (name: string): string | undefined => skipped.find((s) => s.scenario === name)?.reason;

  // hjelp within 1.5× the echo baseline, judged on the median at each concurrency.
  for (const c of concurrency) {
    const r = ratios.find((x) => x.scenario === 'hjelp' && x.baseline === 'echo' && x.concurrency === c);
    const name = `hjelp p50 within 1.5× the echo baseline at ${c} users`;
    if (!r || Number.isNaN(r.p50)) targets.push({ name, pass: null, detail: skipReason('hjelp') ?? skipReason('echo') ?? 'not run' });
    else targets.push({ name, pass: r.p50 <= 1.5, detail: `${r.p50}× (p99 ${r.p99}×)` });
  }

  // trend.submit p99 under 150 ms at 50 concurrent users.
  const trend = phases.find((p) => p.scenario === 'trend.submit' && p.concurrency === 50 && !p.paceMs);
  const trendName = 'trend.submit p99 < 150 ms at 50 users';
  if (!trend) targets.push({ name: trendName, pass: null, detail: skipReason('trend.submit') ?? 'not run at 50 users' });
  else
    targets.push({ name: trendName, pass: trend.latencyMs.p99 < 150 && trend.errors === 0, detail: `p99 ${trend.latencyMs.p99} ms, ${trend.errors} errors` });

  // The same at 50 users who each wait for a pace (people, not a load generator): reported beside it.
  const paced = phases.find((p) => p.scenario === 'trend.submit' && p.concurrency === 50 && p.paceMs);
  if (paced) {
    targets.push({
      name: `trend.submit p99 < 150 ms at 50 users sending ${Math.round(1000 / paced.paceMs!)}/s each`,
      pass: paced.latencyMs.p99 < 150 && paced.errors === 0,
      detail: `p99 ${paced.latencyMs.p99} ms at ${paced.throughputRps} req/s, ${paced.errors} errors`,
    });
  }

  // Issue 7: the overview tab drawn in under a second with a year of data, judged on the warm loads' median.
  const tabName = 'tab first render < 1 s (median of warm loads)';
  if ('skipped' in tab) targets.push({ name: tabName, pass: null, detail: tab.skipped });
  else
    targets.push({
      name: tabName,
      pass: tab.warm.median < 1000,
      detail: `median ${tab.warm.median} ms (min ${tab.warm.min}, max ${tab.warm.max}; cold ${tab.coldMs}) with ${tab.fixture.trends} trends`,
    });

  // No errors anywhere: every request answered right, every setup done.
  const errors = phases.reduce((n, p) => n + p.errors, 0);
  const requests = phases.reduce((n, p) => n + p.requests, 0);
  targets.push({
    name: 'no errors',
    pass: errors === 0 && setupFailures.length === 0,
    detail: `${errors} errors in ${requests} requests${setupFailures.length ? `; setup failed: ${setupFailures.join('; ')}` : ''}`,
  });
  return targets;
}
