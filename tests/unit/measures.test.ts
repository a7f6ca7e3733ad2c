import { describe, expect, it } from 'vitest';
import { coordinationItems, measuresByLevel, type TopicFact, youthTopicsByArea } from '../../src/domain/measures/annual';
import { focusAreaStatus } from '../../src/domain/measures/focus-status';
import { ranInYear, registerDue, registerLinks, standingOf, withoutIds } from '../../src/domain/measures/follow-up';
import type { Measure, MeasureFields } from '../../src/domain/measures/model';
import { changeKey, planChange, planCreate } from '../../src/domain/measures/rules';
import { serviceOfText } from '../../src/domain/measures/services';
import { measuresWheelJob, nextWheelRun, wheelStep } from '../../src/domain/measures/wheel';
import type { Minutes } from '../../src/domain/minutes';
import { SERVICE_LABELS } from '../../src/i18n/trends';

const SIGRID = { id: 'aad-sigrid', name: 'Sigrid Vågen' };
const PER = { id: 'aad-per', name: 'Per Tveitane' };
const KOORD = 'b00000000000000c1';

const fields = (over: Partial<MeasureFields> = {}): MeasureFields => ({
  title: 'Sommerjobb for ungdom i risiko',
  description: '',
  focusAreas: [{ id: 'recruitment', label: 'Rekruttering til kriminalitet' }],
  responsible: ['outreach'],
  ownerBodyId: KOORD,
  start: '2026-05-01',
  end: '2026-08-15',
  ...over,
});

function created(over: Partial<MeasureFields> = {}, at = '2026-04-20T08:00:00.000Z', id = 'x00000000000000000001'): Measure {
  const r = planCreate({ tenantId: 't', id, fields: fields(over), state: 'planned', source: { kind: 'manual' } }, SIGRID, at, 'k1');
  if (!r.ok) throw new Error('not created');
  return r.measure;
}

describe('the rules of the measures register', () => {
  it('creates a measure at version 1 with who set its status and when, and logs it', () => {
    const r = planCreate({ tenantId: 't', id: 'x1', fields: fields(), state: 'ongoing', source: { kind: 'manual' } }, SIGRID, '2026-04-20T08:00:00.000Z', 'k');
    expect(r.ok && r.measure).toMatchObject({ version: 1, state: 'ongoing', stateByName: 'Sigrid Vågen', stateAt: '2026-04-20T08:00:00.000Z' });
    expect(r.ok && r.log).toMatchObject({ seq: 1, verb: 'create', toState: 'ongoing' });
  });

  it('refuses a measure without a name, or ending before it starts', () => {
    const r = planCreate(
      { tenantId: 't', id: 'x1', fields: fields({ title: '', end: '2026-04-01' }), state: 'planned', source: { kind: 'manual' } },
      SIGRID,
      'a',
      'k',
    );
    expect(r.ok ? [] : r.problems).toEqual([
      { field: 'title', reason: 'required' },
      { field: 'end', reason: 'endBeforeStart' },
    ]);
  });

  it('sets the status against the version the card showed, and records who and when', () => {
    const m = created();
    const plan = planChange(m, { state: 'completed' }, 1, PER, '2026-09-01T10:00:00.000Z', 'status');
    expect(plan.kind).toBe('apply');
    if (plan.kind !== 'apply') return;
    expect(plan.next).toMatchObject({ state: 'completed', version: 2, stateByName: 'Per Tveitane', stateAt: '2026-09-01T10:00:00.000Z' });
    expect(plan.log).toMatchObject({ seq: 2, verb: 'status', fromState: 'planned', toState: 'completed', fields: [] });
  });

  it('refuses a change made from a stale card and hands back the current measure', () => {
    const m = created();
    const first = planChange(m, { state: 'ongoing' }, 1, PER, 'a', 'status');
    if (first.kind !== 'apply') throw new Error('first change refused');
    const stale = planChange(first.next, { state: 'completed' }, 1, SIGRID, 'b', 'status');
    expect(stale).toEqual({ kind: 'stale', current: first.next });
  });

  it('recognises the same click twice as a repeat, not as a stale card', () => {
    const m = created();
    const first = planChange(m, { state: 'ongoing' }, 1, PER, 'a', 'status');
    if (first.kind !== 'apply') throw new Error('first change refused');
    expect(planChange(first.next, { state: 'ongoing' }, 1, PER, 'b', 'status')).toEqual({ kind: 'repeat' });
    // The same data from another coordinator's stale card is stale, not a repeat.
    expect(planChange(first.next, { state: 'ongoing' }, 1, SIGRID, 'b', 'status').kind).toBe('stale');
  });

  it('changes only the fields given, clears optional ones with null, and keeps required ones', () => {
    const m = created({ plan: 'Rusmiddelpolitisk handlingsplan, tiltak 9' });
    const plan = planChange(m, { evaluation: 'Godt mottatt', conclusion: 'continue', plan: null, title: null }, 1, SIGRID, 'c', 'update');
    if (plan.kind !== 'apply') throw new Error(plan.kind);
    expect(plan.next.plan).toBeUndefined();
    expect(plan.next.title).toBe(m.title);
    expect(plan.next).toMatchObject({ evaluation: 'Godt mottatt', conclusion: 'continue', state: 'planned' });
    expect([...plan.log.fields].sort()).toEqual(['conclusion', 'evaluation', 'plan']);
    expect(planChange(plan.next, { evaluation: 'Godt mottatt' }, 2, SIGRID, 'd', 'update')).toEqual({ kind: 'unchanged' });
  });

  it('refuses a change that would end the measure before it starts', () => {
    expect(planChange(created(), { end: '2026-01-01' }, 1, SIGRID, 'c', 'update')).toEqual({
      kind: 'invalid',
      problems: [{ field: 'end', reason: 'endBeforeStart' }],
    });
  });

  it('keys a change by what it changes, who, and from which version', () => {
    expect(changeKey('status', 'a', { state: 'completed' }, 1)).toBe(changeKey('status', 'a', { state: 'completed' }, 1));
    expect(changeKey('status', 'a', { state: 'completed' }, 1)).not.toBe(changeKey('status', 'a', { state: 'completed' }, 2));
    expect(changeKey('update', 'a', { plan: null }, 1)).not.toBe(changeKey('update', 'a', { plan: '' }, 1));
  });
});

