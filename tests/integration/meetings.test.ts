import ical, { type VEvent } from 'node-ical';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { icsFor } from '../../src/app/meetings';
import { utcToOslo } from '../../src/domain/calendar';
import { type NewMeeting, planMeetings } from '../../src/domain/meetings';
import { listAll } from '../../src/storage/etag';
import { BodyRepository, bodyIdFor } from '../../src/storage/table/bodies';
import { MeetingRepository, meetingPartition } from '../../src/storage/table/meetings';
import { TableStore } from '../../src/storage/tables';
import { BOT, CHANNELS, PEOPLE, TEAM_ID } from '../support/activities';
import { uniquePrefix } from '../support/harness';

const NOW = new Date('2026-11-02T09:00:00Z');
let n = 0;
const series = (): string => `m${(0xabc000 + ++n).toString(16).padStart(16, '0')}`;

describe('meetings repository against Azurite', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const meetings = new MeetingRepository(store.table('meetings'));
  const bodies = new BodyRepository(store.table('bodies'));
  const tenantId = 'tenant-meetings';
  const bodyId = bodyIdFor(CHANNELS.vest.id);

  function plan(date: string, count: number, cadenceWeeks: number, seriesId = series()): NewMeeting[] {
    return planMeetings(
      { date, time: '18:00', durationMinutes: 120, location: 'Ungdomshuset, møterom 2', count, cadenceWeeks },
      { tenantId, bodyId, seriesId, createdBy: PEOPLE.kari.aadObjectId, now: NOW },
    );
  }

  beforeAll(async () => {
    await store.ensureTables();
    await bodies.upsert({
      tenantId,
      kind: 'youthTeam',
      name: 'Ungdomsteam Vest 13-16',
      cadenceWeeks: 6,
      weekday: 4,
      time: '18:00',
      durationMinutes: 120,
      channelId: CHANNELS.vest.id,
      channelName: CHANNELS.vest.name,
      channelType: 'private',
      ref: {
        serviceUrl: 'https://smba.example.invalid/',
        conversationId: CHANNELS.vest.id,
        tenantId,
        botId: BOT.id,
        teamId: TEAM_ID,
        channelId: CHANNELS.vest.id,
      },
      registeredBy: PEOPLE.kari.aadObjectId,
      at: NOW.toISOString(),
    });
  });

  it('keeps 18:00 Oslo time for every meeting of a series across the last Sundays of March and October', async () => {
    // Every 6 weeks from Thursday 18 Feb 2027: winter, summer and winter time again.
    const { created, meetings: stored } = await meetings.createSeries(plan('2027-02-18', 8, 6));
    expect(created).toBe(true);
    const back = await meetings.listForBody(tenantId, bodyId);
    const mine = back.filter((m) => m.seriesId === stored[0]!.seriesId);
    expect(mine.map((m) => utcToOslo(m.startUtc).date)).toEqual([
      '2027-02-18',
      '2027-04-01',
      '2027-05-13',
      '2027-06-24',
      '2027-08-05',
      '2027-09-16',
      '2027-10-28',
      '2027-12-09',
    ]);
    expect(mine.map((m) => utcToOslo(m.startUtc).time)).toEqual(Array(8).fill('18:00'));
    // The UTC hour shifts with daylight saving: 17:00Z in winter, 16:00Z in summer.
    expect(mine.map((m) => m.startUtc.slice(11, 16))).toEqual(['17:00', '16:00', '16:00', '16:00', '16:00', '16:00', '16:00', '17:00']);
    expect(mine.every((m) => Date.parse(m.endUtc) - Date.parse(m.startUtc) === 120 * 60_000)).toBe(true);
  });

  it('moves meetings off Easter Monday, 17 May and Ascension Day to the nearest working day and records why', async () => {
    // Weekly on Mondays from 22 Mar 2027: 29 Mar is Easter Monday, 17 May is Constitution Day and Whit Monday.
    const mondays = await meetings.createSeries(plan('2027-03-22', 9, 1));
    const moved = mondays.meetings.filter((m) => m.movedFrom);
    expect(moved.map((m) => [m.movedFrom, utcToOslo(m.startUtc).date, m.movedBecause])).toEqual([
      ['2027-03-29', '2027-03-30', '2. påskedag'],
      ['2027-05-17', '2027-05-18', '17. mai og 2. pinsedag'],
    ]);
    // Weekly on Thursdays from 29 Apr 2027: 6 May is Ascension Day → Friday 7 May.
    const thursdays = await meetings.createSeries(plan('2027-04-29', 2, 1));
    const ascension = thursdays.meetings[1]!;
    expect([ascension.movedFrom, utcToOslo(ascension.startUtc).date, ascension.movedBecause, ascension.movedBecauseEn]).toEqual([
      '2027-05-06',
      '2027-05-07',
      'Kristi himmelfartsdag',
      'Ascension Day',
    ]);
    // What is stored is what is read back.
    const again = await meetings.get(tenantId, bodyId, ascension.id);
    expect(again).toMatchObject({ movedFrom: '2027-05-06', movedBecause: 'Kristi himmelfartsdag', status: 'scheduled' });
  });

  it('stores nothing of a series when one of its rows cannot be written', async () => {
    const s = series();
    const good = plan('2027-09-06', 3, 6, s);
    // A row key with '/' is rejected by the table service: the whole transaction must fail.
    const broken = [good[0]!, { ...good[1]!, id: 'bad/key' }, good[2]!];
    await expect(meetings.createSeries(broken)).rejects.toThrow();
    const rows = await listAll<{ seriesId?: string }>(store.table('meetings'), `PartitionKey eq '${meetingPartition(tenantId, bodyId)}'`);
    expect(rows.filter((r) => r.seriesId === s)).toEqual([]);
    // Its download tokens lead nowhere.
    const pointers = await listAll<{ meetingId: string }>(store.table('meetings'), `PartitionKey ge 'ics|' and PartitionKey lt 'ics}'`);
    for (const p of pointers.filter((r) => r.meetingId.startsWith(s))) expect(await meetings.byIcsToken(p.rowKey as string)).toBeUndefined();
  });

  it('stores one series when the same series is written twice at once (double click), with one download token per meeting', async () => {
    const s = series();
    const [a, b] = await Promise.all([meetings.createSeries(plan('2027-01-14', 4, 6, s)), meetings.createSeries(plan('2027-01-14', 4, 6, s))]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(b.meetings.map((m) => m.icsToken)).toEqual(a.meetings.map((m) => m.icsToken));
    const rows = (await meetings.listForBody(tenantId, bodyId)).filter((m) => m.seriesId === s);
    expect(rows).toHaveLength(4);
    // Only the winner's tokens resolve.
    const pointers = await listAll<{ meetingId: string }>(store.table('meetings'), `PartitionKey ge 'ics|' and PartitionKey lt 'ics}'`);
    const resolving = [];
    for (const p of pointers.filter((r) => r.meetingId.startsWith(s))) if (await meetings.byIcsToken(p.rowKey as string)) resolving.push(p.rowKey);
    expect(resolving.sort()).toEqual(rows.map((m) => m.icsToken).sort());
  });

  it('finds a meeting by its download token and serves a calendar file that node-ical reads', async () => {
    const { meetings: stored } = await meetings.createSeries(plan('2027-02-04', 1, 6));
    const m = stored[0]!;
    expect(m.icsToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await meetings.byIcsToken(m.icsToken))?.id).toBe(m.id);
    expect(await meetings.byIcsToken('A'.repeat(24))).toBeUndefined();
    expect(await meetings.byIcsToken('../../etc/passwd')).toBeUndefined();

    const file = await icsFor({ bodies, meetings }, m.icsToken);
    expect(file?.fileName).toBe('slt-mote-2027-02-04.ics');
    const ev = Object.values(ical.sync.parseICS(file!.text)).find((c): c is VEvent => c?.type === 'VEVENT')!;
    expect(ev.start.toISOString()).toBe('2027-02-04T17:00:00.000Z');
    expect(ev.summary).toBe('SLT: Ungdomsteam Vest 13-16');
    expect(ev.location).toBe('Ungdomshuset, møterom 2');
  });

  it('cancels a meeting once (ETag-guarded), keeps its reason, and the calendar file then says CANCEL', async () => {
    const { meetings: stored } = await meetings.createSeries(plan('2027-03-04', 1, 6));
    const m = stored[0]!;
    const first = await meetings.cancel(tenantId, bodyId, m.id, PEOPLE.kari.aadObjectId, 'Lite å ta opp', NOW);
    expect(first).toMatchObject({ ok: true, changed: true, meeting: { status: 'cancelled', cancelReason: 'Lite å ta opp' } });
    const second = await meetings.cancel(tenantId, bodyId, m.id, PEOPLE.ola.aadObjectId, 'annen grunn', NOW);
    expect(second).toMatchObject({ ok: true, changed: false, meeting: { cancelledBy: PEOPLE.kari.aadObjectId, cancelReason: 'Lite å ta opp' } });
    expect((await meetings.upcomingForBody(tenantId, bodyId, NOW)).map((x) => x.id)).not.toContain(m.id);
    const file = await icsFor({ bodies, meetings }, m.icsToken);
    expect(file!.text).toContain('METHOD:CANCEL');
    expect(file!.text).toContain('STATUS:CANCELLED');
  });

  it('refuses to cancel a meeting that is over, and an unknown one', async () => {
    const { meetings: stored } = await meetings.createSeries(plan('2026-11-05', 1, 6));
    const after = new Date('2026-11-05T20:00:00Z');
    expect(await meetings.cancel(tenantId, bodyId, stored[0]!.id, PEOPLE.kari.aadObjectId, '', after)).toEqual({ ok: false, reason: 'over' });
    expect(await meetings.cancel(tenantId, bodyId, 'm0000000000000000-9', PEOPLE.kari.aadObjectId, '', NOW)).toEqual({ ok: false, reason: 'notFound' });
  });

  it('keeps an invitation’s organizer and event on the meeting row, written with the row’s ETag', async () => {
    const planned = planMeetings(
      { date: '2027-03-04', time: '18:00', durationMinutes: 90, count: 1, cadenceWeeks: 6 },
      { tenantId, bodyId, seriesId: series(), createdBy: PEOPLE.kari.aadObjectId, now: NOW, organizer: PEOPLE.kari.aadObjectId },
    );
    const [m] = (await meetings.createSeries(planned)).meetings;
    expect(m!.organizer).toBe(PEOPLE.kari.aadObjectId);

    // Two writers at once (the job recording its event, the outbox its card id, a cancel): both land.
    const [a, b] = await Promise.all([
      meetings.recordInvitation(tenantId, bodyId, m!.id, (cur) =>
        cur.eventId ? undefined : { eventId: 'ev-1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/1', eventWhen: 'w1', eventWho: 'p1' },
      ),
      meetings.cancel(tenantId, bodyId, m!.id, PEOPLE.kari.aadObjectId, 'Flyttet til neste uke', NOW),
    ]);
    expect(a?.eventId).toBe('ev-1');
    expect(b).toMatchObject({ ok: true, changed: true });
    const back = await meetings.get(tenantId, bodyId, m!.id);
    expect(back).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Flyttet til neste uke',
      organizer: PEOPLE.kari.aadObjectId,
      eventId: 'ev-1',
      eventWho: 'p1',
    });

    // A decision made on a stale row is made again on the current one: here, nothing more to write.
    const again = await meetings.recordInvitation(tenantId, bodyId, m!.id, (cur) => (cur.eventCancelled ? undefined : { eventCancelled: true }));
    expect(again?.eventCancelled).toBe(true);
    const unchanged = await meetings.recordInvitation(tenantId, bodyId, m!.id, (cur) => (cur.eventCancelled ? undefined : { eventCancelled: true }));
    expect(unchanged?.eventCancelled).toBe(true);
    expect(await meetings.recordInvitation(tenantId, bodyId, 'm0000000000000000-9', () => ({ eventId: 'x' }))).toBeUndefined();
  });
});
