import { describe, expect, it } from 'vitest';
import { type AddedItem, type AgendaInput, addedItemId, agendaWindow, allocateMinutes, composeAgenda, NO_EDITS, windowMonths } from '../../src/domain/agenda';
import type { Escalation } from '../../src/domain/escalations';
import { DEFAULT_FOCUS_AREAS } from '../../src/domain/focus-areas';
import type { OpenTask } from '../../src/domain/minutes';
import type { Trend } from '../../src/domain/trends';
import { type AgendaCardContext, agendaCard, agendaPageCard, CARD_BUDGET, PAGE_SIZE } from '../../src/views/agenda';
import { itemLines } from '../../src/views/agenda-items';
import { validateCard } from '../support/card-validator';
import { cardTexts } from '../support/harness';

const START = '2026-11-05T17:00:00.000Z'; // Thursday 18:00 Oslo
const MEETING = { id: 'm00000000000abc01-2', bodyId: 'b-vest', startUtc: START, durationMinutes: 120 };
const WINDOW = { since: '2026-09-24T16:00:00.000Z', until: START };

let seq = 0;
function trend(focusAreaId: string, reportedAt: string, extra: Partial<Trend> = {}): Trend {
  const area = DEFAULT_FOCUS_AREAS.find((a) => a.id === focusAreaId);
  return {
    tenantId: 't',
    bodyId: 'b-vest',
    id: `t${++seq}`,
    month: reportedAt.slice(0, 7),
    focusAreaId,
    focusAreaLabel: area?.nb ?? focusAreaId,
    direction: 'increasing',
    description: `Beskrivelse ${seq}`,
    service: 'school',
    reporterId: 'aad-reporter',
    reportedAt,
    ...extra,
  };
}

function escalation(id: string, extra: Partial<Escalation> = {}): Escalation {
  return {
    tenantId: 't',
    id,
    originBodyId: 'b-vest',
    originKind: 'youthTeam',
    title: 'Uro ved kjøpesenteret på kveldstid',
    description: 'Flere tjenester ser grupper som samles etter stengetid.',
    state: 'accepted',
    levelBodyId: 'b-koord',
    path: ['b-vest', 'b-koord'],
    requester: { id: 'aad-x', channelAccountId: '29:x', name: 'Navn Navnesen', locale: 'nb' },
    createdAt: '2026-10-01T10:00:00.000Z',
    updatedAt: '2026-10-02T10:00:00.000Z',
    version: 2,
    last: { verb: 'accept', actorId: 'aad-k', actorName: 'K', dataKey: 'x', at: '2026-10-02T10:00:00.000Z' },
    ...extra,
  };
}

function input(extra: Partial<AgendaInput> = {}): AgendaInput {
  return {
    meeting: MEETING,
    bodyKind: 'youthTeam',
    window: WINDOW,
    trends: [],
    focusAreas: DEFAULT_FOCUS_AREAS,
    escalations: [],
    bodyNames: new Map([
      ['b-vest', 'Ungdomsteam Vest 13-16'],
      ['b-ost', 'Ungdomsteam Øst 13-16'],
      ['b-koord', 'Koordineringsgruppen'],
    ]),
    edits: NO_EDITS,
    openTasks: [],
    suppressBelow: 3,
    ...extra,
  };
}

const added = (title: string, by: AddedItem['by'] = 'coordinator'): AddedItem => ({
  id: addedItemId(MEETING.id, title),
  title,
  by,
  addedAt: '2026-11-01T10:00:00Z',
  addedBy: 'aad-k',
});

