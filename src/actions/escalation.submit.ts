import { z } from 'zod';
import { agendaChanged } from '../app/agenda';
import { bodyHere } from '../app/channel-body';
import { escalationForm, escalationRefusal } from '../app/escalation-form';
import { cardIn, fanOut } from '../app/escalations';
import { freeText, optionalFreeText } from '../app/form-fields';
import { screenFields } from '../app/guard-fields';
import { ensureRetention } from '../app/retention';
import type { Services } from '../app/services';
import type { Body } from '../domain/bodies';
import { type Escalation, mayPropose, stableKey, submitAudit } from '../domain/escalations';
import { format, pick } from '../i18n';
import { ESCALATION_TEXTS } from '../i18n/escalations';
import { EscalationRepository } from '../storage/table/escalations';
import { bodyNames, escalationCard } from '../views/escalation';
import type { ActionDef } from './types';

export const MAX_TITLE = 120;
export const MAX_ESCALATION_DESCRIPTION = 2000;
export const MAX_REQUESTED_ACTION = 500;

const schema = z.object({
  title: freeText(MAX_TITLE),
  description: freeText(MAX_ESCALATION_DESCRIPTION),
  requestedAction: optionalFreeText(MAX_REQUESTED_ACTION),
  formId: z.string().max(64).optional(),
});

/** `escalation.submit`: a member asks that a matter be lifted from this body to the next level. */
export const escalationSubmit: ActionDef<typeof schema> = {
  audience: 'member',
  schema,
  async handle(req, services) {
    const { actor, place, locale, data } = req;
    const here = await bodyHere(services, actor, place);
    if (!here.ok) return { type: 'message', text: escalationRefusal(here.reason, locale, here.body) };
    if (!mayPropose(here.body.kind)) return { type: 'message', text: escalationRefusal('topLevel', locale) };
    const blocked = screenFields({ title: data.title, description: data.description, requestedAction: data.requestedAction }, locale);
    if (blocked.length > 0) return escalationForm(req, services, here.body, blocked);

    const key = data.formId || stableKey({ title: data.title, description: data.description, requestedAction: data.requestedAction });
    const at = req.now.toISOString();
    const draft: Escalation = {
      tenantId: actor.tenantId,
      id: EscalationRepository.idFor(actor.tenantId, here.body.id, actor.id, key),
      originBodyId: here.body.id,
      originKind: here.body.kind,
      title: data.title,
      description: data.description,
      requestedAction: data.requestedAction,
      state: 'proposed',
      levelBodyId: here.body.id,
      path: [here.body.id],
      requester: { id: actor.id, channelAccountId: actor.channelAccountId, name: actor.name, locale },
      createdAt: at,
      updatedAt: at,
      version: 1,
      last: { verb: 'submit', actorId: actor.id, actorName: actor.name, dataKey: stableKey({ key }), at },
    };
    const card = req.cardActivityId ? { activityId: req.cardActivityId, conversationId: place.conversationId } : undefined;
    const { created, copy } = await services.escalations.create(draft, card);
    const e = copy.escalation;
    await services.audit.append(submitAudit(e));
    const all = await services.bodies.list(actor.tenantId);
    const names = bodyNames(all);
    await notifyCoordinators(services, e, all);
    // The form card in the channel becomes the matter's read-only card for everyone, and the
    // requester is told: the same posts as after every later step.
    const history = await fanOut(services, e, [copy], all);
    await ensureRetention(services.scheduler, actor.tenantId, req.now);
    if (created) await agendaChanged(services, actor.tenantId, [here.body.id], req.now);
    services.log.info({ cid: req.correlationId, escalation: e.id, body: here.body.id, created }, 'escalation proposed');
    return { type: 'card', card: await cardIn(services, locale, here.body, { escalation: e, names, history, actionable: here.coordinator }) };
  },
  async form(req, errors, services) {
    const here = await bodyHere(services, req.actor, req.place);
    if (!here.ok) return { type: 'message', text: escalationRefusal(here.reason, req.locale, here.body) };
    return escalationForm(req, services, here.body, errors);
  },
};

/** Every coordinator gets the new matter 1:1, with the buttons to accept or decline it. */
async function notifyCoordinators(services: Services, e: Escalation, all: readonly Body[]): Promise<void> {
  const origin = all.find((b) => b.id === e.originBodyId);
  if (!origin) return;
  const locale = services.config.defaultLocale;
  const names = bodyNames(all);
  const notice = format(pick(locale, ESCALATION_TEXTS).newForCoordinators, { origin: origin.name });
  const coordinators = (await services.roles.list(e.tenantId)).filter((r) => r.coordinator && r.aadObjectId !== e.requester.id);
  for (const c of coordinators) {
    await services.outbox.enqueue({
      key: `esc:${e.id}:new:${c.aadObjectId}`,
      tenantId: e.tenantId,
      target: origin.ref,
      toUser: { aadObjectId: c.aadObjectId },
      message: { type: 'card', card: escalationCard(locale, { escalation: e, names, actionable: true, notice }) },
      label: `ny sak ${e.id.slice(0, 8)} til koordinator`,
    });
  }
}
