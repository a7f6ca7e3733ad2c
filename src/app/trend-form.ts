import { randomUUID } from 'node:crypto';
import { cleanText } from '../domain/trends';
import type { ActionOutcome, CommandRequest, FieldError, Reply, RequestBase } from '../handler-types';
import { format, pick } from '../i18n';
import { TREND_TEXTS } from '../i18n/trends';
import { trendFormCard } from '../views/trend';
import { bodyHere, type Here } from './channel-body';
import type { Services } from './services';

/** The refusal for a request from outside a body's channel, or from a non-member. */
export function hereRefusal(here: Exclude<Here, { ok: true }>, locale: 'nb' | 'en'): string {
  const t = pick(locale, TREND_TEXTS);
  if (here.reason === 'notChannel') return t.personal;
  if (here.reason === 'notABody') return t.notABody;
  return format(t.notMember, { body: here.body?.name ?? '' });
}

/** The trend card, for the `trend` command and for showing the form again. */
export async function trendForm(
  req: Pick<RequestBase, 'actor' | 'locale'> & { readonly data: Readonly<Record<string, unknown>> },
  services: Services,
  errors: readonly FieldError[],
  coordinator: boolean,
): Promise<ActionOutcome> {
  const focusAreas = await services.focusAreas.get(req.actor.tenantId);
  const values = { ...req.data };
  if (!values.service) values.service = (await services.profiles.reporterService(req.actor.tenantId, req.actor.id)) ?? '';
  const formId = typeof req.data.formId === 'string' && req.data.formId ? req.data.formId : randomUUID();
  return { type: 'card', card: trendFormCard(req.locale, { focusAreas, values, errors, canEditAreas: coordinator, formId }) };
}

/**
 * The trend card for this channel's body, its description prefilled with `text` — used by
 * `trend <text>` and by an @mention answering the call-for-topics post in its thread.
 */
export async function trendCardReply(req: CommandRequest, services: Services, text: string): Promise<Reply[]> {
  const here = await bodyHere(services, req.actor, req.place);
  if (!here.ok) return [{ type: 'text', text: hereRefusal(here, req.locale) }];
  const outcome = await trendForm(
    { actor: req.actor, locale: req.locale, data: { description: cleanText(text).slice(0, 1000) } },
    services,
    [],
    here.coordinator,
  );
  return outcome.type === 'card' ? [{ type: 'card', card: outcome.card }] : [{ type: 'text', text: outcome.text }];
}
