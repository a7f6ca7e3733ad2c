import { describe, expect, it } from 'vitest';
import {
  isHeld,
  isUpcoming,
  jobStillMeaningful,
  type Meeting,
  meetingJobKeys,
  meetingJobs,
  movedReason,
  nextUsualDate,
  shortDate,
  upcoming,
} from '../../src/domain/meetings';

/** Thursday 18 March 2027, 18:00–20:00 Oslo (CET, UTC+1). */
function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    tenantId: 'tenant-a',
    bodyId: 'b0123456789abcdef',
    id: 'm0123456789abcdef-1',
    startUtc: '2027-03-18T17:00:00.000Z',
    endUtc: '2027-03-18T19:00:00.000Z',
    durationMinutes: 120,
    location: 'Ungdomshuset, møterom 2',
    status: 'scheduled',
    icsToken: 'abcdefghijklmnopqrstuvwx',
    createdBy: 'aad-kari',
    createdAt: '2027-01-04T09:00:00.000Z',
    ...over,
  };
}

const at = (iso: string) => new Date(iso);
const byKind = (jobs: ReturnType<typeof meetingJobs>) => Object.fromEntries(jobs.map((j) => [j.kind, j]));

describe('meeting jobs from lead times', () => {
  it('gives call for topics 7 days before, agenda 2 days before, reminder at 08:00 Oslo on the day and minutes prompt 15 minutes after the end', () => {
    const jobs = byKind(meetingJobs(meeting(), at('2027-01-04T09:00:00Z')));
    expect(jobs.callForTopics).toMatchObject({
      key: 'callForTopics:m0123456789abcdef-1',
      dueAt: '2027-03-11T17:00:00.000Z',
      notAfter: '2027-03-18T17:00:00.000Z',
    });
    expect(jobs.agenda).toMatchObject({ dueAt: '2027-03-16T17:00:00.000Z', notAfter: '2027-03-18T17:00:00.000Z' });
    // 08:00 CET = 07:00 UTC
    expect(jobs.reminder).toMatchObject({ dueAt: '2027-03-18T07:00:00.000Z', notAfter: '2027-03-18T17:00:00.000Z' });
    expect(jobs.minutesPrompt).toMatchObject({ dueAt: '2027-03-18T19:15:00.000Z', notAfter: '2027-04-01T19:00:00.000Z' });
    for (const j of Object.values(jobs))
      expect(j).toMatchObject({ tenantId: 'tenant-a', payload: { bodyId: 'b0123456789abcdef', meetingId: 'm0123456789abcdef-1' } });
  });

  it('puts the reminder at 08:00 summer time (06:00 UTC) for a meeting after the clocks change', () => {
    const jobs = byKind(meetingJobs(meeting({ startUtc: '2027-04-01T16:00:00.000Z', endUtc: '2027-04-01T18:00:00.000Z' }), at('2027-01-04T09:00:00Z')));
    expect(jobs.reminder!.dueAt).toBe('2027-04-01T06:00:00.000Z');
  });

  it('reminds an hour before a meeting that starts before 08:00', () => {
    const jobs = byKind(meetingJobs(meeting({ startUtc: '2027-03-18T06:30:00.000Z', endUtc: '2027-03-18T07:30:00.000Z' }), at('2027-01-04T09:00:00Z')));
    expect(jobs.reminder!.dueAt).toBe('2027-03-18T05:30:00.000Z');
  });

  it('makes a job that is already past its due time due now, while it still makes sense', () => {
    // Planned 3 days ahead: call for topics (due 7 days before) goes out at once.
    const now = at('2027-03-15T10:00:00.000Z');
    const jobs = byKind(meetingJobs(meeting(), now));
    expect(jobs.callForTopics!.dueAt).toBe(now.toISOString());
    expect(jobs.agenda!.dueAt).toBe('2027-03-16T17:00:00.000Z');
  });

  it('leaves out every pre-meeting job once the meeting has started, but keeps the minutes prompt', () => {
    const jobs = meetingJobs(meeting(), at('2027-03-18T17:30:00Z'));
    expect(jobs.map((j) => j.kind)).toEqual(['minutesPrompt']);
  });

  it('schedules nothing for a cancelled meeting, or for one whose minutes window has closed', () => {
    expect(meetingJobs(meeting({ status: 'cancelled' }), at('2027-01-04T09:00:00Z'))).toEqual([]);
    expect(meetingJobs(meeting(), at('2027-04-01T19:00:00Z'))).toEqual([]);
  });

  it('names all four job keys of a meeting, for cancelling', () => {
    expect(meetingJobKeys('m1')).toEqual(['callForTopics:m1', 'agenda:m1', 'reminder:m1', 'minutesPrompt:m1']);
  });
});

