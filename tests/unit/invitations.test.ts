import { describe, expect, it } from 'vitest';
import {
  attendeesFrom,
  CalendarCallError,
  eventWhen,
  invitationRetryMs,
  nextInvitationStep,
  transactionIdOf,
  whenHash,
  whoHash,
} from '../../src/domain/invitations';
import type { Meeting } from '../../src/domain/meetings';
import { invitationHtml } from '../../src/views/invitations';
import { calendarLinks, meetingCard } from '../../src/views/meetings';
import { statusCard } from '../../src/views/status';
import { cardTexts } from '../support/harness';

const NOW = new Date('2026-11-02T09:00:00Z');
const BODY = { name: 'Ungdomsteam Vest 13-16', channelName: 'Ungdomsteam Vest' };
const base: Meeting = {
  tenantId: 't',
  bodyId: 'b',
  id: 'm0123456789abcdef-1',
  startUtc: '2027-02-15T17:00:00.000Z',
  endUtc: '2027-02-15T19:00:00.000Z',
  durationMinutes: 120,
  location: 'Ungdomshuset',
  status: 'scheduled',
  icsToken: 'AbCdEfGhIjKlMnOpQrStUvWx',
  createdBy: 'aad-kari',
  createdAt: NOW.toISOString(),
};
const ATTENDEES = [
  { address: 'ola@vestby.example', name: 'Ola' },
  { address: 'amina@vestby.example', name: 'Amina' },
];
const want = (m: Meeting = base, attendees = ATTENDEES) => ({ when: eventWhen(m, BODY), attendees });
const invited = (over: Partial<Meeting> = {}): Meeting => ({ ...base, organizer: 'aad-kari', ...over });
const inStep = (over: Partial<Meeting> = {}): Meeting =>
  invited({ eventId: 'ev1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', eventWhen: whenHash(want().when), eventWho: whoHash(ATTENDEES), ...over });

describe('the next step of a meeting’s invitation', () => {
  it('does nothing for an .ics meeting or one that is over', () => {
    expect(nextInvitationStep(base, want(), NOW)).toEqual({ kind: 'none', why: 'notGraph' });
    expect(nextInvitationStep(invited(), want(), new Date('2027-02-15T19:00:00Z'))).toEqual({ kind: 'none', why: 'over' });
  });

  it('creates the event first, then leaves it alone while nothing changed', () => {
    expect(nextInvitationStep(invited(), want(), NOW)).toEqual({ kind: 'create' });
    expect(nextInvitationStep(inStep(), want(), NOW)).toEqual({ kind: 'none', why: 'inStep' });
  });

  it('updates only the attendees when members joined or left, and the time when the meeting moved', () => {
    const joined = [...ATTENDEES, { address: 'jonas@vestby.example', name: 'Jonas' }];
    expect(nextInvitationStep(inStep(), want(base, joined), NOW)).toEqual({ kind: 'update', when: false, attendees: true });
    const moved = { ...base, startUtc: '2027-02-16T17:00:00.000Z', endUtc: '2027-02-16T19:00:00.000Z' };
    expect(nextInvitationStep(inStep(moved), want(moved), NOW)).toEqual({ kind: 'update', when: true, attendees: false });
    expect(nextInvitationStep(inStep({ location: 'Rådhuset' }), want({ ...base, location: 'Rådhuset' }), NOW)).toMatchObject({ when: true });
  });

  it('fetches the Teams link when the event came without one', () => {
    expect(nextInvitationStep(inStep({ joinUrl: undefined }), want(), NOW)).toEqual({ kind: 'fetchLink' });
  });

  it('cancels a cancelled meeting’s event once, also when no event is known (a lost create may have made one)', () => {
    expect(nextInvitationStep(inStep({ status: 'cancelled' }), undefined, NOW)).toEqual({ kind: 'cancel' });
    expect(nextInvitationStep(invited({ status: 'cancelled' }), undefined, NOW)).toEqual({ kind: 'cancel' });
    expect(nextInvitationStep(inStep({ status: 'cancelled', eventCancelled: true }), undefined, NOW)).toEqual({ kind: 'none', why: 'cancelled' });
  });
});