describe('follow-up by status', () => {
  const today = '2026-10-31';
  const done = (m: Measure, at: string): Measure => ({ ...m, state: 'completed', stateAt: at });

  it('says «completed» with the day, never overdue, once a measure is completed', () => {
    expect(standingOf(done(created(), '2026-09-03T10:00:00.000Z'), today)).toEqual({ kind: 'completed', on: '2026-09-03' });
    expect(standingOf(created(), today)).toEqual({ kind: 'overdue', due: '2026-08-15', state: 'planned' });
    expect(standingOf(created({ end: '2026-12-01' }), today)).toEqual({ kind: 'planned' });
  });

  it('lists on the due list only measures not completed or ended, with their services', () => {
    const open = created();
    const closed = done(created({}, undefined, 'x00000000000000000002'), '2026-09-01T00:00:00.000Z');
    const later = created({ end: '2027-03-01' }, undefined, 'x00000000000000000003');
    const due = registerDue([open, closed, later], '2026-12-01');
    expect(due).toEqual([
      {
        kind: 'measure',
        id: open.id,
        title: open.title,
        titleState: 'ok',
        responsible: { service: 'outreach' },
        bodyId: KOORD,
        due: '2026-08-15',
      },
    ]);
  });

  it('names what the register took over, and leaves those out of a stream', async () => {
    const fromMatter = { ...created(), source: { kind: 'escalation' as const, escalationId: 'e1', bodyId: KOORD } };
    const fromTask = { ...created(), source: { kind: 'task' as const, bodyId: KOORD, meetingId: 'm', meetingStartUtc: '2026-01-01T00:00:00Z', taskId: 't1' } };
    const links = registerLinks([fromMatter, fromTask, created()]);
    expect([...links.escalationIds]).toEqual(['e1']);
    expect([...links.taskIds]).toEqual(['t1']);
    const kept: string[] = [];
    for await (const r of withoutIds([{ id: 'e1' }, { id: 'e2' }], links.escalationIds)) kept.push(r.id);
    expect(kept).toEqual(['e2']);
  });

  it('counts a measure as run in a year from its start until it was closed', () => {
    const m = created({ start: '2025-03-01' });
    expect(ranInYear(m, 2024)).toBe(false);
    expect(ranInYear(m, 2025)).toBe(true);
    expect(ranInYear(m, 2026)).toBe(true);
    expect(ranInYear(done(m, '2025-11-01T10:00:00.000Z'), 2026)).toBe(false);
  });
});

