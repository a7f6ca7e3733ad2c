import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { type AddedItem, type AgendaEdits, NO_EDITS } from '../../domain/agenda';
import { MEETING_ID_RE } from '../../domain/meetings';
import type { Minutes, MinutesItem, Task } from '../../domain/minutes';
import type { ActivityIdSink } from '../../domain/ports';
import { insertOnce, isNotFound, listAll, readModifyWrite } from '../etag';
import { odataString } from './keys';

/**
 * Table `agendas` — the stored records behind the living agenda and minutes cards.
 *   PartitionKey = `${tenantId}|${bodyId}` (one partition per body, like `meetings`)
 *   RowKey       = `a|<meeting id>`  the agenda record: items coordinators added and composed
 *                  items they took off (JSON), the call-for-topics post and the agenda card
 *                  (activity and conversation ids, written by the outbox), when the card was
 *                  first queued and a hash of the content last queued (so a change that alters
 *                  nothing queues no update).
 *                = `m|<meeting id>`  the minutes: items (number, title, decision) and tasks
 *                  (JSON), who/when recorded, version, and the minutes card's ids and hash.
 * The agenda itself is never stored: it is composed from trends, escalations, meetings and these
 * edits whenever it is shown, so it cannot drift from them. Every write is a read-modify-write
 * with the row's ETag (two coordinators, or the outbox writing a card id, can meet on a row);
 * the record is created before its card is queued so the outbox always has a row to write to.
 * JSON columns are split into ≤ 30 000-character parts (`added0`, `added1` …): a property holds
 * at most 32 K characters.
 */
export interface CardIds {
  readonly activityId?: string;
  readonly conversationId?: string;
}

export interface AgendaRecord {
  readonly tenantId: string;
  readonly bodyId: string;
  readonly meetingId: string;
  readonly edits: AgendaEdits;
  readonly call: CardIds;
  readonly card: CardIds;
  readonly posted: Posted;
}

/** What was last queued of a card: when first, the content hash, and how many versions. */
export interface Posted {
  /** When the card was first queued; undefined while it has not been posted. */
  readonly at?: string;
  readonly hash?: string;
  readonly version: number;
}

export interface MinutesRecord {
  readonly minutes: Minutes;
  readonly card: CardIds;
  readonly posted: Posted;
}

type Row = Record<string, unknown>;
const CHUNK = 30_000;
const MAX_PARTS = 8;

export const agendaPartition = (tenantId: string, bodyId: string): string => `${tenantId}|${bodyId}`;
const agendaKey = (meetingId: string): string => `a|${meetingId}`;
const minutesKey = (meetingId: string): string => `m|${meetingId}`;