describe('what an event says', () => {
  it('gives Oslo wall-clock times, in winter and in summer time', () => {
    expect(eventWhen(base, BODY)).toEqual({
      subject: 'SLT: Ungdomsteam Vest 13-16',
      start: '2027-02-15T18:00:00',
      end: '2027-02-15T20:00:00',
      location: 'Ungdomshuset',
    });
    const summer = eventWhen({ startUtc: '2027-03-30T16:00:00.000Z', endUtc: '2027-03-30T18:00:00.000Z' }, BODY);
    expect([summer.start, summer.end, summer.location]).toEqual(['2027-03-30T18:00:00', '2027-03-30T20:00:00', undefined]);
  });

  it('invites each member once by address, without the organizer and without members Exchange cannot address', () => {
    const members = [
      { address: 'Ola@Vestby.example', name: 'Ola', aadObjectId: 'aad-ola' },
      { address: 'ola@vestby.example', name: 'Ola again', aadObjectId: 'aad-ola' },
      { address: 'kari@vestby.example', name: 'Kari', aadObjectId: 'aad-kari' },
      { address: '', name: 'A guest without address', aadObjectId: 'aad-guest' },
      { address: 'amina@vestby.example', name: 'Amina', aadObjectId: 'aad-amina' },
    ];
    expect(attendeesFrom(members, 'aad-kari')).toEqual([
      { address: 'amina@vestby.example', name: 'Amina' },
      { address: 'Ola@Vestby.example', name: 'Ola' },
    ]);
  });

  it('compares attendee lists by address, whatever their order or case', () => {
    expect(whoHash(ATTENDEES)).toBe(whoHash([...ATTENDEES].reverse().map((a) => ({ ...a, address: a.address.toUpperCase() }))));
    expect(whoHash(ATTENDEES)).not.toBe(whoHash(ATTENDEES.slice(1)));
    // Graph answers times as 2027-02-15T18:00:00.0000000: the same event.
    const w = want().when;
    expect(whenHash({ ...w, start: `${w.start}.0000000`, end: `${w.end}.0000000` })).toBe(whenHash(w));
  });

  it('gives every attempt at one meeting the same GUID-shaped transactionId, and each meeting its own', () => {
    expect(transactionIdOf('t', 'm1-1')).toBe(transactionIdOf('t', 'm1-1'));
    expect(transactionIdOf('t', 'm1-1')).not.toBe(transactionIdOf('t', 'm1-2'));
    expect(transactionIdOf('t', 'm1-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('writes a body that links the agenda, notes a holiday move and escapes what people typed', () => {
    const m = { ...base, movedFrom: '2027-03-29', movedBecause: '2. påskedag', movedBecauseEn: 'Easter Monday' };
    const htmlText = invitationHtml('nb', { name: 'Team <Vest> & co', channelName: undefined }, m, 'https://slt.example/agenda/AbCd');
    expect(htmlText).toContain('<b>Team &lt;Vest&gt; &amp; co</b>');
    expect(htmlText).toContain('<a href="https://slt.example/agenda/AbCd">https://slt.example/agenda/AbCd</a>');
    expect(htmlText).toContain('Møtet er flyttet fra 29. mars (2. påskedag).');
    expect(htmlText).not.toContain('<Vest>');
  });
});

describe('when a failed calendar call is tried again', () => {
  const throttled = new CalendarCallError(429, 'TooManyRequests', 30_000);
  it('never before Graph’s Retry-After', () => {
    expect(invitationRetryMs(1, throttled, () => 1)).toBe(30_000);
  });

  it('backs off with jitter from 2 s, and slowly after five failures', () => {
    const down = new CalendarCallError(503, 'ServiceUnavailable');
    expect(invitationRetryMs(1, down, () => 0)).toBe(1_000);
    expect(invitationRetryMs(1, down, () => 1)).toBe(2_000);
    expect(invitationRetryMs(3, down, () => 1)).toBe(8_000);
    expect(invitationRetryMs(12, down, () => 1)).toBe(3_600_000);
    expect(invitationRetryMs(10, down, () => 1)).toBeGreaterThan(15 * 60_000);
  });

  it('waits at least five minutes on what an operator must fix (the access policy, a missing mailbox)', () => {
    const denied = new CalendarCallError(403, 'ErrorAccessDenied');
    expect(denied.transient).toBe(false);
    expect(invitationRetryMs(1, denied, () => 0)).toBe(5 * 60_000);
    expect(new CalendarCallError(404, 'ErrorItemNotFound').transient).toBe(false);
    expect(new CalendarCallError(undefined, 'ECONNREFUSED').transient).toBe(true);
  });

  it('names the failure by status and code for `status`, never by message', () => {
    expect(throttled.code).toBe('429 TooManyRequests');
    expect(new CalendarCallError(undefined, 'ECONNREFUSED').code).toBe('nett ECONNREFUSED');
    expect(new CalendarCallError(401, 'invalid_client', undefined, 'token').code).toBe('token invalid_client');
  });
});

describe('how the meeting card reaches calendars', () => {
  const URL_BASE = 'https://slt.example';
  it('offers the .ics download for a meeting without an invitation, also once cancelled', () => {
    expect(calendarLinks(base, URL_BASE)).toEqual({ icsUrl: `${URL_BASE}/ics/${base.icsToken}.ics`, joinUrl: '', pending: false });
    expect(calendarLinks({ ...base, status: 'cancelled' }, URL_BASE).icsUrl).not.toBe('');
  });

  it('says the invitation has not gone out until the event exists, then offers the Teams link, and nothing once cancelled', () => {
    expect(calendarLinks(invited(), URL_BASE)).toEqual({ icsUrl: '', joinUrl: '', pending: true });
    expect(calendarLinks(inStep(), URL_BASE)).toEqual({ icsUrl: '', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', pending: false });
    expect(calendarLinks(inStep({ status: 'cancelled' }), URL_BASE)).toEqual({ icsUrl: '', joinUrl: '', pending: false });
    expect(calendarLinks(inStep({ joinUrl: 'javascript:alert(1)' }), URL_BASE).joinUrl).toBe('');
    const texts = cardTexts(meetingCard('nb', BODY, invited(), URL_BASE));
    expect(texts).toContain('Invitasjonen er ikke sendt ennå.');
  });
});

describe('a failing invitation in `status`', () => {
  const job = (lastError: string) => ({
    key: 'invitation:m1-1',
    kind: 'invitation' as const,
    tenantId: 't',
    dueAt: '2026-11-02T09:00:00.000Z',
    label: 'invitasjon Ungdomsteam Vest 13-16 15.02',
    bodyId: 'b',
    attempts: 2,
    lastError,
    retryAt: '2026-11-02T09:10:00.000Z',
  });
  const texts = (lastError: string) =>
    cardTexts(statusCard('nb', { jobs: [job(lastError)], deliveries: [], bodyNames: new Map([['b', 'Ungdomsteam Vest 13-16']]), now: NOW }));

  it('names the meeting, says why in words with Graph’s code, and when it is tried again', () => {
    const t = texts('403 ErrorAccessDenied');
    const at = t.indexOf('Leveranser som feiler');
    expect(t.slice(at + 1, at + 4)).toEqual([
      'Outlook-invitasjon – Ungdomsteam Vest 13-16 15.02',
      'ingen tilgang til kalenderen – er koordinatoren med i tilgangsgruppen for boten? (403 ErrorAccessDenied)',
      '2 forsøk · nytt forsøk mandag 2. november 2026 kl. 10:10',
    ]);
    expect(texts('nett ECONNREFUSED')).toContain('fikk ikke kontakt med Microsoft Graph (nett ECONNREFUSED) – prøver igjen');
  });

  it('shows a failure that was not Graph’s (reading the members from Teams) as any job’s', () => {
    expect(texts('RestError')).toContain('jobben feilet: RestError');
  });
});
