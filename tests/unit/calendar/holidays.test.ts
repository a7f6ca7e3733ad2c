import { describe, expect, it } from 'vitest';
import { firstWorkingDayOfMonth, isNorwegianHoliday, isWorkingDay, nearestWorkingDay, nonWorkingReason } from '../../../src/domain/calendar';

describe('isNorwegianHoliday', () => {
  it('knows all twelve public holidays of 2027 by their everyday Norwegian names', () => {
    const expected: Record<string, string> = {
      '2027-01-01': '1. nyttårsdag',
      '2027-03-25': 'skjærtorsdag',
      '2027-03-26': 'langfredag',
      '2027-03-28': '1. påskedag',
      '2027-03-29': '2. påskedag',
      '2027-05-01': '1. mai',
      '2027-05-06': 'Kristi himmelfartsdag',
      '2027-05-16': '1. pinsedag',
      '2027-05-17': '17. mai og 2. pinsedag',
      '2027-12-25': '1. juledag',
      '2027-12-26': '2. juledag',
    };
    for (const [date, name] of Object.entries(expected)) {
      expect(isNorwegianHoliday(date), date).toEqual({ holiday: true, name });
    }
  });

  it('names 17. mai alone when it does not coincide with 2. pinsedag', () => {
    expect(isNorwegianHoliday('2028-05-17')).toEqual({ holiday: true, name: '17. mai' });
  });

  it('does not count observances, flag days or julaften/nyttårsaften as public holidays', () => {
    for (const date of ['2026-02-06', '2026-05-08', '2026-06-23', '2026-07-29', '2026-12-24', '2026-12-31']) {
      expect(isNorwegianHoliday(date).holiday, date).toBe(false);
    }
  });

  it('treats an invalid date as not a holiday', () => {
    expect(isNorwegianHoliday('2026-02-31')).toEqual({ holiday: false });
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends, public holidays, julaften and nyttårsaften', () => {
    for (const date of ['2026-03-07', '2026-03-08', '2027-03-29', '2026-12-24', '2026-12-31']) {
      expect(isWorkingDay(date), date).toBe(false);
    }
  });

  it('is true on ordinary weekdays, including observances such as Samefolkets dag and Frigjøringsdagen', () => {
    for (const date of ['2026-03-03', '2026-02-06', '2026-05-08']) expect(isWorkingDay(date), date).toBe(true);
  });

  it('explains why a day is not a working day, in both languages', () => {
    expect(nonWorkingReason('2027-03-29')).toEqual({ kind: 'publicHoliday', nb: '2. påskedag', en: 'Easter Monday' });
    expect(nonWorkingReason('2026-12-24')).toEqual({ kind: 'officeClosed', nb: 'julaften', en: 'Christmas Eve' });
    expect(nonWorkingReason('2026-03-07')).toEqual({ kind: 'weekend', nb: 'lørdag', en: 'Saturday' });
    expect(nonWorkingReason('2026-03-03')).toBeNull();
  });
});

describe('nearestWorkingDay', () => {
  it('leaves a working day alone', () => {
    expect(nearestWorkingDay('2026-03-03')).toEqual({ date: '2026-03-03', moved: false });
  });

  it('moves 2. påskedag to the Tuesday after, naming the holiday', () => {
    expect(nearestWorkingDay('2027-03-29')).toMatchObject({ date: '2027-03-30', moved: true, holidayName: '2. påskedag' });
  });

  it('prefers the next working day on a tie (Kristi himmelfartsdag, Thursday → Friday)', () => {
    expect(nearestWorkingDay('2027-05-06')).toMatchObject({ date: '2027-05-07', holidayName: 'Kristi himmelfartsdag' });
  });

  it('takes the previous working day when it is strictly closer (skjærtorsdag → Wednesday, Saturday → Friday)', () => {
    expect(nearestWorkingDay('2027-03-25').date).toBe('2027-03-24');
    const sat = nearestWorkingDay('2026-03-07');
    expect(sat).toMatchObject({ date: '2026-03-06', moved: true });
    expect(sat.holidayName).toBeUndefined();
  });

  it('moves a Sunday to Monday', () => {
    expect(nearestWorkingDay('2026-03-08').date).toBe('2026-03-09');
  });

  it('only moves forward when asked to', () => {
    expect(nearestWorkingDay('2026-03-07', { forwardOnly: true }).date).toBe('2026-03-09');
    expect(nearestWorkingDay('2027-03-25', { forwardOnly: true }).date).toBe('2027-03-30');
  });

  it('throws RangeError for an invalid date', () => {
    expect(() => nearestWorkingDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('firstWorkingDayOfMonth', () => {
  it('skips 1. nyttårsdag and the weekend in January 2027 → Monday 4 January 08:00 Oslo', () => {
    expect(firstWorkingDayOfMonth(2027, 1)).toBe('2027-01-04T07:00:00.000Z');
  });

  it('skips a Saturday-Sunday start (August 2026) and uses summer time (08:00 CEST = 06:00Z)', () => {
    expect(firstWorkingDayOfMonth(2026, 8)).toBe('2026-08-03T06:00:00.000Z');
  });

  it('skips 1. mai on a Friday (May 2026 → Monday 4 May)', () => {
    expect(firstWorkingDayOfMonth(2026, 5)).toBe('2026-05-04T06:00:00.000Z');
  });

  it('returns the 1st itself when it is a working day', () => {
    expect(firstWorkingDayOfMonth(2026, 12)).toBe('2026-12-01T07:00:00.000Z');
  });

  it('throws RangeError for month 13', () => {
    expect(() => firstWorkingDayOfMonth(2026, 13)).toThrow(RangeError);
  });
});
