import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { meetingIcs } from '../../../src/domain/calendar';

const meeting = {
  meetingId: 'mtg-2026-03-03-ut-ost',
  title: 'Ungdomsteam østre, 13–16; møte 2',
  startUtc: '2026-03-03T17:00:00.000Z',
  endUtc: '2026-03-03T19:00:00.000Z',
  location: 'Rådhuset, møterom Kalkbrenneriet',
  description: 'Dagsorden:\n1. Politiets oppdatering\n2. Utfordringsbildet lokalt\n3. Eventuelt',
  stampUtc: '2026-02-20T08:00:00.000Z',
};

function parseSingleEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0];
}

describe('meetingIcs', () => {
  it('produces a VEVENT that node-ical reads back with the right start, end, summary, location and uid', () => {
    const ev = parseSingleEvent(meetingIcs(meeting));
    expect(ev.start.toISOString()).toBe(meeting.startUtc);
    expect(ev.end?.toISOString()).toBe(meeting.endUtc);
    expect(ev.summary).toBe(meeting.title);
    expect(ev.location).toBe(meeting.location);
    expect(ev.description).toBe(meeting.description);
    expect(ev.uid).toBe('mtg-2026-03-03-ut-ost@slt-boten');
  });

  it('writes a published calendar with PRODID SLT-boten and UTC times', () => {
    const text = meetingIcs(meeting);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('\r\nPRODID:SLT-boten\r\n');
    expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(text).toContain('\r\nDTSTART:20260303T170000Z\r\n');
    expect(text).toContain('\r\nDTEND:20260303T190000Z\r\n');
    expect(text).toContain('\r\nSTATUS:CONFIRMED\r\n');
  });

  it('keeps the UID stable for the same meetingId and is byte-identical with a fixed stamp', () => {
    expect(meetingIcs(meeting)).toBe(meetingIcs(meeting));
    const moved = meetingIcs({ ...meeting, startUtc: '2026-03-04T17:00:00.000Z', endUtc: '2026-03-04T19:00:00.000Z' });
    expect(parseSingleEvent(moved).uid).toBe(parseSingleEvent(meetingIcs(meeting)).uid);
  });

  it('marks a cancelled meeting with STATUS:CANCELLED and METHOD:CANCEL, outranking the invitation', () => {
    const text = meetingIcs({ ...meeting, cancelled: true });
    expect(text).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(text).not.toContain('METHOD:PUBLISH');
    const ev = parseSingleEvent(text);
    expect(ev.status).toBe('CANCELLED');
    expect(Number(ev.sequence)).toBeGreaterThan(0);
  });

  it('omits LOCATION and DESCRIPTION when not given', () => {
    const text = meetingIcs({ meetingId: 'm1', title: 'Koordineringsgruppen', startUtc: meeting.startUtc, endUtc: meeting.endUtc });
    expect(text).not.toContain('LOCATION');
    expect(text).not.toContain('DESCRIPTION');
  });

  it('rejects an end before the start and invalid instants', () => {
    expect(() => meetingIcs({ ...meeting, endUtc: meeting.startUtc })).toThrow(RangeError);
    expect(() => meetingIcs({ ...meeting, startUtc: 'soon' })).toThrow(RangeError);
  });
});
