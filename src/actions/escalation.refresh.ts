import { z } from 'zod';
import { bodyIdField } from '../app/agenda-actions';
import { actionableIn, cardIn, escalationId } from '../app/escalations';
import { actingScope, displayScope, resolveViewer } from '../domain/visibility';
import { pick } from '../i18n';
import { ESCALATION_TEXTS } from '../i18n/escalations';
import { bodyNames } from '../views/escalation';
import type { ActionDef } from './types';

const schema = z.object({ escalationId, bodyId: bodyIdField });

/**
 * `escalation.refresh`: the matter card's `refresh` action (Teams calls it for each coordinator
 * listed in `userIds`, trigger 'automatic') and its "Oppdater" button. Answers per person:
 * coordinators and administrators get the steps legal now (where the matter sits), members of
 * a body the matter passed through the read-only view, anyone else the same refusal as a
 * crafted invoke for another body's matter.
 */
export const escalationRefresh: ActionDef<typeof schema> = {
  audience: 'member',
  schema,
  async handle(req, services) {
    const { actor, place, locale, data } = req;
    const notFound = { type: 'message', text: pick(locale, ESCALATION_TEXTS).notFound } as const;
    const viewer = await resolveViewer(services, actor, await services.standing(actor, place), place);
    // In a chat with others, only a card of the body bound to it: one from another body's
    // channel is not replayed here, where its whole audience would read the answer.
    if (place.kind !== 'personal' && (!viewer.here || (data.bodyId && data.bodyId !== viewer.here.id))) return notFound;
    const copy = await services.escalations.get(viewer.here ? displayScope(viewer) : actingScope(viewer), data.escalationId);
    if (!copy) return notFound;
    const e = copy.escalation;
    const history = await services.audit.list(e.tenantId, e.id);
    const actionable = viewer.coordinator && actionableIn(place, viewer, e);
    return { type: 'card', card: await cardIn(services, locale, viewer.here, { escalation: e, names: bodyNames(viewer.all), history, actionable }) };
  },
  async form(req) {
    // Only the ids can be wrong, and the card has no inputs for them.
    return { type: 'message', text: pick(req.locale, ESCALATION_TEXTS).notFound };
  },
};
