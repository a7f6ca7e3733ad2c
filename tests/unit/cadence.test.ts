import { describe, expect, it } from 'vitest';
import { cadenceWatchHandler, noticeText } from '../../src/app/cadence';
import type { Body } from '../../src/domain/bodies';
import { cadenceNotices, cadenceWatchJob, meetingStatsFrom, osloWeek } from '../../src/domain/cadence';
import type { Meeting } from '../../src/domain/meetings';
import type { JobSpec, MeetingStats, OutboxItem } from '../../src/domain/ports';
import { createLogger } from '../../src/log';

const TENANT = 'tenant-a';
const NOW = new Date('2026-11-02T06:00:00Z'); // Monday 2 November 2026, 07:00 in Oslo

function body(over: Partial<Body>): Body {
  return {
    tenantId: TENANT,
    id: 'b-vest',
    kind: 'youthTeam',
    name: 'Ungdomsteam Vest',
    cadenceWeeks: 6,
    durationMinutes: 90,
    channelId: '19:vest@thread.tacv2',
    ref: {
      serviceUrl: 'https://smba.example/',
      conversationId: '19:vest@thread.tacv2',
      channelId: '19:vest@thread.tacv2',
      tenantId: TENANT,
      botId: '28:bot',
      teamId: '19:team@thread.tacv2',
    },
    registeredBy: 'aad-x',
    registeredAt: '2026-01-10T10:00:00Z',
    updatedAt: '2026-01-10T10:00:00Z',
    ...over,
  };
}

describe('cadence rules', () => {
  it('flags a body whose last held meeting is longer ago than its cadence', () => {
    const notices = cadenceNotices({ body: body({}), lastHeld: '2026-09-01T16:00:00Z' }, NOW);
    expect(notices).toEqual([{ kind: 'overdue', since: '2026-09-01T16:00:00Z', sinceHeld: true, days: 61, cadenceWeeks: 6 }]);
  });

  it('does not flag a body that met within its cadence', () => {
    expect(cadenceNotices({ body: body({}), lastHeld: '2026-10-01T16:00:00Z' }, NOW)).toEqual([]);
  });

  it('counts from registration for a body that never met, so a new body is left alone at first', () => {
    expect(cadenceNotices({ body: body({ registeredAt: '2026-10-20T10:00:00Z' }) }, NOW)).toEqual([]);
    expect(cadenceNotices({ body: body({}) }, NOW)[0]).toMatchObject({ kind: 'overdue', sinceHeld: false });
  });

  it('flags a board on course for fewer than four meetings this year, and not one on course for four', () => {
    const board = body({ kind: 'board', cadenceWeeks: 12 });
    expect(cadenceNotices({ body: board, lastHeld: '2026-10-15T08:00:00Z', year: { held: 2, planned: 1 } }, NOW)).toEqual([
      { kind: 'boardBelowMinimum', year: 2026, held: 2, planned: 1 },
    ]);
    expect(cadenceNotices({ body: board, lastHeld: '2026-10-15T08:00:00Z', year: { held: 3, planned: 1 } }, NOW)).toEqual([]);
  });

  it('schedules the daily check at 07:00 Oslo with a fixed key per day, pointless after that day', () => {
    expect(cadenceWatchJob(TENANT, '2026-07-01')).toMatchObject({
      key: `cadenceWatch:${TENANT}:2026-07-01`,
      dueAt: '2026-07-01T05:00:00.000Z',
      notAfter: '2026-07-01T22:00:00.000Z',
    });
    expect(cadenceWatchJob(TENANT, '2026-12-01').dueAt).toBe('2026-12-01T06:00:00.000Z');
  });

  it('counts held and planned meetings of the Oslo year from the meetings, ignoring cancelled ones', async () => {
    const m = (startUtc: string, status: Meeting['status'] = 'scheduled') =>
      ({ startUtc, endUtc: new Date(Date.parse(startUtc) + 3_600_000).toISOString(), status }) as Meeting;
    const stats = meetingStatsFrom(async () => [
      m('2026-02-01T08:00:00Z'),
      m('2026-06-01T08:00:00Z', 'cancelled'),
      m('2026-10-01T08:00:00Z'),
      m('2026-12-01T08:00:00Z'),
      m('2025-12-31T23:30:00Z'),
    ]);
    expect(await stats.countInYear(TENANT, 'b', 2026, NOW)).toEqual({ held: 3, planned: 1 }); // 2025-12-31T23:30Z is 1 January in Oslo
    expect(await stats.lastHeld(TENANT, 'b', NOW)).toBe('2026-10-01T08:00:00Z');
  });
});

