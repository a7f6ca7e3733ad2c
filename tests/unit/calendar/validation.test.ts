import { describe, expect, it } from 'vitest';
import { calendarErrorKey, calendarErrorText, validateMeetingInput } from '../../../src/domain/calendar';

// 13:00 in Oslo on Tuesday 10 March 2026.
const NOW = '2026-03-10T12:00:00.000Z';
const ok = { date: '2026-03-17', time: '18:00', durationMinutes: 120, count: 6 };

describe('validateMeetingInput', () => {
  it('accepts a complete, valid future meeting', () => {
    expect(validateMeetingInput(ok, NOW)).toEqual([]);
  });

  it('reports missing date and time as required (also for blank strings)', () => {
    const required = [
      { field: 'date', code: 'required' },
      { field: 'time', code: 'required' },
    ];
    expect(validateMeetingInput({}, NOW)).toEqual(required);
    expect(validateMeetingInput({ date: '', time: '  ' }, NOW)).toEqual(required);
  });

  it('rejects 2026-02-31 and non-ISO formats as invalidDate', () => {
    for (const date of ['2026-02-31', '2026-3-5', '17.03.2026', '2026-13-01']) {
      expect(validateMeetingInput({ ...ok, date }, NOW), date).toEqual([{ field: 'date', code: 'invalidDate' }]);
    }
  });

  it('rejects 25:00, 24:00 and single-digit hours as invalidTime', () => {
    for (const time of ['25:00', '24:00', '9:00', '18:60', '18.00']) {
      expect(validateMeetingInput({ ...ok, time }, NOW), time).toEqual([{ field: 'time', code: 'invalidTime' }]);
    }
    expect(validateMeetingInput({ ...ok, time: '00:00' }, NOW)).toEqual([]);
    expect(validateMeetingInput({ ...ok, time: '23:59' }, NOW)).toEqual([]);
  });

  it('rejects a date before today in Oslo as inPast', () => {
    expect(validateMeetingInput({ ...ok, date: '2026-03-09' }, NOW)).toEqual([{ field: 'date', code: 'inPast' }]);
  });

  it('uses the Oslo date, not the UTC date, for "today"', () => {
    // 23:30Z on 10 March is already 00:30 on 11 March in Oslo.
    const lateNow = '2026-03-10T23:30:00.000Z';
    expect(validateMeetingInput({ ...ok, date: '2026-03-10' }, lateNow)).toEqual([{ field: 'date', code: 'inPast' }]);
    expect(validateMeetingInput({ ...ok, date: '2026-03-11' }, lateNow)).toEqual([]);
  });

  it('accepts today later in the day, but reports an already-passed time today as time inPast', () => {
    expect(validateMeetingInput({ ...ok, date: '2026-03-10', time: '14:00' }, NOW)).toEqual([]);
    expect(validateMeetingInput({ ...ok, date: '2026-03-10', time: '12:00' }, NOW)).toEqual([{ field: 'time', code: 'inPast' }]);
  });

  it('reports a time that does not exist because of DST as invalidTime', () => {
    expect(validateMeetingInput({ ...ok, date: '2026-03-29', time: '02:30' }, NOW)).toEqual([{ field: 'time', code: 'invalidTime' }]);
  });

  it('keeps durationMinutes within 15–480 and count within 1–26, whole numbers only', () => {
    for (const durationMinutes of [14, 481, 90.5, Number.NaN]) {
      expect(validateMeetingInput({ ...ok, durationMinutes }, NOW)).toEqual([{ field: 'durationMinutes', code: 'outOfRange' }]);
    }
    for (const count of [0, 27, 2.5]) {
      expect(validateMeetingInput({ ...ok, count }, NOW)).toEqual([{ field: 'count', code: 'outOfRange' }]);
    }
    expect(validateMeetingInput({ ...ok, durationMinutes: 15, count: 1 }, NOW)).toEqual([]);
    expect(validateMeetingInput({ ...ok, durationMinutes: 480, count: 26 }, NOW)).toEqual([]);
  });

  it('treats durationMinutes and count as optional', () => {
    expect(validateMeetingInput({ date: ok.date, time: ok.time }, NOW)).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(validateMeetingInput({ date: '2026-02-31', time: '25:00', durationMinutes: 5, count: 99 }, NOW)).toEqual([
      { field: 'date', code: 'invalidDate' },
      { field: 'time', code: 'invalidTime' },
      { field: 'durationMinutes', code: 'outOfRange' },
      { field: 'count', code: 'outOfRange' },
    ]);
  });

  it('allows holidays by default (planSeries moves them) and rejects them only when asked', () => {
    const easterMonday = { ...ok, date: '2027-03-29' };
    expect(validateMeetingInput(easterMonday, NOW)).toEqual([]);
    expect(validateMeetingInput(easterMonday, NOW, { rejectNonWorkingDays: true })).toEqual([{ field: 'date', code: 'holiday' }]);
  });
});

describe('calendar error messages', () => {
  it('has a stable key and a Norwegian and English text', () => {
    const e = { field: 'date', code: 'invalidDate' } as const;
    expect(calendarErrorKey(e)).toBe('calendar.date.invalidDate');
    expect(calendarErrorText(e, 'nb')).toMatch(/Datoen finnes ikke/);
    expect(calendarErrorText(e, 'en')).toMatch(/does not exist/);
  });

  it('names the holiday in the holiday message', () => {
    const e = { field: 'date', code: 'holiday' } as const;
    expect(calendarErrorText(e, 'nb', '2027-03-29')).toContain('2. påskedag');
    expect(calendarErrorText(e, 'en', '2027-03-29')).toContain('Easter Monday');
  });

  it('states the allowed range', () => {
    expect(calendarErrorText({ field: 'count', code: 'outOfRange' }, 'nb')).toBe('Antall møter må være mellom 1 og 26.');
  });
});