describe('whether a meeting job still acts when it runs', () => {
  it('posts no agenda for a meeting that has started, and nothing for a cancelled one', () => {
    expect(jobStillMeaningful('agenda', meeting(), at('2027-03-16T17:00:00Z'))).toBe(true);
    expect(jobStillMeaningful('agenda', meeting(), at('2027-03-18T17:00:00Z'))).toBe(false);
    expect(jobStillMeaningful('reminder', meeting({ status: 'cancelled' }), at('2027-03-18T07:00:00Z'))).toBe(false);
  });

  it('prompts for minutes up to 14 days after the end, not later', () => {
    expect(jobStillMeaningful('minutesPrompt', meeting(), at('2027-03-30T12:00:00Z'))).toBe(true);
    expect(jobStillMeaningful('minutesPrompt', meeting(), at('2027-04-02T12:00:00Z'))).toBe(false);
  });
});

describe('upcoming and held meetings', () => {
  const a = meeting({ id: 'a', startUtc: '2027-05-06T16:00:00.000Z', endUtc: '2027-05-06T18:00:00.000Z' });
  const b = meeting({ id: 'b' });
  const c = meeting({ id: 'c', status: 'cancelled', startUtc: '2027-04-01T16:00:00.000Z', endUtc: '2027-04-01T18:00:00.000Z' });

  it('lists meetings that are not cancelled and not over, soonest first, including one in progress', () => {
    expect(upcoming([a, b, c], at('2027-03-01T00:00:00Z')).map((m) => m.id)).toEqual(['b', 'a']);
    expect(isUpcoming(b, at('2027-03-18T18:00:00Z'))).toBe(true);
    expect(isUpcoming(b, at('2027-03-18T19:00:00Z'))).toBe(false);
  });

  it('counts a meeting as held once its end has passed, unless it was cancelled', () => {
    expect(isHeld(b, at('2027-03-18T19:00:00Z'))).toBe(true);
    expect(isHeld(b, at('2027-03-18T18:59:59Z'))).toBe(false);
    expect(isHeld(c, at('2027-12-01T00:00:00Z'))).toBe(false);
  });
});

describe('wording around dates', () => {
  it('says "grunnlovsdag" rather than repeating the date 17. mai', () => {
    expect(movedReason({ movedBecause: '17. mai og 2. pinsedag' }, 'nb')).toBe('grunnlovsdag og 2. pinsedag');
    expect(movedReason({ movedBecause: '2. påskedag', movedBecauseEn: 'Easter Monday' }, 'en')).toBe('Easter Monday');
    expect(shortDate('2027-05-17', 'nb')).toBe('17. mai');
  });

  it('proposes the next usual weekday after today in Oslo', () => {
    // Monday 2 Nov 2026, usual weekday Thursday → 5 Nov; a Monday body → the Monday after.
    expect(nextUsualDate(at('2026-11-02T09:00:00Z'), 4)).toBe('2026-11-05');
    expect(nextUsualDate(at('2026-11-02T09:00:00Z'), 1)).toBe('2026-11-09');
    expect(nextUsualDate(at('2026-11-02T23:30:00Z'), undefined)).toBe('2026-11-04');
  });
});
