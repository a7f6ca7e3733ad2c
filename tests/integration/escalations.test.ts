import { beforeAll, describe, expect, inject, it } from 'vitest';
import { applyStep } from '../../src/app/escalations';
import { runRetention } from '../../src/app/retention';
import {
  ESCALATION_STATES,
  ESCALATION_VERBS,
  type Escalation,
  type EscalationVerb,
  type Plan,
  planTransition,
  submitAudit,
  TRANSITIONS,
  type TransitionInput,
} from '../../src/domain/escalations';
import { bodyScope, systemScope } from '../../src/domain/visibility';
import { AgendaRepository } from '../../src/storage/table/agendas';
import { AuditRepository } from '../../src/storage/table/audit';
import { EscalationRepository } from '../../src/storage/table/escalations';
import { TrendRepository } from '../../src/storage/table/trends';
import { TableStore } from '../../src/storage/tables';
import { uniquePrefix } from '../support/harness';
import { retentionDepsOver } from '../support/retention';

const TENANT = 'tenant-esc';
const VEST = 'b00000000000000a1';
const OST = 'b00000000000000a2';
const KOORD = 'b00000000000000c1';
const STYRET = 'b00000000000000d1';
const TARGETS = { coordinationGroup: KOORD, board: STYRET };
const ALL = systemScope(TENANT, [VEST, OST, KOORD, STYRET]);
const SIGRID = { id: 'aad-sigrid', name: 'Sigrid Vågen' };
const PER = { id: 'aad-per', name: 'Per Tveitane' };

