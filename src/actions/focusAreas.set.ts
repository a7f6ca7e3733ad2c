import { z } from 'zod';
import { focusAreasYearCardFor, setFocusAreasForYear } from '../app/focus-areas-year';
import { cleanedText } from '../app/form-fields';
import { screenFields } from '../app/guard-fields';
import { dataObject, yearField } from '../app/measure-fields';
import { measureScene } from '../app/measures';
import { trendForm } from '../app/trend-form';
import { parseFocusAreaLines } from '../domain/focus-areas';
import { MEETING_ID_RE } from '../domain/meetings';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { TREND_TEXTS } from '../i18n/trends';
import { focusAreasSavedCard } from '../views/trend';
import type { ActionDef } from './types';

const schema = z.object({
  areas: cleanedText(2000),
  year: yearField,
  boardMeetingId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().regex(MEETING_ID_RE).optional()),
});

/**
 * `focusAreas.set` (added to the contract): coordinators replace the network's focus areas from
 * the "Endre innsatsområder" part of the trend card, one per line (the list of the current year).
 * With `year` (and `boardMeetingId`, issue 17) it stores the list the board decided for that year,
 * from the `tiltak innsatsområder` card. Not a separate command, so the list is edited where it is used.
 */
export const focusAreasSet: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const { actor, locale } = req;
    const { year } = req.data;
    if (year !== undefined) return setFocusAreasForYear(services, { ...req, data: { ...req.data, year } });
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
    // From the yearly card (it sends `year`): that card again; from the trend card: the trend card.
    const data = dataObject(req.data);
    if (!('year' in data)) return trendForm(req, services, errors, true);
    const year = Number(data.year);
    const scene = await measureScene(services, req);
    const shownYear = Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(scene.today.slice(0, 4));
    const card = await focusAreasYearCardFor(services, req.locale, scene, shownYear, {
      values: data,
      errors,
      notice: pick(req.locale, MEASURE_TEXTS).notices.errorSummary,
      noticeColor: 'Attention',
    });
    return { type: 'card', card };
  },
};
