import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestDueAt, digestJob, nextDigestJob } from '../../src/app/digest-jobs';
import type { Body } from '../../src/domain/bodies';
import {
  changeOf,
  countTrends,
  digestWindow,
  isMonth,
  monthStartUtc,
  shiftMonth,
  shownCount,
  summariseTrends,
  suppressTable,
  type TrendFact,
} from '../../src/domain/digest';
import { type DigestContent, parseDigestContent, withoutTitles } from '../../src/domain/digest-content';
import { dueWindow, summariseDue, type TaskFact } from '../../src/domain/digest-due';
import { type EscalationFact, isNamed, summariseEscalations, summariseMeetings } from '../../src/domain/digest-sections';
import type { Meeting } from '../../src/domain/meetings';

const fact = (month: string, focusAreaId: string, bodyId: string): TrendFact => ({ month, focusAreaId, bodyId, focusAreaLabel: focusAreaId.toUpperCase() });
function* facts(spec: readonly [string, string, string, number][]): Generator<TrendFact> {
  for (const [month, area, body, n] of spec) for (let i = 0; i < n; i++) yield fact(month, area, body);
}
async function* slowly<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const x of items) {
    await Promise.resolve();
    yield x;
  }
}

describe('months', () => {
  it('moves across year ends and knows a month from garbage', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 2)).toBe('2027-01');
    expect(digestWindow('2026-03')).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
  });

  it('starts an Oslo month at local midnight (summer and winter time)', () => {
    expect(monthStartUtc('2026-07')).toBe('2026-06-30T22:00:00.000Z');
    expect(monthStartUtc('2026-11')).toBe('2026-10-31T23:00:00.000Z');
  });
});

describe('counting trends from a stream', () => {
  it('counts an async stream per month, area and body and ignores months not asked for', async () => {
    const c = await countTrends(
      slowly(
        facts([
          ['2026-10', 'drugs', 'b1', 3],
          ['2026-10', 'drugs', 'b2', 1],
          ['2026-09', 'violence', 'b1', 2],
          ['2025-01', 'drugs', 'b1', 9],
        ]),
      ),
      ['2026-09', '2026-10'],
    );
    expect(c.cells.get('2026-10')?.get('drugs')?.get('b1')).toBe(3);
    expect(c.cells.get('2026-10')?.get('drugs')?.get('b2')).toBe(1);
    expect(c.cells.get('2026-09')?.get('violence')?.get('b1')).toBe(2);
    expect(c.cells.has('2025-01')).toBe(false);
    expect(c.labels.get('drugs')).toBe('DRUGS');
  });

  it('compares a month with the previous one and with the average of the three before it', () => {
    const by: Record<string, number> = { '2026-10': 10, '2026-09': 4, '2026-08': 6, '2026-07': 5, '2026-06': 100 };
    const c = changeOf('2026-10', (m) => by[m] ?? 0);
    expect(c).toEqual({ count: 10, previous: 4, average3: 5, changePrevious: 6, changeAverage: 5 });
    expect(changeOf('2026-10', (m) => ({ '2026-10': 1, '2026-09': 1, '2026-08': 1, '2026-07': 0 })[m] ?? 0).average3).toBe(0.7);
  });
});

describe('suppressing small counts in a two-dimensional table', () => {
  it('shows 1 and 2 as "<3" and hides one more cell in each row and column that would give them away', () => {
    const values = [
      [5, 1, 4],
      [6, 7, 8],
    ];
    const marks = suppressTable(values, 3);
    expect(marks[0]![1]).toBe('small');
    // Row 0 and column 1 each need a second hidden cell: the smallest other non-zero ones.
    expect(marks[0]![2]).toBe('hidden');
    expect(marks[1]![1]).toBe('hidden');
    expect(shownCount(1, 'small', 3)).toBe('<3');
    expect(shownCount(7, 'hidden', 3)).toBe(':');
    expect(shownCount(5, 'shown', 3)).toBe('5');
  });

  it('hides a zero when nothing else in the line can protect the small count', () => {
    const marks = suppressTable([[2, 0]], 3);
    expect(marks[0]).toEqual(['small', 'hidden']);
  });

  it('suppresses nothing when every count is at or above the threshold, or the threshold is 1', () => {
    expect(
      suppressTable(
        [
          [3, 4],
          [0, 9],
        ],
        3,
      )
        .flat()
        .every((m) => m === 'shown'),
    ).toBe(true);
    expect(
      suppressTable([[1, 2]], 1)
        .flat()
        .every((m) => m === 'shown'),
    ).toBe(true);
  });

  it('leaves no row or column with exactly one suppressed cell when another could be hidden (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 5 }), (rows) => {
        const width = Math.min(...rows.map((r) => r.length));
        const values = rows.map((r) => r.slice(0, width));
        const marks = suppressTable(values, 3);
        const lines = [...marks.map((r) => r), ...marks[0]!.map((_, j) => marks.map((r) => r[j]!))];
        for (const line of lines) {
          const suppressed = line.filter((m) => m !== 'shown').length;
          expect(suppressed === 0 || suppressed >= 2 || line.length === 1).toBe(true);
        }
        values.forEach((r, i) => r.forEach((v, j) => v > 0 && v < 3 && expect(marks[i]![j]).toBe('small')));
      }),
    );
  });
});