describe('agenda composition', () => {
  it('puts the police update first and eventuelt last, with a standing "no topics" item when nothing was reported', () => {
    const agenda = composeAgenda(input());
    expect(agenda.items.map((i) => i.kind)).toEqual(['police', 'noTopics', 'other']);
    expect(agenda.items.map((i) => i.number)).toEqual([1, 2, 3]);
  });

  it('groups the trends reported since the last meeting by focus area, in the configured order, oldest first within an area', () => {
    const trends = [
      trend('drugs', '2026-10-10T10:00:00Z'),
      trend('public-space', '2026-10-12T10:00:00Z', { service: 'outreach' }),
      trend('drugs', '2026-10-01T10:00:00Z', { service: 'police' }),
      trend('drugs', '2026-09-01T10:00:00Z'), // before the window: the last meeting's
      trend('drugs', '2026-11-05T17:30:00Z'), // after the start: the next meeting's
    ];
    const agenda = composeAgenda(input({ trends }));
    expect(agenda.items.map((i) => i.id)).toEqual(['police', 'topics-public-space', 'topics-drugs', 'other']);
    const drugs = agenda.items[2]!;
    expect(drugs.kind === 'topics' && drugs.trends.map((t) => t.reportedAt)).toEqual(['2026-10-01T10:00:00Z', '2026-10-10T10:00:00Z']);
    expect(drugs.kind === 'topics' && drugs.services).toEqual(['police', 'school']);
  });

  it('orders the items: police, topics, matters waiting here, added items, open tasks, eventuelt', () => {
    const task: OpenTask = {
      id: 't0000abcd',
      itemId: 'police',
      title: 'Kartlegge tilbud',
      responsible: 'youthClub',
      due: '2026-11-20',
      createdAt: '',
      createdBy: '',
      meetingId: 'm00000000000abc01-1',
      meetingStartUtc: '2026-09-24T16:00:00.000Z',
    };
    const agenda = composeAgenda(
      input({
        trends: [trend('drugs', '2026-10-10T10:00:00Z')],
        escalations: [escalation('e1')],
        edits: { added: [added('Sommerferietilbud')], hidden: [] },
        openTasks: [task],
      }),
    );
    expect(agenda.items.map((i) => i.kind)).toEqual(['police', 'topics', 'escalation', 'added', 'task', 'other']);
    expect(agenda.items.map((i) => i.removable)).toEqual([false, true, true, true, false, false]);
  });

  it('leaves out composed items coordinators took off, and falls back to the standing topics item when all are off', () => {
    const trends = [trend('drugs', '2026-10-10T10:00:00Z')];
    const agenda = composeAgenda(input({ trends, escalations: [escalation('e1')], edits: { added: [], hidden: ['topics-drugs', 'esc-e1'] } }));
    expect(agenda.items.map((i) => i.kind)).toEqual(['police', 'noTopics', 'other']);
  });

  it("gives the coordination group a standing item with the youth teams' topics: counts per team and area, small counts suppressed", () => {
    const youth = [
      ...Array.from({ length: 4 }, () => trend('drugs', '2026-10-10T10:00:00Z', { bodyId: 'b-vest' })),
      trend('drugs', '2026-10-11T10:00:00Z', { bodyId: 'b-ost', description: 'Salg av snus via sosiale medier' }),
      ...Array.from({ length: 3 }, () => trend('public-space', '2026-10-12T10:00:00Z', { bodyId: 'b-ost' })),
      trend('public-space', '2026-10-13T10:00:00Z', { bodyId: 'b-vest' }),
    ];
    const agenda = composeAgenda(
      input({
        meeting: { ...MEETING, bodyId: 'b-koord' },
        bodyKind: 'coordinationGroup',
        youthTeams: {
          teams: [
            { id: 'b-vest', name: 'Ungdomsteam Vest 13-16' },
            { id: 'b-ost', name: 'Ungdomsteam Øst 13-16' },
          ],
          trends: youth,
        },
      }),
    );
    expect(agenda.items.map((i) => i.kind)).toEqual(['police', 'noTopics', 'youthTeams', 'other']);
    const item = agenda.items[2]!;
    if (item.kind !== 'youthTeams') throw new Error('no youth item');
    expect(item.table.total).toBe(9);
    expect(item.table.areas.map((a) => a.id)).toEqual(['public-space', 'drugs']);
    // Øst: public-space 3, drugs 1 (<3); Vest: public-space 1 (<3), drugs 4 — every row/column has two suppressed cells.
    expect(item.table.rows.map((r) => [r.teamName, r.cells.map((c) => c.mark)])).toEqual([
      ['Ungdomsteam Vest 13-16', ['small', 'hidden']],
      ['Ungdomsteam Øst 13-16', ['hidden', 'small']],
    ]);
    const lines = itemLines('nb', item, { nextLevelName: 'SLT-styret' });
    expect(lines[0]).toBe('• Ungdomsteam Vest 13-16: Kriminalitet i det offentlige rom <3 · Rusmiddelbruk blant unge :');
    expect(lines.join('\n')).toContain('«Salg av snus via sosiale medier»');
    expect(lines.join('\n')).not.toMatch(/Skole|reporter/);
  });

  it('gives a youth team no youth-team item', () => {
    const agenda = composeAgenda(
      input({ youthTeams: { teams: [{ id: 'b-ost', name: 'Øst' }], trends: [trend('drugs', '2026-10-10T10:00:00Z', { bodyId: 'b-ost' })] } }),
    );
    expect(agenda.items.some((i) => i.kind === 'youthTeams')).toBe(false);
  });

  it("suggests times that add up to the meeting's length, in steps of five minutes, starting at the meeting start", () => {
    const agenda = composeAgenda(
      input({ trends: [trend('drugs', '2026-10-10T10:00:00Z')], escalations: [escalation('e1')], edits: { added: [added('A'), added('B')], hidden: [] } }),
    );
    const minutes = agenda.items.map((i) => i.minutes);
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(120);
    expect(minutes.every((m) => m >= 5 && m % 5 === 0)).toBe(true);
    expect(agenda.items[0]!.offsetMinutes).toBe(0);
    expect(agenda.items.at(-1)!.offsetMinutes + agenda.items.at(-1)!.minutes).toBe(120);
  });

  it('splits odd lengths and long agendas exactly too', () => {
    expect(allocateMinutes([15, 10, 5], 67).reduce((a, b) => a + b, 0)).toBe(67);
    const many = allocateMinutes(
      Array.from({ length: 300 }, () => 10),
      90,
    );
    expect(many.reduce((a, b) => a + b, 0)).toBe(90);
    expect(allocateMinutes([], 90)).toEqual([]);
  });

  it('takes topics since the previous meeting that was not cancelled, or one cadence back', () => {
    const meetings = [
      { id: 'a', startUtc: '2026-08-13T16:00:00.000Z', status: 'scheduled' as const },
      { id: 'b', startUtc: '2026-09-24T16:00:00.000Z', status: 'cancelled' as const },
      { id: MEETING.id, startUtc: START, status: 'scheduled' as const },
    ];
    expect(agendaWindow(MEETING, meetings, 6)).toEqual({ since: '2026-08-13T16:00:00.000Z', until: START });
    expect(agendaWindow(MEETING, [], 6).since).toBe('2026-09-24T17:00:00.000Z');
    expect(windowMonths({ since: '2026-08-13T16:00:00.000Z', until: START })).toEqual(['2026-11', '2026-10', '2026-09', '2026-08']);
  });

  it('gives an added item the same id for the same title, whatever its case and spacing', () => {
    expect(addedItemId(MEETING.id, 'Sommerferietilbud  for ungdom')).toBe(addedItemId(MEETING.id, ' sommerferietilbud for Ungdom'));
    expect(addedItemId(MEETING.id, 'A')).not.toBe(addedItemId('m00000000000abc01-3', 'A'));
  });
});

