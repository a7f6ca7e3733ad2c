import type { CalendarConfig } from '../config';
import type { MeetingCalendar } from '../domain/invitations';
import type { Logger } from '../log';
import { GraphCalendar } from './calendar';
import { GraphToken } from './token';
import { fetchTransport, type HttpTransport } from './transport';

export type { HttpRequest, HttpResponse, HttpTransport } from './transport';

/**
 * The organizer's calendar over Microsoft Graph, from SLT_CALENDAR=graph's settings. Only this
 * folder talks to Graph and MSAL (.dependency-cruiser.cjs). `transport` replaces the network for
 * both (tests in one process); by default Graph goes through fetch and MSAL through its own client.
 */
export function graphCalendar(config: Extract<CalendarConfig, { mode: 'graph' }>, log: Logger, transport?: HttpTransport): MeetingCalendar {
  const token = new GraphToken({ ...config, log, transport });
  return new GraphCalendar(config.graphUrl, token, transport ?? fetchTransport());
}
