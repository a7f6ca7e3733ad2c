import { z } from 'zod';
import type { Body, BodyKind } from '../domain/bodies';
import {
  type AuditEntry,
  type Escalation,
  type EscalationVerb,
  lastAudit,
  mayPerform,
  type Plan,
  planTransition,
  type StepActor,
  type TransitionInput,
} from '../domain/escalations';
import { actingScope, type ReadScope, resolveViewer, type Viewer } from '../domain/visibility';
import type { ActionOutcome, ActionRequest, CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { ESCALATION_TEXTS } from '../i18n/escalations';
import type { AuditRepository } from '../storage/table/audit';
import { CARD_FIELDS, type EscalationCopy, type EscalationRepository, rowKeyOf } from '../storage/table/escalations';
import { type BodyNames, bodyNames, type EscalationView, escalationCard, escalationNoticeCard, levelName } from '../views/escalation';
import { agendaChanged } from './agenda';
import { optionalFreeText } from './form-fields';
import { screenFields } from './guard-fields';
import { measureFromMatter } from './measure-sources';
import { coordinatorAccounts } from './roles';
import type { Services } from './services';

/**
 * The steps of a matter after the request (accept, decline, resolve, escalate, decide): the
 * shared flow behind the `escalation.*` action files — server-side role and visibility checks,
 * the guard, the ETag-guarded transition, the audit entry, and the posts that follow
 * (card copies updated in place, the next level's channel, the requester told 1:1).
 */

/** Body ids of the unique upper levels. */
export function targetsOf(all: readonly Body[]): Partial<Record<BodyKind, string>> {
  const out: Partial<Record<BodyKind, string>> = {};
  for (const b of all) if (b.kind !== 'youthTeam') out[b.kind] = b.id;
  return out;
}

/** A card shown where the matter sits (or in a personal chat) offers the next steps. */
export function actionableIn(place: { kind: string }, viewer: Viewer, e: Escalation): boolean {
  return place.kind === 'personal' || viewer.here?.id === e.levelBodyId;
}

/**
 * A matter's card as shown in a body's channel: the view given, plus the refresh that lets
 * Teams ask `escalation.refresh` for each coordinator there. Without a body (personal chat,
 * only ever the person's own): the view as it is.
 */
export async function cardIn(services: Services, locale: Locale, body: Body | undefined, view: Omit<EscalationView, 'refresh'>): Promise<CardJson> {
  if (!body) return escalationCard(locale, view);
  return escalationCard(locale, { ...view, refresh: { bodyId: body.id, userIds: await coordinatorAccounts(services, body) } });
}

/** Which card input holds a step's field (inputs need unique ids on one card). */
export function cardField(verb: EscalationVerb, field: string): string {
  if (field === 'note' || field === 'acceptNote' || field === 'declineNote' || field === 'escalateNote')
    return verb === 'accept' ? 'acceptNote' : verb === 'decline' ? 'declineNote' : 'escalateNote';
  if (field === 'decision' && verb === 'decide') return 'boardDecision';
  return field;
}

/** The status card again with the step's input kept and its errors shown. */
export async function stepForm(
  req: ActionRequest<Record<string, unknown>>,
  services: Services,
  verb: EscalationVerb,
  errors: readonly FieldError[],
): Promise<ActionOutcome> {
  const t = pick(req.locale, ESCALATION_TEXTS);
  const standing = await services.standing(req.actor, req.place);
  const viewer = await resolveViewer(services, req.actor, standing, req.place);
  const id = typeof req.data.escalationId === 'string' ? req.data.escalationId : '';
  const copy = await services.escalations.get(actingScope(viewer), id);
  if (!copy) return { type: 'message', text: t.notFound };
  const mapped = errors.map((e) => ({ field: cardField(verb, e.field), message: e.message }));
  const values: Record<string, unknown> = { ...req.data };
  for (const f of ['note', 'decision']) if (typeof req.data[f] === 'string') values[cardField(verb, f)] = req.data[f];
  const notice = `${t.verbs[verb]}: ${mapped.map((e) => e.message).join(' ')}`;
  const history = await services.audit.list(viewer.tenantId, id);
  const card = await cardIn(services, req.locale, viewer.here, {
    escalation: copy.escalation,
    names: bodyNames(viewer.all),
    history,
    actionable: actionableIn(req.place, viewer, copy.escalation),
    notice,
    values,
    errors: mapped,
  });
  return { type: 'card', card };
}

/** Runs one step for a coordinator. */
export async function performStep(
  req: ActionRequest<{ escalationId: string }>,
  services: Services,
  verb: EscalationVerb,
  input: TransitionInput,
): Promise<ActionOutcome> {
  const { actor, place, locale } = req;
  const t = pick(locale, ESCALATION_TEXTS);
  const standing = await services.standing(actor, place);
  // The router checked the role already; checked again here because this is the rule itself.
  if (!mayPerform(verb, standing)) return { type: 'message', text: t.notAllowed };
  const blocked = screenFields({ ...input }, locale);
  if (blocked.length > 0) return stepForm(req as ActionRequest<Record<string, unknown>>, services, verb, blocked);

  const viewer = await resolveViewer(services, actor, standing, place);
  const done = await applyStep(
    services,
    actingScope(viewer),
    req.data.escalationId,
    verb,
    input,
    { id: actor.id, name: actor.name },
    req.now.toISOString(),
    targetsOf(viewer.all),
  );
  if (!done) return { type: 'message', text: t.notFound };
  const plan = done.plan;
  const names = bodyNames(viewer.all);
  if (plan.kind === 'illegal') return { type: 'message', text: t.already[plan.state] };
  if (plan.kind === 'noTarget') {
    // The level's name opens the sentence ("Koordineringsgruppen er ikke registrert …").
    const level = levelName(locale, names, plan.level);
    return { type: 'message', text: format(t.noTarget, { level: level.charAt(0).toLocaleUpperCase(locale) + level.slice(1) }) };
  }

  const current = done.copies[0]!.escalation;
  // A decision with a measure enters the measures register (once: a repeat finds it there).
  if (verb === 'resolve' || verb === 'decide') await measureFromMatter(services, current, { id: actor.id, name: actor.name }, req.now.toISOString());
  const history = await fanOut(services, current, done.copies, viewer.all);
  if (plan.kind === 'apply') await agendaChanged(services, current.tenantId, current.path, req.now);
  services.log.info({ cid: req.correlationId, escalation: current.id, verb, state: current.state, repeat: plan.kind === 'repeat' }, 'escalation step');
  // The coordinator's own view; everyone else's copy of this card is updated by fanOut.
  return {
    type: 'card',
    card: await cardIn(services, locale, viewer.here, { escalation: current, names, history, actionable: actionableIn(place, viewer, current) }),
  };
}

/**
 * The storage part of a step: the ETag-guarded transition over every copy, then its audit
 * entry. A repeat re-writes the entry of the step it repeats — insert-only on a key derived
 * from the version — so a log write lost to a crash is made good and a double click logs
 * nothing new. Undefined when the scope cannot see the matter.
 */
export async function applyStep(
  deps: { readonly escalations: EscalationRepository; readonly audit: AuditRepository },
  scope: ReadScope,
  id: string,
  verb: EscalationVerb,
  input: TransitionInput,
  actor: StepActor,
  at: string,
  targets: Partial<Record<BodyKind, string>>,
): Promise<{ plan: Plan; copies: EscalationCopy[] } | undefined> {
  const done = await deps.escalations.transition<Plan>(scope, id, (current) => {
    const plan = planTransition(current, verb, input, actor, at, targets);
    return plan.kind === 'apply' ? { write: { next: plan.next, newBodyId: plan.newBodyId }, result: plan } : { result: plan };
  });
  if (!done) return undefined;
  const plan = done.result;
  if (plan.kind === 'apply') await deps.audit.append(plan.audit);
  if (plan.kind === 'repeat') await deps.audit.append(lastAudit(done.copies[0]!.escalation));
  return { plan, copies: done.copies };
}

/**
 * The posts after a step, each under an idempotent outbox key (a repeat queues nothing new):
 * every body's copy of the card updated in place — the one just clicked too, since Teams
 * replaces a card with the action's response only for the person who clicked — a first post
 * in the channel of a body the matter just reached, and a 1:1 note to the requester in their
 * language. Channel cards are the read-only view; coordinators get theirs by refresh. Returns
 * the matter's audit history it read, for the caller's own card.
 */
export async function fanOut(services: Services, e: Escalation, copies: readonly EscalationCopy[], all: readonly Body[]): Promise<readonly AuditEntry[]> {
  const locale: Locale = services.config.defaultLocale;
  const names = bodyNames(all);
  const byId = new Map(all.map((b) => [b.id, b]));
  const history = await services.audit.list(e.tenantId, e.id);
  const label = `sak ${e.id.slice(0, 8)} v${e.version}`;
  for (const copy of copies) {
    const body = byId.get(copy.bodyId);
    const firstPost = !copy.card && copy.bodyId === e.levelBodyId && copy.bodyId !== e.originBodyId;
    if (!body || (!copy.card && !firstPost)) continue;
    const card = await cardIn(services, locale, body, { escalation: e, names, history, actionable: false });
    if (copy.card) {
      await services.outbox.enqueue({
        key: `esc:${e.id}:v${e.version}:card:${copy.bodyId}`,
        tenantId: e.tenantId,
        target: { ...body.ref, conversationId: copy.card.conversationId || body.ref.conversationId },
        replaceActivityId: copy.card.activityId,
        revision: e.version,
        message: { type: 'card', card },
        label: `${label} oppdatert`,
      });
    } else {
      await services.outbox.enqueue({
        key: `esc:${e.id}:post:${copy.bodyId}`,
        tenantId: e.tenantId,
        target: body.ref,
        message: { type: 'card', card },
        sink: { table: 'escalations', partitionKey: e.tenantId, rowKey: rowKeyOf(copy.bodyId, e.id), ...CARD_FIELDS },
        label: `${label} til ${body.name}`,
      });
    }
  }
  await notifyRequester(services, e, names, byId.get(e.originBodyId));
  return history;
}

/** The requester hears of every step, 1:1, in the language they asked in. */
async function notifyRequester(services: Services, e: Escalation, names: BodyNames, origin: Body | undefined): Promise<void> {
  if (!origin || !e.requester.id) return;
  await services.outbox.enqueue({
    key: `esc:${e.id}:v${e.version}:requester`,
    tenantId: e.tenantId,
    target: origin.ref,
    toUser: { aadObjectId: e.requester.id, channelAccountId: e.requester.channelAccountId || undefined },
    message: { type: 'card', card: escalationNoticeCard(e.requester.locale, e, names) },
    label: `sak ${e.id.slice(0, 8)} v${e.version} til innmelder`,
  });
}

/** Free text of a step: as typed minus control characters; '' counts as not given. */
export const stepText = optionalFreeText;

/** The matter's id as the cards send it. */
export const escalationId = z.string().trim().min(1).max(40);

/**
 * A note field that the card sends under its own input id (`acceptNote` …: ids are unique per
 * card) and a crafted or scripted invoke under the contract's `note`. Either is accepted.
 */
export function noteShape<K extends string>(cardId: K) {
  return { note: stepText(1000), [cardId]: stepText(1000) } as { note: ReturnType<typeof stepText> } & Record<K, ReturnType<typeof stepText>>;
}
