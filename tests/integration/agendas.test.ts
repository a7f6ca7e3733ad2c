import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type AddedItem, addedItemId, MAX_ITEM_TITLE } from '../../src/domain/agenda';
import { applyMinutes, markTaskDone, openTasks } from '../../src/domain/minutes';
import { AgendaRepository } from '../../src/storage/table/agendas';
import { OutboxTable } from '../../src/storage/table/outbox';
import { TableStore } from '../../src/storage/tables';
import { uniquePrefix } from '../support/harness';

const T = 'tenant-agendas';
const B = 'b0123456789abcdef';
const M1 = 'm00000000000abc01-1';
const M2 = 'm00000000000abc01-2';
const AT = '2026-11-02T09:00:00.000Z';

const item = (title: string): AddedItem => ({ id: addedItemId(M1, title), title, by: 'coordinator', addedAt: AT, addedBy: 'aad-kari' });

describe('agendas repository against Azurite', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const repo = new AgendaRepository(store.table('agendas'));

  beforeAll(async () => {
    await store.ensureTables();
  });

  it('creates an agenda record once: ensuring it again keeps what it holds', async () => {
    const first = await repo.ensureAgenda(T, B, M1, AT);
    expect(first).toMatchObject({ meetingId: M1, edits: { added: [], hidden: [] }, posted: { version: 0 } });
    await repo.editAgenda(T, B, M1, (e) => ({ ...e, hidden: ['topics-drugs'] }));
    const again = await repo.ensureAgenda(T, B, M1, '2026-11-03T09:00:00.000Z');
    expect(again.edits.hidden).toEqual(['topics-drugs']);
  });

  it("keeps both of two coordinators' items added at the same time (ETag: the loser re-reads and adds to the winner's list)", async () => {
    const add = (a: AddedItem) =>
      repo.editAgenda(T, B, M1, (e) => (e.added.some((x) => x.id === a.id) ? { unchanged: 'already' } : { ...e, added: [...e.added, a] }));
    const results = await Promise.all([add(item('Sommerferietilbud')), add(item('Trygg skolevei'))]);
    expect(results.every((r) => r.changed)).toBe(true);
    const record = await repo.getAgenda(T, B, M1);
    expect(record!.edits.added.map((a) => a.title).sort()).toEqual(['Sommerferietilbud', 'Trygg skolevei']);
    expect((await add(item('Trygg skolevei'))).changed).toBe(false);
  });

  it('stores 100 long added items (more than one property holds) and reads them back intact', async () => {
    const many = Array.from({ length: 100 }, (_, i) => item(`${i + 1}. ${'Æøå «sitat» og "anførsel" '.repeat(10)}`.slice(0, MAX_ITEM_TITLE)));
    await repo.editAgenda(T, B, M2, () => ({ added: many, hidden: [] }));
    const back = await repo.getAgenda(T, B, M2);
    expect(back!.edits.added).toEqual(many);
    await repo.editAgenda(T, B, M2, () => ({ added: many.slice(0, 2), hidden: [] }));
    expect((await repo.getAgenda(T, B, M2))!.edits.added).toHaveLength(2);
  });

  it('receives the posted card ids from the outbox sink, counts posted versions, and finds a meeting by its call-for-topics post', async () => {
    const outbox = new OutboxTable(store.table('outbox'), (name) => (name === 'agendas' ? store.table('agendas') : undefined));
    expect(await outbox.writeSink(repo.agendaSink(T, B, M1), '1700000000001', '19:vest;messageid=1700000000001')).toBe(true);
    expect(await outbox.writeSink(repo.callSink(T, B, M1), '1699999999999', '19:vest;messageid=1699999999999')).toBe(true);
    await repo.notePosted(T, B, M1, 'hash-a', AT);
    await repo.notePosted(T, B, M1, 'hash-a', AT);
    await repo.notePosted(T, B, M1, 'hash-b', '2026-11-03T09:00:00.000Z');
    const record = await repo.getAgenda(T, B, M1);
    expect(record).toMatchObject({
      card: { activityId: '1700000000001', conversationId: '19:vest;messageid=1700000000001' },
      call: { activityId: '1699999999999' },
      posted: { at: AT, hash: 'hash-b', version: 2 },
    });
    // The sink's Merge kept the coordinators' edits.
    expect(record!.edits.added).toHaveLength(2);
    expect(await repo.meetingOfCall(T, B, '1699999999999')).toBe(M1);
    expect(await repo.meetingOfCall(T, B, '1700000000001')).toBeUndefined();
    expect(await repo.meetingOfCall(T, 'b-other', '1699999999999')).toBeUndefined();
  });

  it("records minutes with the row's ETag: a repeated submission writes nothing, tasks are listed open until done", async () => {
    const base = { tenantId: T, bodyId: B, meetingId: M1, meetingStartUtc: '2026-11-05T17:00:00.000Z' };
    const items = [{ itemId: 'police', number: 1, title: 'Oppdatering fra politiet' }];
    const entries = [
      { itemId: 'police', decision: 'Roligere helger.', tasks: [{ title: 'Kartlegge tilbud', responsible: 'youthClub' as const, due: '2026-12-01' }] },
    ];
    const record = (at: string) =>
      repo.changeMinutes(T, B, M1, (current) => {
        const r = applyMinutes(current, base, items, entries, 'aad-kari', at);
        return r.changed ? r.next : undefined;
      });
    const first = await record('2026-11-05T20:00:00.000Z');
    expect(first.changed).toBe(true);
    expect(first.record!.minutes).toMatchObject({
      version: 1,
      items: [{ itemId: 'police', decision: 'Roligere helger.' }],
      tasks: [{ title: 'Kartlegge tilbud', responsible: 'youthClub', due: '2026-12-01' }],
    });
    const again = await record('2026-11-05T20:01:00.000Z');
    expect(again.changed).toBe(false);
    expect(again.record!.minutes.version).toBe(1);

    const all = await repo.listMinutes(T, B);
    expect(openTasks(all, '2026-12-17T17:00:00.000Z').map((t) => t.title)).toEqual(['Kartlegge tilbud']);
    expect(openTasks(all, '2026-11-05T17:00:00.000Z')).toEqual([]); // not before the meeting it came from
    const taskId = all[0]!.tasks[0]!.id;
    await repo.changeMinutes(T, B, M1, (current) => markTaskDone(current!, taskId, 'aad-kari', '2026-11-20T10:00:00.000Z').next);
    const after = await repo.listMinutes(T, B);
    expect(openTasks(after, '2026-12-17T17:00:00.000Z')).toEqual([]);
    // As it stood when a meeting on 19 Nov began, the task was still open.
    expect(openTasks(after, '2026-11-19T17:00:00.000Z', '2026-11-19T17:00:00.000Z')).toHaveLength(1);
  });
});