describe('agenda card size', () => {
  const ctx = (count: number): AgendaCardContext => {
    const items = Array.from({ length: count }, (_, i) => added(`Punkt ${i + 1}: ${'tiltak for trygg skolevei og fritid '.repeat(4).slice(0, 140)}`));
    const agenda = composeAgenda(input({ edits: { added: items, hidden: [] } }));
    return {
      body: { id: 'b-vest', name: 'Ungdomsteam Vest 13-16' },
      meeting: { ...MEETING, location: 'Ungdomshuset' },
      agenda,
      items: { nextLevelName: 'Koordineringsgruppen' },
    };
  };

  it('summarises an agenda of 300 items within the card limit, with "Vis alle", for members and coordinators', () => {
    const c = ctx(300);
    expect(c.agenda.items).toHaveLength(303);
    for (const coordinator of [false, true]) {
      const card = agendaCard('nb', c, { coordinator, refreshUserIds: ['29:kari'] });
      const json = JSON.stringify(card);
      expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(CARD_BUDGET);
      expect(validateCard(card)).toEqual([]);
      const showAll = (card.actions as { verb?: string; title?: string; data?: unknown }[]).find((a) => a.verb === 'agenda.show');
      expect(showAll).toMatchObject({ title: 'Vis alle (303 punkter)', data: { meetingId: MEETING.id, bodyId: 'b-vest', page: 1 } });
      expect(cardTexts(card)[0]).toBe('Dagsorden – Ungdomsteam Vest 13-16');
      expect(cardTexts(card)).toContain('1. Oppdatering fra politiet');
      expect(cardTexts(card).some((t) => /^Viser \d+ av 303 punkter\.$/.test(t))).toBe(true);
    }
  });

  it('pages through all 300 items with "Vis alle", every page within the limit', () => {
    const c = ctx(300);
    const pages = Math.ceil(303 / PAGE_SIZE);
    const headings: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const card = agendaPageCard('nb', c, p);
      expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(CARD_BUDGET);
      expect(validateCard(card)).toEqual([]);
      headings.push(...cardTexts(card).filter((t) => /^\d+\. /.test(t)));
    }
    expect(headings).toHaveLength(303);
    expect(headings.at(-1)).toBe('303. Eventuelt');
  });

  it('shows a short agenda whole, without "Vis alle", with the refresh for the coordinators', () => {
    const card = agendaCard('nb', ctx(3), { coordinator: false, refreshUserIds: ['29:kari', '29:sigrid'] });
    expect((card.actions as { verb?: string }[]).some((a) => a.verb === 'agenda.show')).toBe(false);
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'agenda.refresh', data: { meetingId: MEETING.id, bodyId: 'b-vest' } },
      userIds: ['29:kari', '29:sigrid'],
    });
    expect(validateCard(card)).toEqual([]);
  });
});
