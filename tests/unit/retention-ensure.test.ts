import { describe, expect, it } from 'vitest';
import { cadenceWatchEnsurer } from '../../src/app/cadence';
import { digestJobEnsurer } from '../../src/app/digest-jobs';
import { ensureRetention } from '../../src/app/retention';
import { ManualClock } from '../../src/clock';
import type { JobScheduler, JobSpec } from '../../src/domain/ports';
import { createLogger } from '../../src/log';

/** A scheduler that records what it was asked to schedule, and can be made to fail. */
function recordingScheduler() {
  const scheduled: string[] = [];
  let failing = false;
  const scheduler: JobScheduler = {
    async schedule(jobs: readonly JobSpec[]) {
      if (failing) throw new Error('storage down');
      scheduled.push(...jobs.map((j) => j.key));
    },
    async cancel() {},
  };
  return { scheduler, scheduled, fail: (on: boolean) => (failing = on) };
}

describe('ensureRetention', () => {
  it("schedules a tenant's daily run once per day and instance, not on every submission", async () => {
    const { scheduler, scheduled } = recordingScheduler();
    for (const at of ['2026-11-02T09:00:00Z', '2026-11-02T09:00:01Z', '2026-11-02T15:45:00Z', '2026-11-03T01:00:00Z']) {
      await ensureRetention(scheduler, 't1', new Date(at));
    }
    expect(scheduled).toEqual(['retention:t1:2026-11-03']);
    // After 03:30 Oslo (02:30 UTC) the next run is the following day's.
    await ensureRetention(scheduler, 't1', new Date('2026-11-03T02:30:00Z'));
    expect(scheduled).toEqual(['retention:t1:2026-11-03', 'retention:t1:2026-11-04']);
  });

  it('keeps tenants and instances apart', async () => {
    const a = recordingScheduler();
    const b = recordingScheduler();
    const now = new Date('2026-11-02T09:00:00Z');
    await Promise.all([ensureRetention(a.scheduler, 't1', now), ensureRetention(a.scheduler, 't2', now), ensureRetention(b.scheduler, 't1', now)]);
    expect(a.scheduled.sort()).toEqual(['retention:t1:2026-11-03', 'retention:t2:2026-11-03']);
    expect(b.scheduled).toEqual(['retention:t1:2026-11-03']);
  });

  it('tries again after a failed attempt instead of remembering it', async () => {
    const { scheduler, scheduled, fail } = recordingScheduler();
    const now = new Date('2026-11-02T09:00:00Z');
    fail(true);
    await expect(ensureRetention(scheduler, 't1', now)).rejects.toThrow('storage down');
    fail(false);
    await ensureRetention(scheduler, 't1', now);
    expect(scheduled).toEqual(['retention:t1:2026-11-03']);
  });
});

describe('digestJobEnsurer', () => {
  it("schedules the next digest on a tenant's first activity, then not again until the next one is due", async () => {
    const { scheduler, scheduled } = recordingScheduler();
    const clock = new ManualClock('2026-11-01T12:00:00.000Z');
    const ensure = digestJobEnsurer(scheduler, clock, createLogger('silent'));
    await ensure('t1');
    await ensure('t1');
    clock.set('2026-11-01T18:00:00.000Z');
    await ensure('t1');
    expect(scheduled).toEqual(['digest:t1:2026-10']);
    // October's digest is due 08:00 Oslo on Monday 2 November; from then on November's is next.
    clock.set('2026-11-02T07:00:00.000Z');
    await ensure('t1');
    expect(scheduled).toEqual(['digest:t1:2026-10', 'digest:t1:2026-11']);
  });
});

describe('cadenceWatchEnsurer', () => {
  it("schedules today's cadence watch on a tenant's first activity in the process, and only then", async () => {
    const { scheduler, scheduled } = recordingScheduler();
    const clock = new ManualClock('2026-11-02T09:00:00.000Z');
    const ensure = cadenceWatchEnsurer(scheduler, clock, createLogger('silent'));
    await Promise.all([ensure('t1'), ensure('t2')]);
    await ensure('t1');
    // The next day's run is scheduled by the run itself, not by later activity.
    clock.set('2026-11-03T09:00:00.000Z');
    await ensure('t1');
    expect(scheduled.sort()).toEqual(['cadenceWatch:t1:2026-11-02', 'cadenceWatch:t2:2026-11-02']);
  });

  it('does not fail the turn when storage is down, and tries again on the next activity', async () => {
    const { scheduler, scheduled, fail } = recordingScheduler();
    const ensure = cadenceWatchEnsurer(scheduler, new ManualClock('2026-11-02T09:00:00.000Z'), createLogger('silent'));
    fail(true);
    await ensure('t1');
    expect(scheduled).toEqual([]);
    fail(false);
    await ensure('t1');
    expect(scheduled).toEqual(['cadenceWatch:t1:2026-11-02']);
  });
});
