import type { Event } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { CalendarCallError } from '../../src/domain/invitations';
import { GraphCalendar, MEETING_ID_PROPERTY, OSLO_WINDOWS_ZONE, retryAfterMs } from '../../src/graph/calendar';
import { type HttpRequest, type HttpResponse, TransportError } from '../../src/graph/transport';

/** A transport that records requests and answers from a script. */
function scripted(answers: (HttpResponse | Error)[]) {
  const sent: HttpRequest[] = [];
  return {
    sent,
    transport: {
      async send(req: HttpRequest): Promise<HttpResponse> {
        sent.push(req);
        const a = answers.shift() ?? { status: 200, headers: {}, body: '{}' };
        if (a instanceof Error) throw a;
        return a;
      },
    },
  };
}
const ok = (status: number, body: unknown = {}, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body: JSON.stringify(body) });
const token = { token: async () => 'tok-1' };
const GRAPH = 'https://graph.example/v1.0';
const DRAFT = {
  meetingId: 'm0123456789abcdef-1',
  transactionId: '0b2c3d4e-0000-4000-8000-000000000001',
  subject: 'SLT: Ungdomsteam Vest 13-16',
  start: '2027-02-15T18:00:00',
  end: '2027-02-15T20:00:00',
  location: 'Ungdomshuset',
  bodyHtml: '<p>Møte</p>',
  attendees: [{ address: 'ola@vestby.example', name: 'Ola' }],
};

describe('the Graph calendar client', () => {
  it('creates an online Teams meeting in the organizer’s calendar, in Oslo’s zone, carrying the meeting id', async () => {
    const t = scripted([ok(201, { id: 'ev1', onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' } })]);
    const event = await new GraphCalendar(GRAPH, token, t.transport).create('aad-kari', DRAFT);
    expect(event).toMatchObject({ id: 'ev1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' });
    const req = t.sent[0]!;
    expect([req.method, req.url]).toEqual(['POST', `${GRAPH}/users/aad-kari/events`]);
    expect(req.headers).toMatchObject({ authorization: 'Bearer tok-1', prefer: `outlook.timezone="${OSLO_WINDOWS_ZONE}"`, 'content-type': 'application/json' });
    const body = JSON.parse(req.body!) as Event;
    expect(body).toMatchObject({
      subject: DRAFT.subject,
      start: { dateTime: DRAFT.start, timeZone: 'W. Europe Standard Time' },
      end: { dateTime: DRAFT.end, timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Ungdomshuset' },
      body: { contentType: 'html', content: '<p>Møte</p>' },
      attendees: [{ emailAddress: { address: 'ola@vestby.example', name: 'Ola' }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: DRAFT.transactionId,
      singleValueExtendedProperties: [{ id: MEETING_ID_PROPERTY, value: DRAFT.meetingId }],
    });
    expect(body.recurrence).toBeUndefined();
  });

  it('finds the event of a lost create by the meeting id on it, reading back time, place and attendees', async () => {
    const t = scripted([
      ok(200, {
        value: [
          {
            id: 'ev9',
            subject: 'S',
            start: { dateTime: '2027-02-15T18:00:00.0000000', timeZone: OSLO_WINDOWS_ZONE },
            end: { dateTime: '2027-02-15T20:00:00.0000000', timeZone: OSLO_WINDOWS_ZONE },
            location: { displayName: 'Ungdomshuset' },
            attendees: [{ emailAddress: { address: 'ola@vestby.example', name: 'Ola' } }],
          },
        ],
      }),
      ok(200, { value: [] }),
    ]);
    const cal = new GraphCalendar(GRAPH, token, t.transport);
    expect(await cal.find('aad-kari', "m'x-1")).toEqual({
      id: 'ev9',
      when: { subject: 'S', start: '2027-02-15T18:00:00', end: '2027-02-15T20:00:00', location: 'Ungdomshuset' },
      attendees: [{ address: 'ola@vestby.example', name: 'Ola' }],
    });
    const filter = new URL(t.sent[0]!.url).searchParams.get('$filter');
    expect(filter).toBe(`singleValueExtendedProperties/Any(ep: ep/id eq '${MEETING_ID_PROPERTY}' and ep/value eq 'm''x-1')`);
    expect(await cal.find('aad-kari', 'm-2')).toBeUndefined();
  });

  it('updates only what it is given, never the body with the Teams meeting blob', async () => {
    const t = scripted([ok(200, { id: 'ev1' })]);
    await new GraphCalendar(GRAPH, token, t.transport).update('aad-kari', 'ev/1', { attendees: DRAFT.attendees });
    expect([t.sent[0]!.method, t.sent[0]!.url]).toEqual(['PATCH', `${GRAPH}/users/aad-kari/events/ev%2F1`]);
    expect(Object.keys(JSON.parse(t.sent[0]!.body!) as object)).toEqual(['attendees']);
  });

  it('cancels with the comment, and takes an event already gone as cancelled', async () => {
    const t = scripted([ok(202), ok(404, { error: { code: 'ErrorItemNotFound' } })]);
    const cal = new GraphCalendar(GRAPH, token, t.transport);
    await cal.cancel('aad-kari', 'ev1', 'Møtet er avlyst.');
    await cal.cancel('aad-kari', 'ev1', 'Møtet er avlyst.');
    expect(t.sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', `${GRAPH}/users/aad-kari/events/ev1/cancel`, '{"comment":"Møtet er avlyst."}'],
      ['POST', `${GRAPH}/users/aad-kari/events/ev1/cancel`, '{"comment":"Møtet er avlyst."}'],
    ]);
  });

  it('reports a refusal with status, Graph’s code and Retry-After, and no answer as a network failure', async () => {
    const t = scripted([
      ok(429, { error: { code: 'TooManyRequests', message: 'Bruker ola@vestby.example …' } }, { 'retry-after': '7' }),
      ok(403, { error: { code: 'ErrorAccessDenied' } }),
      new TransportError('ECONNREFUSED'),
    ]);
    const cal = new GraphCalendar(GRAPH, token, t.transport);
    const errors = await Promise.all([cal.create('a', DRAFT), cal.create('a', DRAFT), cal.create('a', DRAFT)].map((p) => p.catch((e: unknown) => e)));
    expect(errors.map((e) => (e as CalendarCallError).code)).toEqual(['429 TooManyRequests', '403 ErrorAccessDenied', 'nett ECONNREFUSED']);
    expect(errors.every((e) => e instanceof CalendarCallError)).toBe(true);
    expect((errors[0] as CalendarCallError).retryAfterMs).toBe(7_000);
    expect((errors[0] as CalendarCallError).message).not.toContain('ola@');
    expect((errors[1] as CalendarCallError).transient).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('garbage')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
