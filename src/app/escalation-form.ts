import { randomUUID } from 'node:crypto';
import { type Body, nextLevel } from '../domain/bodies';
import type { ActionOutcome, FieldError, RequestBase } from '../handler-types';
import { format, pick } from '../i18n';
import { ESCALATION_TEXTS } from '../i18n/escalations';
import { bodyNames, escalationFormCard, levelName } from '../views/escalation';
import type { Services } from './services';

/** The refusal for a request from outside a body's channel, a non-member, or the board. */
export function escalationRefusal(reason: 'notChannel' | 'notABody' | 'notMember' | 'topLevel', locale: 'nb' | 'en', body?: Body): string {
  const t = pick(locale, ESCALATION_TEXTS);
  return reason === 'notChannel'
    ? t.personal
    : reason === 'notABody'
      ? t.notABody
      : reason === 'topLevel'
        ? t.topLevel
        : format(t.notMember, { body: body?.name ?? '' });
}

/** The `løft` card, with input kept and errors shown. */
export async function escalationForm(
  req: Pick<RequestBase, 'actor' | 'locale'> & { readonly data: Readonly<Record<string, unknown>> },
  services: Services,
  body: Body,
  errors: readonly FieldError[],
): Promise<ActionOutcome> {
  const all = await services.bodies.list(req.actor.tenantId);
  const level = levelName(req.locale, bodyNames(all), nextLevel(body.kind));
  const formId = typeof req.data.formId === 'string' && req.data.formId ? req.data.formId : randomUUID();
  return { type: 'card', card: escalationFormCard(req.locale, level, req.data, errors, formId) };
}
