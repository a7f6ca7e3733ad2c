import { createHash } from 'node:crypto';
import type { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { BodyKind } from '../../domain/bodies';
import { type Escalation, type EscalationState, isOpen, type LastStep } from '../../domain/escalations';
import { bodyScope, inScope, type ReadScope } from '../../domain/visibility';
import { isConflict, isNotFound, listAll } from '../etag';

/**
 * Table `escalations` — matters lifted to the next level, one row per (body, matter) it reached.
 *   PartitionKey = tenant id
 *   RowKey       = `${bodyId}|${escalationId}`; escalation id = 'e' + 20 hex of
 *                  sha256(tenant, origin body, requester, idempotency key)
 * Each row is a full copy of the matter plus that body's own card reference (the card posted
 * in that body's channel, written back by the outbox). Who sees what is therefore a key range:
 * a body reads `${bodyId}|…` and nothing else, and a matter appears in a body's range only once
 * it reached that body. All copies live in one partition, so a transition rewrites every copy
 * (ETag-conditioned) and adds the next body's copy in ONE entity-group transaction: either all
 * bodies see the new state or none does, and a concurrent transition makes the loser re-decide.
 */
export type EscalationRow = {
  originBodyId: string;
  originKind: BodyKind;
  title: string;
  description: string;
  requestedAction: string;
  state: EscalationState;
  open: boolean;
  levelBodyId: string;
  /** Body ids, comma-separated, origin first. */
  path: string;
  requesterId: string;
  requesterChannelAccountId: string;
  requesterName: string;
  requesterLocale: 'nb' | 'en';
  createdAt: string;
  updatedAt: string;
  version: number;
  lastVerb: LastStep['verb'];
  lastActorId: string;
  lastActorName: string;
  lastDataKey: string;
  lastAt: string;
  acceptNote: string;
  declineNote: string;
  escalateNote: string;
  decision: string;
  measure: string;
  responsible: string;
  due: string;
  boardDecision: string;
  textErased: boolean;
  textErasedAt?: string;
  /** This body's copy of the card: activity id and conversation id (set by the outbox sink). */
  cardActivityId?: string;
  cardConversationId?: string;
};

/** Where the card of a matter is shown in one body's channel. */
export interface CardRef {
  readonly activityId: string;
  readonly conversationId: string;
}

/** A matter as one body sees it, with that body's card. */
export interface EscalationCopy {
  readonly bodyId: string;
  readonly escalation: Escalation;
  readonly card?: CardRef;
}

/** Per-body card field names, for the outbox sink. */
export const CARD_FIELDS = { activityIdField: 'cardActivityId', conversationIdField: 'cardConversationId' } as const;

export const rowKeyOf = (bodyId: string, id: string): string => `${bodyId}|${id}`;
const quote = (s: string): string => s.replace(/'/g, "''");
const ID = /^e[0-9a-f]{20}$/;

/** Whatever a transition decides: write `next` (adding a copy for `newBodyId`), or not. */
export type Decision<R> = { readonly write?: { readonly next: Escalation; readonly newBodyId?: string }; readonly result: R };

export class EscalationRepository {
  constructor(private readonly client: TableClient) {}

  static idFor(tenantId: string, originBodyId: string, requesterId: string, idempotencyKey: string): string {
    return `e${createHash('sha256').update([tenantId, originBodyId, requesterId, idempotencyKey].join('\u0000')).digest('hex').slice(0, 20)}`;
  }

  /** Stores a new matter at its origin once; a repeat returns the stored one with `created` false. */
  async create(e: Escalation, card?: CardRef): Promise<{ created: boolean; copy: EscalationCopy }> {
    const entity: TableEntity<EscalationRow> = { partitionKey: e.tenantId, rowKey: rowKeyOf(e.originBodyId, e.id), ...rowOf(e), ...cardColumns(card) };
    try {
      await this.client.createEntity(entity);
      return { created: true, copy: { bodyId: e.originBodyId, escalation: e, card } };
    } catch (err) {
      if (!isConflict(err)) throw err;
      const existing = await this.read(e.tenantId, e.originBodyId, e.id);
      if (!existing) throw err;
      return { created: false, copy: toCopy(e.tenantId, existing) };
    }
  }

  /** The matter as the first body of the scope that it reached sees it; undefined when none did. */
  async get(scope: ReadScope, id: string): Promise<EscalationCopy | undefined> {
    if (!ID.test(id)) return undefined; // never turn crafted ids into key ranges
    const rows = await Promise.all(scope.bodyIds.map((b) => this.read(scope.tenantId, b, id)));
    const row = rows.find((r) => r !== undefined);
    return row ? toCopy(scope.tenantId, row) : undefined;
  }

  /** Every copy of a matter the scope can see (one per body it reached), to update their cards. */
  async copies(scope: ReadScope, id: string): Promise<EscalationCopy[]> {
    const first = await this.get(scope, id);
    if (!first) return [];
    const rows = await Promise.all(first.escalation.path.map((b) => this.read(scope.tenantId, b, id)));
    return rows.filter((r): r is TableEntityResult<EscalationRow> => !!r).map((r) => toCopy(scope.tenantId, r));
  }

  /**
   * Read-decide-write over every copy of a matter the scope can see. `decide` sees the current
   * version and is asked again after losing a race. Returns undefined when the scope cannot see it.
   */
  async transition<R>(
    scope: ReadScope,
    id: string,
    decide: (current: Escalation) => Decision<R>,
    maxAttempts = 6,
  ): Promise<{ result: R; copies: EscalationCopy[] } | undefined> {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const first = await this.get(scope, id);
      if (!first) return undefined;
      const current = first.escalation;
      const rows = (await Promise.all(current.path.map((b) => this.read(scope.tenantId, b, id)))).filter((r): r is TableEntityResult<EscalationRow> => !!r);
      if (rows.some((r) => r.version !== current.version)) continue; // caught between two writes: read again
      const decision = decide(current);
      if (!decision.write) return { result: decision.result, copies: rows.map((r) => toCopy(scope.tenantId, r)) };
      const { next, newBodyId } = decision.write;
      const shared = rowOf(next);
      const actions: TransactionAction[] = rows.map((r) => ['update', { ...keysOf(r), ...shared, ...cardColumns(cardOf(r)) }, 'Replace', { etag: r.etag }]);
      if (newBodyId) actions.push(['create', { partitionKey: scope.tenantId, rowKey: rowKeyOf(newBodyId, id), ...shared }]);
      try {
        await this.client.submitTransaction(actions);
        const copies = rows.map((r) => ({ bodyId: bodyOf(r), escalation: next, card: cardOf(r) }));
        if (newBodyId) copies.push({ bodyId: newBodyId, escalation: next, card: undefined });
        return { result: decision.result, copies };
      } catch (err) {
        if (!isConflict(err)) throw err;
        // Another transition (or the outbox writing a card id) got in between: decide again.
      }
    }
    throw new Error('escalation transition kept conflicting');
  }

  /** Matters that reached `bodyId` (which the scope must cover), newest first; `openOnly` keeps the open ones. */
  async listAt(scope: ReadScope, bodyId: string, openOnly = true): Promise<EscalationCopy[]> {
    if (!inScope(scope, bodyId)) return [];
    const range = `PartitionKey eq '${quote(scope.tenantId)}' and RowKey gt '${quote(bodyId)}|' and RowKey lt '${quote(bodyId)}}'`;
    const rows = await listAll<EscalationRow>(this.client, openOnly ? `${range} and open eq true` : range);
    return rows.map((r) => toCopy(scope.tenantId, r)).sort((a, b) => b.escalation.createdAt.localeCompare(a.escalation.createdAt));
  }

  /**
   * The open matters waiting at a body, for that body's agenda (posted in its own channel, so
   * exactly what that body may read). Oldest first: the order they are treated in.
   */
  async openEscalationsAt(tenantId: string, bodyId: string): Promise<Escalation[]> {
    const open = await this.listAt(bodyScope(tenantId, bodyId), bodyId, true);
    return open
      .map((c) => c.escalation)
      .filter((e) => e.levelBodyId === bodyId)
      .reverse();
  }

  /**
   * Retention: empties every free-text field of matters last changed before `cutoffIso`, in all
   * their copies at once, after `beforeEach(id)` (the caller erases the audit notes there).
   * Returns the ids erased.
   */
  async eraseTextBefore(tenantId: string, cutoffIso: string, at: string, beforeEach: (id: string) => Promise<void> = async () => undefined): Promise<string[]> {
    const filter = `PartitionKey eq '${quote(tenantId)}' and textErased eq false and updatedAt lt '${quote(cutoffIso)}'`;
    const rows = await listAll<EscalationRow>(this.client, filter);
    const byId = new Map<string, TableEntityResult<EscalationRow>[]>();
    for (const r of rows) byId.set(idOf(r), [...(byId.get(idOf(r)) ?? []), r]);
    const erased: string[] = [];
    const blank = {
      title: '',
      description: '',
      requestedAction: '',
      acceptNote: '',
      declineNote: '',
      escalateNote: '',
      decision: '',
      measure: '',
      responsible: '',
      boardDecision: '',
      // The people go with the text (src/domain/retention.ts).
      requesterId: '',
      requesterChannelAccountId: '',
      requesterName: '',
      lastActorId: '',
      lastActorName: '',
      textErased: true,
      textErasedAt: at,
    };
    for (const [id, copies] of byId) {
      // First what belongs to the matter elsewhere (its audit notes): should this run die between
      // the two, the matter is still selected next time and both are done again, idempotently.
      await beforeEach(id);
      try {
        await this.client.submitTransaction(copies.map((r) => ['update', { ...keysOf(r), ...blank }, 'Merge', { etag: r.etag }]));
        erased.push(id);
      } catch (err) {
        // Changed since it was listed (so no longer old): the next daily run looks again.
        if (!isConflict(err)) throw err;
      }
    }
    return erased;
  }

  private async read(tenantId: string, bodyId: string, id: string): Promise<TableEntityResult<EscalationRow> | undefined> {
    try {
      return await this.client.getEntity<EscalationRow>(tenantId, rowKeyOf(bodyId, id));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}

/** Keys of a stored row (the SDK types them optional; stored rows always have them). */
const keysOf = (r: { partitionKey?: string; rowKey?: string }): { partitionKey: string; rowKey: string } => ({
  partitionKey: r.partitionKey ?? '',
  rowKey: r.rowKey ?? '',
});
const bodyOf = (r: { rowKey?: string }): string => (r.rowKey ?? '').split('|')[0]!;
const idOf = (r: { rowKey?: string }): string => (r.rowKey ?? '').split('|')[1] ?? '';

function cardOf(r: EscalationRow): CardRef | undefined {
  return r.cardActivityId ? { activityId: r.cardActivityId, conversationId: r.cardConversationId ?? '' } : undefined;
}

function cardColumns(card: CardRef | undefined): Pick<EscalationRow, 'cardActivityId' | 'cardConversationId'> {
  return card ? { cardActivityId: card.activityId, cardConversationId: card.conversationId } : {};
}

function rowOf(e: Escalation): Omit<EscalationRow, 'cardActivityId' | 'cardConversationId'> {
  return {
    originBodyId: e.originBodyId,
    originKind: e.originKind,
    title: e.title,
    description: e.description,
    requestedAction: e.requestedAction ?? '',
    state: e.state,
    open: isOpen(e.state),
    levelBodyId: e.levelBodyId,
    path: e.path.join(','),
    requesterId: e.requester.id,
    requesterChannelAccountId: e.requester.channelAccountId,
    requesterName: e.requester.name,
    requesterLocale: e.requester.locale,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
    lastVerb: e.last.verb,
    lastActorId: e.last.actorId,
    lastActorName: e.last.actorName,
    lastDataKey: e.last.dataKey,
    lastAt: e.last.at,
    acceptNote: e.acceptNote ?? '',
    declineNote: e.declineNote ?? '',
    escalateNote: e.escalateNote ?? '',
    decision: e.decision ?? '',
    measure: e.measure ?? '',
    responsible: e.responsible ?? '',
    due: e.due ?? '',
    boardDecision: e.boardDecision ?? '',
    textErased: !!e.textErasedAt,
    ...(e.textErasedAt ? { textErasedAt: e.textErasedAt } : {}),
  };
}

const opt = (s: string | undefined | null): string | undefined => (s ? s : undefined);

function toCopy(tenantId: string, r: TableEntityResult<EscalationRow>): EscalationCopy {
  const e: Escalation = {
    tenantId,
    id: idOf(r),
    originBodyId: r.originBodyId,
    originKind: r.originKind,
    title: r.title,
    description: r.description,
    requestedAction: opt(r.requestedAction),
    state: r.state,
    levelBodyId: r.levelBodyId,
    path: r.path.split(',').filter(Boolean),
    requester: { id: r.requesterId, channelAccountId: r.requesterChannelAccountId, name: r.requesterName, locale: r.requesterLocale },
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    last: { verb: r.lastVerb, actorId: r.lastActorId, actorName: r.lastActorName, dataKey: r.lastDataKey, at: r.lastAt },
    acceptNote: opt(r.acceptNote),
    declineNote: opt(r.declineNote),
    escalateNote: opt(r.escalateNote),
    decision: opt(r.decision),
    measure: opt(r.measure),
    responsible: opt(r.responsible),
    due: opt(r.due),
    boardDecision: opt(r.boardDecision),
    textErasedAt: opt(r.textErasedAt),
  };
  return { bodyId: bodyOf(r), escalation: e, card: cardOf(r) };
}
