import { describe, expect, it } from 'vitest';
import { type AnnualWheelMarker, annualWheelMarkers } from '../../../src/domain/calendar';

const startOf = (m: AnnualWheelMarker): string => ('date' in m ? m.date : m.from);

describe('annualWheelMarkers', () => {
  const markers = annualWheelMarkers(2026);
  const byKey = new Map(markers.map((m) => [m.key, m]));

  it('has the seasonal peaks from the domain, in date order, with Norwegian and English labels', () => {
    expect(markers.map((m) => m.key)).toEqual(['russSeason', 'endOfSchoolParties', 'summerHolidays', 'schoolStart', 'halloween', 'newYear']);
    const starts = markers.map(startOf);
    expect([...starts].sort()).toEqual(starts);
    for (const m of markers) expect(m.nb && m.en, m.key).toBeTruthy();
  });

  it('ends russ season on 17 May and puts Halloween on 31 October and New Year on 31 December', () => {
    expect(byKey.get('russSeason')).toMatchObject({ to: '2026-05-17' });
    expect(byKey.get('halloween')).toMatchObject({ date: '2026-10-31', approximate: false });
    expect(byKey.get('newYear')).toMatchObject({ date: '2026-12-31', approximate: false });
  });

  it('places school start on a Monday in August right after the summer holidays, flagged approximate', () => {
    expect(byKey.get('schoolStart')).toMatchObject({ date: '2026-08-17', approximate: true });
    expect(byKey.get('summerHolidays')).toMatchObject({ from: '2026-06-20', to: '2026-08-16', approximate: true });
    expect(byKey.get('endOfSchoolParties')).toMatchObject({ from: '2026-06-01', to: '2026-06-19' });
  });

  it('rejects a non-integer year', () => {
    expect(() => annualWheelMarkers(2026.5)).toThrow(RangeError);
  });
});
