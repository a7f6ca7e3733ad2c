import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter';
import { BotFrameworkSender } from '../../src/bot/sender';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import type { JobSpec } from '../../src/domain/ports';
import { createLogger } from '../../src/log';
import { StorageJobScheduler } from '../../src/scheduler/jobs';
import { OutboxSender, StorageOutbox } from '../../src/scheduler/outbox';
import { type JobHandler, JobRunner } from '../../src/scheduler/runner';
import { JobTable } from '../../src/storage/table/jobs';
import { OutboxTable } from '../../src/storage/table/outbox';
import { TableStore } from '../../src/storage/tables';
import { CHANNELS, channelRef, TENANT } from '../support/activities';
import { FakeConnector } from '../support/connector';
import { uniquePrefix } from '../support/harness';

const log = createLogger('silent');
const T0 = '2026-11-02T09:00:00.000Z';
const at = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** One bot instance: its own storage clients, scheduler, runner (as a separate process would have). */
function instance(prefix: string, clock: ManualClock, name: string, handler?: JobHandler) {
  const store = new TableStore(inject('storageConnectionString'), prefix);
  const table = new JobTable(store.table('jobs'), store.table('claims'));
  const runner = new JobRunner({ table, clock, log, instanceId: name, leaseMs: 60_000, retryBaseMs: 60_000 });
  if (handler) {
    for (const kind of ['agenda', 'reminder', 'callForTopics', 'minutesPrompt'] as const) runner.register(kind, handler);
  }
  return { store, table, runner, scheduler: new StorageJobScheduler(table, clock) };
}

function job(key: string, dueAt: string, extra: Partial<JobSpec> = {}): JobSpec {
  return { key, kind: 'agenda', tenantId: TENANT, dueAt, payload: { n: key }, ...extra };
}