/** A JSON value as numbered string columns (`<name>0` …) plus `<name>Parts`. */
function toParts(name: string, value: unknown): Row {
  const json = JSON.stringify(value);
  const parts = Math.max(1, Math.ceil(json.length / CHUNK));
  if (parts > MAX_PARTS) throw new Error(`${name}: too large to store (${json.length} characters)`);
  const out: Row = { [`${name}Parts`]: parts };
  for (let i = 0; i < parts; i++) out[`${name}${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return out;
}

function fromParts<T>(name: string, row: Row, fallback: T): T {
  const parts = Number(row[`${name}Parts`] ?? 0);
  if (!parts) return fallback;
  let json = '';
  for (let i = 0; i < parts; i++) json += String(row[`${name}${i}`] ?? '');
  return JSON.parse(json) as T;
}

/** The columns that hold a minutes row's tasks (for reads that need only those). */
export const TASK_COLUMNS = ['tasksParts', ...Array.from({ length: MAX_PARTS }, (_, i) => `tasks${i}`)];

/** The tasks of a minutes row read with (at least) TASK_COLUMNS. */
export const tasksOfRow = (row: Row): Task[] => fromParts<Task[]>('tasks', row, []);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export class AgendaRepository {
  constructor(private readonly client: TableClient) {}

  async getAgenda(tenantId: string, bodyId: string, meetingId: string): Promise<AgendaRecord | undefined> {
    const row = await this.read(agendaPartition(tenantId, bodyId), agendaKey(meetingId));
    return row ? toAgenda(tenantId, bodyId, meetingId, row) : undefined;
  }

  /** The record, created (empty) when missing — before any card of it is queued. */
  async ensureAgenda(tenantId: string, bodyId: string, meetingId: string, at: string): Promise<AgendaRecord> {
    if (!MEETING_ID_RE.test(meetingId)) throw new Error('ensureAgenda: bad meeting id');
    await insertOnce<Row>(this.client, {
      partitionKey: agendaPartition(tenantId, bodyId),
      rowKey: agendaKey(meetingId),
      meetingId,
      createdAt: at,
      ...toParts('added', []),
      hidden: '[]',
    });
    return (await this.getAgenda(tenantId, bodyId, meetingId))!;
  }

  /**
   * Changes the coordinators' edits (ETag-guarded; re-decided on a conflict). `change` returns
   * the new edits, or a reason to leave the row as it is. Creates the record when missing.
   */
  async editAgenda<R extends string>(
    tenantId: string,
    bodyId: string,
    meetingId: string,
    change: (edits: AgendaEdits) => AgendaEdits | { readonly unchanged: R },
  ): Promise<{ changed: true; record: AgendaRecord } | { changed: false; reason: R | 'conflict'; record?: AgendaRecord }> {
    let reason: R | undefined;
    const pk = agendaPartition(tenantId, bodyId);
    const result = await readModifyWrite<Row>(this.client, pk, agendaKey(meetingId), (current) => {
      const before = current ? toAgenda(tenantId, bodyId, meetingId, current).edits : NO_EDITS;
      const next = change(before);
      if ('unchanged' in next) {
        reason = next.unchanged;
        return { kind: 'abort', reason: next.unchanged };
      }
      const { partitionKey: _pk, rowKey: _rk, etag: _etag, timestamp: _ts, ...kept } = (current ?? { meetingId }) as Row;
      return {
        kind: 'write',
        entity: { partitionKey: pk, rowKey: agendaKey(meetingId), ...kept, ...toParts('added', next.added), hidden: JSON.stringify(next.hidden) },
      };
    });
    const record = await this.getAgenda(tenantId, bodyId, meetingId);
    if (result.ok && record) return { changed: true, record };
    return { changed: false, reason: reason ?? 'conflict', record };
  }

  /** Notes that the agenda card with this content hash was queued (first post or in-place update). */
  async notePosted(tenantId: string, bodyId: string, meetingId: string, hash: string, at: string): Promise<void> {
    await this.note(agendaPartition(tenantId, bodyId), agendaKey(meetingId), hash, at);
  }

  /** The meeting whose call-for-topics post has this activity id, if any (thread replies). */
  async meetingOfCall(tenantId: string, bodyId: string, activityId: string): Promise<string | undefined> {
    const filter = `PartitionKey eq ${odataString(agendaPartition(tenantId, bodyId))} and callActivityId eq ${odataString(activityId)}`;
    const rows = await listAll<Row>(this.client, filter);
    return str(rows[0]?.meetingId);
  }

  agendaSink(tenantId: string, bodyId: string, meetingId: string): ActivityIdSink {
    return {
      table: 'agendas',
      partitionKey: agendaPartition(tenantId, bodyId),
      rowKey: agendaKey(meetingId),
      activityIdField: 'cardActivityId',
      conversationIdField: 'cardConversationId',
    };
  }

  callSink(tenantId: string, bodyId: string, meetingId: string): ActivityIdSink {
    return {
      table: 'agendas',
      partitionKey: agendaPartition(tenantId, bodyId),
      rowKey: agendaKey(meetingId),
      activityIdField: 'callActivityId',
      conversationIdField: 'callConversationId',
    };
  }

  async getMinutes(tenantId: string, bodyId: string, meetingId: string): Promise<MinutesRecord | undefined> {
    const row = await this.read(agendaPartition(tenantId, bodyId), minutesKey(meetingId));
    return row ? toMinutes(tenantId, bodyId, row) : undefined;
  }

  /** Every body's minutes (a few dozen a year), for the open tasks. */
  async listMinutes(tenantId: string, bodyId: string): Promise<Minutes[]> {
    const filter = `PartitionKey eq ${odataString(agendaPartition(tenantId, bodyId))} and RowKey ge 'm|' and RowKey lt 'm}'`;
    return (await listAll<Row>(this.client, filter)).map((r) => toMinutes(tenantId, bodyId, r).minutes);
  }

  /**
   * Read-modify-write of one meeting's minutes (ETag-guarded, re-decided on a conflict).
   * `change` sees the stored minutes (undefined before the first record) and returns the next
   * minutes, or undefined to write nothing.
   */
  async changeMinutes(
    tenantId: string,
    bodyId: string,
    meetingId: string,
    change: (current: Minutes | undefined) => Minutes | undefined,
  ): Promise<{ changed: boolean; record?: MinutesRecord }> {
    if (!MEETING_ID_RE.test(meetingId)) return { changed: false };
    const pk = agendaPartition(tenantId, bodyId);
    const result = await readModifyWrite<Row>(this.client, pk, minutesKey(meetingId), (current) => {
      const next = change(current ? toMinutes(tenantId, bodyId, current).minutes : undefined);
      if (!next) return { kind: 'abort', reason: 'unchanged' };
      const { partitionKey: _pk, rowKey: _rk, etag: _etag, timestamp: _ts, ...kept } = (current ?? {}) as Row;
      return {
        kind: 'write',
        entity: {
          partitionKey: pk,
          rowKey: minutesKey(meetingId),
          ...kept,
          meetingId,
          meetingStartUtc: next.meetingStartUtc,
          recordedBy: next.recordedBy,
          recordedAt: next.recordedAt,
          version: next.version,
          ...toParts('items', next.items),
          ...toParts('tasks', next.tasks),
        },
      };
    });
    if (!result.ok && result.reason === 'conflict') throw new Error('minutes kept conflicting');
    return { changed: result.ok, record: await this.getMinutes(tenantId, bodyId, meetingId) };
  }

  /**
   * Retention: where each item whose id starts with `prefix` appears in the minutes of any body of
   * a tenant, read in one pass. Minutes keep each agenda item's title as it stood, and a matter's
   * item (`esc-<id>`) carries the matter's title, so its copies must be found when the matter's
   * text is erased.
   */
  async minutesByItem(tenantId: string, prefix: string): Promise<Map<string, { bodyId: string; meetingId: string }[]>> {
    const filter = `PartitionKey ge ${odataString(`${tenantId}|`)} and PartitionKey lt ${odataString(`${tenantId}}`)} and RowKey ge 'm|' and RowKey lt 'm}'`;
    const index = new Map<string, { bodyId: string; meetingId: string }[]>();
    for (const r of await listAll<Row>(this.client, filter)) {
      const at = { bodyId: String(r.partitionKey ?? '').slice(tenantId.length + 1), meetingId: String(r.meetingId) };
      for (const item of fromParts<MinutesItem[]>('items', r, [])) {
        if (item.itemId.startsWith(prefix)) index.set(item.itemId, [...(index.get(item.itemId) ?? []), at]);
      }
    }
    return index;
  }

  /** Replaces the stored title of one item of a meeting's minutes (ETag-guarded). True when it changed. */
  async replaceItemTitle(tenantId: string, bodyId: string, meetingId: string, itemId: string, title: string): Promise<boolean> {
    const result = await this.changeMinutes(tenantId, bodyId, meetingId, (current) => {
      if (!current?.items.some((i) => i.itemId === itemId && i.title !== title)) return undefined;
      return { ...current, items: current.items.map((i) => (i.itemId === itemId ? { ...i, title } : i)) };
    });
    return result.changed;
  }

  /**
   * Retention: empties a meeting's agenda edits and minutes with the given functions (domain/retention),
   * each row once (marked `textErasedAt`), with its ETag. Returns which of the two rows it rewrote.
   */
  async eraseMeeting(
    tenantId: string,
    bodyId: string,
    meetingId: string,
    erase: { readonly edits: (e: AgendaEdits) => AgendaEdits; readonly minutes: (m: Minutes) => Minutes },
    at: string,
  ): Promise<{ agenda: boolean; minutes: boolean }> {
    const pk = agendaPartition(tenantId, bodyId);
    const once = (rk: string, rewrite: (row: Row) => Row) =>
      readModifyWrite<Row>(this.client, pk, rk, (current) => {
        if (!current || current.textErasedAt) return { kind: 'abort', reason: 'done' };
        const { partitionKey: _pk, rowKey: _rk, etag: _etag, timestamp: _ts, ...kept } = current as Row;
        return { kind: 'write', entity: { partitionKey: pk, rowKey: rk, ...kept, ...rewrite(current), textErasedAt: at } };
      });
    const agenda = await once(agendaKey(meetingId), (row) => toParts('added', erase.edits(toAgenda(tenantId, bodyId, meetingId, row).edits).added));
    const minutes = await once(minutesKey(meetingId), (row) => {
      const m = erase.minutes(toMinutes(tenantId, bodyId, row).minutes);
      return { recordedBy: m.recordedBy, ...toParts('items', m.items), ...toParts('tasks', m.tasks) };
    });
    return { agenda: agenda.ok, minutes: minutes.ok };
  }

  async noteMinutesPosted(tenantId: string, bodyId: string, meetingId: string, hash: string, at: string): Promise<void> {
    await this.note(agendaPartition(tenantId, bodyId), minutesKey(meetingId), hash, at);
  }

  minutesSink(tenantId: string, bodyId: string, meetingId: string): ActivityIdSink {
    return {
      table: 'agendas',
      partitionKey: agendaPartition(tenantId, bodyId),
      rowKey: minutesKey(meetingId),
      activityIdField: 'cardActivityId',
      conversationIdField: 'cardConversationId',
    };
  }

  /** Sets `postedHash`, counts the version and sets `postedAt` the first time, with the row's ETag. */
  private async note(pk: string, rk: string, hash: string, at: string): Promise<void> {
    const result = await readModifyWrite<Row>(this.client, pk, rk, (current) => {
      if (!current) return { kind: 'abort', reason: 'missing' };
      if (current.postedHash === hash && current.postedAt) return { kind: 'abort', reason: 'unchanged' };
      const { partitionKey: _pk, rowKey: _rk, etag: _etag, timestamp: _ts, ...kept } = current as Row;
      const version = Number(current.postedVersion ?? 0) + 1;
      return {
        kind: 'write',
        entity: { partitionKey: pk, rowKey: rk, ...kept, postedHash: hash, postedVersion: version, postedAt: str(current.postedAt) ?? at },
      };
    });
    if (!result.ok && result.reason === 'conflict') throw new Error('posted note kept conflicting');
  }

  private async read(pk: string, rk: string): Promise<TableEntityResult<Row> | undefined> {
    try {
      return await this.client.getEntity<Row>(pk, rk);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}

function toAgenda(tenantId: string, bodyId: string, meetingId: string, row: Row): AgendaRecord {
  return {
    tenantId,
    bodyId,
    meetingId,
    edits: { added: fromParts<AddedItem[]>('added', row, []), hidden: JSON.parse(String(row.hidden ?? '[]')) as string[] },
    call: { activityId: str(row.callActivityId), conversationId: str(row.callConversationId) },
    card: { activityId: str(row.cardActivityId), conversationId: str(row.cardConversationId) },
    posted: postedOf(row),
  };
}

const postedOf = (row: Row): Posted => ({ at: str(row.postedAt), hash: str(row.postedHash), version: Number(row.postedVersion ?? 0) });

function toMinutes(tenantId: string, bodyId: string, row: Row): MinutesRecord {
  return {
    minutes: {
      tenantId,
      bodyId,
      meetingId: String(row.meetingId),
      meetingStartUtc: String(row.meetingStartUtc),
      items: fromParts<MinutesItem[]>('items', row, []),
      tasks: fromParts<Task[]>('tasks', row, []),
      recordedBy: String(row.recordedBy ?? ''),
      recordedAt: String(row.recordedAt ?? ''),
      version: Number(row.version ?? 0),
    },
    card: { activityId: str(row.cardActivityId), conversationId: str(row.cardConversationId) },
    posted: postedOf(row),
  };
}