describe('cadence watch job', () => {
  function setup(stats: MeetingStats, bodies: Body[], coordinators = ['aad-kari', 'aad-ola']) {
    const queued: OutboxItem[] = [];
    const scheduled: JobSpec[] = [];
    const keys = new Set<string>();
    const handler = cadenceWatchHandler({
      bodies: { list: async () => bodies, get: async () => undefined, byChannel: async () => undefined },
      roles: { list: async () => [...coordinators.map((id) => ({ aadObjectId: id, coordinator: true })), { aadObjectId: 'aad-admin', coordinator: false }] },
      meetings: stats,
      outbox: {
        enqueue: async (item) => {
          if (keys.has(item.key)) return 'duplicate';
          keys.add(item.key);
          queued.push(item);
          return 'queued';
        },
      },
      scheduler: { schedule: async (jobs) => void scheduled.push(...jobs), cancel: async () => undefined },
      locale: 'nb',
      log: createLogger('silent'),
    });
    return { handler, queued, scheduled };
  }
  const job = cadenceWatchJob(TENANT, '2026-11-02');
  const stats: MeetingStats = {
    lastHeld: async (_t, bodyId) => (bodyId === 'b-vest' ? '2026-09-01T16:00:00Z' : '2026-10-28T16:00:00Z'),
    countInYear: async () => ({ held: 1, planned: 1 }),
  };

  it('notifies each coordinator 1:1 about an overdue body and a board below four meetings, and no one else', async () => {
    const s = setup(stats, [
      body({}),
      body({ id: 'b-ost', name: 'Ungdomsteam Øst' }),
      body({ id: 'b-styret', kind: 'board', name: 'SLT-styret', cadenceWeeks: 12 }),
    ]);
    await s.handler(job, { now: NOW, occurrenceId: 'x', attempt: 1 });
    expect(s.queued.map((q) => [q.toUser?.aadObjectId, q.key])).toEqual([
      ['aad-kari', `cadence:${TENANT}:b-vest:overdue:2026-W45:aad-kari`],
      ['aad-ola', `cadence:${TENANT}:b-vest:overdue:2026-W45:aad-ola`],
      ['aad-kari', `cadence:${TENANT}:b-styret:boardBelowMinimum:2026-W45:aad-kari`],
      ['aad-ola', `cadence:${TENANT}:b-styret:boardBelowMinimum:2026-W45:aad-ola`],
    ]);
    expect(s.queued[0]!.message).toEqual({
      type: 'text',
      text: 'Ungdomsteam Vest har ikke holdt møte siden tirsdag 1. september 2026 (61 dager). Møtehyppigheten er hver 6. uke. Skriv «møte» i kanalen til Ungdomsteam Vest for å sette opp et møte.',
    });
    expect(s.queued[0]!.target.channelId).toBe('19:vest@thread.tacv2');
  });

  it('sends at most one notice per body and week, however often it runs, and keeps the daily chain going', async () => {
    const s = setup(stats, [body({})]);
    await s.handler(job, { now: NOW, occurrenceId: 'x', attempt: 1 });
    await s.handler(cadenceWatchJob(TENANT, '2026-11-03'), { now: new Date('2026-11-03T06:00:00Z'), occurrenceId: 'y', attempt: 1 });
    expect(s.queued).toHaveLength(2); // two coordinators, once each this week
    await s.handler(cadenceWatchJob(TENANT, '2026-11-09'), { now: new Date('2026-11-09T06:00:00Z'), occurrenceId: 'z', attempt: 1 });
    expect(s.queued).toHaveLength(4); // a new week
    expect(s.scheduled.map((j) => j.key)).toEqual([
      `cadenceWatch:${TENANT}:2026-11-03`,
      `cadenceWatch:${TENANT}:2026-11-04`,
      `cadenceWatch:${TENANT}:2026-11-10`,
    ]);
    expect(osloWeek(new Date('2026-11-09T06:00:00Z'))).toBe('2026-W46');
  });

  it('records the run as skipped when the tenant has no coordinators', async () => {
    const s = setup(stats, [body({})], []);
    expect(await s.handler(job, { now: NOW, occurrenceId: 'x', attempt: 1 })).toEqual({ skipped: 'no coordinators to notify' });
    expect(s.queued).toEqual([]);
  });

  it('writes the notice in English and shows a typed body name as text', () => {
    const text = noticeText('en', { name: '[Vest](https://x.example)' }, { kind: 'boardBelowMinimum', year: 2026, held: 1, planned: 0 });
    expect(text).toBe(
      '\\[Vest\\](https://x.example) is on course for fewer than four meetings in 2026: 1 held and 0 planned. Type "meeting" in the channel of \\[Vest\\](https://x.example) to schedule one.',
    );
  });
});
