import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runRetention } from '../../src/app/retention';
import { DEFAULT_FOCUS_AREAS } from '../../src/domain/focus-areas';
import type { FocusStatusText, Measure } from '../../src/domain/measures/model';
import { type ChangePlan, planChange, planCreate } from '../../src/domain/measures/rules';
import { systemScope } from '../../src/domain/visibility';
import { createLogger } from '../../src/log';
import { AgendaRepository } from '../../src/storage/table/agendas';
import { AuditRepository } from '../../src/storage/table/audit';
import { DigestRepository } from '../../src/storage/table/digests';
import { EscalationRepository } from '../../src/storage/table/escalations';
import { FileRepository } from '../../src/storage/table/files';
import { FocusAreaRepository } from '../../src/storage/table/focus-areas';
import { type MeasureDecision, MeasureRepository } from '../../src/storage/table/measures';
import { MeetingRepository } from '../../src/storage/table/meetings';
import { ProfileRepository } from '../../src/storage/table/profiles';
import { RoleRepository } from '../../src/storage/table/roles';
import { TrendRepository } from '../../src/storage/table/trends';
import { TableStore } from '../../src/storage/tables';
import { uniquePrefix } from '../support/harness';

const KOORD = 'b00000000000000c1';
const STYRET = 'b00000000000000d1';
const SIGRID = { id: 'aad-sigrid', name: 'Sigrid Vågen' };
const PER = { id: 'aad-per', name: 'Per Tveitane' };
const decided = (plan: ChangePlan): MeasureDecision<ChangePlan> =>
  plan.kind === 'apply' ? { write: { next: plan.next, log: plan.log }, result: plan } : { result: plan };