describe('scheduler against Azurite', () => {
  const prefix = uniquePrefix();
  const clock = new ManualClock(T0);
  const setup = instance(prefix, clock, 'setup');
  beforeAll(async () => setup.store.ensureTables());

  it('fires each of 30 due jobs exactly once when three instances tick at the same time, and posts each once', async () => {
    const connector = new FakeConnector();
    await connector.start();
    try {
      const runs = new Map<string, number>();
      const outboxes = [0, 1, 2].map(
        () => new StorageOutbox(new OutboxTable(new TableStore(inject('storageConnectionString'), prefix).table('outbox'), () => undefined), clock),
      );
      const ref = channelRef(connector.url);
      const handlerFor =
        (i: number): JobHandler =>
        async (j, ctx) => {
          runs.set(ctx.occurrenceId, (runs.get(ctx.occurrenceId) ?? 0) + 1);
          await outboxes[i]!.enqueue({
            key: ctx.occurrenceId,
            tenantId: j.tenantId,
            target: ref,
            message: { type: 'text', text: `Dagsorden ${j.key}` },
            label: j.key,
          });
        };
      const instances = [0, 1, 2].map((i) => instance(prefix, clock, `bot-${i}`, handlerFor(i)));
      await setup.scheduler.schedule(Array.from({ length: 30 }, (_, i) => job(`many:${i}`, at(T0, -i))));

      const reports = await Promise.all(instances.map((x) => x.runner.tick()));
      // A second round finds nothing left to do.
      const again = await Promise.all(instances.map((x) => x.runner.tick()));

      expect(runs.size).toBe(30);
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      expect(reports.reduce((s, r) => s + r.fired, 0)).toBe(30);
      expect(again.reduce((s, r) => s + r.due + r.fired, 0)).toBe(0);
      expect((await setup.table.get('many:7'))?.state).toBe('done');

      // Three senders drain the same queue at once: 30 posts in the channel, none twice. One of
      // them holds the tenant's send lease and paces all 30 (its sleeps are instant here).
      const adapter = createAdapter(loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }), log);
      const senders = [0, 1, 2].map(
        (i) =>
          new OutboxSender({
            table: new OutboxTable(instances[i]!.store.table('outbox'), () => undefined),
            sender: new BotFrameworkSender(adapter, '', Date.now),
            clock,
            log,
            instanceId: `send-${i}`,
            sleep: async () => undefined,
            maxWaitMs: 60_000,
          }),
      );
      await Promise.all(senders.map((s) => s.tick()));
      const posted = connector.posts.map((p) => String(p.body.text));
      expect(posted).toHaveLength(30);
      expect(new Set(posted).size).toBe(30);
      expect(connector.posts.every((p) => p.conversationId === CHANNELS.vest.id)).toBe(true);
    } finally {
      await connector.stop();
    }
  });

  it('catches up after downtime: a job that fell due while the bot was down fires once when it comes back', async () => {
    clock.set(T0);
    const fired: string[] = [];
    await setup.scheduler.schedule([job('down:1', at(T0, 60), { notAfter: at(T0, 24 * 60) })]);
    const before = instance(prefix, clock, 'before-restart', async (_j, ctx) => void fired.push(ctx.occurrenceId));
    expect((await before.runner.tick()).fired).toBe(0); // not due yet

    clock.set(at(T0, 5 * 60)); // five hours later, a fresh process
    const after = instance(prefix, clock, 'after-restart', async (_j, ctx) => void fired.push(ctx.occurrenceId));
    await after.runner.tick();
    await after.runner.tick();
    expect(fired).toEqual([`down:1@${at(T0, 60)}`]);
  });

  it('skips a job reached only after its notAfter, records why, and never runs it', async () => {
    clock.set(T0);
    let ran = 0;
    const x = instance(prefix, clock, 'stale', async () => void ran++);
    await setup.scheduler.schedule([job('stale:1', at(T0, 60), { notAfter: at(T0, 120) })]);
    clock.set(at(T0, 180));
    const report = await x.runner.tick();
    expect(report.skipped).toBe(1);
    expect(ran).toBe(0);
    const stored = await setup.table.get('stale:1');
    expect(stored?.state).toBe('skipped');
    expect(stored?.outcome).toMatch(/^stale: /);
    expect((await x.runner.tick()).due).toBe(0);
  });

  it('lets exactly one instance re-claim an occurrence whose instance died mid-run, once its lease has expired', async () => {
    clock.set(T0);
    const key = 'lease:1';
    const dueAt = at(T0, -1);
    await setup.scheduler.schedule([job(key, dueAt)]);
    // An instance claimed it and died before finishing.
    const dead = await setup.table.claim(key, dueAt, 'dead', T0, at(T0, 1));
    expect(dead.status).toBe('claimed');
    const attempts: number[] = [];
    const xs = [0, 1, 2].map((i) => instance(prefix, clock, `heir-${i}`, async (_j, ctx) => void attempts.push(ctx.attempt)));

    const during = await Promise.all(xs.map((x) => x.runner.tick()));
    expect(attempts).toEqual([]);
    expect(during.reduce((s, r) => s + r.busy, 0)).toBeGreaterThanOrEqual(3);

    clock.set(at(T0, 2)); // lease over
    await Promise.all(xs.map((x) => x.runner.tick()));
    await Promise.all(xs.map((x) => x.runner.tick()));
    expect(attempts).toEqual([2]);
    expect((await setup.table.get(key))?.state).toBe('done');
  });

  it('retries a failing handler after its backoff and shows the failure meanwhile', async () => {
    clock.set(T0);
    let calls = 0;
    const x = instance(prefix, clock, 'flaky', async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
    });
    await setup.scheduler.schedule([job('flaky:1', at(T0, -1), { label: 'dagsorden Vest' })]);
    expect((await x.runner.tick()).failed).toBe(1);
    const pending = (await setup.scheduler.pending(TENANT)).find((p) => p.key === 'flaky:1');
    expect(pending).toMatchObject({ attempts: 1, lastError: 'ECONNRESET', label: 'dagsorden Vest' });

    expect((await x.runner.tick()).fired).toBe(0); // backoff not over
    clock.set(at(T0, 2));
    expect((await x.runner.tick()).fired).toBe(1);
    expect(calls).toBe(2);
    expect((await setup.scheduler.pending(TENANT)).some((p) => p.key === 'flaky:1')).toBe(false);
  });

  it('keeps a job whose kind has no handler pending and visible instead of dropping it', async () => {
    clock.set(T0);
    const x = instance(prefix, clock, 'no-handler');
    await setup.scheduler.schedule([job('orphan:1', at(T0, -1), { kind: 'digest' })]);
    expect((await x.runner.tick()).failed).toBe(1);
    expect((await setup.scheduler.pending(TENANT)).find((p) => p.key === 'orphan:1')).toMatchObject({ lastError: 'NoHandler' });
  });

  it('treats a new due time as a new occurrence, the same due time as no change, and a cancelled job as gone', async () => {
    clock.set(T0);
    const fired: string[] = [];
    const x = instance(prefix, clock, 'resched', async (_j, ctx) => void fired.push(ctx.occurrenceId));
    expect(await setup.scheduler.scheduleEach([job('move:1', at(T0, 10))])).toEqual(['created']);
    expect(await setup.scheduler.scheduleEach([job('move:1', at(T0, 20))])).toEqual(['rescheduled']);
    expect(await setup.scheduler.scheduleEach([job('move:1', at(T0, 20))])).toEqual(['unchanged']);
    await setup.scheduler.schedule([job('gone:1', at(T0, 10))]);
    await setup.scheduler.cancel(['gone:1', 'never-existed']);

    clock.set(at(T0, 15));
    await x.runner.tick();
    expect(fired).toEqual([]); // the old 10-minute occurrence of move:1 is gone, gone:1 cancelled
    clock.set(at(T0, 25));
    await x.runner.tick();
    expect(fired).toEqual([`move:1@${at(T0, 20)}`]);
    // Scheduling the occurrence that already ran again does not run it again.
    expect(await setup.scheduler.scheduleEach([job('move:1', at(T0, 20))])).toEqual(['unchanged']);
    await x.runner.tick();
    expect(fired).toHaveLength(1);
    expect((await setup.table.get('gone:1'))?.state).toBe('cancelled');
  });

  it('records the last run of each instance for status', async () => {
    clock.set(at(T0, 48 * 60));
    await instance(prefix, clock, 'recorder').runner.tick();
    expect(await setup.scheduler.lastRun()).toMatchObject({ instance: 'recorder', lastRunAt: at(T0, 48 * 60), due: 1, failed: 1 });
  });
});
