import { describe, expect, it } from 'vitest';
import { parseMinutesInput } from '../../src/app/minutes-input';
import { applyMinutes, type Minutes, markTaskDone, openTasks, taskId } from '../../src/domain/minutes';

const ITEMS = ['police', 'topics-drugs', 'other'];
const BASE = { tenantId: 't', bodyId: 'b', meetingId: 'm00000000000abc01-1', meetingStartUtc: '2026-11-05T17:00:00.000Z' };
const AGENDA = [
  { itemId: 'police', number: 1, title: 'Oppdatering fra politiet' },
  { itemId: 'topics-drugs', number: 2, title: 'Utfordringsbildet lokalt: Rusmiddelbruk blant unge' },
  { itemId: 'other', number: 3, title: 'Eventuelt' },
];

describe('minutes input', () => {
  it("reads the card's inputs per item: decision, and a task with responsible and due date", () => {
    const parsed = parseMinutesInput(
      {
        meetingId: 'x',
        decision__police: ' Roligere helger. ',
        task__police: 'Kartlegge tilbud',
        responsible__police: 'youthClub',
        due__police: '2026-12-01',
        decision__other: '',
      },
      ITEMS,
      'nb',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toEqual([
      { itemId: 'police', decision: 'Roligere helger.', tasks: [{ title: 'Kartlegge tilbud', responsible: 'youthClub', due: '2026-12-01' }] },
      { itemId: 'other', decision: '', tasks: [] },
    ]);
  });

  it("reads the contract's `items` shape from a script", () => {
    const parsed = parseMinutesInput(
      {
        items: [
          {
            itemId: 'topics-drugs',
            decision: 'Tiltak vurderes.',
            tasks: [{ title: 'Invitere helsesykepleier', responsible: 'coordinator', due: '2026-11-30' }],
          },
        ],
      },
      ITEMS,
      'en',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries[0]).toEqual({
      itemId: 'topics-drugs',
      decision: 'Tiltak vurderes.',
      tasks: [{ title: 'Invitere helsesykepleier', responsible: 'coordinator', due: '2026-11-30' }],
    });
  });

  it('puts each problem at its own input, in Norwegian', () => {
    const parsed = parseMinutesInput({ task__police: 'Kartlegge tilbud', due__police: '2026-02-31', responsible__other: 'school' }, ITEMS, 'nb');
    expect(parsed.errors).toEqual([
      { field: 'responsible__police', message: 'Velg hvem som er ansvarlig for oppgaven.' },
      { field: 'due__police', message: 'Fristen må være en gyldig dato (ÅÅÅÅ-MM-DD).' },
      { field: 'task__other', message: 'Skriv hva oppgaven er.' },
      { field: 'due__other', message: 'Sett en frist for oppgaven.' },
    ]);
  });

  it('refuses a task due before the meeting that gave it, and takes one due on the meeting day', () => {
    const input = (due: string) => ({ task__police: 'Kartlegge tilbud', responsible__police: 'police', due__police: due });
    expect(parseMinutesInput(input('2026-11-04'), ITEMS, 'nb', '2026-11-05').errors).toEqual([
      { field: 'due__police', message: 'Fristen kan ikke være før møtet (5. november).' },
    ]);
    expect(parseMinutesInput(input('2026-11-05'), ITEMS, 'nb', '2026-11-05').errors).toEqual([]);
    expect(parseMinutesInput(input('2026-11-04'), ITEMS, 'en', '2026-11-05').errors[0]?.message).toBe(
      'The due date cannot be before the meeting (5 November).',
    );
  });

  it("refuses an item that is not on the meeting's agenda", () => {
    expect(parseMinutesInput({ items: [{ itemId: 'esc-e123', decision: 'x', tasks: [] }] }, ITEMS, 'nb').errors).toEqual([
      { field: 'items', message: 'Punktet står ikke på dagsordenen til dette møtet.' },
    ]);
  });

  it('runs the confidentiality guard over decisions and task titles', () => {
    const parsed = parseMinutesInput(
      { decision__police: 'Ring 912 34 567 om saken.', task__police: 'Snakke med Per Olsen', responsible__police: 'school', due__police: '2026-12-01' },
      ITEMS,
      'nb',
    );
    expect(parsed.errors.map((e) => e.field)).toEqual(['decision__police', 'task__police']);
    expect(parsed.errors[0]!.message).toContain('personopplysninger');
  });

  it('refuses an over-long decision or task for its length, without screening it', () => {
    // The phone number would be named if the text were screened; only the length is reported.
    const decision = `Ring 912 34 567. ${'Mer tekst. '.repeat(100_000)}`;
    const parsed = parseMinutesInput(
      { decision__police: decision, task__police: `Ring 912 34 567 ${'x'.repeat(400)}`, responsible__police: 'school', due__police: '2026-12-01' },
      ITEMS,
      'nb',
    );
    expect(parsed.errors).toEqual([
      { field: 'decision__police', message: `Kan ha høyst 1000 tegn (nå ${decision.trim().length}).` },
      { field: 'task__police', message: 'Kan ha høyst 300 tegn (nå 416).' },
    ]);
  });

  it('refuses more items than any agenda has before reading them', () => {
    const items = Array.from({ length: 5000 }, () => ({ itemId: 'police', decision: 'Ring 912 34 567.' }));
    const parsed = parseMinutesInput({ items }, ITEMS, 'nb');
    expect(parsed).toEqual({ entries: [], errors: [{ field: 'items', message: 'Et referat kan ha høyst 100 punkter (nå 5000).' }] });
  });
});

describe('minutes rules', () => {
  const entries = [
    { itemId: 'police', decision: 'Roligere helger.', tasks: [{ title: 'Kartlegge tilbud', responsible: 'youthClub' as const, due: '2026-12-01' }] },
  ];

  it('records once: the same submission again changes nothing', () => {
    const first = applyMinutes(undefined, BASE, AGENDA, entries, 'aad-k', '2026-11-05T20:00:00Z');
    expect(first.changed).toBe(true);
    expect(first.next.version).toBe(1);
    const again = applyMinutes(first.next, BASE, AGENDA, entries, 'aad-k', '2026-11-05T20:05:00Z');
    expect(again.changed).toBe(false);
    expect(again.next).toEqual(first.next);
  });

  it('adds new tasks, replaces decisions, and keeps items that left the agenda since', () => {
    const first = applyMinutes(undefined, BASE, AGENDA, entries, 'aad-k', '2026-11-05T20:00:00Z').next;
    const second = applyMinutes(
      first,
      BASE,
      AGENDA.slice(1),
      [{ itemId: 'topics-drugs', decision: 'Ny vurdering.', tasks: [{ title: 'Invitere helsesykepleier', responsible: 'health', due: '2026-12-10' }] }],
      'aad-k',
      '2026-11-06T09:00:00Z',
    );
    expect(second.changed).toBe(true);
    expect(second.next.tasks.map((t) => t.title)).toEqual(['Kartlegge tilbud', 'Invitere helsesykepleier']);
    expect(second.next.items.map((i) => [i.itemId, i.decision])).toEqual([
      ['topics-drugs', 'Ny vurdering.'],
      ['other', undefined],
      ['police', 'Roligere helger.'],
    ]);
  });

  it('gives a task the same id for the same content, and marks it done once', () => {
    const t = { title: 'Kartlegge tilbud', responsible: 'youthClub' as const, due: '2026-12-01' };
    expect(taskId(BASE.meetingId, 'police', t)).toBe(taskId(BASE.meetingId, 'police', { ...t, title: 'kartlegge TILBUD' }));
    const m: Minutes = applyMinutes(undefined, BASE, AGENDA, entries, 'aad-k', '2026-11-05T20:00:00Z').next;
    const id = m.tasks[0]!.id;
    const done = markTaskDone(m, id, 'aad-s', '2026-11-20T10:00:00Z');
    expect(done).toMatchObject({ changed: true, found: true });
    expect(markTaskDone(done.next, id, 'aad-s', '2026-11-21T10:00:00Z')).toMatchObject({ changed: false, found: true });
    expect(markTaskDone(m, 't00000000', 'aad-s', '2026-11-21T10:00:00Z').found).toBe(false);
    expect(openTasks([m], '2026-12-17T17:00:00Z')).toHaveLength(1);
    expect(openTasks([done.next], '2026-12-17T17:00:00Z')).toHaveLength(0);
  });
});
