import { z } from 'zod';
import { sendDigest } from '../app/digest';
import { utcToOslo } from '../domain/calendar';
import { shortDate } from '../domain/meetings';
import { monthOf } from '../domain/trends';
import type { ActionOutcome } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { DIGEST_TEXTS } from '../i18n/digest';
import type { DigestSend } from '../storage/table/digests';
import { monthName } from '../views/digest';
import { renderCard } from '../views/render';
import type { ActionDef } from './types';

const month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const schema = z.object({
  month,
  /** true: send a month that was sent before once more (from the confirmation card). */
  confirm: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).optional(),
  /** The sending the confirmation was about; a second click on the same confirmation finds it moved on. */
  seen: z.coerce.number().int().min(1).max(99).optional(),
});

/** When and by whom a sending went out, for the sentences below. */
function who(locale: Locale, send: DigestSend): { date: string; who: string } {
  const t = pick(locale, DIGEST_TEXTS);
  return { date: shortDate(utcToOslo(send.sentAt).date, locale), who: send.sentBy === 'scheduler' ? t.scheduler : send.sentByName };
}

/** The card asking whether to send a month again, carrying the sending it is about. */
function confirmCard(locale: Locale, current: DigestSend): ActionOutcome {
  const t = pick(locale, DIGEST_TEXTS);
  const name = monthName(current.month, locale);
  const card = renderCard('digest-confirm', {
    title: format(t.confirmTitle, { month: name }),
    text: format(t.confirmText, { month: name, ...who(locale, current) }),
    confirmLabel: t.confirmButton,
    month: current.month,
    seen: current.sendNo,
  });
  return { type: 'card', card };
}

/**
 * `digest.send` (coordinators): sends a month's digest to the board's channel. A month that was
 * sent before (by a coordinator or the scheduler) is not posted again: the answer is a card asking
 * for confirmation, whose button sends `confirm: true` with the sending it saw — so a double click
 * on either card posts once.
 */
export const digestSend: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const { actor, locale, data } = req;
    const t = pick(locale, DIGEST_TEXTS);
    const name = monthName(data.month, locale);
    if (data.month > monthOf(req.now)) return { type: 'message', text: format(t.futureMonth, { month: name }) };
    const latest = await services.digests.latest(actor.tenantId, data.month);
    if (latest && (!data.confirm || data.seen === undefined)) return confirmCard(locale, latest);
    if (latest && data.seen !== latest.sendNo) return { type: 'message', text: format(t.sentAgainAlready, { month: name, date: who(locale, latest).date }) };
    const sendNo = (latest?.sendNo ?? 0) + 1;
    const outcome = await sendDigest(services, { tenantId: actor.tenantId, month: data.month, sendNo, by: { id: actor.id, name: actor.name }, now: req.now });
    if (outcome.kind === 'noBoard') return { type: 'message', text: t.noBoard };
    if (outcome.kind === 'taken')
      return latest
        ? { type: 'message', text: format(t.sentAgainAlready, { month: name, date: who(locale, outcome.current).date }) }
        : confirmCard(locale, outcome.current);
    const board = await services.bodies.ofKind(actor.tenantId, 'board');
    services.log.info({ cid: req.correlationId, month: data.month, sendNo }, 'digest sent by a coordinator');
    return { type: 'message', text: format(t.sent, { month: name, board: board?.name ?? '' }) };
  },
  async form(req) {
    return { type: 'message', text: pick(req.locale, DIGEST_TEXTS).badMonth };
  },
};
