import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE_WEEKS, planSeries, utcToOslo } from '../../../src/domain/calendar';

const utcHour = (iso: string): number => new Date(iso).getUTCHours();

describe('planSeries across daylight saving time', () => {
  it('keeps a weekly 18:00 meeting at 18:00 Oslo over the last Sunday of March (UTC 17 → 16)', () => {
    const s = planSeries({ date: '2026-03-17', time: '18:00' }, { cadenceWeeks: 1, count: 4, durationMinutes: 90 });
    expect(s.map((o) => o.date)).toEqual(['2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07']);
    expect(s.map((o) => utcHour(o.startUtc))).toEqual([17, 17, 16, 16]);
    expect(s.every((o) => utcToOslo(o.startUtc).time === '18:00')).toBe(true);
    expect(s[2].endUtc).toBe('2026-03-31T17:30:00.000Z');
  });

  it('keeps a weekly 18:00 meeting at 18:00 Oslo over the last Sunday of October (UTC 16 → 17)', () => {
    const s = planSeries({ date: '2026-10-13', time: '18:00' }, { cadenceWeeks: 1, count: 4, durationMinutes: 90 });
    expect(s.map((o) => o.startUtc)).toEqual(['2026-10-13T16:00:00.000Z', '2026-10-20T16:00:00.000Z', '2026-10-27T17:00:00.000Z', '2026-11-03T17:00:00.000Z']);
  });

  it('keeps a 6-weekly youth-team series at 18:00 through both changes in one year', () => {
    const s = planSeries({ date: '2026-02-17', time: '18:00' }, { cadenceWeeks: DEFAULT_CADENCE_WEEKS.youthTeam, count: 8, durationMinutes: 120 });
    expect(s.map((o) => o.date)).toEqual(['2026-02-17', '2026-03-31', '2026-05-12', '2026-06-23', '2026-08-04', '2026-09-15', '2026-10-27', '2026-12-08']);
    expect(s.map((o) => utcHour(o.startUtc))).toEqual([17, 16, 16, 16, 16, 16, 17, 17]);
    expect(s.every((o) => o.time === '18:00' && o.movedFrom === undefined)).toBe(true);
  });
});

describe('planSeries around holidays', () => {
  it('moves a Monday series off 2. påskedag 2027 to Tuesday and says why', () => {
    const s = planSeries({ date: '2027-02-15', time: '18:00' }, { cadenceWeeks: 6, count: 3, durationMinutes: 120 });
    expect(s[1]).toEqual({
      date: '2027-03-30',
      time: '18:00',
      startUtc: '2027-03-30T16:00:00.000Z',
      endUtc: '2027-03-30T18:00:00.000Z',
      movedFrom: '2027-03-29',
      movedBecause: '2. påskedag',
      movedBecauseEn: 'Easter Monday',
    });
  });

  it('moves a Monday off 17. mai 2027 (also 2. pinsedag) to Tuesday 18 May', () => {
    const s = planSeries({ date: '2027-05-03', time: '09:00' }, { cadenceWeeks: 1, count: 3, durationMinutes: 60 });
    expect(s[2]).toMatchObject({ date: '2027-05-18', movedFrom: '2027-05-17', movedBecause: '17. mai og 2. pinsedag' });
  });

  it('moves a Wednesday off 17. mai 2028, preferring the next day on a tie', () => {
    const s = planSeries({ date: '2028-05-10', time: '09:00' }, { cadenceWeeks: 1, count: 2, durationMinutes: 60 });
    expect(s[1]).toMatchObject({ date: '2028-05-18', movedFrom: '2028-05-17', movedBecause: '17. mai' });
  });

  it('moves a Thursday series off skjærtorsdag (to Wednesday) and Kristi himmelfartsdag 2027 (to Friday)', () => {
    const s = planSeries({ date: '2027-02-11', time: '18:00' }, { cadenceWeeks: 6, count: 4, durationMinutes: 120 });
    expect(s.map((o) => [o.date, o.movedFrom, o.movedBecause])).toEqual([
      ['2027-02-11', undefined, undefined],
      ['2027-03-24', '2027-03-25', 'skjærtorsdag'],
      ['2027-05-07', '2027-05-06', 'Kristi himmelfartsdag'],
      // The rhythm continues from the planned dates, not from the moved ones.
      ['2027-06-17', undefined, undefined],
    ]);
  });

  it('moves a meeting off julaften, which is not a public holiday but offices are closed', () => {
    const s = planSeries({ date: '2027-12-10', time: '10:00' }, { cadenceWeeks: 2, count: 2, durationMinutes: 60 });
    expect(s[1]).toMatchObject({ date: '2027-12-23', movedFrom: '2027-12-24', movedBecause: 'julaften' });
  });

  it('moves a first meeting the user put on a holiday forward, and says so', () => {
    const s = planSeries({ date: '2027-03-29', time: '18:00' }, { cadenceWeeks: 6, count: 2, durationMinutes: 120 });
    expect(s[0]).toMatchObject({ date: '2027-03-30', movedFrom: '2027-03-29', movedBecause: '2. påskedag' });
    expect(s[1].date).toBe('2027-05-10');
  });

  it('never moves the first meeting backwards (a Saturday start goes to Monday, not Friday)', () => {
    const [first] = planSeries({ date: '2026-03-07', time: '18:00' }, { cadenceWeeks: 6, count: 1, durationMinutes: 60 });
    expect(first).toMatchObject({ date: '2026-03-09', movedFrom: '2026-03-07', movedBecause: 'lørdag' });
  });
});

describe('planSeries input and defaults', () => {
  it('has the domain cadences: youth team and coordination group every 6 weeks, board quarterly', () => {
    expect(DEFAULT_CADENCE_WEEKS).toEqual({ youthTeam: 6, coordinationGroup: 6, board: 13 });
  });

  it('plans exactly count occurrences, a board series spanning the year', () => {
    const s = planSeries({ date: '2026-01-20', time: '14:00' }, { cadenceWeeks: DEFAULT_CADENCE_WEEKS.board, count: 4, durationMinutes: 120 });
    expect(s.map((o) => o.date)).toEqual(['2026-01-20', '2026-04-21', '2026-07-21', '2026-10-20']);
  });

  it('throws RangeError on invalid start, cadence, count or duration', () => {
    const opts = { cadenceWeeks: 6, count: 3, durationMinutes: 60 };
    expect(() => planSeries({ date: '2026-02-31', time: '18:00' }, opts)).toThrow(RangeError);
    expect(() => planSeries({ date: '2026-03-03', time: '25:00' }, opts)).toThrow(RangeError);
    expect(() => planSeries({ date: '2026-03-03', time: '18:00' }, { ...opts, cadenceWeeks: 0 })).toThrow(RangeError);
    expect(() => planSeries({ date: '2026-03-03', time: '18:00' }, { ...opts, count: 27 })).toThrow(RangeError);
    expect(() => planSeries({ date: '2026-03-03', time: '18:00' }, { ...opts, durationMinutes: 5 })).toThrow(RangeError);
  });
});
