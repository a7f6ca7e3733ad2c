import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import type { OutboxItem } from '../../src/domain/ports';
import { createLogger } from '../../src/log';
import type { ProactiveSender } from '../../src/scheduler/delivery';
import { OutboxSender, StorageOutbox } from '../../src/scheduler/outbox';
import { RateLimiter } from '../../src/scheduler/rate-limit';
import { OutboxTable } from '../../src/storage/table/outbox';
import { TABLE_NAMES, type TableName, TableStore } from '../../src/storage/tables';
import { CHANNELS, channelRef, PEOPLE, TEAM_ID, TENANT } from '../support/activities';
import { FakeConnector } from '../support/connector';
import { uniquePrefix } from '../support/harness';
import { connectorSender } from '../support/outbox';

const log = createLogger('silent');
const T0 = '2026-11-02T09:00:00.000Z';

describe('outbox and sender against Azurite and the fake connector', () => {
  const connector = new FakeConnector();
  const clock = new ManualClock(T0);
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const sinkTable = (name: string) => ((TABLE_NAMES as readonly string[]).includes(name) ? store.table(name as TableName) : undefined);
  const table = new OutboxTable(store.table('outbox'), sinkTable);
  const outbox = new StorageOutbox(table, clock);
  let sender: OutboxSender;
  let n = 0;

  const ref = () => channelRef(connector.url);
  const item = (over: Partial<OutboxItem> = {}): OutboxItem => ({
    key: `item-${++n}`,
    tenantId: TENANT,
    target: ref(),
    message: { type: 'text', text: `Melding ${n}` },
    label: `test ${n}`,
    ...over,
  });
  const newSender = (name = 'sender', extra: Partial<ConstructorParameters<typeof OutboxSender>[0]> = {}) =>
    new OutboxSender({
      table,
      sender: connectorSender(log),
      clock,
      log,
      instanceId: name,
      random: () => 0,
      sleep: async () => undefined,
      ...extra,
    });

  beforeAll(async () => {
    await store.ensureTables();
    await connector.start();
  });
  afterAll(async () => connector.stop());
  beforeEach(() => {
    connector.clear();
    sender = newSender();
  });

  it('posts an item enqueued twice with the same key once, as a new post in the bound channel', async () => {
    const it1 = item();
    expect(await outbox.enqueue(it1)).toBe('queued');
    expect(await outbox.enqueue({ ...it1, message: { type: 'text', text: 'annen tekst' } })).toBe('duplicate');
    expect((await sender.tick()).sent).toBe(1);
    await sender.tick();
    expect(connector.posts).toHaveLength(1);
    expect(connector.posts[0]!.conversationId).toBe(CHANNELS.vest.id);
    expect(connector.posts[0]!.body.text).toBe(it1.message.type === 'text' ? it1.message.text : '');
    // Enqueuing after it was sent is still a duplicate: the key row outlives the delivery.
    expect(await outbox.enqueue(it1)).toBe('duplicate');
    expect(await table.record(it1.key)).toMatchObject({ state: 'sent', activityId: connector.posts[0]!.assignedId });
  });

  it('retries after a 429 from the connector and posts once', async () => {
    connector.fail({ status: 429, retryAfterSeconds: 1, times: 1 });
    await outbox.enqueue(item());
    await sender.tick();
    await sender.tick();
    expect(connector.posts).toHaveLength(1);
  });

  /** A sender whose rate limiter runs on the bot's clock, so a Retry-After hold passes when the test moves the clock. */
  const onBotClock = () => newSender('sender', { limiter: new RateLimiter(() => clock.now().getTime()) });

  /** Enqueues one item, runs a pass that fails, and checks it is held exactly until Retry-After (30 s) is over. */
  async function expectHeldFor30s(s: OutboxSender, lastError: string): Promise<void> {
    const it1 = item();
    await outbox.enqueue(it1);
    expect((await s.tick()).failed).toBe(1);
    const pending = (await outbox.pending(TENANT)).find((p) => p.key === it1.key);
    // With random() = 0 the backoff alone would allow a retry after 1 s: 30 s can only come from the header.
    expect(pending).toMatchObject({ state: 'retrying', attempts: 1, lastError });
    expect(Date.parse(pending!.nextAttemptAt) - Date.parse(T0)).toBeGreaterThanOrEqual(30_000);

    clock.advance(29_000);
    expect((await s.tick()).ready).toBe(0);
    expect(connector.posts).toHaveLength(0);
    clock.advance(1_000);
    expect((await s.tick()).sent).toBe(1);
    expect(connector.posts).toHaveLength(1);
    expect((await outbox.pending(TENANT)).some((p) => p.key === it1.key)).toBe(false);
    clock.set(T0);
  }

  it('holds a delivery the connector refuses with 429 and Retry-After: 30 for 30 s, then posts it once', async () => {
    // The SDK's own pipeline retries a 429 three times, waiting Retry-After each time: the first
    // three answers say 0 s so the test does not sleep; the last one, which reaches the sender's
    // header parsing (toDeliveryError) through a real HTTP answer, says 30 s.
    connector.fail({ status: 429, retryAfterSeconds: 0, times: 3 });
    connector.fail({ status: 429, retryAfterSeconds: 30, times: 1 });
    await expectHeldFor30s(onBotClock(), '429 Scripted');
  });

  it('retries a 412 (not retried by the SDK) after its Retry-After, and posts once', async () => {
    connector.fail({ status: 412, retryAfterSeconds: 30, times: 1 });
    await expectHeldFor30s(onBotClock(), '412 Scripted');
  });

  it('retries a 504 after the SDK gave up, honouring Retry-After, and posts once', async () => {
    // The SDK retries 5xx itself (exponential, ~1–7 s real time, ignoring Retry-After): 1 + 3 answers.
    connector.fail({ status: 504, retryAfterSeconds: 30, times: 4 });
    await expectHeldFor30s(onBotClock(), '504 Scripted');
  }, 30_000);

  it('retries after 500 and 502 answers', async () => {
    connector.fail({ status: 500, times: 1 });
    await outbox.enqueue(item());
    await sender.tick();
    connector.fail({ status: 502, times: 4 });
    const it2 = item();
    await outbox.enqueue(it2);
    expect((await sender.tick()).failed).toBe(1);
    expect((await outbox.pending(TENANT)).find((p) => p.key === it2.key)?.lastError).toBe('502 Scripted');
    clock.advance(60_000);
    await sender.tick();
    expect(connector.posts).toHaveLength(2);
    clock.set(T0);
  }, 30_000);

  it('shows a delivery the connector refuses for good as failing with the reason, and keeps it', async () => {
    connector.fail({ status: 403, times: 100, match: (c) => c.method === 'POST' });
    const it1 = item();
    await outbox.enqueue(it1);
    await sender.tick();
    expect((await outbox.pending(TENANT)).find((p) => p.key === it1.key)).toMatchObject({ state: 'failing', attempts: 1, lastError: '403 Scripted' });
    // Retried (slowly) and delivered once the cause is gone.
    connector.clearFaults();
    clock.advance(2 * 3_600_000);
    await sender.tick();
    expect(connector.posts).toHaveLength(1);
    clock.set(T0);
  });

  it('refuses an item without a conversation to post to, rather than guessing one (never General)', async () => {
    await expect(outbox.enqueue(item({ target: { ...ref(), channelId: undefined, conversationId: '' } }))).rejects.toThrow(/no conversation/);
    expect(await sender.tick()).toMatchObject({ ready: 0 });
  });

  it('writes the posted activity id and conversation into the sink row', async () => {
    await store.table('meetings').createEntity({ partitionKey: `${TENANT}|b1`, rowKey: 'm1', title: 'Møte' });
    await outbox.enqueue(
      item({
        sink: { table: 'meetings', partitionKey: `${TENANT}|b1`, rowKey: 'm1', activityIdField: 'cardActivityId', conversationIdField: 'cardConversationId' },
      }),
    );
    await sender.tick();
    const row = await store.table('meetings').getEntity<{ title: string; cardActivityId: string; cardConversationId: string }>(`${TENANT}|b1`, 'm1');
    expect(row.title).toBe('Møte');
    expect(row.cardActivityId).toBe(connector.posts[0]!.assignedId);
    expect(row.cardConversationId).toBe(`${CHANNELS.vest.id};messageid=${row.cardActivityId}`);
  });

  it('posts a card anew when the post it should update is gone (404), and its record takes the new id', async () => {
    await store.table('meetings').createEntity({ partitionKey: `${TENANT}|b2`, rowKey: 'm2', cardActivityId: '1700000000009' });
    const sink = {
      table: 'meetings' as const,
      partitionKey: `${TENANT}|b2`,
      rowKey: 'm2',
      activityIdField: 'cardActivityId',
      conversationIdField: 'cardConversationId',
    };
    connector.fail({ status: 404, times: 1, match: (c) => c.method === 'PUT' });
    await outbox.enqueue(
      item({ sink, replaceActivityId: '1700000000009', target: { ...ref(), conversationId: `${CHANNELS.vest.id};messageid=1700000000009` } }),
    );
    expect((await sender.tick()).sent).toBe(1);

    expect(connector.updates).toHaveLength(0);
    expect(connector.posts).toHaveLength(1);
    const fresh = connector.posts[0]!;
    expect(fresh.conversationId?.split(';')[0]).toBe(CHANNELS.vest.id);
    const row = await store.table('meetings').getEntity<{ cardActivityId: string; cardConversationId: string }>(`${TENANT}|b2`, 'm2');
    expect(row.cardActivityId).toBe(fresh.assignedId);
    expect(row.cardConversationId).toBe(`${CHANNELS.vest.id};messageid=${fresh.assignedId}`);
  });

  it('keeps retrying an update that gets 404 when nothing takes a new id (no sink): it is never posted as a duplicate', async () => {
    connector.fail({ status: 404, times: 1, match: (c) => c.method === 'PUT' });
    const gone = item({ replaceActivityId: '1700000000010', target: { ...ref(), conversationId: `${CHANNELS.vest.id};messageid=1700000000010` } });
    await outbox.enqueue(gone);
    expect((await sender.tick()).failed).toBe(1);
    expect(connector.posts).toHaveLength(0);
    expect((await outbox.pending(TENANT)).find((p) => p.key === gone.key)).toMatchObject({ state: 'failing', lastError: '404 Scripted' });
  });

  it('replies in a thread, updates an earlier card in place, and writes 1:1 to a person found by Entra id', async () => {
    connector.rosters.set(TEAM_ID, [{ id: PEOPLE.kari.id, aadObjectId: PEOPLE.kari.aadObjectId, name: PEOPLE.kari.name }]);
    await outbox.enqueue(item({ replyToId: '1700000000001' }));
    await sender.tick();
    await outbox.enqueue(item({ replaceActivityId: '1700000000002', target: { ...ref(), conversationId: `${CHANNELS.vest.id};messageid=1700000000002` } }));
    await sender.tick();
    await outbox.enqueue(item({ toUser: { aadObjectId: PEOPLE.kari.aadObjectId } }));
    await sender.tick();

    const [reply, direct] = connector.posts;
    expect(reply!.conversationId).toBe(`${CHANNELS.vest.id};messageid=1700000000001`);
    expect(connector.updates).toHaveLength(1);
    expect(connector.updates[0]!.activityId).toBe('1700000000002');
    expect(connector.created.at(-1)!.body.members).toEqual([{ id: PEOPLE.kari.id, name: '' }]);
    expect(direct!.conversationId).toBe(`a:1on1-${PEOPLE.kari.id}`);
  });

  it('finds a person for a 1:1 in the roster when the connector cannot look members up by Entra id (as the Agents Playground)', async () => {
    connector.rosters.set(TEAM_ID, [{ id: PEOPLE.ola.id, aadObjectId: PEOPLE.ola.aadObjectId, name: PEOPLE.ola.name }]);
    connector.fail({ status: 404, times: 1, match: (c) => c.method === 'GET' && c.path.endsWith(`/members/${PEOPLE.ola.aadObjectId}`) });
    await outbox.enqueue(item({ toUser: { aadObjectId: PEOPLE.ola.aadObjectId } }));
    expect((await sender.tick()).sent).toBe(1);
    expect(connector.posts.map((p) => p.conversationId)).toEqual([`a:1on1-${PEOPLE.ola.id}`]);
    expect(connector.calls.some((c) => c.path.includes('/pagedmembers'))).toBe(true);
  });

  it('lets only one of three senders send each delivery', async () => {
    // A tenant of its own: the senders' lease on it must not hold up the other tests' sender.
    const keys = Array.from({ length: 10 }, () =>
      item({
        tenantId: 'tenant-three',
        target: { ...ref(), tenantId: 'tenant-three', channelId: `19:kanal-${n}@thread.tacv2`, conversationId: `19:kanal-${n}@thread.tacv2` },
      }),
    );
    for (const k of keys) await outbox.enqueue(k);
    const reports = await Promise.all(['a', 'b', 'c'].map((name) => newSender(name).tick()));
    expect(reports.reduce((s, r) => s + r.sent, 0)).toBe(10);
    expect(connector.posts).toHaveLength(10);
  });

  it('spaces 20 posts to one conversation by Teams’ limits (7 per second, 8 per 2 seconds)', async () => {
    let now = 0; // the limiter's time, moved only by its sleeps: deterministic
    const sendTimes: number[] = [];
    const real = connectorSender(log);
    const timed: ProactiveSender = {
      post: (...a) => {
        sendTimes.push(now);
        return real.post(...a);
      },
      update: (...a) => real.update(...a),
    };
    const s = newSender('sender', {
      sender: timed,
      limiter: new RateLimiter(() => now),
      sleep: async (ms) => {
        now += ms;
      },
      maxWaitMs: 60_000,
    });
    for (let i = 0; i < 20; i++) await outbox.enqueue(item());
    await s.tick();
    expect(connector.posts).toHaveLength(20);
    expect(sendTimes.at(-1)! - sendTimes[0]!).toBeGreaterThanOrEqual(2_000);
    for (let i = 0; i + 7 < sendTimes.length; i++) expect(sendTimes[i + 7]! - sendTimes[i]!).toBeGreaterThanOrEqual(1_000);
    for (let i = 0; i + 8 < sendTimes.length; i++) expect(sendTimes[i + 8]! - sendTimes[i]!).toBeGreaterThanOrEqual(2_000);
    // Sent in the order they were queued.
    const numbers = connector.posts.map((p) => Number(String(p.body.text).replace('Melding ', '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it("lets one instance at a time send a tenant's posts, so two instances together keep Teams' limits per conversation", async () => {
    const tenantId = 'tenant-lease';
    let now = 0; // the limiters' and the lease's time, moved only by the senders' sleeps and the test
    const base = Date.now();
    const sends: { at: number; by: string }[] = [];
    const real = connectorSender(log);
    const instance = (name: string) =>
      newSender(name, {
        sender: {
          post: (...a) => {
            sends.push({ at: now, by: name });
            return real.post(...a);
          },
          update: (...a) => real.update(...a),
        },
        limiter: new RateLimiter(() => now),
        sleep: async (ms) => {
          now += ms;
        },
        maxWaitMs: 60_000,
        realNow: () => base + now,
      });
    const [a, b] = [instance('lease-a'), instance('lease-b')];
    const post = () => item({ tenantId, target: { ...ref(), tenantId } });
    for (let i = 0; i < 20; i++) await outbox.enqueue(post());

    const reports = await Promise.all([a.tick(), b.tick()]);
    expect(reports.reduce((s, r) => s + r.sent, 0)).toBe(20);
    // One instance sent everything, on one set of books: never 8 within a second, 9 within 2 s.
    expect(new Set(sends.map((s) => s.by)).size).toBe(1);
    for (let i = 0; i + 7 < sends.length; i++) expect(sends[i + 7]!.at - sends[i]!.at).toBeGreaterThanOrEqual(1_000);
    for (let i = 0; i + 8 < sends.length; i++) expect(sends[i + 8]!.at - sends[i]!.at).toBeGreaterThanOrEqual(2_000);

    // The holder goes quiet; the other instance takes over only once the lease has lapsed.
    const holder = sends[0]!.by;
    const other = holder === 'lease-a' ? b : a;
    await outbox.enqueue(post());
    now += 30_000;
    expect(await other.tick()).toMatchObject({ sent: 0, busy: 1 });
    now += 45_000;
    expect(await other.tick()).toMatchObject({ sent: 1 });
    expect(sends.at(-1)!.by).not.toBe(holder);
  });
});
