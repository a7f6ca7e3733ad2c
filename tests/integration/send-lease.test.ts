import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { createLogger } from '../../src/log';
import { OutboxSender, StorageOutbox } from '../../src/scheduler/outbox';
import { OutboxTable } from '../../src/storage/table/outbox';
import { TableStore } from '../../src/storage/tables';
import { CHANNELS, channelRef, TENANT } from '../support/activities';
import { FakeConnector } from '../support/connector';
import { uniquePrefix } from '../support/harness';
import { connectorSender } from '../support/outbox';

/**
 * The tenant's send lease when a bot instance stops cleanly (a restart of `npm start`, a
 * deployment slot swap): the next instance takes over the proactive posts about half a minute
 * after the old one's last send (its posts then out of Teams' short rate windows), not after the
 * full 70-second lease.
 */
const log = createLogger('silent');
const LEASE_MS = 70_000;

describe('send lease hand-over on a clean stop, against Azurite', () => {
  const prefix = uniquePrefix();
  const clock = new ManualClock('2026-11-02T09:00:00.000Z');
  const connector = new FakeConnector();
  let real = 1_800_000_000_000;
  const store = new TableStore(inject('storageConnectionString'), prefix);
  const outbox = new StorageOutbox(new OutboxTable(store.table('outbox'), () => undefined), clock);
  let n = 0;

  const sender = (name: string) =>
    new OutboxSender({
      table: new OutboxTable(new TableStore(inject('storageConnectionString'), prefix).table('outbox'), () => undefined),
      sender: connectorSender(log),
      clock,
      log,
      instanceId: name,
      sleep: async () => undefined,
      realNow: () => real,
      sendLeaseMs: LEASE_MS,
    });
  const post = async (tenantId = TENANT): Promise<string> => {
    const text = `Innkalling ${++n}`;
    const ref = channelRef(connector.url, CHANNELS.vest, tenantId);
    await outbox.enqueue({ key: `lease-test:${n}`, tenantId, target: ref, message: { type: 'text', text }, label: text });
    return text;
  };
  const posted = (): string[] => connector.posts.map((p) => String(p.body.text));

  beforeAll(async () => {
    await store.ensureTables();
    await connector.start();
  });
  afterAll(async () => connector.stop());

  it("lets the next instance send 31 s after the stopped one's last send, and not before", async () => {
    const old = sender('old-instance');
    const first = await post();
    expect((await old.tick()).sent).toBe(1);
    expect(posted()).toEqual([first]);

    const waiting = await post();
    await old.stop();
    const next = sender('new-instance');
    real += 10_000;
    expect((await next.tick()).busy).toBe(1); // the old instance's sends are still in the 30 s window
    real += 20_000;
    expect((await next.tick()).busy).toBe(1); // 30 s: still
    expect(posted()).toEqual([first]);
    real += 2_000; // 32 s after the last send, 38 s before the lease would have run out
    expect((await next.tick()).sent).toBe(1);
    expect(posted()).toEqual([first, waiting]);
  });

  it('hands on at once when the stopping instance sent nothing for half a minute; without a clean stop the lease runs its time', async () => {
    const tenant = '7d2e5b1a-3c4f-4e8d-9a6b-0f1e2d3c4b5a'; // another tenant: a lease of its own
    const holder = sender('holder');
    const one = await post(tenant);
    expect((await holder.tick()).sent).toBe(1);
    real += 40_000;

    // A crash (no stop): the lease is held until it runs out.
    const two = await post(tenant);
    const other = sender('other');
    expect((await other.tick()).busy).toBe(1);

    await holder.stop(); // idle for 40 s: nothing left in any short window
    expect((await other.tick()).sent).toBe(1);
    expect(posted().slice(-2)).toEqual([one, two]);
  });
});
