import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock';
import type { Outbox, OutboxItem } from '../domain/ports';
import type { Logger } from '../log';
import type { OutboxTable, PendingDelivery, ReadyDelivery } from '../storage/table/outbox';
import { type BackoffPolicy, DEFAULT_BACKOFF, nextAttempt } from './backoff';
import { DeliveryError, type Posted, type ProactiveSender, reasonOf } from './delivery';
import { forEachLimit, Loop } from './loop';
import { type Bucket, CONVERSATION_WINDOWS, RateLimiter, TENANT_WINDOWS } from './rate-limit';

/** What `status` reads from the outbox. */
export interface OutboxStatusReader {
  /** The tenant's deliveries not yet sent (queued, retrying, failing), oldest first. */
  pending(tenantId: string): Promise<PendingDelivery[]>;
}

/** Retention's hold on the queue: posts undelivered for the whole period, and the keys of old posts, go. */
export interface OutboxRetention {
  forgetBefore(tenantId: string, cutoffIso: string): Promise<{ undelivered: number; keys: number }>;
}

const MAX_KEY = 400;

/** The `Outbox` port over the outbox table: enqueue is idempotent by key. */
export class StorageOutbox implements Outbox, OutboxStatusReader, OutboxRetention {
  constructor(
    private readonly table: OutboxTable,
    private readonly clock: Clock,
  ) {}

  async enqueue(item: OutboxItem): Promise<'queued' | 'duplicate'> {
    if (!item.key || item.key.length > MAX_KEY) throw new Error(`outbox key must be 1–${MAX_KEY} characters`);
    if (!item.tenantId) throw new Error(`outbox ${item.key}: tenantId missing`);
    // A post goes where the body is bound, or nowhere: never a guessed conversation (General).
    if (!item.target?.serviceUrl || !(item.target.channelId || item.target.conversationId)) throw new Error(`outbox ${item.key}: target has no conversation`);
    return this.table.enqueue(item, this.clock.now().toISOString());
  }

  pending(tenantId: string): Promise<PendingDelivery[]> {
    return this.table.pending(tenantId);
  }

  forgetBefore(tenantId: string, cutoffIso: string): Promise<{ undelivered: number; keys: number }> {
    return this.table.forgetBefore(tenantId, cutoffIso);
  }
}

export interface OutboxSenderOptions {
  readonly table: OutboxTable;
  readonly sender: ProactiveSender;
  readonly clock: Clock;
  readonly log: Logger;
  readonly instanceId?: string;
  /** How long a claimed delivery is exclusive. Default 2 min. */
  readonly leaseMs?: number;
  readonly backoff?: Partial<BackoffPolicy>;
  readonly random?: () => number;
  readonly limiter?: RateLimiter;
  /** How the sender waits for a rate-limit slot (tests pass a fake). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A delivery whose slot is further away than this waits for a later tick. Default 5 s. */
  readonly maxWaitMs?: number;
  /** Conversations served at once. Default 8. */
  readonly concurrency?: number;
  /**
   * Called once a post's ids were written to its sink: for a record that changed while its
   * first post was on the way and had no id to update yet (the digest's «Lest»). Its failure
   * is logged and does not unsend the post.
   */
  readonly afterSink?: (item: OutboxItem, posted: Posted) => Promise<void>;
  /**
   * How long this instance holds a tenant's sending once it claimed it (renewed at half time
   * while it sends). More than twice Teams' longest short window (30 s), so another instance
   * can take over only after this one's sends have left every window. Default 70 s.
   */
  readonly sendLeaseMs?: number;
  /** Real time for the send lease (tests pass a fake); the bot's clock may be shifted. */
  readonly realNow?: () => number;
}

export interface SendReport {
  ready: number;
  sent: number;
  failed: number;
  /** Taken by another instance meanwhile. */
  busy: number;
  /** Left for a later tick by the rate limiter. */
  deferred: number;
  /** Updates not sent because a newer update of the same activity is queued. */
  superseded: number;
}

/**
 * Drains the outbox: claims each ready delivery (If-Match), waits for its rate-limit slot, posts
 * or updates through the `ProactiveSender`, writes the activity id to the sink and marks it sent.
 * A failure is rescheduled with jittered backoff honouring Retry-After; nothing is dropped.
 * Deliveries to one conversation go in enqueue order; conversations are served side by side.
 * Updates of one activity: only the newest queued one is sent, and never while an older one is
 * in flight, so a retried old update cannot overwrite a newer card (see `updateOrder`).
 * A sink write that fails is retried on later passes from the ids the outbox row keeps.
 * One instance at a time sends a tenant's posts (a lease row, see SendLeases), so the rate
 * limits this process keeps hold for the bot as a whole, not once per instance.
 */
export class OutboxSender {
  readonly instanceId: string;
  private readonly limiter: RateLimiter;
  private readonly policy: BackoffPolicy;
  private readonly loop: Loop;

  constructor(
    private readonly o: OutboxSenderOptions,
    intervalMs = 1_000,
  ) {
    this.instanceId = o.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.limiter = o.limiter ?? new RateLimiter();
    this.policy = { ...DEFAULT_BACKOFF, ...o.backoff };
    this.loop = new Loop('outbox', intervalMs, () => this.tick(), o.log);
  }

