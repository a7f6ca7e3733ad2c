import { agendaCardOf, loadAgenda } from '../app/agenda';
import { bodyHere } from '../app/channel-body';
import { isUpcoming, jobStillMeaningful } from '../domain/meetings';
import { format, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import type { CommandDef } from './types';

/**
 * `agenda`: the agenda of this channel's body's next meeting, composed now — the same card the
 * scheduler posts (read-only, with the coordinators' own view through `refresh`). A meeting in
 * progress still counts as the next one: people look its agenda up during it.
 */
export const agendaCommand: CommandDef = {
  id: 'agenda',
  words: { nb: 'agenda', en: 'agenda' },
  aliases: ['dagsorden'],
  audience: 'member',
  describe: {
    nb: 'Viser dagsordenen for neste møte i dette organet.',
    en: "Shows the agenda of this body's next meeting.",
  },
  async handle(req, services) {
    const t = pick(req.locale, AGENDA_TEXTS).notices;
    const here = await bodyHere(services, req.actor, req.place);
    if (!here.ok) return [{ type: 'text', text: here.reason === 'notMember' && here.body ? format(t.notMember, { body: here.body.name }) : t.channelOnly }];
    const upcoming = await services.meetings.upcomingForBody(here.body.tenantId, here.body.id, req.now);
    // Before the start: the meeting ahead. During it: that meeting, as it stood when it began.
    const next = upcoming.find((m) => jobStillMeaningful('agenda', m, req.now)) ?? upcoming.find((m) => isUpcoming(m, req.now));
    if (!next) return [{ type: 'text', text: format(t.noMeeting, { body: here.body.name }) }];
    const scene = await loadAgenda(services, here.body, next, req.now);
    // A channel reply is read by everyone: the read-only view, with the coordinators' own view by refresh.
    return [{ type: 'card', card: await agendaCardOf(services, scene, req.locale, { coordinator: false }) }];
  },
};