describe('the measures register in table storage (Azurite)', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const repo = new MeasureRepository(store.table('measures'));
  let n = 0;
  beforeAll(async () => store.ensureTables());

  async function newMeasure(tenant: string, owner = KOORD, over: Partial<Measure> = {}): Promise<Measure> {
    const id = MeasureRepository.idFor(tenant, 'manual', `form-${n++}`);
    const r = planCreate(
      {
        tenantId: tenant,
        id,
        fields: {
          title: 'Sommerjobb',
          description: 'Betalt jobb i ferien',
          focusAreas: [{ id: 'drugs', label: 'Rus' }],
          responsible: ['outreach'],
          ownerBodyId: owner,
        },
        state: 'planned',
        source: { kind: 'manual' },
      },
      SIGRID,
      '2026-05-01T08:00:00.000Z',
      'k',
    );
    if (!r.ok) throw new Error('fixture');
    const m = { ...r.measure, ...over };
    await repo.create(m, r.log);
    return m;
  }

  it('stores a measure once: the same id again returns the stored one', async () => {
    const m = await newMeasure('t-once');
    const again = await repo.create(
      { ...m, title: 'Noe annet' },
      { measureId: m.id, seq: 1, at: 'x', actorId: 'a', actorName: '', verb: 'create', fields: [] },
    );
    expect(again.created).toBe(false);
    expect(again.measure.title).toBe('Sommerjobb');
    expect(await repo.history('t-once', m.id)).toHaveLength(1);
  });

  it('reads back every field as stored', async () => {
    const m = await newMeasure('t-read', KOORD, {
      level: 'group',
      plan: 'Handlingsplan, tiltak 9',
      start: '2026-05-01',
      end: '2026-08-15',
      conclusion: 'continue',
      evaluation: 'Godt mottatt',
    });
    expect(await repo.get('t-read', m.id)).toEqual(m);
  });

  it('writes a change with its log entry, and lets the second of two simultaneous changes from the same version lose as stale', async () => {
    const m = await newMeasure('t-race');
    const change = (actor: typeof SIGRID, state: 'ongoing' | 'completed') =>
      repo.change('t-race', m.id, (current) => decided(planChange(current, { state }, 1, actor, new Date().toISOString(), 'status')));
    const [a, b] = await Promise.all([change(SIGRID, 'ongoing'), change(PER, 'completed')]);
    const kinds = [a!.result.kind, b!.result.kind].sort();
    expect(kinds).toEqual(['apply', 'stale']);
    const stored = (await repo.get('t-race', m.id))!;
    expect(stored.version).toBe(2);
    const log = await repo.history('t-race', m.id);
    expect(log.map((e) => [e.seq, e.verb])).toEqual([
      [1, 'create'],
      [2, 'status'],
    ]);
    expect(log[1]!.toState).toBe(stored.state);
  });

  it('lists only the measures of the bodies in the scope, and never an id from another tenant', async () => {
    const a = await newMeasure('t-scope', KOORD);
    const b = await newMeasure('t-scope', STYRET);
    const other = await newMeasure('t-other', KOORD);
    expect((await repo.list(systemScope('t-scope', [KOORD]))).map((m) => m.id)).toEqual([a.id]);
    expect((await repo.list(systemScope('t-scope', [KOORD, STYRET]))).map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(await repo.getIn(systemScope('t-scope', [KOORD]), b.id)).toBeUndefined();
    expect(await repo.get('t-scope', other.id)).toBeUndefined();
    expect(await repo.change('t-scope', other.id, (c) => ({ result: c }))).toBeUndefined();
    expect(await repo.get('t-scope', "x' or 1 eq 1")).toBeUndefined();
  });

  it('saves a status text against its version and refuses one written meanwhile', async () => {
    const write = (text: string, had: number) =>
      repo.changeStatusText('t-text', 2026, 'drugs', (current) => {
        if ((current?.version ?? 0) !== had) return { result: 'stale' };
        const next: FocusStatusText = {
          year: 2026,
          focusAreaId: 'drugs',
          text,
          version: had + 1,
          updatedAt: 'x',
          updatedBy: 'y',
          updatedByName: 'Sigrid Vågen',
        };
        return { write: next, result: 'saved' };
      });
    expect(await write('Utsett! på alle skolene.', 0)).toBe('saved');
    expect(await write('Noe annet', 0)).toBe('stale');
    expect((await repo.statusTexts('t-text', 2026)).map((s) => [s.focusAreaId, s.text, s.version])).toEqual([['drugs', 'Utsett! på alle skolene.', 1]]);
    expect(await repo.statusTexts('t-text', 2025)).toEqual([]);
  });

  it('erases the free text and people of measures last changed before the cut-off, whatever their status, and old status texts, keeping categories and status', async () => {
    const tenant = 't-erase';
    const old = await newMeasure(tenant, KOORD, {
      state: 'completed',
      updatedAt: '2024-01-01T00:00:00.000Z',
      plan: 'Plan',
      evaluation: 'Bra',
      conclusion: 'end',
    });
    const untouched = await newMeasure(tenant, KOORD, { updatedAt: '2024-01-01T00:00:00.000Z' });
    const recent = await newMeasure(tenant, KOORD, { title: 'Leksehjelp', updatedAt: '2025-06-01T00:00:00.000Z' });
    await repo.changeStatusText(tenant, 2023, 'drugs', () => ({
      write: { year: 2023, focusAreaId: 'drugs', text: 'Gammel tekst', version: 1, updatedAt: '2024-01-01T00:00:00.000Z', updatedBy: 'y', updatedByName: 'S' },
      result: 1,
    }));
    expect(await repo.eraseTextBefore(tenant, '2024-12-01T00:00:00.000Z', '2026-12-01T02:30:00.000Z')).toBe(3);
    const erased = (await repo.get(tenant, old.id))!;
    expect(erased).toMatchObject({ title: '', description: '', state: 'completed', conclusion: 'end', textErasedAt: '2026-12-01T02:30:00.000Z' });
    expect([erased.evaluation, erased.plan]).toEqual([undefined, undefined]);
    expect(erased.focusAreas).toEqual(old.focusAreas);
    expect((await repo.history(tenant, old.id)).at(-1)?.verb).toBe('erase');
    // Who set its status and who is named in its log go with the text.
    expect([erased.stateByName, erased.createdBy, erased.updatedByName]).toEqual(['', '', '']);
    expect((await repo.history(tenant, old.id)).every((l) => l.actorName === '' && (l.actorId === '' || l.actorId === 'retention'))).toBe(true);
    // A measure nobody touched for the whole period is kept as categories, status and dates only.
    expect(await repo.get(tenant, untouched.id)).toMatchObject({ title: '', state: 'planned' });
    expect((await repo.get(tenant, recent.id))!.title).toBe('Leksehjelp');
    expect((await repo.statusTexts(tenant, 2023))[0]).toMatchObject({ text: '', textErasedAt: '2026-12-01T02:30:00.000Z' });
    // A second run finds nothing left to erase.
    expect(await repo.eraseTextBefore(tenant, '2024-12-01T00:00:00.000Z', '2026-12-02T02:30:00.000Z')).toBe(0);
  });

  it("is erased by the daily retention job, which reports how many measures' texts it emptied", async () => {
    const tenant = 't-retention';
    await newMeasure(tenant, KOORD, { state: 'ended', updatedAt: '2024-03-01T00:00:00.000Z' });
    const deps = {
      trends: new TrendRepository(store.table('trends')),
      escalations: new EscalationRepository(store.table('escalations')),
      audit: new AuditRepository(store.table('audit')),
      agendas: new AgendaRepository(store.table('agendas')),
      meetings: new MeetingRepository(store.table('meetings')),
      digests: new DigestRepository(store.table('digests')),
      profiles: new ProfileRepository(store.table('members'), { cacheTtlMs: 0 }),
      roles: new RoleRepository(store.table('roles'), { cacheTtlMs: 0 }),
      files: new FileRepository(store.table('files')),
      outbox: { forgetBefore: async () => ({ undelivered: 0, keys: 0 }) },
      measures: repo,
      locale: 'nb' as const,
      scheduler: { schedule: async () => undefined, cancel: async () => undefined },
      retentionMonths: 24,
      log: createLogger('silent'),
    };
    expect((await runRetention(deps, tenant, new Date('2026-12-08T02:30:00Z'))).measures).toBe(1);
    expect((await repo.list(systemScope(tenant, [KOORD])))[0]).toMatchObject({ title: '', state: 'ended' });
  });

  it('marks a wheel step once', async () => {
    expect(await repo.marked('t-mark', 'focusAreasItem|2027')).toBe(false);
    expect(await repo.markOnce('t-mark', 'focusAreasItem|2027', 'x')).toBe(true);
    expect(await repo.markOnce('t-mark', 'focusAreasItem|2027', 'y')).toBe(false);
    expect(await repo.marked('t-mark', 'focusAreasItem|2027')).toBe(true);
  });
});

