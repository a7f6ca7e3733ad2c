import type { TableClient, TableEntityResult } from '@azure/data-tables';
import type { ActivityIdSink } from '../../domain/ports';
import { insertOnce, isConflict, isNotFound, listAll } from '../etag';
import { fromChunks, toChunks } from './chunks';
import { odataString } from './keys';

/**
 * Table `digests` — every monthly digest sent to the board, and who on the board has read it.
 *   PartitionKey = tenant id
 *   RowKey       = `d|<YYYY-MM>|<nn>`  one row per sending of a month's digest (nn = 01, 02 … in
 *                  the order sent): the card data as JSON (chunks c0…, ≤ 30 000 characters each —
 *                  statistics, body names and matter titles only), who sent it (Entra id and name,
 *                  or `scheduler`), when, and the posted card's activity/conversation id (written
 *                  by the outbox), so "Lest" can update that card in place.
 *   RowKey       = `a|<YYYY-MM>|<Entra id>`  a board member's "Lest" for a month: name and when.
 * Sending is insert-only on the next number: of two coordinators (or a coordinator and the
 * scheduler, or two bot instances) sending the same month at once exactly one creates the row
 * and posts; the other finds it taken and is asked to confirm a new sending instead. An ack is
 * insert-only too, so clicking "Lest" twice counts once. A month has a handful of rows at most.
 */
type SendRow = {
  month: string;
  /** Set when retention emptied the matter titles in the content. */
  titlesErasedAt?: string;
  sendNo: number;
  sentBy: string;
  sentByName: string;
  sentAt: string;
  boardId: string;
  cCount: number;
  cardActivityId?: string;
  cardConversationId?: string;
} & Record<`c${number}`, Uint8Array>;

type AckRow = { month: string; aadObjectId: string; name: string; at: string };

/** One sending of a month's digest. */
export interface DigestSend {
  readonly tenantId: string;
  readonly month: string;
  readonly sendNo: number;
  readonly sentBy: string;
  readonly sentByName: string;
  readonly sentAt: string;
  readonly boardId: string;
  /** The card data, JSON. */
  readonly content: string;
  readonly cardActivityId?: string;
  readonly cardConversationId?: string;
}

export interface DigestAck {
  readonly aadObjectId: string;
  readonly name: string;
  readonly at: string;
}

const MAX_CHUNKS = 14;
export const sendRowKey = (month: string, sendNo: number): string => `d|${month}|${String(sendNo).padStart(2, '0')}`;
/** Month and sending number of a sending's row key; undefined for any other key. */
export function parseSendRowKey(rowKey: string): { month: string; sendNo: number } | undefined {
  const m = /^d\|(\d{4}-\d{2})\|(\d{2})$/.exec(rowKey);
  return m ? { month: m[1]!, sendNo: Number(m[2]) } : undefined;
}
const ackRowKey = (month: string, aadObjectId: string): string => `a|${month}|${aadObjectId}`;
const range = (tenantId: string, prefix: string): string =>
  `PartitionKey eq ${odataString(tenantId)} and RowKey gt ${odataString(prefix)} and RowKey lt ${odataString(`${prefix.slice(0, -1)}}`)}`;

export class DigestRepository {
  constructor(private readonly client: TableClient) {}

  /** The latest sending of a month, or undefined when it was never sent. */
  async latest(tenantId: string, month: string): Promise<DigestSend | undefined> {
    const rows = await listAll<SendRow>(this.client, range(tenantId, `d|${month}|`));
    const last = rows.sort((a, b) => a.sendNo - b.sendNo).at(-1);
    return last ? toSend(tenantId, last) : undefined;
  }

  /**
   * Stores sending number `sendNo` of a month (1 for the first). False when that number is
   * taken — someone else sent it first; nothing is written then.
   */
  async record(send: Omit<DigestSend, 'cardActivityId' | 'cardConversationId'>): Promise<boolean> {
    const { count, chunks } = toChunks(send.content, 'c', MAX_CHUNKS);
    return insertOnce(this.client, {
      partitionKey: send.tenantId,
      rowKey: sendRowKey(send.month, send.sendNo),
      month: send.month,
      sendNo: send.sendNo,
      sentBy: send.sentBy,
      sentByName: send.sentByName,
      sentAt: send.sentAt,
      boardId: send.boardId,
      cCount: count,
      ...chunks,
    });
  }