  start(): void {
    this.loop.start();
  }

  /** Stops the loop and hands the tenants' send leases on (see SendLeases.release). */
  async stop(): Promise<void> {
    await this.loop.stop();
    const longest = Math.max(...[...CONVERSATION_WINDOWS, ...TENANT_WINDOWS].filter((w) => w.ms < 3_600_000).map((w) => w.ms));
    try {
      const released = await this.o.table.leases.release(this.instanceId, (this.o.realNow ?? Date.now)(), longest + 1_000);
      if (released > 0) this.o.log.info({ released }, 'outbox: send leases handed on');
    } catch (err) {
      this.o.log.warn({ err: String(err) }, 'outbox: send leases not handed on; they lapse by themselves');
    }
  }

  /** One pass over every ready delivery. Tests call this directly. */
  async tick(): Promise<SendReport> {
    const ready = await this.o.table.listReady(this.o.clock.now().toISOString());
    const report: SendReport = { ready: ready.length, sent: 0, failed: 0, busy: 0, deferred: 0, superseded: 0 };
    const groups = new Map<string, ReadyDelivery[]>();
    for (const d of ready) {
      const k = conversationKey(d.item);
      groups.set(k, [...(groups.get(k) ?? []), d]);
    }
    await forEachLimit([...groups.values()], this.o.concurrency ?? 8, async (group) => {
      for (const d of group) await this.deliver(d, report);
    });
    return report;
  }

  private async deliver(d: ReadyDelivery, report: SendReport): Promise<void> {
    const { table, clock, log } = this.o;
    const buckets: Bucket[] = [
      { key: `c:${conversationKey(d.item)}`, windows: CONVERSATION_WINDOWS },
      { key: `t:${d.tenantId}`, windows: TENANT_WINDOWS },
    ];
    // Checked before every delivery, not once per pass: a pass can outlast the lease (a slow connector).
    if (!(await table.leases.hold(d.tenantId, this.instanceId, this.o.sendLeaseMs ?? 70_000, (this.o.realNow ?? Date.now)()))) {
      report.busy++;
      return;
    }
    if (!d.posted && this.limiter.delay(buckets) > (this.o.maxWaitMs ?? 5_000)) {
      report.deferred++;
      return;
    }
    const etag = await table.claim(d, this.instanceId, this.leaseUntil());
    if (etag === undefined) {
      report.busy++;
      return;
    }
    // Posted on an earlier pass whose sink write failed: only the sink is left to do.
    let posted = d.posted;
    if (!posted) {
      if (d.item.replaceActivityId) {
        const order = await this.updateOrder(d, etag, d.item.replaceActivityId);
        if (order !== 'send') {
          report[order === 'superseded' ? 'superseded' : 'busy']++;
          return;
        }
      }
      const wait = this.limiter.reserve(buckets);
      if (wait > 0) await (this.o.sleep ?? sleep)(wait);
      try {
        posted = await this.send(d.item);
      } catch (err) {
        await this.failed(d, etag, err, buckets[0]!.key);
        report.failed++;
        return;
      } finally {
        // A send (or a refused one) counts in Teams' windows from when it reached the connector.
        table.leases.sent(d.tenantId, this.instanceId, (this.o.realNow ?? Date.now)());
      }
    }
    // An update's sink is only for a card posted anew (its post was gone): an update in place keeps the ids the record has.
    const newIds = !d.item.replaceActivityId || posted.activityId !== d.item.replaceActivityId;
    if (d.item.sink && newIds && !(await this.writeSink(d, etag, posted))) {
      report.failed++;
      return;
    }
    await table.markSent(d.key, posted, clock.now().toISOString());
    report.sent++;
    log.info({ key: d.key, attempts: d.attempts + 1 }, 'outbox: delivered');
  }

  private leaseUntil(): string {
    return new Date(this.o.clock.now().getTime() + (this.o.leaseMs ?? 120_000)).toISOString();
  }

  /**
   * Decides a claimed update against the other pending updates of its activity. A newer one
   * queued → this one is superseded (marked so, not sent). Older ones are claimed and marked
   * superseded before this one goes, so an older update can never be sent after it (its retry
   * would overwrite the newer card, and the record's content hash would then claim the card is
   * current); an older one in flight elsewhere → this one waits for a later pass.
   */
  private async updateOrder(d: ReadyDelivery, etag: string, activityId: string): Promise<'send' | 'superseded' | 'wait'> {
    const { table, clock, log } = this.o;
    const now = clock.now().toISOString();
    const mine = { revision: d.item.revision, enqueuedAt: d.enqueuedAt };
    const others = (await table.updatesOf(activityId)).filter((o) => o.key !== d.key);
    const newer = others.find((o) => isNewer(o, mine));
    if (newer) {
      await table.markSuperseded(d.key, newer.key, now);
      log.info({ key: d.key, by: newer.key }, 'outbox: update superseded by a newer one; not sent');
      return 'superseded';
    }
    for (const o of others) {
      const inFlight = o.state === 'sending' && o.nextAttemptAt > now;
      const claimed = inFlight ? undefined : await table.claim(o, this.instanceId, this.leaseUntil());
      if (claimed === undefined) {
        // Put back as it was: tried again on the next pass, when the older one has settled.
        await table.reschedule(d.key, etag, {
          attempts: d.attempts,
          nextAttemptAt: now,
          state: d.state === 'sending' ? 'queued' : d.state,
          lastError: d.lastError ?? '',
        });
        return 'wait';
      }
      await table.markSuperseded(o.key, d.key, now);
      log.info({ key: o.key, by: d.key }, 'outbox: update superseded by a newer one; not sent');
    }
    return 'send';
  }

