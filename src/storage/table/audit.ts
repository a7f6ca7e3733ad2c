import type { TableClient } from '@azure/data-tables';
import type { AuditEntry, EscalationState, EscalationVerb } from '../../domain/escalations';
import { insertOnce, isConflict, listAll } from '../etag';

/**
 * Table `audit` — the append-only log of every step of a matter (who, when, from-state,
 * to-state, note), for the annual report's "what was raised, where, and what came of it".
 *   PartitionKey = tenant id
 *   RowKey       = `${subjectId}|${seq}` with seq zero-padded to 6 digits (1 = the request,
 *                  +1 per transition), so a subject's entries sort in order by key.
 * The key is derived from the subject's version instead of a timestamp plus random part: a
 * repeated or retried write of the same step hits the same key (insert-only, 409 = already
 * logged), and a step whose log write was lost in a crash is written later from the subject's
 * row without ever producing a second entry. This class has no update or delete; the only
 * change ever made to a logged row is retention emptying its `note` and who took the step
 * (see eraseSteps).
 */
type AuditRow = {
  subjectId: string;
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  verb: EscalationVerb | 'submit';
  fromState: EscalationState | '';
  toState: EscalationState;
  note: string;
  noteErased?: boolean;
  /** Set when retention emptied note and actor. */
  erasedAt?: string;
};

const quote = (s: string): string => s.replace(/'/g, "''");
export const auditRowKey = (subjectId: string, seq: number): string => `${subjectId}|${String(seq).padStart(6, '0')}`;

export class AuditRepository {
  constructor(private readonly client: TableClient) {}

  /** Appends an entry once. False when that step was already logged. */
  async append(e: AuditEntry): Promise<boolean> {
    const row: AuditRow = {
      subjectId: e.subjectId,
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorName,
      verb: e.verb,
      fromState: e.fromState,
      toState: e.toState,
      note: e.note,
    };
    return insertOnce<AuditRow>(this.client, { partitionKey: e.tenantId, rowKey: auditRowKey(e.subjectId, e.seq), ...row });
  }

  /** A subject's entries in order. */
  async list(tenantId: string, subjectId: string): Promise<AuditEntry[]> {
    const rows = await listAll<AuditRow>(
      this.client,
      `PartitionKey eq '${quote(tenantId)}' and RowKey gt '${quote(subjectId)}|' and RowKey lt '${quote(subjectId)}}'`,
    );
    return rows
      .map((r) => ({
        tenantId,
        subjectId: r.subjectId,
        seq: r.seq,
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        verb: r.verb,
        fromState: r.fromState,
        toState: r.toState,
        note: r.note,
      }))
      .sort((a, b) => a.seq - b.seq);
  }

  /** Retention: empties the free-text notes of a subject's entries and who took each step; when, verb and states stay. */
  async eraseSteps(tenantId: string, subjectId: string, at: string): Promise<number> {
    const rows = await listAll<AuditRow>(
      this.client,
      `PartitionKey eq '${quote(tenantId)}' and RowKey gt '${quote(subjectId)}|' and RowKey lt '${quote(subjectId)}}'`,
    );
    let erased = 0;
    for (const r of rows.filter((x) => !x.erasedAt)) {
      try {
        await this.client.updateEntity(
          { partitionKey: r.partitionKey ?? '', rowKey: r.rowKey ?? '', note: '', noteErased: true, actorId: '', actorName: '', erasedAt: at },
          'Merge',
          { etag: r.etag },
        );
        erased++;
      } catch (err) {
        // Audit rows are never changed otherwise; a conflict means a parallel retention run did it.
        if (!isConflict(err)) throw err;
      }
    }
    return erased;
  }
}
