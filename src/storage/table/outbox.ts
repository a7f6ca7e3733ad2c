import { RestError, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { ConversationRef } from '../../domain/bodies';
import type { ActivityIdSink, OutboundMessage, OutboxItem } from '../../domain/ports';
import { isConflict, isNotFound } from '../etag';
import { encodeKey, odataString } from './keys';
import { SendLeases } from './send-leases';

/**
 * Table `outbox` — the persistent queue of proactive posts. All rows share PartitionKey 'q',
 * because the two writes that must be atomic are entity-group transactions (one partition):
 *   RK `k|<key>`  key row, kept after sending: makes enqueue idempotent, records sentAt,
 *                 activity id and conversation id. No message text.
 *   RK `p|<key>`  pending row: the item (target, message JSON in ≤ 30 000-character chunks
 *                 m0…mN, reply/update/1:1 options, revision, sink), nextAttemptAt, attempts,
 *                 state, lastError; once posted but its sink write failed, the posted ids
 *                 (postedActivityId, postedConversationId) until the sink is written. Deleted
 *                 once done, so the message text is kept no longer than needed.
 * enqueue = one transaction creating both rows (a 409 means the key exists → 'duplicate').
 * Ready   = the RowKey range [`p|`, `p}`) with nextAttemptAt ≤ now: pending rows only, few.
 * Claim   = Merge on the pending row with If-Match: state 'sending' and nextAttemptAt pushed to
 *           the end of a lease, so of several instances exactly one sends; an instance that
 *           dies mid-send leaves the row to be retried when the lease ends.
 * Sent    = one transaction: key row updated, pending row deleted.
 * Posted, sink not written = one transaction: key row gets the ids, pending row keeps them and a
 *           next attempt (only the sink is tried again, nothing is posted twice).
 * Superseded = an update of an activity made pointless by a newer one of the same activity:
 *           one transaction, key row marked 'superseded', pending row deleted (after a claim).
 *   RK `l|<tenant>` the tenant's send lease (SendLeases): one instance at a time sends its posts.
 */
export type DeliveryState = 'queued' | 'sending' | 'retrying' | 'failing';

type KeyRow = {
  key: string;
  tenantId: string;
  label: string;
  enqueuedAt: string;
  state: 'queued' | 'sent' | 'superseded';
  sentAt?: string;
  activityId?: string;
  conversationId?: string;
  supersededBy?: string;
};
type PendingRow = {
  key: string;
  tenantId: string;
  label: string;
  enqueuedAt: string;
  nextAttemptAt: string;
  attempts: number;
  state: DeliveryState;
  lastError?: string;
  instance?: string;
  target: string;
  replaceActivityId?: string;
  revision?: number;
  replyToId?: string;
  toUser?: string;
  sink?: string;
  postedActivityId?: string;
  postedConversationId?: string;
  mCount: number;
} & Record<`m${number}`, string>;

/** A pending delivery's bookkeeping (what `status` shows). */
export interface PendingDelivery {
  readonly key: string;
  readonly tenantId: string;
  readonly label: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly lastError?: string;
  readonly nextAttemptAt: string;
  readonly enqueuedAt: string;
}

/** A pending delivery with its item and the etag it was read at (for the sender). */
export interface ReadyDelivery extends PendingDelivery {
  readonly item: OutboxItem;
  readonly etag: string;
  /** Set when it was posted but its sink is still to be written. */
  readonly posted?: { readonly activityId: string; readonly conversationId: string };
}

/** A pending update of an activity, as the sender compares it with the others of that activity. */
export interface PendingUpdate extends PendingDelivery {
  readonly revision?: number;
  readonly etag: string;
}

export interface SentRecord {
  readonly state: 'queued' | 'sent' | 'superseded';
  readonly sentAt?: string;
  readonly activityId?: string;
  readonly conversationId?: string;
}

const Q = 'q';
const CHUNK = 30_000;
const MAX_CHUNKS = 14; // 14 × 30 000 UTF-16 characters stays below the 1 MiB entity limit
const META = ['key', 'tenantId', 'label', 'enqueuedAt', 'nextAttemptAt', 'attempts', 'state', 'lastError'];
const keyRow = (key: string): string => `k|${encodeKey(key)}`;
const pendingRow = (key: string): string => `p|${encodeKey(key)}`;
const MAX_KEY_COLUMN = 1_000;
const PENDING_RANGE = `PartitionKey eq '${Q}' and RowKey ge 'p|' and RowKey lt 'p}'`;

/** Azure Table implementation of the outbox queue. */
export class OutboxTable {
  /** Which instance sends each tenant's posts (rows `l|<tenant>` in this table). */
  readonly leases: SendLeases;

  constructor(
    private readonly client: TableClient,
    /** Resolves a sink's table name to a client (only tables the bot knows). */
    private readonly sinkTable: (name: string) => TableClient | undefined,
  ) {
    this.leases = new SendLeases(client, Q);
  }

  /** Queues an item once per key. */
  async enqueue(item: OutboxItem, now: string): Promise<'queued' | 'duplicate'> {
    const json = JSON.stringify(item.message);
    const chunks = Math.max(1, Math.ceil(json.length / CHUNK));
    if (chunks > MAX_CHUNKS) throw new Error(`outbox message too large (${json.length} characters)`);
    const message: Record<string, string> = {};
    for (let i = 0; i < chunks; i++) message[`m${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
    const label = item.label.slice(0, 120);
    const pending = {
      partitionKey: Q,
      rowKey: pendingRow(item.key),
      key: item.key,
      tenantId: item.tenantId,
      label,
      enqueuedAt: now,
      nextAttemptAt: now,
      attempts: 0,
      state: 'queued' as DeliveryState,
      target: JSON.stringify(item.target),
      ...(item.replaceActivityId ? { replaceActivityId: item.replaceActivityId } : {}),
      ...(item.revision !== undefined ? { revision: item.revision } : {}),
      ...(item.replyToId ? { replyToId: item.replyToId } : {}),
      ...(item.toUser ? { toUser: JSON.stringify(item.toUser) } : {}),
      ...(item.sink ? { sink: JSON.stringify(item.sink) } : {}),
      mCount: chunks,
      ...message,
    };
    const key: KeyRow & { partitionKey: string; rowKey: string } = {
      partitionKey: Q,
      rowKey: keyRow(item.key),
      key: item.key,
      tenantId: item.tenantId,
      label,
      enqueuedAt: now,
      state: 'queued',
    };
    try {
      await this.client.submitTransaction([
        ['create', key],
        ['create', pending],
      ]);
      return 'queued';
    } catch (err) {
      if (err instanceof RestError && err.statusCode === 409) return 'duplicate';
      throw err;
    }
  }

  /** Pending deliveries whose time has come, oldest enqueued first. */
  async listReady(now: string, limit = 200): Promise<ReadyDelivery[]> {
    const filter = `${PENDING_RANGE} and nextAttemptAt le ${odataString(now)}`;
    const out: ReadyDelivery[] = [];
    for await (const e of this.client.listEntities<PendingRow>({ queryOptions: { filter } })) {
      out.push(toReady(e));
      if (out.length >= limit) break;
    }
    return out.sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt));
  }

  /** Every pending delivery of a tenant (bookkeeping columns only). */
  async pending(tenantId: string): Promise<PendingDelivery[]> {
    const filter = `${PENDING_RANGE} and tenantId eq ${odataString(tenantId)}`;
    const out: PendingDelivery[] = [];
    for await (const e of this.client.listEntities<PendingRow>({ queryOptions: { filter, select: META } })) out.push(toPending(e));
    return out.sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt));
  }

  /** Every pending update of an activity (any state, ready or not), for superseding. */
  async updatesOf(activityId: string): Promise<PendingUpdate[]> {
    const filter = `${PENDING_RANGE} and replaceActivityId eq ${odataString(activityId)}`;
    const out: PendingUpdate[] = [];
    for await (const e of this.client.listEntities<PendingRow>({ queryOptions: { filter, select: [...META, 'revision'] } })) {
      out.push({ ...toPending(e), ...(typeof e.revision === 'number' ? { revision: e.revision } : {}), etag: e.etag });
    }
    return out;
  }

  /**
   * Retention: forgets a tenant's posts older than `cutoffIso` — those still undelivered since
   * before it (message and recipient; such a post has failed for the whole period) and the key
   * rows of those sent or superseded before it (a key can name a person, e.g. `private:…:<id>:…`).
   * Nothing that old is enqueued again, so the keys are no longer needed for idempotency.
   */
  async forgetBefore(tenantId: string, cutoffIso: string): Promise<{ undelivered: number; keys: number }> {
    const tenant = `tenantId eq ${odataString(tenantId)}`;
    const cutoff = odataString(cutoffIso);
    let undelivered = 0;
    const pending = `${PENDING_RANGE} and state ne 'sending' and ${tenant} and enqueuedAt lt ${cutoff}`;
    for await (const row of this.client.listEntities<PendingRow>({ queryOptions: { filter: pending, select: ['key'] } })) {
      await this.client.submitTransaction([
        ['delete', { partitionKey: Q, rowKey: pendingRow(row.key) }],
        ['delete', { partitionKey: Q, rowKey: keyRow(row.key) }],
      ]);
      undelivered++;
    }
    let keys = 0;
    const done = `PartitionKey eq '${Q}' and RowKey ge 'k|' and RowKey lt 'k}' and ${tenant} and sentAt lt ${cutoff}`;
    for await (const row of this.client.listEntities<KeyRow>({ queryOptions: { filter: done, select: ['RowKey'] } })) {
      try {
        await this.client.deleteEntity(Q, row.rowKey ?? '');
        keys++;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    return { undelivered, keys };
  }

  /**
   * Drops a claimed pending update that a newer one of the same activity makes pointless: key
   * row 'superseded' (enqueuing it again stays a duplicate), pending row deleted. The caller
   * holds the claim (a transaction cannot delete with If-Match; the claim makes it exclusive).
   */
  async markSuperseded(key: string, by: string, now: string): Promise<void> {
    await this.client.submitTransaction([
      ['update', { partitionKey: Q, rowKey: keyRow(key), state: 'superseded', supersededBy: by.slice(0, MAX_KEY_COLUMN), sentAt: now }, 'Merge'],
      ['delete', { partitionKey: Q, rowKey: pendingRow(key) }],
    ]);
  }

  /**
   * Records a post whose sink could not be written: the key row gets the ids now (the outbox
   * keeps them whatever happens to the sink) and the pending row keeps them with its next
   * attempt, so the next pass writes the sink without posting again. False when the claim was lost.
   */
  async keepForSink(
    key: string,
    etag: string,
    posted: { activityId: string; conversationId: string },
    now: string,
    next: { attempts: number; nextAttemptAt: string; state: DeliveryState; lastError: string },
  ): Promise<boolean> {
    try {
      await this.client.submitTransaction([
        [
          'update',
          { partitionKey: Q, rowKey: keyRow(key), state: 'sent', sentAt: now, activityId: posted.activityId, conversationId: posted.conversationId },
          'Merge',
        ],
        [
          'update',
          {
            partitionKey: Q,
            rowKey: pendingRow(key),
            ...next,
            lastError: next.lastError.slice(0, 120),
            postedActivityId: posted.activityId,
            postedConversationId: posted.conversationId,
          },
          'Merge',
          { etag },
        ],
      ]);
      return true;
    } catch (err) {
      if (isConflict(err) || isNotFound(err)) return false;
      throw err;
    }
  }

  /** Takes a ready delivery for sending until `leaseUntil`. Returns the new etag, or undefined if another instance was first. */
  async claim(d: Pick<PendingUpdate, 'key' | 'etag'>, instance: string, leaseUntil: string): Promise<string | undefined> {
    try {
      const res = await this.client.updateEntity(
        { partitionKey: Q, rowKey: pendingRow(d.key), state: 'sending', nextAttemptAt: leaseUntil, instance },
        'Merge',
        { etag: d.etag },
      );
      return res.etag ?? '';
    } catch (err) {
      if (isConflict(err) || isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Records a successful send: key row updated and pending row deleted, atomically. */
  async markSent(key: string, posted: { activityId: string; conversationId: string }, now: string): Promise<void> {
    await this.client.submitTransaction([
      [
        'update',
        { partitionKey: Q, rowKey: keyRow(key), state: 'sent', sentAt: now, activityId: posted.activityId, conversationId: posted.conversationId },
        'Merge',
      ],
      ['delete', { partitionKey: Q, rowKey: pendingRow(key) }],
    ]);
  }

  /** Puts a claimed delivery back with its next attempt time. False when the claim was lost. */
  async reschedule(key: string, etag: string, next: { attempts: number; nextAttemptAt: string; state: DeliveryState; lastError: string }): Promise<boolean> {
    try {
      await this.client.updateEntity({ partitionKey: Q, rowKey: pendingRow(key), ...next, lastError: next.lastError.slice(0, 120) }, 'Merge', { etag });
      return true;
    } catch (err) {
      if (isConflict(err) || isNotFound(err)) return false;
      throw err;
    }
  }

  /** What the key row says (tests, diagnostics). */
  async record(key: string): Promise<SentRecord | undefined> {
    try {
      const e = await this.client.getEntity<KeyRow>(Q, keyRow(key));
      return { state: e.state, sentAt: e.sentAt ?? undefined, activityId: e.activityId ?? undefined, conversationId: e.conversationId ?? undefined };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Writes the posted ids into the sink row (Merge: only these columns change; a writer that
   * read the row before gets a 412 and re-reads). False when the row or table does not exist.
   */
  async writeSink(sink: ActivityIdSink, activityId: string, conversationId: string): Promise<boolean> {
    const client = this.sinkTable(sink.table);
    if (!client) return false;
    const patch: Record<string, string> = { [sink.activityIdField]: activityId };
    if (sink.conversationIdField) patch[sink.conversationIdField] = conversationId;
    try {
      await client.updateEntity({ partitionKey: sink.partitionKey, rowKey: sink.rowKey, ...patch }, 'Merge');
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }
}

function toPending(e: TableEntityResult<PendingRow>): PendingDelivery {
  return {
    key: e.key,
    tenantId: e.tenantId,
    label: e.label,
    state: e.state,
    attempts: e.attempts ?? 0,
    lastError: e.lastError ?? undefined,
    nextAttemptAt: e.nextAttemptAt,
    enqueuedAt: e.enqueuedAt,
  };
}

function toReady(e: TableEntityResult<PendingRow>): ReadyDelivery {
  let json = '';
  for (let i = 0; i < (e.mCount ?? 1); i++) json += e[`m${i}`] ?? '';
  const parse = <T>(s: string | undefined | null): T | undefined => (s ? (JSON.parse(s) as T) : undefined);
  const item: OutboxItem = {
    key: e.key,
    tenantId: e.tenantId,
    label: e.label,
    target: JSON.parse(e.target) as ConversationRef,
    message: JSON.parse(json) as OutboundMessage,
    ...(e.replaceActivityId ? { replaceActivityId: e.replaceActivityId } : {}),
    ...(typeof e.revision === 'number' ? { revision: e.revision } : {}),
    ...(e.replyToId ? { replyToId: e.replyToId } : {}),
    ...(e.toUser ? { toUser: parse<NonNullable<OutboxItem['toUser']>>(e.toUser) } : {}),
    ...(e.sink ? { sink: parse<ActivityIdSink>(e.sink) } : {}),
  };
  const posted = e.postedActivityId ? { activityId: e.postedActivityId, conversationId: e.postedConversationId ?? '' } : undefined;
  return { ...toPending(e), item, etag: e.etag, ...(posted ? { posted } : {}) };
}
