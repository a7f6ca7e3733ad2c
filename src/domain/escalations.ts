import type { Standing } from './access';
import { type BodyKind, nextLevel } from './bodies';

/**
 * Escalations (*løfte saker*, DOMAIN.md "How matters move"): a body asks that a matter be lifted
 * to the next level; coordinators accept or decline; the level it reached resolves it with a
 * decision and measure, or lifts it once more to the board, whose decision is recorded.
 * Pure rules only: the transition table, who may use it, where the matter sits in each state,
 * and who may see it. Storage applies these rules inside an ETag-guarded write.
 */
export const ESCALATION_STATES = ['proposed', 'accepted', 'declined', 'resolved', 'escalated', 'decided'] as const;
export type EscalationState = (typeof ESCALATION_STATES)[number];

export const ESCALATION_VERBS = ['accept', 'decline', 'resolve', 'escalate', 'decide'] as const;
export type EscalationVerb = (typeof ESCALATION_VERBS)[number];

/** The state machine of CONTRACT.md: (state, verb) → next state; anything missing is illegal. */
export const TRANSITIONS: Readonly<Record<EscalationState, Readonly<Partial<Record<EscalationVerb, EscalationState>>>>> = {
  proposed: { accept: 'accepted', decline: 'declined' },
  accepted: { resolve: 'resolved', escalate: 'escalated' },
  escalated: { decide: 'decided' },
  declined: {},
  resolved: {},
  decided: {},
};

export const OPEN_STATES: readonly EscalationState[] = ['proposed', 'accepted', 'escalated'];

export function isOpen(state: EscalationState): boolean {
  return OPEN_STATES.includes(state);
}

/**
 * The level a matter sits at in a state, given where it came from: proposed/declined at the
 * origin; accepted/resolved one level up; escalated/decided two levels up (the board).
 * Undefined when that level does not exist (nothing is above the board).
 */
export function levelOf(originKind: BodyKind, state: EscalationState): BodyKind | undefined {
  switch (state) {
    case 'proposed':
    case 'declined':
      return originKind;
    case 'accepted':
    case 'resolved':
      return nextLevel(originKind);
    case 'escalated':
    case 'decided': {
      const up = nextLevel(originKind);
      return up ? nextLevel(up) : undefined;
    }
  }
}

/** A body may ask to lift a matter only when there is a level above it. */
export function mayPropose(originKind: BodyKind): boolean {
  return nextLevel(originKind) !== undefined;
}

/**
 * The next state, or undefined when the transition is illegal — by the table, or because the
 * level it would move to does not exist (a coordination group's matter, once accepted, already
 * sits at the board and can only be resolved there).
 */
export function nextState(state: EscalationState, verb: EscalationVerb, originKind: BodyKind): EscalationState | undefined {
  const to = TRANSITIONS[state][verb];
  if (!to || !mayPropose(originKind)) return undefined;
  return levelOf(originKind, to) ? to : undefined;
}

/** Every transition after the request is a coordinator's (administrators may act as coordinators). */
export function mayPerform(_verb: EscalationVerb, standing: Standing): boolean {
  return standing.coordinator || standing.admin;
}

/** The person who asked, and how to reach them 1:1 in their language. */
export interface Requester {
  readonly id: string;
  readonly channelAccountId: string;
  readonly name: string;
  readonly locale: 'nb' | 'en';
}

/** Who did the last transition, and a key of its data — so a double click is recognised. */
export interface LastStep {
  readonly verb: EscalationVerb | 'submit';
  readonly actorId: string;
  readonly actorName: string;
  readonly dataKey: string;
  readonly at: string;
}

/** Free text of a transition. Every field is screened by the guard and erased by retention. */
export interface TransitionInput {
  readonly note?: string;
  readonly decision?: string;
  readonly measure?: string;
  readonly responsible?: string;
  /** YYYY-MM-DD. */
  readonly due?: string;
}

export interface Escalation {
  readonly tenantId: string;
  readonly id: string;
  readonly originBodyId: string;
  readonly originKind: BodyKind;
  readonly title: string;
  readonly description: string;
  readonly requestedAction?: string;
  readonly state: EscalationState;
  /** The body it sits at now. */
  readonly levelBodyId: string;
  /** Every body it has reached, origin first. Each of them may read it. */
  readonly path: readonly string[];
  readonly requester: Requester;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 1 after the request, +1 per transition: numbers the audit entries. */
  readonly version: number;
  readonly last: LastStep;
  readonly acceptNote?: string;
  readonly declineNote?: string;
  readonly escalateNote?: string;
  /** The coordination group's (or, for a coordination group's own matter, the board's) decision. */
  readonly decision?: string;
  /** The measure decided with `decision`, or with the board's decision. */
  readonly measure?: string;
  readonly responsible?: string;
  readonly due?: string;
  readonly boardDecision?: string;
  readonly textErasedAt?: string;
}

/** One line of the append-only audit log. */
export interface AuditEntry {
  readonly tenantId: string;
  readonly subjectId: string;
  readonly seq: number;
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly verb: EscalationVerb | 'submit';
  readonly fromState: EscalationState | '';
  readonly toState: EscalationState;
  readonly note: string;
}

