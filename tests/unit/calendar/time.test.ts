import { describe, expect, it } from 'vitest';
import { OSLO, osloToUtc, utcToOslo } from '../../../src/domain/calendar';

describe('osloToUtc', () => {
  it('uses the time zone Europe/Oslo', () => {
    expect(OSLO).toBe('Europe/Oslo');
  });

  it('converts winter time (CET, UTC+1) and summer time (CEST, UTC+2)', () => {
    expect(osloToUtc({ date: '2026-03-03', time: '18:00' })).toBe('2026-03-03T17:00:00.000Z');
    expect(osloToUtc({ date: '2026-03-30', time: '18:00' })).toBe('2026-03-30T16:00:00.000Z');
  });

  it('returns null for a time inside the spring-forward gap instead of silently shifting it', () => {
    expect(osloToUtc({ date: '2026-03-29', time: '02:30' })).toBeNull();
    expect(osloToUtc({ date: '2026-03-29', time: '03:00' })).toBe('2026-03-29T01:00:00.000Z');
  });

  it('returns null for impossible dates and malformed times, never throwing', () => {
    expect(osloToUtc({ date: '2026-02-31', time: '10:00' })).toBeNull();
    expect(osloToUtc({ date: '2026-02-28', time: '25:00' })).toBeNull();
    expect(osloToUtc({ date: '28.02.2026', time: '10:00' })).toBeNull();
    expect(osloToUtc({ date: '', time: '' })).toBeNull();
  });
});

describe('utcToOslo', () => {
  it('gives the Oslo wall clock and ISO weekday (1 = Monday)', () => {
    expect(utcToOslo('2026-03-03T17:00:00.000Z')).toEqual({ date: '2026-03-03', time: '18:00', weekday: 2 });
    expect(utcToOslo('2026-06-14T22:30:00Z')).toEqual({ date: '2026-06-15', time: '00:30', weekday: 1 });
  });

  it('round-trips with osloToUtc on both sides of DST', () => {
    for (const date of ['2026-01-15', '2026-07-15', '2026-10-26']) {
      const utc = osloToUtc({ date, time: '18:00' });
      expect(utc).not.toBeNull();
      expect(utcToOslo(utc ?? '')).toMatchObject({ date, time: '18:00' });
    }
  });

  it('throws RangeError for a value that is not an instant', () => {
    expect(() => utcToOslo('not a date')).toThrow(RangeError);
  });
});
