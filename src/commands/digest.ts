import { ackStatus, buildDigest, SCHEDULER } from '../app/digest';
import { replyPrivately } from '../app/reply-privately';
import type { Services } from '../app/services';
import { isMonth, shiftMonth } from '../domain/digest';
import { parseDigestContent } from '../domain/digest-content';
import { monthOf } from '../domain/trends';
import type { CommandRequest, Reply } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { DIGEST_TEXTS } from '../i18n/digest';
import { digestCard, monthName } from '../views/digest';
import type { CommandDef } from './types';

/**
 * The month a `rapport` argument names: empty = last month (Oslo); otherwise YYYY-MM, not in the
 * future. A sentence to answer instead when it is not usable.
 */
export function digestMonth(args: string, now: Date, locale: Locale): { month: string } | { text: string } {
  const t = pick(locale, DIGEST_TEXTS);
  const current = monthOf(now);
  const month = args.trim() || shiftMonth(current, -1);
  if (!isMonth(month)) return { text: t.badMonth };
  if (month > current) return { text: format(t.futureMonth, { month: monthName(month, locale) }) };
  return { month };
}

/**
 * `rapport [ÅÅÅÅ-MM]` / `digest [YYYY-MM]` (coordinators and board members): the month's digest,
 * shown only to the asker. A month already sent is shown as it was sent (the archive), with how
 * many of the board have read it; coordinators also see who has not, or a button to send it.
 */
export const digestCommand: CommandDef = {
  id: 'digest',
  words: { nb: 'rapport', en: 'digest' },
  aliases: ['månedsrapport', 'manedsrapport'],
  audience: 'coordinatorOrBoard',
  argHint: { nb: ' [ÅÅÅÅ-MM]', en: ' [YYYY-MM]' },
  describe: {
    nb: 'Månedsrapporten for styret (standard: forrige måned), vist bare for deg.',
    en: 'The monthly digest for the board (default: last month), shown only to you.',
  },
  async handle(req, services) {
    const t = pick(req.locale, DIGEST_TEXTS);
    const asked = digestMonth(req.args, req.now, req.locale);
    if ('text' in asked) return [{ type: 'text', text: asked.text }];
    const card = await digestPreview(req, services, asked.month);
    return replyPrivately(req, services.outbox, [{ type: 'card', card }], t.privateNotice, format(t.label, { month: monthName(asked.month, req.locale) }));
  },
};

/** The preview card: the archived digest when the month was sent, else one made now. */
async function digestPreview(req: CommandRequest, services: Services, month: string): Promise<Extract<Reply, { type: 'card' }>['card']> {
  const { actor, place, locale } = req;
  const [standing, board, latest] = await Promise.all([
    services.standing(actor, place),
    services.bodies.ofKind(actor.tenantId, 'board'),
    services.digests.latest(actor.tenantId, month),
  ]);
  const coordinator = standing.coordinator || standing.admin;
  const archived = latest ? parseDigestContent(latest.content) : undefined;
  const content = archived ?? (await buildDigest(services, actor.tenantId, month, locale, req.now));
  const status = latest && board ? await ackStatus(services, board, month) : undefined;
  return digestCard(locale, content, {
    ack: status && { count: status.count, total: status.total },
    sent: latest && archived ? { at: latest.sentAt, byName: latest.sentByName, byScheduler: latest.sentBy === SCHEDULER } : undefined,
    coordinator: coordinator ? { notSent: !latest, notAcked: status?.notAcked } : undefined,
    canAck: !!latest && standing.boardMember,
    canSend: coordinator && !!board,
  });
}
