import { bodyHere } from '../app/channel-body';
import { minutesFormFor } from '../app/minutes';
import { replyPrivately } from '../app/reply-privately';
import { osloToday } from '../domain/calendar';
import { shortDate } from '../domain/meetings';
import { format, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import type { CommandDef } from './types';

/**
 * `referat` (coordinators, in the body's channel): the minutes form of the body's latest meeting
 * that has begun, shown only to the asker. The notice names the meeting's date (so a cancelled
 * latest meeting is no surprise), and during the meeting the form says so. The scheduler sends
 * the form to the coordinator who scheduled the meeting; this is the way back to it for that
 * person, and the way in for another coordinator. Recorded minutes come pre-filled, so saving
 * again adds to them.
 */
export const minutesCommand: CommandDef = {
  id: 'minutes',
  words: { nb: 'referat', en: 'minutes' },
  audience: 'coordinator',
  describe: {
    nb: 'Skjemaet for referatet fra siste møte i dette organet, vist bare for deg.',
    en: "The minutes form of this body's latest meeting, shown only to you.",
  },
  async handle(req, services) {
    const t = pick(req.locale, AGENDA_TEXTS);
    const here = await bodyHere(services, req.actor, req.place);
    if (!here.ok)
      return [{ type: 'text', text: here.reason === 'notMember' && here.body ? format(t.notices.notMember, { body: here.body.name }) : t.minutes.channelOnly }];
    const begun = (await services.meetings.listForBody(here.body.tenantId, here.body.id))
      .filter((m) => m.status !== 'cancelled' && Date.parse(m.startUtc) <= req.now.getTime())
      .sort((a, b) => Date.parse(b.startUtc) - Date.parse(a.startUtc));
    const latest = begun[0];
    if (!latest) return [{ type: 'text', text: format(t.minutes.noneBegun, { body: here.body.name }) }];
    const card = await minutesFormFor(services, here.body, latest, req.now, req.locale);
    const notice = format(t.minutes.privateNotice, { date: shortDate(osloToday(latest.startUtc), req.locale) });
    return replyPrivately(req, services.outbox, [{ type: 'card', card }], notice, `referat ${here.body.name} ${osloToday(latest.startUtc)}`);
  },
};
