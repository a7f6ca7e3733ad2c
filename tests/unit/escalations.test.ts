import { describe, expect, it } from 'vitest';
import { NOBODY } from '../../src/domain/access';
import { BODY_KINDS } from '../../src/domain/bodies';
import {
  ESCALATION_STATES,
  ESCALATION_VERBS,
  type Escalation,
  type EscalationState,
  type EscalationVerb,
  lastAudit,
  levelOf,
  mayPerform,
  mayPropose,
  nextState,
  openAt,
  planTransition,
  stableKey,
  TRANSITIONS,
  visibleTo,
} from '../../src/domain/escalations';

const LEGAL: Record<string, EscalationState> = {
  'proposed/accept': 'accepted',
  'proposed/decline': 'declined',
  'accepted/resolve': 'resolved',
  'accepted/escalate': 'escalated',
  'escalated/decide': 'decided',
};

const TARGETS = { coordinationGroup: 'bkoord', board: 'bstyret' };

function matter(state: EscalationState, over: Partial<Escalation> = {}): Escalation {
  const level = levelOf('youthTeam', state) === 'youthTeam' ? 'bvest' : levelOf('youthTeam', state) === 'coordinationGroup' ? 'bkoord' : 'bstyret';
  return {
    tenantId: 'tenant',
    id: 'e0123456789abcdef0123',
    originBodyId: 'bvest',
    originKind: 'youthTeam',
    title: 'Økende salg av snus på skolen',
    description: 'Flere skoler melder om salg i friminuttene.',
    state,
    levelBodyId: level,
    path: ['bvest', 'bkoord', 'bstyret'].slice(0, ['bvest', 'bkoord', 'bstyret'].indexOf(level) + 1),
    requester: { id: 'aad-kari', channelAccountId: '29:kari', name: 'Kari Fjellheim', locale: 'nb' },
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    version: 1,
    last: { verb: 'submit', actorId: 'aad-kari', actorName: 'Kari Fjellheim', dataKey: '', at: '2026-11-02T09:00:00.000Z' },
    ...over,
  };
}

const coordinator = { id: 'aad-sigrid', name: 'Sigrid Vågen' };

describe('escalation state machine', () => {
  for (const state of ESCALATION_STATES) {
    for (const verb of ESCALATION_VERBS) {
      const key = `${state}/${verb}`;
      if (LEGAL[key]) {
        it(`allows ${verb} from ${state} (→ ${LEGAL[key]}) for a youth team's matter`, () => {
          expect(nextState(state, verb, 'youthTeam')).toBe(LEGAL[key]);
          const plan = planTransition(matter(state), verb, { note: 'ok', decision: 'Tiltak vedtatt' }, coordinator, '2026-11-03T10:00:00.000Z', TARGETS);
          expect(plan.kind).toBe('apply');
        });
      } else {
        it(`refuses ${verb} from ${state}`, () => {
          for (const kind of BODY_KINDS) expect(nextState(state, verb, kind)).toBeUndefined();
          const plan = planTransition(matter(state), verb, { note: 'x', decision: 'y' }, coordinator, '2026-11-03T10:00:00.000Z', TARGETS);
          expect(plan).toEqual({ kind: 'illegal', state, lastVerb: 'submit' });
        });
      }
    }
  }

  it('has exactly the five legal transitions of the contract in its table', () => {
    const legal = ESCALATION_STATES.flatMap((s) => ESCALATION_VERBS.filter((v) => TRANSITIONS[s][v]).map((v) => `${s}/${v}`));
    expect(legal.sort()).toEqual(Object.keys(LEGAL).sort());
  });

  it("refuses to lift a coordination group's accepted matter further: it already sits at the board", () => {
    expect(levelOf('coordinationGroup', 'accepted')).toBe('board');
    expect(nextState('accepted', 'escalate', 'coordinationGroup')).toBeUndefined();
    expect(nextState('accepted', 'resolve', 'coordinationGroup')).toBe('resolved');
  });

  it('lets no board matter be proposed, and refuses every transition of one', () => {
    expect(mayPropose('board')).toBe(false);
    for (const s of ESCALATION_STATES) for (const v of ESCALATION_VERBS) expect(nextState(s, v as EscalationVerb, 'board')).toBeUndefined();
  });

  it('places a youth team matter at the team, then the coordination group, then the board', () => {
    expect(levelOf('youthTeam', 'proposed')).toBe('youthTeam');
    expect(levelOf('youthTeam', 'declined')).toBe('youthTeam');
    expect(levelOf('youthTeam', 'accepted')).toBe('coordinationGroup');
    expect(levelOf('youthTeam', 'resolved')).toBe('coordinationGroup');
    expect(levelOf('youthTeam', 'escalated')).toBe('board');
    expect(levelOf('youthTeam', 'decided')).toBe('board');
  });

  it('lets only coordinators and administrators perform transitions', () => {
    for (const v of ESCALATION_VERBS) {
      expect(mayPerform(v, NOBODY)).toBe(false);
      expect(mayPerform(v, { ...NOBODY, boardMember: true })).toBe(false);
      expect(mayPerform(v, { ...NOBODY, coordinator: true })).toBe(true);
      expect(mayPerform(v, { ...NOBODY, admin: true })).toBe(true);
    }
  });
});

