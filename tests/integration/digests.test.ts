import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { TrendFact } from '../../src/domain/digest';
import type { Escalation } from '../../src/domain/escalations';
import type { Minutes } from '../../src/domain/minutes';
import { bodyScope, systemScope } from '../../src/domain/visibility';
import { AgendaRepository } from '../../src/storage/table/agendas';
import { DigestSources } from '../../src/storage/table/digest-sources';
import { DigestRepository } from '../../src/storage/table/digests';
import { EscalationRepository } from '../../src/storage/table/escalations';
import { FileRepository } from '../../src/storage/table/files';
import { TrendRepository } from '../../src/storage/table/trends';
import { TableStore } from '../../src/storage/tables';
import { uniquePrefix } from '../support/harness';

const TENANT = 'tenant-digests';
const VEST = 'b00000000000000v1';
const OST = 'b00000000000000o1';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('digest storage (Azurite)', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const trends = new TrendRepository(store.table('trends'));
  const escalations = new EscalationRepository(store.table('escalations'));
  const sources = new DigestSources(store.table('trends'), store.table('escalations'), store.table('agendas'));
  const digests = new DigestRepository(store.table('digests'));
  const files = new FileRepository(store.table('files'));
  const agendas = new AgendaRepository(store.table('agendas'));
  beforeAll(async () => {
    await store.ensureTables();
    let n = 0;
    for (const [body, month, count] of [
      [VEST, '2026-10', 1_205],
      [OST, '2026-10', 3],
      [VEST, '2026-09', 2],
      [VEST, '2025-10', 4],
    ] as const) {
      for (let i = 0; i < count; i++) {
        await trends.add(
          {
            tenantId: TENANT,
            bodyId: body,
            month,
            focusAreaId: 'drugs',
            focusAreaLabel: 'Rus',
            direction: 'new',
            description: 'Tekst som ikke skal leses',
            service: 'school',
            reporterId: 'aad-x',
            reportedAt: `${month}-05T10:00:00.000Z`,
          },
          `k${n++}`,
        );
      }
    }
  }, 120_000);

  it('streams trend categories over pages of 1 000 from only the partitions asked for, without text or reporter', async () => {
    const rows = await collect(sources.trendFacts(systemScope(TENANT, [VEST, OST]), ['2026-10']));
    expect(rows).toHaveLength(1_208);
    const first = rows[0] as TrendFact & Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['bodyId', 'focusAreaId', 'focusAreaLabel', 'month']);
    expect(await collect(sources.trendFacts(bodyScope(TENANT, OST), ['2026-09', '2026-10']))).toHaveLength(3);
  });

  it('reads each matter once (its origin copy), only open ones and those touched since the date asked for', async () => {
    const base = (id: string, over: Partial<Escalation>): Escalation => ({
      tenantId: TENANT,
      id,
      originBodyId: VEST,
      originKind: 'youthTeam',
      title: `Sak ${id}`,
      description: 'Beskrivelse',
      state: 'proposed',
      levelBodyId: VEST,
      path: [VEST],
      requester: { id: 'aad-r', channelAccountId: '29:r', name: 'Navn Navnesen', locale: 'nb' },
      createdAt: '2026-10-02T10:00:00.000Z',
      updatedAt: '2026-10-02T10:00:00.000Z',
      version: 1,
      last: { verb: 'submit', actorId: 'aad-r', actorName: 'Navn Navnesen', dataKey: id, at: '2026-10-02T10:00:00.000Z' },
      ...over,
    });
    await escalations.create(base('e00000000000000000001', {}));
    await escalations.create(
      base('e00000000000000000002', { state: 'declined', createdAt: '2026-01-02T10:00:00.000Z', updatedAt: '2026-01-03T10:00:00.000Z' }),
    );
    await escalations.create(
      base('e00000000000000000003', {
        state: 'resolved',
        createdAt: '2025-01-02T10:00:00.000Z',
        updatedAt: '2025-02-03T10:00:00.000Z',
        measure: 'Tiltak',
        due: '2026-10-20',
      }),
    );
    await escalations.create(
      base('e00000000000000000004', {
        state: 'resolved',
        createdAt: '2025-01-02T10:00:00.000Z',
        updatedAt: '2025-02-03T10:00:00.000Z',
        measure: 'Senere tiltak',
        due: '2026-12-20',
      }),
    );
    const facts = await collect(sources.escalationFacts(systemScope(TENANT, [VEST, OST]), { touchedSince: '2026-09-30T22:00:00.000Z' }));
    expect(facts.map((f) => f.id).sort()).toEqual(['e00000000000000000001']);
    // Measures: decided ones due before the date, however long ago they were decided or due.
    const measures = await collect(sources.measureFacts(systemScope(TENANT, [VEST, OST]), '2026-12-01'));
    expect(measures.map((f) => [f.id, f.measure, f.due])).toEqual([['e00000000000000000003', 'Tiltak', '2026-10-20']]);
    for (const x of [facts, measures]) {
      expect(JSON.stringify(x)).not.toContain('Navn Navnesen');
      expect(JSON.stringify(x)).not.toContain('Beskrivelse');
    }
  });

  it('streams the tasks of the minutes of the bodies asked for, by meeting start, without decisions or who recorded them', async () => {
    const minutes = (bodyId: string, meetingId: string, start: string, titles: string[]): Minutes => ({
      tenantId: TENANT,
      bodyId,
      meetingId,
      meetingStartUtc: start,
      items: [{ itemId: 'police', number: 1, title: 'Politiets oppdatering', decision: 'Vedtakstekst' }],
      tasks: titles.map((title, i) => ({
        id: `t${meetingId.slice(-3)}${i}`,
        itemId: 'police',
        title,
        responsible: 'school',
        due: '2026-11-01',
        createdAt: start,
        createdBy: 'aad-recorder',
        ...(i === 1 ? { doneAt: start, doneBy: 'aad-done' } : {}),
      })),
      recordedBy: 'aad-recorder',
      recordedAt: start,
      version: 1,
    });
    await agendas.changeMinutes(TENANT, VEST, 'm0000000000000001-1', () =>
      minutes(VEST, 'm0000000000000001-1', '2026-09-10T16:00:00.000Z', ['Første', 'Andre']),
    );
    await agendas.changeMinutes(TENANT, VEST, 'm0000000000000002-1', () => minutes(VEST, 'm0000000000000002-1', '2026-11-10T16:00:00.000Z', ['Senere']));
    await agendas.changeMinutes(TENANT, OST, 'm0000000000000003-1', () => minutes(OST, 'm0000000000000003-1', '2026-10-10T16:00:00.000Z', ['Øst']));
    await agendas.ensureAgenda(TENANT, VEST, 'm0000000000000001-1', '2026-09-01T00:00:00.000Z');
    const tasks = await collect(sources.taskFacts(systemScope(TENANT, [VEST, OST]), { meetingBefore: '2026-10-31T23:00:00.000Z' }));
    expect(tasks.map((t) => [t.bodyId, t.meetingId, t.title, !!t.doneAt])).toEqual([
      [VEST, 'm0000000000000001-1', 'Første', false],
      [VEST, 'm0000000000000001-1', 'Andre', true],
      [OST, 'm0000000000000003-1', 'Øst', false],
    ]);
    expect(await collect(sources.taskFacts(bodyScope(TENANT, VEST), { meetingFrom: '2026-10-01T00:00:00.000Z' }))).toHaveLength(1);
    expect(JSON.stringify(tasks)).not.toMatch(/aad-|Vedtakstekst|Politiets/);
  });

  it('archives a sending once per number and counts each board member\'s "Lest" once', async () => {
    const send = {
      tenantId: TENANT,
      month: '2026-10',
      sendNo: 1,
      sentBy: 'aad-c',
      sentByName: 'Koordinator',
      sentAt: '2026-11-02T07:00:00.000Z',
      boardId: 'styret',
      content: JSON.stringify({ big: 'Økt uro i skolegården – æøå '.repeat(5_000) }),
    };
    expect(await digests.record(send)).toBe(true);
    expect(await digests.record({ ...send, sentBy: 'other' })).toBe(false);
    const latest = await digests.latest(TENANT, '2026-10');
    expect(latest).toMatchObject({ sendNo: 1, sentBy: 'aad-c' });
    expect(latest!.content).toBe(send.content);
    expect(await digests.latest(TENANT, '2026-09')).toBeUndefined();
    expect(await digests.ack(TENANT, '2026-10', 'aad-b1', 'B1', 'now')).toBe(true);
    expect(await digests.ack(TENANT, '2026-10', 'aad-b1', 'B1', 'later')).toBe(false);
    expect((await digests.acks(TENANT, '2026-10')).map((a) => a.aadObjectId)).toEqual(['aad-b1']);
    expect(await digests.acks(TENANT, '2026-11')).toEqual([]);
  });

  it('empties archived content of months before the retention cut-off once, and leaves newer months alone', async () => {
    const row = (month: string) => ({
      tenantId: TENANT,
      month,
      sendNo: 1,
      sentBy: 'scheduler',
      sentByName: '',
      sentAt: `${month}-28T07:00:00.000Z`,
      boardId: 'styret',
      content: `{"title":"Tittel ${month}"}`,
    });
    await digests.record(row('2024-08'));
    await digests.record(row('2024-09'));
    const erase = (json: string): string => json.replace(/Tittel [0-9-]+/, '');
    expect(await digests.eraseTitlesBefore(TENANT, '2024-09', erase, '2026-09-01T00:00:00.000Z')).toBe(1);
    expect((await digests.latest(TENANT, '2024-08'))?.content).toBe('{"title":""}');
    expect((await digests.latest(TENANT, '2024-09'))?.content).toBe('{"title":"Tittel 2024-09"}');
    expect(await digests.eraseTitlesBefore(TENANT, '2024-09', erase, '2026-10-01T00:00:00.000Z')).toBe(0);
  });

  it('keeps a download behind a 144-bit token until it expires, then forgets it', async () => {
    const now = new Date('2026-11-02T10:00:00.000Z');
    const body = `<p>${'æøå'.repeat(40_000)}</p>`;
    const token = await files.put(
      { tenantId: TENANT, createdBy: 'aad-c', fileName: 'r.html', contentType: 'text/html; charset=utf-8', body },
      now,
      new Date(now.getTime() + 3_600_000),
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const got = await files.get(token, now);
    expect({ ...got, body: undefined }).toEqual({ fileName: 'r.html', contentType: 'text/html; charset=utf-8', body: undefined });
    expect(got?.body.length).toBe(body.length);
    expect(got?.body === body).toBe(true);
    expect(await files.get('x'.repeat(24), now)).toBeUndefined();
    expect(await files.get('../etc', now)).toBeUndefined();
    expect(await files.get(token, new Date(now.getTime() + 3_600_001))).toBeUndefined();
    expect(await files.get(token, now)).toBeUndefined(); // deleted when found expired
  });
});
