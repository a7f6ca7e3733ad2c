import { z } from 'zod';
import { boardCard, refreshBoardCard } from '../app/digest';
import { parseDigestContent } from '../domain/digest-content';
import { format, pick } from '../i18n';
import { DIGEST_TEXTS } from '../i18n/digest';
import { monthName } from '../views/digest';
import type { ActionDef } from './types';

const schema = z.object({
  month: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

/**
 * `digest.ack` ("Lest", board members): records that this member has read the month's digest
 * (insert-only: a second click counts once), updates the posted card in place for everyone with
 * the new count, and answers with that card.
 */
export const digestAck: ActionDef<typeof schema> = {
  audience: 'board',
  schema,
  async handle(req, services) {
    const { actor, locale, data } = req;
    const t = pick(locale, DIGEST_TEXTS);
    const [latest, board] = await Promise.all([services.digests.latest(actor.tenantId, data.month), services.bodies.ofKind(actor.tenantId, 'board')]);
    const content = latest && parseDigestContent(latest.content);
    if (!latest || !content) return { type: 'message', text: format(t.notSentYet, { month: monthName(data.month, locale) }) };
    if (!board) return { type: 'message', text: t.noBoard };
    const first = await services.digests.ack(actor.tenantId, data.month, actor.id, actor.name, req.now.toISOString());
    const status = await refreshBoardCard(services, board, latest, content, actor.id);
    services.log.info({ cid: req.correlationId, month: data.month, first, count: status.count }, 'digest read');
    return { type: 'card', card: boardCard(services, content, latest, status) };
  },
  async form(req) {
    return { type: 'message', text: pick(req.locale, DIGEST_TEXTS).badMonth };
  },
};