  /**
   * Retention: rewrites the content of every sending of a month before `beforeMonth` with
   * `erase` (which empties the matter titles) and empties who sent it (the scheduler stays),
   * once per row (marked `titlesErasedAt`), each with its ETag. Returns how many rows it rewrote.
   */
  async eraseTitlesBefore(tenantId: string, beforeMonth: string, erase: (content: string) => string, at: string): Promise<number> {
    const filter = `PartitionKey eq ${odataString(tenantId)} and RowKey gt 'd|' and RowKey lt ${odataString(`d|${beforeMonth}`)}`;
    let n = 0;
    for (const r of await listAll<SendRow>(this.client, filter)) {
      if (r.titlesErasedAt) continue;
      const { count, chunks } = toChunks(erase(fromChunks(r, 'c', r.cCount ?? 1)), 'c', MAX_CHUNKS);
      try {
        const sender = r.sentBy === 'scheduler' ? {} : { sentBy: '', sentByName: '' };
        await this.client.updateEntity({ partitionKey: tenantId, rowKey: r.rowKey ?? '', cCount: count, ...chunks, ...sender, titlesErasedAt: at }, 'Merge', {
          etag: r.etag,
        });
        n++;
      } catch (err) {
        // Changed meanwhile (the outbox wrote the card id): the next monthly run does it.
        if (!isConflict(err)) throw err;
      }
    }
    return n;
  }

  /**
   * Retention: rewrites the content of any sending not yet wholly erased with `erase`, which
   * returns the new content or undefined when the row names nothing erased (ETag-guarded; a row
   * changed meanwhile is done by the next run). Returns how many rows it rewrote.
   */
  async eraseNamed(tenantId: string, erase: (content: string) => string | undefined): Promise<number> {
    let n = 0;
    for (const r of await listAll<SendRow>(this.client, range(tenantId, 'd|'))) {
      if (r.titlesErasedAt) continue;
      const next = erase(fromChunks(r, 'c', r.cCount ?? 1));
      if (next === undefined) continue;
      const { count, chunks } = toChunks(next, 'c', MAX_CHUNKS);
      try {
        await this.client.updateEntity({ partitionKey: tenantId, rowKey: r.rowKey ?? '', cCount: count, ...chunks }, 'Merge', { etag: r.etag });
        n++;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    return n;
  }

  /** Where the outbox writes the posted card's ids. */
  cardSink(tenantId: string, month: string, sendNo: number): ActivityIdSink {
    return {
      table: 'digests',
      partitionKey: tenantId,
      rowKey: sendRowKey(month, sendNo),
      activityIdField: 'cardActivityId',
      conversationIdField: 'cardConversationId',
    };
  }

  /** Records a board member's "Lest". False when they had already. */
  async ack(tenantId: string, month: string, aadObjectId: string, name: string, at: string): Promise<boolean> {
    return insertOnce<AckRow>(this.client, { partitionKey: tenantId, rowKey: ackRowKey(month, aadObjectId), month, aadObjectId, name, at });
  }

  /** Retention: deletes the «Lest» rows (name and Entra id) of months before `beforeMonth`. Returns how many. */
  async deleteAcksBefore(tenantId: string, beforeMonth: string): Promise<number> {
    const filter = `PartitionKey eq ${odataString(tenantId)} and RowKey gt 'a|' and RowKey lt ${odataString(`a|${beforeMonth}`)}`;
    let n = 0;
    for (const r of await listAll<AckRow>(this.client, filter)) {
      try {
        await this.client.deleteEntity(tenantId, r.rowKey ?? '', { etag: r.etag });
        n++;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    return n;
  }

  /** Everyone who marked a month's digest as read. */
  async acks(tenantId: string, month: string): Promise<DigestAck[]> {
    const rows = await listAll<AckRow>(this.client, range(tenantId, `a|${month}|`));
    return rows.map((r) => ({ aadObjectId: r.aadObjectId, name: r.name, at: r.at }));
  }
}

function toSend(tenantId: string, r: TableEntityResult<SendRow>): DigestSend {
  const content = fromChunks(r, 'c', r.cCount ?? 1);
  return {
    tenantId,
    month: r.month,
    sendNo: r.sendNo,
    sentBy: r.sentBy,
    sentByName: r.sentByName ?? '',
    sentAt: r.sentAt,
    boardId: r.boardId,
    content,
    cardActivityId: r.cardActivityId ?? undefined,
    cardConversationId: r.cardConversationId ?? undefined,
  };
}