describe("the annual report's parts", () => {
  it("groups the year's measures by level in the reports' order, those without level last", () => {
    const a = created({ level: 'universal', title: 'Utsett!' }, undefined, 'x00000000000000000001');
    const b = created({ level: 'individual', title: 'Tett oppfølging' }, undefined, 'x00000000000000000002');
    const c = created({ title: 'Uten nivå' }, undefined, 'x00000000000000000003');
    const d = created({ level: 'group', start: '2027-02-01', end: '2027-03-01' }, undefined, 'x00000000000000000004');
    const groups = measuresByLevel([a, b, c, d], 2026, '2026-12-10');
    expect(groups.map((g) => [g.level, g.measures.map((m) => m.title.text)])).toEqual([
      ['individual', ['Tett oppfølging']],
      ['universal', ['Utsett!']],
      ['none', ['Uten nivå']],
    ]);
  });

  it("lists the coordination group's added items and lifted matters with the decisions from its minutes, then matters no minutes mention", () => {
    const minutes: Minutes = {
      tenantId: 't',
      bodyId: KOORD,
      meetingId: 'm1',
      meetingStartUtc: '2026-10-13T08:00:00.000Z',
      items: [
        { itemId: 'police', number: 1, title: 'Politiets oppdatering', decision: 'Rolig måned.' },
        { itemId: 'esc-e1', number: 3, title: 'Sak: Knivbæring', decision: 'Felles innsats med politiet.' },
        { itemId: 'add-abc', number: 2, title: 'Sommerjobber 2027', decision: 'Arbeidsgruppe nedsettes.' },
      ],
      tasks: [],
      recordedBy: 'x',
      recordedAt: 'x',
      version: 1,
    };
    const matters = [
      { id: 'e1', title: { text: 'Knivbæring i helgene', state: 'ok' as const }, originBodyId: 'bV', state: 'resolved' as const, raised: '2026-10-01' },
      { id: 'e2', title: { text: 'Uro ved stasjonen', state: 'ok' as const }, originBodyId: 'bV', state: 'accepted' as const, raised: '2026-11-01' },
    ];
    const items = coordinationItems([minutes], 2026, matters);
    expect(items.map((i) => [i.kind, i.title.text, i.meetingDay, i.decision?.text])).toEqual([
      ['added', 'Sommerjobber 2027', '2026-10-13', 'Arbeidsgruppe nedsettes.'],
      ['matter', 'Knivbæring i helgene', '2026-10-13', 'Felles innsats med politiet.'],
      ['matter', 'Uro ved stasjonen', undefined, undefined],
    ]);
  });

  it("lists the youth teams' topics per focus area as distinct short texts, hiding erased ones and naming no team", async () => {
    const topic = (area: string, description: string, erased = false): TopicFact => ({
      bodyId: 'bV',
      focusAreaId: area,
      focusAreaLabel: area === 'drugs' ? 'Rus' : 'Annet område',
      direction: 'increasing',
      description,
      erased,
    });
    const long = `Mer snus i friminuttene ${'og etter skoletid '.repeat(12)}`;
    const areas = await youthTopicsByArea(
      [topic('drugs', 'Mer hasj på fest'), topic('drugs', 'mer hasj på fest'), topic('drugs', long), topic('drugs', '', true), topic('old', 'Uro i parken')],
      [{ id: 'drugs', label: 'Rusmiddelbruk blant unge' }],
    );
    expect(areas.map((a) => [a.label, a.count, a.hidden])).toEqual([
      ['Rusmiddelbruk blant unge', 4, 1],
      ['Annet område', 1, 0],
    ]);
    expect(areas[0]!.texts[0]).toBe('Mer hasj på fest');
    expect(areas[0]!.texts).toHaveLength(2);
    expect(areas[0]!.texts[1]!.length).toBeLessThanOrEqual(120);
    expect(areas[0]!.texts[1]!.endsWith('…')).toBe(true);
  });

  it('gives each focus area its measures by status, its topics by direction and its status text', async () => {
    const a = created();
    const b = { ...created({}, undefined, 'x00000000000000000002'), state: 'completed' as const, stateAt: '2026-09-01T00:00:00.000Z' };
    const c = {
      ...created({ focusAreas: [{ id: 'gone', label: 'Nettkriminalitet' }] }, undefined, 'x00000000000000000003'),
      source: { kind: 'escalation' as const, escalationId: 'e9', bodyId: KOORD },
    };
    const status = await focusAreaStatus({
      year: 2026,
      today: '2026-12-01',
      areas: [
        { id: 'recruitment', label: 'Rekruttering til kriminalitet' },
        { id: 'drugs', label: 'Rusmiddelbruk blant unge' },
      ],
      measures: [a, b, c],
      topics: [
        { focusAreaId: 'drugs', focusAreaLabel: 'Rus', direction: 'new' },
        { focusAreaId: 'drugs', focusAreaLabel: 'Rus', direction: 'increasing' },
        { focusAreaId: 'drugs', focusAreaLabel: 'Rus', direction: 'increasing' },
      ],
      texts: [
        { year: 2026, focusAreaId: 'drugs', text: 'Utsett! på alle skolene.', version: 2, updatedAt: 'x', updatedBy: 'y', updatedByName: 'Sigrid Vågen' },
      ],
    });
    expect(status.map((s) => s.id)).toEqual(['recruitment', 'drugs', 'gone']);
    expect(status[0]!.measures).toEqual({ planned: 0, ongoing: 0, completed: 1, ended: 0, overdue: 1, total: 2 });
    expect(status[1]!.topics).toEqual({ total: 3, byDirection: { new: 1, increasing: 2, stable: 0, decreasing: 0 } });
    expect(status[1]!.text).toEqual({ text: 'Utsett! på alle skolene.', state: 'ok' });
    expect(status[1]!.version).toBe(2);
    expect(status[2]).toMatchObject({ label: 'Nettkriminalitet', matters: 1 });
  });
});

