import { z } from 'zod';
import { cleanedText } from '../app/form-fields';
import { screenFields } from '../app/guard-fields';
import { trendForm } from '../app/trend-form';
import { parseFocusAreaLines } from '../domain/focus-areas';
import { pick } from '../i18n';
import { TREND_TEXTS } from '../i18n/trends';
import { focusAreasSavedCard } from '../views/trend';
import type { ActionDef } from './types';

const schema = z.object({ areas: cleanedText(2000) });

/**
 * `focusAreas.set` (added to the contract): coordinators replace the network's focus areas from
 * the "Endre innsatsområder" part of the trend card, one per line. Not a separate command, so
 * the list is edited where it is used.
 */
export const focusAreasSet: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const { actor, locale } = req;
    const t = pick(locale, TREND_TEXTS);
    const current = await services.focusAreas.get(actor.tenantId);
    const parsed = parseFocusAreaLines(req.data.areas, current);
    if (!parsed.ok) {
      const message = parsed.reason === 'empty' ? t.areasEmpty : parsed.reason === 'tooMany' ? t.areasTooMany : t.areasTooLong;
      return trendForm(req, services, [{ field: 'areas', message }], true);
    }
    // Labels are stored free text too: the guard reads them like any other.
    const blocked = screenFields({ areas: parsed.areas.map((a) => a.nb).join('\n') }, locale);
    if (blocked.length > 0) return trendForm(req, services, blocked, true);
    const changed = await services.focusAreas.set(actor.tenantId, parsed.areas, actor.id, req.now.toISOString());
    services.log.info({ cid: req.correlationId, count: parsed.areas.length, changed }, 'focus areas set');
    return { type: 'card', card: focusAreasSavedCard(locale, parsed.areas, changed) };
  },
  async form(req, errors, services) {
    return trendForm(req, services, errors, true);
  },
};