describe('escalations in table storage (Azurite)', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const escalations = new EscalationRepository(store.table('escalations'));
  const audit = new AuditRepository(store.table('audit'));
  const deps = { escalations, audit };
  let counter = 0;
  beforeAll(async () => store.ensureTables());

  async function propose(over: Partial<Escalation> = {}): Promise<Escalation> {
    counter++;
    const at = over.createdAt ?? '2026-11-02T09:00:00.000Z';
    const e: Escalation = {
      tenantId: TENANT,
      id: EscalationRepository.idFor(TENANT, VEST, 'aad-kari', `form-${counter}`),
      originBodyId: VEST,
      originKind: 'youthTeam',
      title: `Økende uro ved kjøpesenteret ${counter}`,
      description: 'Grupper samles etter stengetid; flere tjenester melder om det samme.',
      requestedAction: 'Felles tiltak med politiet',
      state: 'proposed',
      levelBodyId: VEST,
      path: [VEST],
      requester: { id: 'aad-kari', channelAccountId: '29:kari', name: 'Kari Fjellheim', locale: 'nb' },
      createdAt: at,
      updatedAt: at,
      version: 1,
      last: { verb: 'submit', actorId: 'aad-kari', actorName: 'Kari Fjellheim', dataKey: '', at },
      ...over,
    };
    const { created } = await escalations.create(e);
    expect(created).toBe(true);
    await audit.append(submitAudit(e));
    return e;
  }

  const step = (id: string, verb: EscalationVerb, input: TransitionInput = {}, actor = SIGRID, at = '2026-11-03T10:00:00.000Z') =>
    applyStep(deps, ALL, id, verb, input, actor, at, TARGETS);

  it('stores a request once: the same submission again returns the stored matter', async () => {
    const e = await propose();
    const again = await escalations.create({ ...e, title: 'endret' });
    expect(again.created).toBe(false);
    expect(again.copy.escalation.title).toBe(e.title);
  });

  it('shows a proposed matter to its youth team only: not to another team, the coordination group or the board', async () => {
    const e = await propose();
    expect((await escalations.get(bodyScope(TENANT, VEST), e.id))?.escalation.state).toBe('proposed');
    expect(await escalations.get(bodyScope(TENANT, OST), e.id)).toBeUndefined();
    expect(await escalations.get(bodyScope(TENANT, KOORD), e.id)).toBeUndefined();
    expect(await escalations.get(bodyScope(TENANT, STYRET), e.id)).toBeUndefined();
    expect(await escalations.get(bodyScope('another-tenant', VEST), e.id)).toBeUndefined();
    // A crafted key never becomes a query.
    expect(await escalations.get(ALL, "e' or RowKey ne '")).toBeUndefined();
  });

  it('walks a matter to the board: each level sees it once it got there, and the agenda query finds it where it waits', async () => {
    const e = await propose();
    expect((await step(e.id, 'accept', { note: 'Tas opp i neste møte' }))?.plan.kind).toBe('apply');
    expect((await escalations.get(bodyScope(TENANT, KOORD), e.id))?.escalation).toMatchObject({ state: 'accepted', levelBodyId: KOORD, path: [VEST, KOORD] });
    expect(await escalations.get(bodyScope(TENANT, STYRET), e.id)).toBeUndefined();
    expect((await escalations.openEscalationsAt(TENANT, KOORD)).map((x) => x.id)).toContain(e.id);
    expect((await escalations.openEscalationsAt(TENANT, VEST)).map((x) => x.id)).not.toContain(e.id);
    // The youth team still sees it (it passed through) with the same state in its own copy.
    expect((await escalations.get(bodyScope(TENANT, VEST), e.id))?.escalation.state).toBe('accepted');

    expect((await step(e.id, 'escalate', { note: 'Trenger styrets myndighet' }))?.plan.kind).toBe('apply');
    expect((await escalations.openEscalationsAt(TENANT, STYRET)).map((x) => x.id)).toContain(e.id);
    expect((await escalations.openEscalationsAt(TENANT, KOORD)).map((x) => x.id)).not.toContain(e.id);

    expect((await step(e.id, 'decide', { decision: 'Styret bevilger midler til natteravner' }))?.plan.kind).toBe('apply');
    const copies = await escalations.copies(ALL, e.id);
    expect(copies.map((c) => c.bodyId).sort()).toEqual([KOORD, STYRET, VEST].sort());
    for (const c of copies) expect(c.escalation).toMatchObject({ state: 'decided', version: 4, boardDecision: 'Styret bevilger midler til natteravner' });
    expect(await escalations.openEscalationsAt(TENANT, STYRET)).toEqual([]);
    // Another youth team never saw any of it.
    expect(await escalations.listAt(bodyScope(TENANT, OST), OST, false)).toEqual([]);
  });

  it('refuses every illegal transition in every state, leaving the rows and the log unchanged', async () => {
    const reach: Record<string, EscalationVerb[]> = {
      proposed: [],
      accepted: ['accept'],
      declined: ['decline'],
      resolved: ['accept', 'resolve'],
      escalated: ['accept', 'escalate'],
      decided: ['accept', 'escalate', 'decide'],
    };
    for (const state of ESCALATION_STATES) {
      const e = await propose();
      for (const v of reach[state]!) expect((await step(e.id, v, { note: 'n', decision: 'd' }))?.plan.kind).toBe('apply');
      const before = await escalations.copies(ALL, e.id);
      const logBefore = await audit.list(TENANT, e.id);
      for (const verb of ESCALATION_VERBS.filter((v) => !TRANSITIONS[state][v])) {
        const result = await step(e.id, verb, { note: 'x', decision: 'y' }, PER);
        expect(result?.plan).toMatchObject({ kind: 'illegal', state });
      }
      expect(await escalations.copies(ALL, e.id)).toEqual(before);
      expect(await audit.list(TENANT, e.id)).toEqual(logBefore);
    }
  });

  it('keeps a complete, ordered, append-only log: who, when, from-state, to-state and note of every step', async () => {
    const e = await propose();
    await step(e.id, 'accept', { note: 'Godtatt' }, SIGRID, '2026-11-03T10:00:00.000Z');
    await step(
      e.id,
      'resolve',
      { decision: 'Felles foreldremøte', measure: 'Foreldremøte', responsible: 'Skolene', due: '2026-12-01' },
      PER,
      '2026-11-20T10:00:00.000Z',
    );
    const log = await audit.list(TENANT, e.id);
    expect(log.map((l) => [l.seq, l.verb, l.fromState, l.toState, l.actorId, l.at, l.note])).toEqual([
      [1, 'submit', '', 'proposed', 'aad-kari', '2026-11-02T09:00:00.000Z', ''],
      [2, 'accept', 'proposed', 'accepted', 'aad-sigrid', '2026-11-03T10:00:00.000Z', 'Godtatt'],
      [3, 'resolve', 'accepted', 'resolved', 'aad-per', '2026-11-20T10:00:00.000Z', 'Felles foreldremøte'],
    ]);
    // Appending an existing step again is refused and changes nothing.
    expect(await audit.append({ ...log[1]!, note: 'forfalsket' })).toBe(false);
    expect((await audit.list(TENANT, e.id))[1]!.note).toBe('Godtatt');
    // The repository offers no way to change or remove entries (retention only empties notes and who took the steps).
    const methods = Object.getOwnPropertyNames(AuditRepository.prototype)
      .filter((m) => m !== 'constructor')
      .sort();
    expect(methods).toEqual(['append', 'eraseSteps', 'list']);
  });

  it('answers a double click with the same result and no second log entry', async () => {
    const e = await propose();
    const first = await step(e.id, 'decline', { note: 'Hører hjemme i ungdomsteamet' });
    const second = await step(e.id, 'decline', { note: 'Hører hjemme i ungdomsteamet' });
    expect(first?.plan.kind).toBe('apply');
    expect(second?.plan.kind).toBe('repeat');
    expect(second?.copies[0]!.escalation).toEqual(first?.copies[0]!.escalation);
    expect((await audit.list(TENANT, e.id)).map((l) => l.verb)).toEqual(['submit', 'decline']);
  });

  it('makes good a log entry lost after the state was written, when the step is retried', async () => {
    const e = await propose();
    // The state write happens exactly as a step does it; the audit write is lost (a crash in between).
    await escalations.transition<Plan>(ALL, e.id, (cur) => {
      const plan = planTransition(cur, 'accept', { note: 'ok' }, SIGRID, '2026-11-03T10:00:00.000Z', TARGETS);
      return plan.kind === 'apply' ? { write: { next: plan.next, newBodyId: plan.newBodyId }, result: plan } : { result: plan };
    });
    expect((await audit.list(TENANT, e.id)).map((l) => l.seq)).toEqual([1]);
    // The client retries the same click: a repeat, whose entry is written once.
    expect((await step(e.id, 'accept', { note: 'ok' }))?.plan.kind).toBe('repeat');
    expect((await step(e.id, 'accept', { note: 'ok' }))?.plan.kind).toBe('repeat');
    expect((await audit.list(TENANT, e.id)).map((l) => [l.seq, l.verb, l.fromState, l.toState])).toEqual([
      [1, 'submit', '', 'proposed'],
      [2, 'accept', 'proposed', 'accepted'],
    ]);
  });

  it('lets exactly one of two coordinators win when they accept and decline at the same moment; the other is told', async () => {
    for (let round = 0; round < 5; round++) {
      const e = await propose();
      const [a, b] = await Promise.all([step(e.id, 'accept', { note: 'ja' }, SIGRID), step(e.id, 'decline', { note: 'nei' }, PER)]);
      const kinds = [a?.plan.kind, b?.plan.kind].sort();
      expect(kinds).toEqual(['apply', 'illegal']);
      const winner = a?.plan.kind === 'apply' ? 'accepted' : 'declined';
      const loser = a?.plan.kind === 'apply' ? b : a;
      expect(loser?.plan).toMatchObject({ kind: 'illegal', state: winner });
      const log = await audit.list(TENANT, e.id);
      expect(log.map((l) => l.toState)).toEqual(['proposed', winner]);
      for (const c of await escalations.copies(ALL, e.id)) expect(c.escalation.state).toBe(winner);
    }
  });

  it('erases free text of matters last changed before the retention period, in every copy, in the log and in minutes; states stay', async () => {
    const trends = new TrendRepository(store.table('trends'));
    const agendas = new AgendaRepository(store.table('agendas'));
    const retentionDeps = retentionDepsOver(store, { trends, escalations, audit, agendas });
    const old = await propose({ tenantId: 'tenant-ret', createdAt: '2023-01-10T09:00:00.000Z' });
    const ret = systemScope('tenant-ret', [VEST, KOORD, STYRET]);
    await applyStep(deps, ret, old.id, 'accept', { note: 'Godtatt i 2023' }, SIGRID, '2023-01-11T09:00:00.000Z', TARGETS);
    const fresh = await propose({ tenantId: 'tenant-ret', createdAt: '2026-10-01T09:00:00.000Z' });
    // Minutes of a coordination group meeting copied both matters' agenda titles (as recordMinutes stores them).
    const meetingId = 'm00000000000000c1-1';
    const items = [
      { itemId: 'police', number: 1, title: 'Politiets oppdatering' },
      { itemId: `esc-${old.id}`, number: 2, title: `Sak: ${old.title}`, decision: 'Løftes til styret' },
      { itemId: `esc-${fresh.id}`, number: 3, title: `Sak: ${fresh.title}` },
    ];
    await agendas.changeMinutes('tenant-ret', KOORD, meetingId, () => ({
      tenantId: 'tenant-ret',
      bodyId: KOORD,
      meetingId,
      meetingStartUtc: '2023-02-01T17:00:00.000Z',
      items,
      tasks: [],
      recordedBy: SIGRID.id,
      recordedAt: '2023-02-01T19:00:00.000Z',
      version: 1,
    }));
    // A digest of a recent month still names the old matter (a measure can stay overdue long after the matter last changed).
    const named = (m: { id: string; title: string }) => ({ id: m.id, title: m.title, titleState: 'ok', bodyId: KOORD, state: 'accepted', date: '2026-09-01' });
    const content = {
      version: 1,
      month: '2026-09',
      generatedAt: '2026-10-01T07:00:00.000Z',
      suppressBelow: 3,
      bodies: [],
      trends: {},
      meetings: {},
      escalations: { newCount: 0, newNamed: [named(old), named(fresh)], resolved: [], waitingForBoard: [] },
      due: { asOf: '2026-09-30', overdue: [], upcoming: [] },
    };
    const digests = retentionDeps.digests;
    await digests.record({
      tenantId: 'tenant-ret',
      month: '2026-09',
      sendNo: 1,
      sentBy: 'scheduler',
      sentByName: '',
      sentAt: '2026-10-01T07:00:00.000Z',
      boardId: STYRET,
      content: JSON.stringify(content),
    });
    const report = await runRetention(retentionDeps, 'tenant-ret', new Date('2026-11-02T03:30:00Z'));
    expect(report).toMatchObject({ escalations: 1, minutes: 1, digests: 1 });
    const archived = JSON.parse((await digests.latest('tenant-ret', '2026-09'))!.content) as typeof content;
    expect(archived.escalations.newNamed.map((m) => [m.title, m.titleState])).toEqual([
      ['', 'erased'],
      [fresh.title, 'ok'],
    ]);
    // The old matter's title is gone from the minutes; the item, its decision and the rest stay.
    expect((await agendas.getMinutes('tenant-ret', KOORD, meetingId))?.minutes.items).toEqual([items[0], { ...items[1], title: 'Sak: …' }, items[2]]);
    const rows: unknown[] = [];
    for await (const r of store.table('agendas').listEntities()) rows.push(r);
    expect(JSON.stringify(rows)).not.toContain(old.title);
    for (const c of await escalations.copies(ret, old.id)) {
      expect(c.escalation).toMatchObject({ state: 'accepted', version: 2, title: '', description: '', textErasedAt: '2026-11-02T03:30:00.000Z' });
      expect(c.escalation.acceptNote).toBeUndefined();
    }
    expect((await audit.list('tenant-ret', old.id)).map((l) => [l.verb, l.toState, l.note])).toEqual([
      ['submit', 'proposed', ''],
      ['accept', 'accepted', ''],
    ]);
    expect((await escalations.get(ret, fresh.id))?.escalation.title).toBe(fresh.title);
    // Idempotent: nothing left to erase.
    const again = await runRetention(retentionDeps, 'tenant-ret', new Date('2026-11-02T03:30:00Z'));
    expect(again).toMatchObject({ escalations: 0, minutes: 0 });
  });
});