describe('the trend summary', () => {
  it('names the areas that rose most above their three-month average, lists areas and bodies in the configured order', async () => {
    const c = await countTrends(
      facts([
        ['2026-10', 'drugs', 'b1', 6],
        ['2026-09', 'drugs', 'b1', 2],
        ['2026-08', 'drugs', 'b1', 2],
        ['2026-07', 'drugs', 'b1', 2],
        ['2026-10', 'violence', 'b2', 4],
        ['2026-09', 'violence', 'b2', 3],
        ['2026-08', 'violence', 'b2', 3],
        ['2026-07', 'violence', 'b2', 3],
        ['2026-10', 'other', 'b2', 1],
        ['2026-09', 'other', 'b2', 5],
        ['2026-05', 'gone', 'b1', 1],
      ]),
      digestWindow('2026-10'),
    );
    const s = summariseTrends(c, '2026-10', {
      areas: [
        { id: 'violence', label: 'Vold' },
        { id: 'drugs', label: 'Rus' },
        { id: 'other', label: 'Annet' },
      ],
      bodies: [
        { id: 'b2', label: 'Øst' },
        { id: 'b1', label: 'Vest' },
      ],
    });
    expect(s.byArea.map((a) => a.id)).toEqual(['violence', 'drugs', 'other', 'gone']);
    expect(s.byArea.find((a) => a.id === 'gone')?.label).toBe('GONE');
    expect(s.emerging.map((a) => a.id)).toEqual(['drugs', 'violence']);
    expect(s.byBody.map((b) => b.label)).toEqual(['Øst', 'Vest']);
    expect(s.total).toMatchObject({ count: 11, previous: 10 });
    expect(s.chart.months).toHaveLength(6);
    expect(s.chart.series.find((x) => x.id === 'drugs')?.values).toEqual([0, 0, 2, 2, 2, 6]);
  });
});

const matter = (over: Partial<EscalationFact>): EscalationFact => ({
  id: 'e1',
  originBodyId: 'yt',
  originKind: 'youthTeam',
  state: 'proposed',
  levelBodyId: 'yt',
  path: ['yt'],
  title: 'Uro ved kjøpesenteret',
  createdAt: '2026-10-05T10:00:00Z',
  updatedAt: '2026-10-05T10:00:00Z',
  ...over,
});

describe('matters in the digest', () => {
  it('names a matter only once it reached the coordination group or the board, but counts every new one', async () => {
    expect(isNamed(matter({}))).toBe(false);
    expect(isNamed(matter({ path: ['yt', 'cg'] }))).toBe(true);
    expect(isNamed(matter({ originKind: 'coordinationGroup', path: ['cg'] }))).toBe(true);
    const s = await summariseEscalations(
      [
        matter({ id: 'e1' }),
        matter({ id: 'e2', state: 'accepted', levelBodyId: 'cg', path: ['yt', 'cg'], title: 'Knivbæring i helgene' }),
        matter({
          id: 'e3',
          state: 'escalated',
          levelBodyId: 'board',
          path: ['yt', 'cg', 'board'],
          createdAt: '2026-08-01T10:00:00Z',
          updatedAt: '2026-10-20T10:00:00Z',
        }),
        matter({
          id: 'e4',
          state: 'resolved',
          levelBodyId: 'cg',
          path: ['yt', 'cg'],
          createdAt: '2026-09-01T10:00:00Z',
          updatedAt: '2026-10-02T10:00:00Z',
          measure: 'Mer natteravn',
          due: '2026-11-15',
        }),
        matter({ id: 'e5', state: 'declined', updatedAt: '2026-10-09T10:00:00Z' }),
        matter({
          id: 'e6',
          state: 'accepted',
          levelBodyId: 'board',
          originKind: 'coordinationGroup',
          originBodyId: 'cg',
          path: ['cg', 'board'],
          title: 'Ring Ola Nordmann på 912 34 567',
          createdAt: '2026-07-01T10:00:00Z',
          updatedAt: '2026-07-02T10:00:00Z',
        }),
      ],
      '2026-10',
      'board',
    );
    expect(s.newCount).toBe(3);
    expect(s.newNamed.map((m) => m.id)).toEqual(['e2']);
    expect(s.resolved.map((m) => m.id)).toEqual(['e4']);
    expect(s.declinedCount).toBe(1);
    expect(s.waitingForBoard.map((m) => m.id)).toEqual(['e6', 'e3']);
    // A title that no longer passes the guard is withheld, never shown.
    expect(s.waitingForBoard[0]).toMatchObject({ title: '', titleState: 'withheld' });
    // After the retention period the archive keeps the lists but no titles.
    const erased = withoutTitles({ escalations: s, due: { asOf: '2026-10-31', overdue: [], upcoming: [] } } as unknown as DigestContent).escalations;
    expect([...erased.newNamed, ...erased.resolved].every((m) => m.title === '' && m.titleState === 'erased')).toBe(true);
    expect(erased.newCount).toBe(3);
  });
});

