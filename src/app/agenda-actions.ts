import { z } from 'zod';
import type { Body } from '../domain/bodies';
import { MEETING_ID_RE, type Meeting } from '../domain/meetings';
import type { ActionOutcome, ActionRequest, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import { agendaCardOf, loadAgenda } from './agenda';
import { bodyHere } from './channel-body';
import type { Services } from './services';

/**
 * What the agenda and minutes actions share: finding the meeting an action is about (in the
 * body's channel, or — for coordinators in a 1:1, where the minutes form lives — by the body id
 * the bot put on its card), checking who may see it, and answering with the agenda card in the
 * asker's view.
 */
export type AgendaTarget =
  | { readonly ok: true; readonly body: Body; readonly meeting: Meeting; readonly coordinator: boolean }
  | { readonly ok: false; readonly text: string };

/** Ids as the cards send them. */
export const meetingIdField = z.string().trim().regex(MEETING_ID_RE);
export const bodyIdField = z.string().trim().max(40).optional();

/**
 * The body and meeting of an action. In a channel: that channel's body (a card from another
 * body's channel cannot be replayed here), for its members and coordinators. Elsewhere:
 * coordinators only, by the card's body id.
 */
export async function agendaTarget(
  services: Services,
  req: Pick<ActionRequest, 'actor' | 'place' | 'locale'>,
  meetingId: string,
  bodyId: string | undefined,
): Promise<AgendaTarget> {
  const t = pick(req.locale, AGENDA_TEXTS).notices;
  let body: Body | undefined;
  let coordinator: boolean;
  if (req.place.kind === 'channel') {
    const here = await bodyHere(services, req.actor, req.place);
    if (!here.ok) return { ok: false, text: here.reason === 'notMember' && here.body ? format(t.notMember, { body: here.body.name }) : t.channelOnly };
    if (bodyId && bodyId !== here.body.id) return { ok: false, text: t.meetingNotFound };
    body = here.body;
    coordinator = here.coordinator;
  } else {
    const standing = await services.standing(req.actor, req.place);
    coordinator = standing.coordinator || standing.admin;
    if (!coordinator || !bodyId) return { ok: false, text: t.channelOnly };
    body = await services.bodies.get(req.actor.tenantId, bodyId);
    if (!body) return { ok: false, text: t.meetingNotFound };
  }
  const meeting = await services.meetings.get(body.tenantId, body.id, meetingId);
  if (!meeting) return { ok: false, text: t.meetingNotFound };
  return { ok: true, body, meeting, coordinator };
}

/** Why a meeting's agenda can no longer be edited, or undefined when it can. */
export function notEditable(meeting: Meeting, now: Date, locale: Locale): string | undefined {
  const t = pick(locale, AGENDA_TEXTS).notices;
  if (meeting.status === 'cancelled') return t.cancelled;
  if (Date.parse(meeting.endUtc) <= now.getTime()) return t.over;
  return undefined;
}

/** The agenda card for the person asking (coordinators get the edit actions). */
export async function agendaOutcome(
  services: Services,
  req: Pick<ActionRequest, 'locale' | 'now'>,
  target: Extract<AgendaTarget, { ok: true }>,
  extra: { notice?: string; problem?: string; errors?: readonly FieldError[]; values?: Readonly<Record<string, unknown>> } = {},
): Promise<ActionOutcome> {
  const scene = await loadAgenda(services, target.body, target.meeting, req.now);
  return { type: 'card', card: await agendaCardOf(services, scene, req.locale, { coordinator: target.coordinator, ...extra }) };
}

/** `form()` of the agenda actions: the card again, input kept, errors at their fields. */
export async function agendaForm(req: ActionRequest<Record<string, unknown>>, errors: readonly FieldError[], services: Services): Promise<ActionOutcome> {
  const meetingId = typeof req.data.meetingId === 'string' ? req.data.meetingId : '';
  const bodyId = typeof req.data.bodyId === 'string' ? req.data.bodyId : undefined;
  const target = MEETING_ID_RE.test(meetingId) ? await agendaTarget(services, req, meetingId, bodyId) : undefined;
  if (!target?.ok) return { type: 'message', text: target?.text ?? pick(req.locale, AGENDA_TEXTS).notices.meetingNotFound };
  // Errors about fields the card has no input for (ids) are told in the notice line.
  const onCard = errors.filter((e) => e.field === 'title' || e.field === 'by');
  const other = errors.filter((e) => !onCard.includes(e));
  return agendaOutcome(services, req, target, {
    errors: onCard,
    values: req.data,
    problem: other.map((e) => `${e.field}: ${e.message}`).join(' ') || undefined,
  });
}