describe('focus areas by year (Azurite)', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  beforeAll(async () => store.ensureTables());
  const at2026 = () => new Date('2026-12-07T10:00:00Z');

  it('gives each year the list decided for it, else the latest earlier one, else the unversioned list', async () => {
    const repo = new FocusAreaRepository(store.table('settings'), { now: at2026 });
    await store.table('settings').createEntity({
      partitionKey: 't-years',
      rowKey: 'focusAreas',
      areas: JSON.stringify([{ id: 'old', nb: 'Gammel liste', en: 'Old list' }]),
      updatedBy: 'x',
      updatedAt: '2024-01-01T00:00:00Z',
    });
    expect((await repo.get('t-years')).map((a) => a.id)).toEqual(['old']);
    const y2027 = [{ id: 'drugs', nb: 'Rusmiddelbruk blant unge', en: 'Drug use among youth' }];
    expect(
      await repo.setForYear('t-years', 2027, y2027, 'aad-sigrid', '2026-11-24T12:00:00Z', {
        meetingId: 'm0000000000000001-1',
        day: '2026-11-24',
        bodyId: STYRET,
      }),
    ).toBe(true);
    expect((await repo.forYear('t-years', 2026)).map((a) => a.id)).toEqual(['old']);
    expect((await repo.forYear('t-years', 2027)).map((a) => a.id)).toEqual(['drugs']);
    expect((await repo.forYear('t-years', 2030)).map((a) => a.id)).toEqual(['drugs']);
    // The same list and meeting again changes nothing; an edit without a meeting keeps the decision.
    expect(
      await repo.setForYear('t-years', 2027, y2027, 'aad-sigrid', '2026-11-25T12:00:00Z', {
        meetingId: 'm0000000000000001-1',
        day: '2026-11-24',
        bodyId: STYRET,
      }),
    ).toBe(false);
    expect(
      await repo.setForYear('t-years', 2027, [...y2027, { id: 'nett', nb: 'Nettkriminalitet', en: 'Online crime' }], 'aad-per', '2026-11-26T12:00:00Z'),
    ).toBe(true);
    const [v] = await repo.versions('t-years');
    expect(v).toMatchObject({ year: 2027, decided: { meetingId: 'm0000000000000001-1', day: '2026-11-24', bodyId: STYRET } });
    expect(v!.areas.map((a) => a.id)).toEqual(['drugs', 'nett']);
  });

  it("keeps the trend card's edit working: it sets this year's list", async () => {
    const repo = new FocusAreaRepository(store.table('settings'), { now: at2026 });
    expect(await repo.get('t-card')).toEqual(DEFAULT_FOCUS_AREAS);
    expect(await repo.set('t-card', [{ id: 'nett', nb: 'Nettkriminalitet', en: 'Online crime' }], 'aad-sigrid', '2026-12-07T10:00:00Z')).toBe(true);
    expect((await repo.get('t-card')).map((a) => a.id)).toEqual(['nett']);
    expect((await repo.forYear('t-card', 2025)).map((a) => a.id)).toEqual(DEFAULT_FOCUS_AREAS.map((a) => a.id));
    expect((await repo.versions('t-card')).map((v) => v.year)).toEqual([2026]);
  });
});
