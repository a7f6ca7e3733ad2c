import { type AuditEntry, type Escalation, isOpen } from '../domain/escalations';
import type { AuditRepository } from '../storage/table/audit';
import type { EscalationCopy, EscalationRepository } from '../storage/table/escalations';
import type { EscalationItem, EscalationsResponse, HistoryEntry } from './contract';
import type { TabViewer } from './viewer';

/** At most this many matters per answer (newest first): a network has a few dozen a year. */
export const MAX_MATTERS = 200;

/**
 * The matters the viewer may read, each once, placed at the level it sits at now, with its
 * history from the audit log. Read through the escalation repository with the viewer's scope
 * (a body's key range, only for bodies in the scope); the audit log is read only for matters
 * that read returned. Who did a step and the step's note are the coordinators' (README: the
 * audit log is read by coordinators); others see when the matter moved and where.
 */
export async function escalationsFor(
  escalations: EscalationRepository,
  audit: AuditRepository,
  v: TabViewer,
  status: 'open' | 'all',
): Promise<EscalationsResponse> {
  const lists = await Promise.all(v.scope.bodyIds.map((b) => escalations.listAt(v.scope, b, status === 'open')));
  const byId = new Map<string, EscalationCopy>();
  for (const copy of lists.flat()) {
    const seen = byId.get(copy.escalation.id);
    // Several copies (one per body it reached) carry the same matter: keep the newest version.
    if (!seen || copy.escalation.version > seen.escalation.version) byId.set(copy.escalation.id, copy);
  }
  const matters = [...byId.values()]
    .map((c) => c.escalation)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, MAX_MATTERS);
  const full = v.viewer.coordinator;
  const histories = await Promise.all(matters.map((e) => audit.list(v.scope.tenantId, e.id)));
  const bodies = new Map(v.viewer.all.map((b) => [b.id, b]));
  return {
    items: matters.map((e, i) => itemOf(e, histories[i]!, bodies, full)),
  };
}

function itemOf(
  e: Escalation,
  history: readonly AuditEntry[],
  bodies: ReadonlyMap<string, { name: string; kind: EscalationItem['levelKind'] }>,
  full: boolean,
): EscalationItem {
  const level = bodies.get(e.levelBodyId);
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    requestedAction: e.requestedAction,
    state: e.state,
    open: isOpen(e.state),
    originBodyName: bodies.get(e.originBodyId)?.name ?? '',
    levelBodyId: e.levelBodyId,
    levelBodyName: level?.name ?? '',
    levelKind: level?.kind ?? e.originKind,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    decision: e.boardDecision ?? e.decision,
    measure: e.measure,
    due: e.due,
    history: history.map(
      (h): HistoryEntry => ({
        at: h.at,
        verb: h.verb,
        fromState: h.fromState,
        toState: h.toState,
        ...(full ? { actorName: h.actorName, note: h.note || undefined } : {}),
      }),
    ),
  };
}
