import { describe, expect, it } from 'vitest';
import { formatDate, formatMeetingTime } from '../../../src/domain/calendar';

describe('formatMeetingTime', () => {
  it('formats in Norwegian and English in Oslo time (winter)', () => {
    expect(formatMeetingTime('2026-03-03T17:00:00.000Z', 'nb')).toBe('tirsdag 3. mars 2026 kl. 18:00');
    expect(formatMeetingTime('2026-03-03T17:00:00.000Z', 'en')).toBe('Tuesday 3 March 2026 at 18:00');
  });

  it('shows Oslo summer time, not UTC', () => {
    expect(formatMeetingTime('2026-06-16T16:00:00.000Z', 'nb')).toBe('tirsdag 16. juni 2026 kl. 18:00');
  });

  it('shows the Oslo date when UTC is still the day before', () => {
    expect(formatMeetingTime('2026-01-04T23:30:00.000Z', 'en')).toBe('Monday 5 January 2026 at 00:30');
  });

  it('returns unparseable input unchanged instead of throwing', () => {
    expect(formatMeetingTime('nonsense', 'nb')).toBe('nonsense');
  });
});

describe('formatDate', () => {
  it('has full ICU: Norwegian month and weekday names for the whole year', () => {
    const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
    months.forEach((name, i) => {
      expect(formatDate(`2026-${String(i + 1).padStart(2, '0')}-15`, 'nb')).toContain(` 15. ${name} 2026`);
    });
    expect(formatDate('2026-03-07', 'nb')).toBe('lørdag 7. mars 2026');
    expect(formatDate('2026-03-08', 'nb')).toBe('søndag 8. mars 2026');
  });

  it('formats in English with day before month', () => {
    expect(formatDate('2026-03-03', 'en')).toBe('Tuesday 3 March 2026');
  });

  it('returns an invalid date unchanged', () => {
    expect(formatDate('2026-02-31', 'nb')).toBe('2026-02-31');
  });
});
