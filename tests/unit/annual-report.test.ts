import { describe, expect, it } from 'vitest';
import { buildAnnualReport, monthsOfYear } from '../../src/domain/annual-report';
import type { Body } from '../../src/domain/bodies';
import { countTrends } from '../../src/domain/digest';
import type { TaskFact } from '../../src/domain/digest-due';
import type { EscalationFact } from '../../src/domain/digest-sections';
import { annualReportDoc } from '../../src/views/annual-report';
import { toMarkdown } from '../../src/views/document';

const body = (id: string, kind: Body['kind'], name: string): Body =>
  ({
    tenantId: 't',
    id,
    kind,
    name,
    cadenceWeeks: 6,
    durationMinutes: 90,
    channelId: id,
    ref: { serviceUrl: 'x', conversationId: id, tenantId: 't', botId: 'b' },
    registeredBy: 'x',
    registeredAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }) as Body;
const BODIES = [body('yt', 'youthTeam', 'Ungdomsteam Sørlia'), body('cg', 'coordinationGroup', 'Koordineringsgruppen'), body('board', 'board', 'SLT-styret')];

const task = (id: string, meetingStartUtc: string, due: string, over: Partial<TaskFact> = {}): TaskFact => ({
  id,
  bodyId: 'cg',
  meetingId: 'm1',
  meetingStartUtc,
  title: `Oppgave ${id}`,
  responsible: 'youthClub',
  due,
  ...over,
});
const resolved: EscalationFact = {
  id: 'e1',
  originBodyId: 'yt',
  originKind: 'youthTeam',
  state: 'resolved',
  levelBodyId: 'cg',
  path: ['yt', 'cg'],
  title: 'Uro ved stasjonen',
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-20T10:00:00Z',
  decision: 'Mer voksentilstedeværelse.',
  measure: 'Natteravner fredag kveld',
  responsible: 'Frivilligsentralen',
  due: '2026-06-30',
};

async function report() {
  return buildAnnualReport({
    year: 2026,
    now: new Date('2027-01-11T09:00:00Z'),
    suppressBelow: 3,
    bodies: BODIES,
    areas: [],
    counts: await countTrends([], monthsOfYear(2026)),
    matters: [resolved],
    tasks: [
      task('done', '2026-10-13T08:00:00Z', '2026-10-20', { doneAt: '2026-10-14T12:00:00Z' }),
      task('late', '2026-10-13T08:00:00Z', '2026-11-01'),
      task('later', '2026-12-01T08:00:00Z', '2027-02-01', { bodyId: 'yt', responsible: 'school' }),
      task('carried', '2025-11-10T08:00:00Z', '2025-12-01'), // given last year, still open when the year began
      task('doneBefore', '2025-11-10T08:00:00Z', '2025-12-01', { doneAt: '2025-12-15T08:00:00Z' }),
      task('nextYear', '2027-01-05T08:00:00Z', '2027-01-20'),
    ],
    meetingsOf: new Map(),
  });
}

describe('measures and their status in the annual report draft', () => {
  it("lists the minutes' tasks with «utført» where marked done, and keeps a resolved matter's measure open or overdue by date", async () => {
    const r = await report();
    const by = new Map(r.measures.map((m) => [m.measure.text, m]));
    expect([...by.keys()]).toEqual(['Oppgave carried', 'Natteravner fredag kveld', 'Oppgave done', 'Oppgave late', 'Oppgave later']);
    expect(by.get('Oppgave done')).toMatchObject({
      kind: 'task',
      status: 'done',
      doneOn: '2026-10-14',
      responsibleService: 'youthClub',
      meeting: { bodyId: 'cg', day: '2026-10-13' },
    });
    expect(by.get('Oppgave late')?.status).toBe('overdue');
    expect(by.get('Oppgave later')?.status).toBe('open');
    expect(by.get('Oppgave carried')?.status).toBe('overdue');
    // No done marker exists for a matter's measure: its deadline passed, so «Fristen er passert» — never «Utført».
    expect(by.get('Natteravner fredag kveld')).toMatchObject({ kind: 'measure', status: 'overdue', matterTitle: { text: 'Uro ved stasjonen', state: 'ok' } });
  });

  it('writes the status, where each came from and who is responsible, and says what «utført» can and cannot mean', async () => {
    const md = toMarkdown(annualReportDoc(await report(), 'nb'));
    expect(md).toContain('| Tiltak eller oppgave | Fra sak eller referat | Ansvarlig | Frist | Status |');
    // (Markdown escapes a cell's leading «20.», which would otherwise start a list.)
    expect(md).toContain(
      '| Oppgave done | Referat fra Koordineringsgruppen 13. oktober 2026 | Fritidsklubb / ungdomshus | 20\\. oktober 2026 | Utført 14. oktober 2026 |',
    );
    expect(md).toContain('| Natteravner fredag kveld | Uro ved stasjonen | Frivilligsentralen | 30\\. juni 2026 | Fristen er passert |');
    expect(md).toContain('| Oppgave later | Referat fra Ungdomsteam Sørlia 1. desember 2026 | Skole | 1\\. februar 2027 | Pågår |');
    expect(md).toContain('Tiltak vedtatt i løftede saker har ingen «utført»-markering i boten');
    const en = toMarkdown(annualReportDoc(await report(), 'en'));
    expect(en).toContain('Done 14 October 2026');
  });
});