describe('the responsible written in a decision', () => {
  const labels = [SERVICE_LABELS.nb, SERVICE_LABELS.en];
  it.each([
    ['Utekontakten', 'outreach'],
    ['Skoleetaten', 'school'],
    ['Politiet', 'police'],
    ['NAV', 'nav'],
    ['Barnevernet', 'childWelfare'],
    ['Kulturetaten', undefined],
    ['', undefined],
  ])('reads «%s» as %s', (text, service) => {
    expect(serviceOfText(text, labels)).toBe(service);
  });
});

describe("the measures' annual wheel", () => {
  it('runs on Mondays at 07:00 Oslo from September to December, and waits for September otherwise', () => {
    expect(nextWheelRun(new Date('2026-12-07T05:00:00Z')).toUTC().toISO()).toBe('2026-12-07T06:00:00.000Z');
    expect(nextWheelRun(new Date('2026-12-07T06:00:00Z')).toUTC().toISO()).toBe('2026-12-14T06:00:00.000Z');
    expect(nextWheelRun(new Date('2026-12-29T09:00:00Z')).toUTC().toISO()).toBe('2027-09-06T05:00:00.000Z');
    expect(nextWheelRun(new Date('2027-03-10T09:00:00Z')).toUTC().toISO()).toBe('2027-09-06T05:00:00.000Z');
    expect(measuresWheelJob('t', new Date('2026-08-31T20:00:00Z'))).toMatchObject({ key: 'measuresWheel:t:2026-09-07', kind: 'measuresWheel' });
  });

  it("asks for next year's focus areas in the autumn and for evaluations in December", () => {
    expect(wheelStep(new Date('2026-10-05T06:00:00Z'))).toEqual({ focusAreasFor: 2027 });
    expect(wheelStep(new Date('2026-12-07T06:00:00Z'))).toEqual({ focusAreasFor: 2027, evaluate: 2026 });
    expect(wheelStep(new Date('2026-06-01T06:00:00Z'))).toEqual({});
  });
});

describe('the measures cards stay within what Teams shows', () => {
  it('a full list (25 measures with long names) and a measure with a long log stay under the card budget', async () => {
    const { listItem, measureListCard, measureCard } = await import('../../src/views/measures');
    const { CARD_BUDGET } = await import('../../src/views/agenda');
    const long = (i: number): Measure =>
      created(
        {
          title: `${'Tiltak med et langt navn som beskriver innholdet godt '.repeat(5).slice(0, 290)} ${i}`,
          responsible: ['outreach', 'police', 'school', 'nav'],
        },
        undefined,
        `x${String(i).padStart(20, '0')}`,
      );
    const items = Array.from({ length: 25 }, (_, i) => listItem('nb', long(i), '2026-12-07', 'Åpne', { measureId: long(i).id }));
    const list = measureListCard('nb', { title: 'Tiltak', intro: '25 tiltak.', empty: '', items, more: '… og 40 til.', coordinator: true });
    const bytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');
    expect(bytes(list)).toBeLessThan(CARD_BUDGET);
    const history = Array.from({ length: 40 }, (_, i) => ({
      measureId: 'x',
      seq: i + 1,
      at: '2026-05-01T08:00:00.000Z',
      actorId: 'a',
      actorName: 'Sigrid Vågen',
      verb: 'update' as const,
      fields: ['title', 'description', 'plan'],
    }));
    const card = measureCard('nb', {
      measure: { ...long(1), description: 'd'.repeat(2000), evaluation: 'e'.repeat(2000), evaluationMethod: 'm'.repeat(500), plan: 'p'.repeat(200) },
      history,
      coordinator: true,
      today: '2026-12-07',
      bodyName: () => 'Koordineringsgruppen',
      sourceText: 'Registrert direkte i tiltaksregisteret',
    });
    expect(bytes(card)).toBeLessThan(CARD_BUDGET);
  });
});
