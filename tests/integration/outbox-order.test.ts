import type { TableClient } from '@azure/data-tables';
import { RestError } from '@azure/data-tables';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import type { OutboxItem } from '../../src/domain/ports';
import { createLogger } from '../../src/log';
import { OutboxSender, StorageOutbox } from '../../src/scheduler/outbox';
import { OutboxTable } from '../../src/storage/table/outbox';
import { TABLE_NAMES, type TableName, TableStore } from '../../src/storage/tables';
import { CHANNELS, channelRef, TENANT } from '../support/activities';
import { FakeConnector } from '../support/connector';
import { uniquePrefix } from '../support/harness';
import { connectorSender } from '../support/outbox';

const log = createLogger('silent');
const T0 = '2026-11-02T09:00:00.000Z';

/**
 * The outbox against Azurite and the fake connector, where order and bookkeeping matter: updates
 * of one card must end with the newest content however failures interleave, and a posted card's
 * id must reach its record even when the first write of it fails.
 */
describe('outbox: updates in order, sink writes retried', () => {
  const connector = new FakeConnector();
  const clock = new ManualClock(T0);
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  /** Sink tables by name; a test may make one fail. */
  let failSinkWrites = 0;
  const sinkTable = (name: string): TableClient | undefined => {
    if (!(TABLE_NAMES as readonly string[]).includes(name)) return undefined;
    const real = store.table(name as TableName);
    return new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'updateEntity' && failSinkWrites > 0) {
          failSinkWrites--;
          return async () => {
            throw new RestError('storage unavailable', { statusCode: 503, code: 'ServerBusy' });
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  };
  const table = new OutboxTable(store.table('outbox'), sinkTable);
  const outbox = new StorageOutbox(table, clock);
  const sender = new OutboxSender({
    table,
    sender: connectorSender(log),
    clock,
    log,
    instanceId: 'order',
    random: () => 0,
    sleep: async () => undefined,
  });

  const ref = () => channelRef(connector.url);
  /** Update `v` of a card (as syncLivingCard queues them: key per version, revision = version). */
  const update = (activityId: string, v: number): OutboxItem => ({
    key: `card:${activityId}:v${v}`,
    tenantId: TENANT,
    target: { ...ref(), conversationId: `${CHANNELS.vest.id};messageid=${activityId}` },
    replaceActivityId: activityId,
    revision: v,
    message: { type: 'text', text: `versjon ${v}` },
    label: `kort v${v}`,
  });
  const putsOf = (activityId: string) => connector.updates.filter((u) => u.activityId === activityId).map((u) => String(u.body.text));

  beforeAll(async () => {
    await store.ensureTables();
    await connector.start();
  });
  afterAll(async () => connector.stop());
  beforeEach(() => {
    connector.clear();
    connector.clearFaults();
    clock.set(T0);
  });

  it('never sends an older update after a newer one: v2 fails, v3 is queued and sent, v2 is dropped', async () => {
    const id = '1700000000101';
    // 412 is not retried by the SDK: the outbox sees it at once and reschedules v2 (+1 s).
    connector.fail({ status: 412, times: 1, match: (c) => c.method === 'PUT' });
    await outbox.enqueue(update(id, 2));
    expect((await sender.tick()).failed).toBe(1);

    await outbox.enqueue(update(id, 3));
    expect(await sender.tick()).toMatchObject({ sent: 1, failed: 0 });
    // Long after v2's retry time: nothing more goes to that activity.
    clock.advance(3_600_000);
    expect(await sender.tick()).toMatchObject({ ready: 0, sent: 0 });

    expect(putsOf(id)).toEqual(['versjon 3']);
    expect(await table.record(update(id, 2).key)).toMatchObject({ state: 'superseded' });
    expect(await table.record(update(id, 3).key)).toMatchObject({ state: 'sent', activityId: id });
    expect((await outbox.pending(TENANT)).filter((p) => p.key.startsWith(`card:${id}`))).toEqual([]);
  });

  it('sends only the newest of several updates that are ready in the same pass', async () => {
    const id = '1700000000102';
    connector.fail({ status: 412, times: 1, match: (c) => c.method === 'PUT' });
    await outbox.enqueue(update(id, 2));
    await sender.tick(); // v2 fails, due again in 1 s
    await outbox.enqueue(update(id, 3));
    await outbox.enqueue(update(id, 4));
    clock.advance(5_000); // v2, v3 and v4 are all ready now
    const report = await sender.tick();
    expect(report).toMatchObject({ sent: 1, superseded: 2 });
    expect(putsOf(id)).toEqual(['versjon 4']);
  });

  it('lets a newer update wait while an older one is in flight elsewhere, then sends it last', async () => {
    const id = '1700000000103';
    await outbox.enqueue(update(id, 2));
    // Another instance has claimed v2 and is sending it right now.
    const [v2] = (await table.listReady(clock.now().toISOString())).filter((d) => d.key === update(id, 2).key);
    const otherEtag = await table.claim(v2!, 'other-instance', new Date(Date.parse(T0) + 120_000).toISOString());
    expect(otherEtag).toBeDefined();
    await outbox.enqueue(update(id, 3));
    expect(await sender.tick()).toMatchObject({ sent: 0, busy: 1 });
    expect(putsOf(id)).toEqual([]);
    // The other instance finishes v2; v3 goes out on the next pass and is the last PUT.
    await table.markSent(v2!.key, { activityId: id, conversationId: v2!.item.target.conversationId }, T0);
    expect(await sender.tick()).toMatchObject({ sent: 1 });
    expect(putsOf(id)).toEqual(['versjon 3']);
  });

  it('keeps the posted id when writing it to the record fails, and writes it on a later pass without posting again', async () => {
    const pk = `${TENANT}|b1`;
    await store.table('agendas').createEntity({ partitionKey: pk, rowKey: 'a|m0000000000000001-1', meetingId: 'm0000000000000001-1' });
    const item: OutboxItem = {
      key: 'agenda:m0000000000000001-1',
      tenantId: TENANT,
      target: ref(),
      message: { type: 'text', text: 'Dagsorden' },
      sink: {
        table: 'agendas',
        partitionKey: pk,
        rowKey: 'a|m0000000000000001-1',
        activityIdField: 'cardActivityId',
        conversationIdField: 'cardConversationId',
      },
      label: 'dagsorden',
    };
    failSinkWrites = 1;
    await outbox.enqueue(item);
    expect(await sender.tick()).toMatchObject({ sent: 0, failed: 1 });
    expect(connector.posts).toHaveLength(1);
    const postedId = connector.posts[0]!.assignedId;
    // The outbox row has the id; the delivery shows in `status` with the reason, not lost.
    expect(await table.record(item.key)).toMatchObject({ activityId: postedId });
    expect((await outbox.pending(TENANT)).find((p) => p.key === item.key)).toMatchObject({ state: 'retrying', lastError: expect.stringMatching(/^sink /) });

    clock.advance(60_000);
    expect(await sender.tick()).toMatchObject({ sent: 1, failed: 0 });
    expect(connector.posts).toHaveLength(1); // not posted twice
    const row = await store.table('agendas').getEntity<{ cardActivityId: string; cardConversationId: string }>(pk, 'a|m0000000000000001-1');
    expect(row.cardActivityId).toBe(postedId);
    expect(row.cardConversationId).toBe(`${CHANNELS.vest.id};messageid=${postedId}`);
    expect((await outbox.pending(TENANT)).some((p) => p.key === item.key)).toBe(false);
  });
});
