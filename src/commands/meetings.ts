import { bodyOfPlace } from '../app/meetings';
import type { Services } from '../app/services';
import type { Body } from '../domain/bodies';
import { isMemberOf } from '../domain/membership';
import type { CommandRequest, Reply } from '../handler-types';
import { format, pick } from '../i18n';
import { meetingTexts } from '../i18n/meetings';
import { type ListedMeeting, meetingListCard } from '../views/meetings';
import type { CommandDef } from './types';

/** At most this many meetings on the card (phones), per body and in all. */
const PER_BODY = 8;
const IN_ALL = 15;

/**
 * `møter` / `meetings`: upcoming meetings of this channel's body; in a personal chat, of every
 * body whose channel the user is a member of (checked against the Teams roster on the server).
 */
export const meetingsCommand: CommandDef = {
  id: 'meetings',
  words: { nb: 'møter', en: 'meetings' },
  aliases: ['moter'],
  audience: 'member',
  describe: {
    nb: 'Viser de neste møtene (i en personlig chat: i alle organer du er med i).',
    en: 'Shows the upcoming meetings (in a personal chat: of every body you belong to).',
  },
  async handle(req, services) {
    const t = pick(req.locale, meetingTexts);
    if (req.place.kind === 'personal') return personalList(req, services);
    if (req.place.kind === 'groupChat') return [{ type: 'text', text: t.groupChat }];
    const found = await bodyOfPlace(services.bodies, req.place, req.locale);
    if ('text' in found) return [{ type: 'text', text: found.text }];
    const { body } = found;
    const entries = (await services.meetings.upcomingForBody(body.tenantId, body.id, req.now))
      .slice(0, PER_BODY)
      .map((meeting) => ({ meeting, bodyName: body.name }));
    return [
      { type: 'card', card: meetingListCard(req.locale, format(t.list.titleBody, { body: body.name }), entries, t.list.empty, services.config.publicUrl) },
    ];
  },
};

async function personalList(req: CommandRequest, services: Services): Promise<Reply[]> {
  const t = pick(req.locale, meetingTexts).list;
  const bodies = await services.bodies.list(req.actor.tenantId);
  const mine = (await Promise.all(bodies.map(async (b) => ((await isMember(services, b, req.actor.id, req.correlationId)) ? b : undefined)))).filter(
    (b): b is Body => !!b,
  );
  const lists = await Promise.all(
    mine.map(
      async (b): Promise<ListedMeeting[]> =>
        (await services.meetings.upcomingForBody(b.tenantId, b.id, req.now)).slice(0, PER_BODY).map((meeting) => ({ meeting, bodyName: b.name })),
    ),
  );
  const entries = lists
    .flat()
    .sort((a, b) => Date.parse(a.meeting.startUtc) - Date.parse(b.meeting.startUtc))
    .slice(0, IN_ALL);
  return [{ type: 'card', card: meetingListCard(req.locale, t.titlePersonal, entries, t.emptyPersonal, services.config.publicUrl) }];
}

/** Membership from the roster; a body whose roster cannot be read is left out (never shown by default). */
async function isMember(services: Services, body: Body, aadObjectId: string, cid: string): Promise<boolean> {
  try {
    return await isMemberOf(services.roster, body, aadObjectId);
  } catch (err) {
    services.log.warn({ cid, bodyId: body.id, err: (err as Error).message }, 'roster unreadable; body left out of møter');
    return false;
  }
}