/** A small stable hash (FNV-1a, 32 bit) for recognising repeated data, not for security. */
export function stableKey(value: Readonly<Record<string, string | undefined>>): string {
  const text = Object.keys(value)
    .sort()
    .map((k) => `${k}=${value[k] ?? ''}`)
    .join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export type Plan =
  | { readonly kind: 'apply'; readonly next: Escalation; readonly audit: AuditEntry; readonly newBodyId?: string }
  /** The same person sent the same verb with the same data again: answer as before, change nothing. */
  | { readonly kind: 'repeat' }
  /** Illegal now: the current state says why (e.g. already accepted by another coordinator). */
  | { readonly kind: 'illegal'; readonly state: EscalationState; readonly lastVerb: LastStep['verb'] }
  /** The level it would move to has no registered body yet. */
  | { readonly kind: 'noTarget'; readonly level: BodyKind };

/** The actor of a transition. */
export interface StepActor {
  readonly id: string;
  readonly name: string;
}

/**
 * Decides a transition against the current version of the matter. Called again with the newer
 * version when another writer got there first, so the loser is refused by the same rules.
 * `targets` maps the unique upper levels to their body ids.
 */
export function planTransition(
  current: Escalation,
  verb: EscalationVerb,
  input: TransitionInput,
  actor: StepActor,
  at: string,
  targets: Partial<Record<BodyKind, string>>,
): Plan {
  const dataKey = stableKey({ ...input });
  if (current.last.verb === verb && current.last.actorId === actor.id && current.last.dataKey === dataKey) return { kind: 'repeat' };
  const to = nextState(current.state, verb, current.originKind);
  if (!to) return { kind: 'illegal', state: current.state, lastVerb: current.last.verb };
  const level = levelOf(current.originKind, to)!;
  const levelBodyId = level === levelOf(current.originKind, current.state) ? current.levelBodyId : targets[level];
  if (!levelBodyId) return { kind: 'noTarget', level };
  const newBodyId = current.path.includes(levelBodyId) ? undefined : levelBodyId;
  const fields: Partial<Escalation> =
    verb === 'accept'
      ? { acceptNote: input.note }
      : verb === 'decline'
        ? { declineNote: input.note }
        : verb === 'escalate'
          ? { escalateNote: input.note }
          : verb === 'resolve'
            ? { decision: input.decision, measure: input.measure, responsible: input.responsible, due: input.due }
            : // The board's decision may carry a measure too (issue 17); a matter lifted to the board was never resolved, so the fields are free.
              { boardDecision: input.decision, measure: input.measure, responsible: input.responsible, due: input.due };
  const version = current.version + 1;
  const next: Escalation = {
    ...current,
    ...fields,
    state: to,
    levelBodyId,
    path: newBodyId ? [...current.path, newBodyId] : current.path,
    updatedAt: at,
    version,
    last: { verb, actorId: actor.id, actorName: actor.name, dataKey, at },
  };
  const note = verb === 'resolve' || verb === 'decide' ? (input.decision ?? '') : (input.note ?? '');
  const audit: AuditEntry = {
    tenantId: current.tenantId,
    subjectId: current.id,
    seq: version,
    at,
    actorId: actor.id,
    actorName: actor.name,
    verb,
    fromState: current.state,
    toState: to,
    note,
  };
  return { kind: 'apply', next, audit, newBodyId };
}

/** The audit entry of the request itself (version 1). */
export function submitAudit(e: Escalation): AuditEntry {
  return {
    tenantId: e.tenantId,
    subjectId: e.id,
    seq: 1,
    at: e.createdAt,
    actorId: e.requester.id,
    actorName: e.requester.name,
    verb: 'submit',
    fromState: '',
    toState: 'proposed',
    note: '',
  };
}

/** The audit entry the row's last step describes (to repair a log write lost in a crash). */
export function lastAudit(e: Escalation): AuditEntry {
  if (e.version === 1) return submitAudit(e);
  const verb = e.last.verb as EscalationVerb;
  const from = (Object.keys(TRANSITIONS) as EscalationState[]).find((s) => TRANSITIONS[s][verb] === e.state) ?? '';
  const note =
    verb === 'accept'
      ? e.acceptNote
      : verb === 'decline'
        ? e.declineNote
        : verb === 'escalate'
          ? e.escalateNote
          : verb === 'resolve'
            ? e.decision
            : e.boardDecision;
  return {
    tenantId: e.tenantId,
    subjectId: e.id,
    seq: e.version,
    at: e.last.at,
    actorId: e.last.actorId,
    actorName: e.last.actorName,
    verb,
    fromState: from,
    toState: e.state,
    note: note ?? '',
  };
}

/** A matter is visible to the bodies it passed through (coordinators see every body's). */
export function visibleTo(e: Pick<Escalation, 'path'>, bodyIds: ReadonlySet<string>): boolean {
  return e.path.some((b) => bodyIds.has(b));
}

/** Open and waiting at this body. */
export function openAt(e: Pick<Escalation, 'state' | 'levelBodyId'>, bodyId: string): boolean {
  return isOpen(e.state) && e.levelBodyId === bodyId;
}