describe('measures and tasks with a deadline', () => {
  const measure = (id: string, due: string, over: Partial<EscalationFact> = {}): EscalationFact =>
    matter({
      id,
      state: 'resolved',
      levelBodyId: 'cg',
      path: ['yt', 'cg'],
      createdAt: '2026-03-01T10:00:00Z',
      updatedAt: '2026-03-10T10:00:00Z',
      measure: `Tiltak ${id}`,
      responsible: 'Utekontakten',
      due,
      ...over,
    });
  const task = (id: string, bodyId: string, due: string, over: Partial<TaskFact> = {}): TaskFact => ({
    id,
    bodyId,
    meetingId: 'm1',
    meetingStartUtc: '2026-09-15T16:00:00Z',
    title: `Oppgave ${id}`,
    responsible: 'school',
    due,
    ...over,
  });
  const kindOf = (id: string) => (id === 'yt' ? 'youthTeam' : id === 'cg' ? 'coordinationGroup' : undefined);

  it('judges a past month from its last day and a running month from today', () => {
    expect(dueWindow('2026-10', new Date('2026-11-02T07:00:00Z'))).toEqual({ asOf: '2026-10-31', before: '2026-12-01' });
    expect(dueWindow('2026-10', new Date('2026-10-14T22:30:00Z'))).toEqual({ asOf: '2026-10-15', before: '2026-12-01' });
  });

  it('lists a measure overdue since an earlier month, open tasks, and what falls due by the end of next month', async () => {
    const s = await summariseDue(
      [
        measure('e1', '2026-08-15'), // overdue since August: once missed, never listed before
        measure('e2', '2026-11-20'),
        measure('e3', '2026-12-01'), // after next month
        measure('e4', '2026-10-01', { state: 'accepted' }), // not decided: no measure yet
        measure('e5', '2026-10-30', { measure: 'Ring Ola Nordmann på 912 34 567' }),
      ],
      [
        task('t1', 'cg', '2026-10-20'),
        task('t2', 'cg', '2026-10-10', { doneAt: '2026-10-09T10:00:00Z' }),
        task('t3', 'yt', '2026-11-05'),
        task('t4', 'cg', '2027-01-15'),
      ],
      dueWindow('2026-10', new Date('2026-11-02T07:00:00Z')),
      kindOf,
    );
    expect(s.overdue.map((d) => [d.kind, d.id, d.due])).toEqual([
      ['measure', 'e1', '2026-08-15'],
      ['task', 't1', '2026-10-20'],
      ['measure', 'e5', '2026-10-30'],
    ]);
    expect(s.upcoming.map((d) => d.id)).toEqual(['t3', 'e2']);
    expect(s.overdue[0]).toMatchObject({ title: 'Tiltak e1', titleState: 'ok', responsible: { text: 'Utekontakten', state: 'ok' }, bodyId: 'cg' });
    // A text that no longer passes the guard is withheld; a youth team's task is named by its meeting only.
    expect(s.overdue[2]).toMatchObject({ title: '', titleState: 'withheld' });
    expect(s.upcoming[0]).toMatchObject({ title: '', titleState: 'teamOnly', responsible: { service: 'school' }, bodyId: 'yt', meetingDay: '2026-09-15' });
    // Retention empties the measures' texts (title and responsible) but keeps a task's service.
    const erased = withoutTitles({ escalations: { newNamed: [], resolved: [], waitingForBoard: [] }, due: s } as unknown as DigestContent).due;
    expect(erased.overdue[0]).toMatchObject({ title: '', titleState: 'erased', responsible: { text: '', state: 'erased' } });
    expect(erased.upcoming[0]).toMatchObject({ titleState: 'teamOnly', responsible: { service: 'school' } });
  });

  it("reads a digest archived before tasks were listed, with its measures judged from the month's end", () => {
    const m = (id: string, date: string) => ({ id, title: `Tiltak ${id}`, titleState: 'ok', bodyId: 'cg', state: 'resolved', date });
    const old = {
      version: 1,
      month: '2026-10',
      generatedAt: '2026-11-02T07:00:00.000Z',
      trends: {},
      meetings: {},
      escalations: { newNamed: [], resolved: [], waitingForBoard: [], measuresDue: [m('e1', '2026-10-30')], measuresNext: [m('e2', '2026-11-20')] },
    };
    const c = parseDigestContent(JSON.stringify(old))!;
    expect(c.due.overdue.map((d) => d.id)).toEqual(['e1']);
    expect(c.due.upcoming.map((d) => [d.kind, d.id, d.due])).toEqual([['measure', 'e2', '2026-11-20']]);
  });
});