  /**
   * Writes the posted ids to the sink row. When that fails the outbox keeps the ids (key row and
   * pending row) and tries the sink again with backoff — without posting again — so a record
   * never stays without its card id (an agenda card «pending» for ever). False when left for later.
   */
  private async writeSink(d: ReadyDelivery, etag: string, posted: Posted): Promise<boolean> {
    const { table, clock, log } = this.o;
    const sink = d.item.sink!;
    try {
      const written = await table.writeSink(sink, posted.activityId, posted.conversationId);
      if (!written) log.warn({ key: d.key, table: sink.table }, 'outbox: sink row not found; activity id kept on the outbox record only');
      else await this.afterSink(d, posted);
      return true;
    } catch (err) {
      const attempts = d.attempts + 1;
      const next = nextAttempt(attempts, err, this.policy, this.o.random);
      const now = clock.now();
      const kept = await table.keepForSink(d.key, etag, posted, now.toISOString(), {
        attempts,
        nextAttemptAt: new Date(now.getTime() + next.delayMs).toISOString(),
        state: next.state,
        lastError: `sink ${reasonOf(err)}`,
      });
      log.warn(
        { key: d.key, table: sink.table, attempts, err, retryInMs: next.delayMs, kept },
        'outbox: posted, but the activity id could not be written to the sink; will retry the sink',
      );
      return false;
    }
  }

  /** The afterSink hook: what it does is extra, so its failure is logged, never retried as the sink's. */
  private async afterSink(d: ReadyDelivery, posted: Posted): Promise<void> {
    try {
      await this.o.afterSink?.(d.item, posted);
    } catch (err) {
      this.o.log.warn({ key: d.key, err }, 'outbox: could not act on the posted activity id');
    }
  }

  private async send(item: OutboxItem): Promise<Posted> {
    if (item.replaceActivityId) {
      try {
        await this.o.sender.update(item.target, item.replaceActivityId, item.message);
        return { activityId: item.replaceActivityId, conversationId: item.target.conversationId };
      } catch (err) {
        // The card is gone (someone deleted the post): an update can never succeed. A record
        // that takes its card's id (a sink) gets the card posted anew in its channel instead,
        // so the current agenda or minutes stay visible; anything else fails as usual.
        if (!(item.sink && err instanceof DeliveryError && err.status === 404)) throw err;
        const channel = { ...item.target, conversationId: item.target.conversationId.split(';')[0]! };
        const posted = await this.o.sender.post(channel, item.message, {});
        this.o.log.warn({ key: item.key, reason: reasonOf(err) }, 'outbox: the card to update is gone; posted it anew');
        return posted;
      }
    }
    return this.o.sender.post(item.target, item.message, {
      ...(item.replyToId ? { replyToId: item.replyToId } : {}),
      ...(item.toUser ? { toUser: item.toUser } : {}),
    });
  }

  private async failed(d: ReadyDelivery, etag: string, err: unknown, conversationBucket: string): Promise<void> {
    const attempts = d.attempts + 1;
    const next = nextAttempt(attempts, err, this.policy, this.o.random);
    const now = this.o.clock.now().getTime();
    const reason = reasonOf(err);
    if (err instanceof DeliveryError && err.status === 429 && err.retryAfterMs) this.limiter.hold(conversationBucket, err.retryAfterMs);
    const kept = await this.o.table.reschedule(d.key, etag, {
      attempts,
      nextAttemptAt: new Date(now + next.delayMs).toISOString(),
      state: next.state,
      lastError: reason,
    });
    const level = next.state === 'failing' ? 'error' : 'warn';
    this.o.log[level]({ key: d.key, attempts, reason, retryInMs: next.delayMs, kept }, 'outbox: delivery failed; will retry');
  }
}

/** True when update `a` is newer than `b`: by revision when both have one, else by enqueue time. */
function isNewer(a: { revision?: number; enqueuedAt: string }, b: { revision?: number; enqueuedAt: string }): boolean {
  if (a.revision !== undefined && b.revision !== undefined && a.revision !== b.revision) return a.revision > b.revision;
  return a.enqueuedAt > b.enqueuedAt;
}

/** Rate-limit and ordering key: the person for a 1:1, else the channel/chat (thread replies count to their channel). */
export function conversationKey(item: OutboxItem): string {
  if (item.toUser) return `user:${item.tenantId}:${item.toUser.aadObjectId}`;
  return (item.target.channelId ?? item.target.conversationId).split(';')[0] ?? '';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