describe('planning a transition', () => {
  it('moves an accepted matter to the coordination group and adds it to the path', () => {
    const plan = planTransition(matter('proposed'), 'accept', { note: 'Tas opp i neste møte' }, coordinator, '2026-11-03T10:00:00.000Z', TARGETS);
    if (plan.kind !== 'apply') throw new Error(plan.kind);
    expect(plan.next).toMatchObject({ state: 'accepted', levelBodyId: 'bkoord', path: ['bvest', 'bkoord'], version: 2, acceptNote: 'Tas opp i neste møte' });
    expect(plan.newBodyId).toBe('bkoord');
    expect(plan.audit).toMatchObject({ seq: 2, fromState: 'proposed', toState: 'accepted', actorId: 'aad-sigrid', note: 'Tas opp i neste møte' });
  });

  it('keeps a declined matter at its origin with the reason', () => {
    const plan = planTransition(matter('proposed'), 'decline', { note: 'Hører hjemme i ungdomsteamet' }, coordinator, '2026-11-03T10:00:00.000Z', TARGETS);
    if (plan.kind !== 'apply') throw new Error(plan.kind);
    expect(plan.next).toMatchObject({ state: 'declined', levelBodyId: 'bvest', path: ['bvest'], declineNote: 'Hører hjemme i ungdomsteamet' });
    expect(plan.newBodyId).toBeUndefined();
  });

  it('cannot accept when no coordination group is registered', () => {
    expect(planTransition(matter('proposed'), 'accept', {}, coordinator, '2026-11-03T10:00:00.000Z', {})).toEqual({
      kind: 'noTarget',
      level: 'coordinationGroup',
    });
  });

  it('recognises the same person repeating the same step with the same data', () => {
    const first = planTransition(matter('proposed'), 'accept', { note: 'ja' }, coordinator, '2026-11-03T10:00:00.000Z', TARGETS);
    if (first.kind !== 'apply') throw new Error(first.kind);
    expect(planTransition(first.next, 'accept', { note: 'ja' }, coordinator, '2026-11-03T10:00:05.000Z', TARGETS)).toEqual({ kind: 'repeat' });
    // Another coordinator, or other data, is told it is already accepted.
    expect(planTransition(first.next, 'accept', { note: 'ja' }, { id: 'aad-other', name: 'Annen' }, '2026-11-03T10:00:05.000Z', TARGETS)).toMatchObject({
      kind: 'illegal',
      state: 'accepted',
      lastVerb: 'accept',
    });
    expect(planTransition(first.next, 'decline', { note: 'nei' }, coordinator, '2026-11-03T10:00:05.000Z', TARGETS)).toMatchObject({
      kind: 'illegal',
      state: 'accepted',
    });
  });

  it('rebuilds the last audit entry from the row, identical to the one planned', () => {
    const plan = planTransition(
      matter('accepted', { version: 2 }),
      'resolve',
      { decision: 'Felles foreldremøte', measure: 'Foreldremøte', responsible: 'Skolene', due: '2026-12-01' },
      coordinator,
      '2026-11-04T10:00:00.000Z',
      TARGETS,
    );
    if (plan.kind !== 'apply') throw new Error(plan.kind);
    expect(lastAudit(plan.next)).toEqual(plan.audit);
  });

  it('keys data independently of property order', () => {
    expect(stableKey({ a: '1', b: '2' })).toBe(stableKey({ b: '2', a: '1' }));
    expect(stableKey({ a: '1' })).not.toBe(stableKey({ a: '2' }));
  });
});

describe('who sees a matter', () => {
  it('is visible to the bodies it passed through, and open only where it sits', () => {
    const e = matter('accepted');
    expect(visibleTo(e, new Set(['bvest']))).toBe(true);
    expect(visibleTo(e, new Set(['bkoord']))).toBe(true);
    expect(visibleTo(e, new Set(['bstyret', 'bost']))).toBe(false);
    expect(openAt(e, 'bkoord')).toBe(true);
    expect(openAt(e, 'bvest')).toBe(false);
    expect(openAt(matter('resolved'), 'bkoord')).toBe(false);
  });
});
