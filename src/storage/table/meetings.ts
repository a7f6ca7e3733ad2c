import { randomBytes } from 'node:crypto';
import type { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { InvitationState } from '../../domain/invitations';
import { MEETING_ID_RE, type Meeting, type MeetingStatus, type NewMeeting } from '../../domain/meetings';
import type { ActivityIdSink } from '../../domain/ports';
import { isConflict, isNotFound, listAll, readModifyWrite } from '../etag';

/**
 * Table `meetings` — meetings of SLT bodies, and the index of their calendar-download tokens.
 *   PartitionKey = `${tenantId}|${bodyId}`   RowKey = meeting id (`m<16 hex>-<n>`, n = place in series)
 *     One partition per body, so a whole series is written in ONE entity-group transaction
 *     (atomic, ≤ 100 operations; a series has at most 26). A body has a few dozen meetings a year,
 *     so "upcoming" reads the partition with a server-side filter on endUtc and sorts in memory —
 *     no second, start-sorted row that would have to move when a meeting moves.
 *   PartitionKey = `ics|<first 2 chars of token>`   RowKey = token  → tenantId, bodyId, meetingId
 *     The `.ics` URL carries only a random 144-bit token (base64url). The pointer row lives in
 *     another partition than the meeting, so it is written first and checked on every read:
 *     the meeting row must carry the same token. A pointer whose series write lost (double click)
 *     or failed points at nothing that agrees with it and yields 404 — never a half-written meeting.
 * Cancelling uses ETag optimistic concurrency (readModifyWrite); the outbox writes the posted
 * card's activity id back into `cardActivityId`/`cardConversationId` of the meeting row.
 * Outlook invitations (SLT_CALENDAR=graph) keep their event on the meeting row: `organizer`,
 * `eventId`, `joinUrl`, `eventWhen`/`eventWho` (hashes of what was last sent) and `eventCancelled`,
 * written with the row's ETag by the invitation job (recordInvitation).
 */
type MeetingRow = Omit<Meeting, 'id' | 'tenantId' | 'bodyId'> & { tenantId: string; bodyId: string };
type IcsRow = { tenantId: string; bodyId: string; meetingId: string };

export type CancelResult =
  | { readonly ok: true; readonly meeting: Meeting; readonly changed: boolean }
  | { readonly ok: false; readonly reason: 'notFound' | 'over' };

const TOKEN_RE = /^[A-Za-z0-9_-]{24}$/;

/** Partition of a body's meetings (tenant-scoped: body ids derive from channel ids only). */
export const meetingPartition = (tenantId: string, bodyId: string): string => `${tenantId}|${bodyId}`;
const icsPartition = (token: string): string => `ics|${token.slice(0, 2)}`;
const quote = (s: string): string => s.replace(/'/g, "''");

/** A fresh unguessable download token: 18 random bytes = 144 bits, base64url, 24 characters. */
export function newIcsToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Azure Table implementation of meeting storage. */
export class MeetingRepository {
  constructor(private readonly client: TableClient) {}

  /**
   * Stores a series (or one meeting) of one body, all or nothing. Repeating it with the same
   * meeting ids (a double click) stores nothing new and returns what the first call stored.
   */
  async createSeries(meetings: readonly NewMeeting[]): Promise<{ created: boolean; meetings: Meeting[] }> {
    const first = meetings[0];
    if (!first) throw new Error('createSeries: no meetings');
    const pk = meetingPartition(first.tenantId, first.bodyId);
    if (meetings.some((m) => meetingPartition(m.tenantId, m.bodyId) !== pk)) throw new Error('createSeries: one body per series');
    if (meetings.length > 100) throw new Error('createSeries: at most 100 meetings per transaction');

    const existing = await this.find(meetings);
    if (existing.length > 0) return { created: false, meetings: existing };

    const stored: Meeting[] = meetings.map((m) => ({ ...m, icsToken: newIcsToken() }));
    // Pointers first: a pointer without its meeting is harmless (see the table comment).
    await Promise.all(
      stored.map((m) =>
        this.client.createEntity<IcsRow>({
          partitionKey: icsPartition(m.icsToken),
          rowKey: m.icsToken,
          tenantId: m.tenantId,
          bodyId: m.bodyId,
          meetingId: m.id,
        }),
      ),
    );
    const actions: TransactionAction[] = stored.map((m) => ['create', toEntity(m)]);
    try {
      await this.client.submitTransaction(actions);
      return { created: true, meetings: stored };
    } catch (err) {
      if (!isConflict(err)) throw err;
      // A parallel identical request stored the series first: drop our pointers, answer with theirs.
      await Promise.allSettled(stored.map((m) => this.client.deleteEntity(icsPartition(m.icsToken), m.icsToken)));
      return { created: false, meetings: await this.find(meetings) };
    }
  }

  async get(tenantId: string, bodyId: string, meetingId: string): Promise<Meeting | undefined> {
    if (!MEETING_ID_RE.test(meetingId)) return undefined;
    try {
      return fromEntity(await this.client.getEntity<MeetingRow>(meetingPartition(tenantId, bodyId), meetingId));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Every meeting of a body, by start. */
  async listForBody(tenantId: string, bodyId: string): Promise<Meeting[]> {
    const rows = await listAll<MeetingRow>(this.client, `PartitionKey eq '${quote(meetingPartition(tenantId, bodyId))}'`);
    return rows.map(fromEntity).sort(byStart);
  }

  /** Meetings of a body that are not cancelled and not over at `now`, soonest first. */
  async upcomingForBody(tenantId: string, bodyId: string, now: Date): Promise<Meeting[]> {
    const filter = `PartitionKey eq '${quote(meetingPartition(tenantId, bodyId))}' and endUtc gt '${now.toISOString()}' and status ne 'cancelled'`;
    return (await listAll<MeetingRow>(this.client, filter)).map(fromEntity).sort(byStart);
  }

  /** Marks a meeting cancelled (ETag-guarded). Cancelling it again changes nothing. */
  async cancel(tenantId: string, bodyId: string, meetingId: string, by: string, reason: string | undefined, now: Date): Promise<CancelResult> {
    if (!MEETING_ID_RE.test(meetingId)) return { ok: false, reason: 'notFound' };
    let outcome: CancelResult = { ok: false, reason: 'notFound' };
    const result = await readModifyWrite<MeetingRow>(this.client, meetingPartition(tenantId, bodyId), meetingId, (current) => {
      if (!current) return { kind: 'abort', reason: 'notFound' };
      const meeting = fromEntity(current);
      if (meeting.status === 'cancelled') {
        outcome = { ok: true, meeting, changed: false };
        return { kind: 'abort', reason: 'unchanged' };
      }
      if (Date.parse(meeting.endUtc) <= now.getTime()) {
        outcome = { ok: false, reason: 'over' };
        return { kind: 'abort', reason: 'over' };
      }
      const next: Meeting = {
        ...meeting,
        status: 'cancelled' satisfies MeetingStatus,
        cancelReason: reason || undefined,
        cancelledBy: by,
        cancelledAt: now.toISOString(),
      };
      outcome = { ok: true, meeting: next, changed: true };
      return { kind: 'write', entity: toEntity(next) };
    });
    if (!result.ok && result.reason === 'conflict') throw new Error('meeting cancel kept conflicting');
    return outcome;
  }

  /**
   * Writes what an invitation job learnt (event id, link, what was sent) onto the meeting row with
   * its ETag. `decide` sees the current row and returns the columns to set, or undefined to write
   * nothing; on a concurrent write (a cancel, the outbox's card id) it is asked again with the new
   * row. Returns the row as written (or as found when nothing was written), undefined when gone.
   */
  async recordInvitation(
    tenantId: string,
    bodyId: string,
    meetingId: string,
    decide: (current: Meeting) => Partial<InvitationState> | undefined,
  ): Promise<Meeting | undefined> {
    if (!MEETING_ID_RE.test(meetingId)) return undefined;
    let out: Meeting | undefined;
    const result = await readModifyWrite<MeetingRow>(this.client, meetingPartition(tenantId, bodyId), meetingId, (current) => {
      if (!current) {
        out = undefined;
        return { kind: 'abort', reason: 'notFound' };
      }
      const meeting = fromEntity(current);
      const patch = decide(meeting);
      out = patch ? { ...meeting, ...patch } : meeting;
      return patch ? { kind: 'write', entity: toEntity(out) } : { kind: 'abort', reason: 'unchanged' };
    });
    if (!result.ok && result.reason === 'conflict') throw new Error('meeting invitation record kept conflicting');
    return out;
  }

  /**
   * Retention: the tenant's meetings that ended before `cutoffIso` and are not erased yet (one
   * filtered scan of the tenant's body partitions; a body has a few dozen meetings a year).
   */
  async endedBefore(tenantId: string, cutoffIso: string): Promise<Meeting[]> {
    const filter = `PartitionKey gt '${quote(tenantId)}|' and PartitionKey lt '${quote(tenantId)}}' and endUtc lt '${quote(cutoffIso)}'`;
    return (await listAll<MeetingRow>(this.client, filter)).map(fromEntity).filter((m) => !m.textErasedAt);
  }

  /** Retention: empties a meeting's location, cancel reason and who scheduled or cancelled it (ETag-guarded). True when it wrote. */
  async eraseText(tenantId: string, bodyId: string, meetingId: string, at: string): Promise<boolean> {
    const result = await readModifyWrite<MeetingRow>(this.client, meetingPartition(tenantId, bodyId), meetingId, (current) => {
      if (!current || current.textErasedAt) return { kind: 'abort', reason: 'done' };
      const m = fromEntity(current);
      return {
        kind: 'write',
        entity: toEntity({
          ...m,
          location: undefined,
          cancelReason: undefined,
          createdBy: '',
          cancelledBy: m.cancelledBy ? '' : undefined,
          organizer: undefined,
          textErasedAt: at,
        }),
      };
    });
    return result.ok;
  }

  /** The meeting behind a download token, or undefined (unknown, malformed or stale token). */
  async byIcsToken(token: string): Promise<Meeting | undefined> {
    if (!TOKEN_RE.test(token)) return undefined;
    let pointer: IcsRow;
    try {
      pointer = await this.client.getEntity<IcsRow>(icsPartition(token), token);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    const meeting = await this.get(pointer.tenantId, pointer.bodyId, pointer.meetingId);
    return meeting?.icsToken === token ? meeting : undefined;
  }

  /** Where the outbox writes the posted meeting card's ids. */
  cardSink(m: Pick<Meeting, 'tenantId' | 'bodyId' | 'id'>): ActivityIdSink {
    return {
      table: 'meetings',
      partitionKey: meetingPartition(m.tenantId, m.bodyId),
      rowKey: m.id,
      activityIdField: 'cardActivityId',
      conversationIdField: 'cardConversationId',
    };
  }

  /** Meetings with the given ids that already exist in the body's partition. */
  private async find(meetings: readonly Pick<Meeting, 'tenantId' | 'bodyId' | 'id'>[]): Promise<Meeting[]> {
    const found = await Promise.all(meetings.map((m) => this.get(m.tenantId, m.bodyId, m.id)));
    return found.filter((m): m is Meeting => !!m).sort(byStart);
  }
}

function byStart(a: Meeting, b: Meeting): number {
  return Date.parse(a.startUtc) - Date.parse(b.startUtc);
}

function toEntity(m: Meeting): TableEntity<MeetingRow> {
  const { id, ...rest } = m;
  // Normalised UTC ISO strings, so the server-side string comparison on endUtc is a time comparison.
  return {
    partitionKey: meetingPartition(m.tenantId, m.bodyId),
    rowKey: id,
    ...rest,
    startUtc: new Date(m.startUtc).toISOString(),
    endUtc: new Date(m.endUtc).toISOString(),
  };
}

function fromEntity(e: TableEntityResult<MeetingRow>): Meeting {
  const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
  return {
    tenantId: e.tenantId,
    bodyId: e.bodyId,
    id: e.rowKey as string,
    startUtc: e.startUtc,
    endUtc: e.endUtc,
    durationMinutes: e.durationMinutes,
    location: opt(e.location),
    status: e.status,
    seriesId: opt(e.seriesId),
    seriesIndex: opt(e.seriesIndex),
    seriesCount: opt(e.seriesCount),
    movedFrom: opt(e.movedFrom),
    movedBecause: opt(e.movedBecause),
    movedBecauseEn: opt(e.movedBecauseEn),
    icsToken: e.icsToken,
    cardActivityId: opt(e.cardActivityId),
    cardConversationId: opt(e.cardConversationId),
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    cancelReason: opt(e.cancelReason),
    cancelledBy: opt(e.cancelledBy),
    cancelledAt: opt(e.cancelledAt),
    organizer: opt(e.organizer),
    eventId: opt(e.eventId),
    joinUrl: opt(e.joinUrl),
    eventWhen: opt(e.eventWhen),
    eventWho: opt(e.eventWho),
    eventCancelled: opt(e.eventCancelled),
    textErasedAt: opt(e.textErasedAt),
  };
}