describe('meetings in the digest', () => {
  const body = (id: string, kind: Body['kind'], cadenceWeeks = 6): Body =>
    ({
      tenantId: 't',
      id,
      kind,
      name: id,
      cadenceWeeks,
      durationMinutes: 90,
      channelId: id,
      ref: { serviceUrl: 'x', conversationId: id, tenantId: 't', botId: 'b' },
      registeredBy: 'x',
      registeredAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    }) as Body;
  const meeting = (bodyId: string, startUtc: string, status: Meeting['status'] = 'scheduled'): Meeting =>
    ({
      tenantId: 't',
      bodyId,
      id: `m${startUtc}`,
      startUtc,
      endUtc: new Date(Date.parse(startUtc) + 5_400_000).toISOString(),
      durationMinutes: 90,
      status,
      icsToken: 'x',
      createdBy: 'c',
      createdAt: '2026-01-01T00:00:00Z',
    }) as Meeting;

  it('counts held, planned and cancelled meetings per body, flags a body behind its rhythm and lists next month', () => {
    const bodies = [body('vest', 'youthTeam'), body('styret', 'board', 12)];
    const meetings = new Map([
      ['vest', [meeting('vest', '2026-10-06T16:00:00Z'), meeting('vest', '2026-10-20T16:00:00Z', 'cancelled'), meeting('vest', '2026-11-10T16:00:00Z')]],
      ['styret', [meeting('styret', '2026-03-10T08:00:00Z')]],
    ]);
    const s = summariseMeetings(bodies, meetings, '2026-10', new Date('2026-11-02T07:00:00Z'));
    expect(s.lines).toEqual([
      { bodyId: 'vest', planned: 1, held: 1, cancelled: 1, behind: false, boardBelowMinimum: false },
      { bodyId: 'styret', planned: 0, held: 0, cancelled: 0, behind: true, boardBelowMinimum: true },
    ]);
    expect(s.upcoming).toEqual([{ bodyId: 'vest', startUtc: '2026-11-10T16:00:00Z' }]);
  });
});

describe('when the digest is posted', () => {
  it('is due at 08:00 Oslo on the first working day of the month after', () => {
    expect(digestDueAt('2026-10')).toBe('2026-11-02T07:00:00.000Z'); // Monday 2 November
    expect(digestDueAt('2026-12')).toBe('2027-01-04T07:00:00.000Z'); // 1 January is a holiday, then a weekend
    expect(digestDueAt('2026-05')).toBe('2026-06-01T06:00:00.000Z'); // summer time
    expect(digestJob('t1', '2026-10')).toMatchObject({
      key: 'digest:t1:2026-10',
      kind: 'digest',
      notAfter: '2026-11-30T23:00:00.000Z',
      payload: { month: '2026-10' },
    });
  });

  it('schedules last month until its time has come, then this month', () => {
    expect(nextDigestJob('t1', new Date('2026-11-02T06:59:00Z')).key).toBe('digest:t1:2026-10');
    expect(nextDigestJob('t1', new Date('2026-11-02T07:00:00Z')).key).toBe('digest:t1:2026-11');
    expect(nextDigestJob('t1', new Date('2026-10-20T12:00:00Z')).key).toBe('digest:t1:2026-10');
  });
});
