import { z } from 'zod';
import { agendaChanged } from '../app/agenda';
import { bodyHere } from '../app/channel-body';
import { freeText, optionalFreeText } from '../app/form-fields';
import { screenFields } from '../app/guard-fields';
import { ensureRetention } from '../app/retention';
import { hereRefusal, trendForm } from '../app/trend-form';
import { stableKey } from '../domain/escalations';
import { DIRECTIONS, MAX_AREA, MAX_DESCRIPTION, monthOf, SERVICES, STORED_AGE_GROUPS } from '../domain/trends';
import type { FieldError } from '../handler-types';
import { pick } from '../i18n';
import { TREND_TEXTS } from '../i18n/trends';
import { trendDoneCard } from '../views/trend';
import type { ActionDef } from './types';

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values).optional());

const schema = z.object({
  focusArea: z.string().trim().min(1).max(60),
  direction: z.enum(DIRECTIONS),
  description: freeText(MAX_DESCRIPTION),
  area: optionalFreeText(MAX_AREA),
  // The form offers AGE_GROUPS; a card posted before issue 16 may still send an older group.
  ageGroup: optionalChoice(STORED_AGE_GROUPS),
  service: optionalChoice(SERVICES),
  formId: z.string().max(64).optional(),
});

/** `trend.submit`: stores a trend for the body of this channel, after the guard let it pass. */
export const trendSubmit: ActionDef<typeof schema> = {
  audience: 'member',
  schema,
  async handle(req, services) {
    const { actor, locale, data } = req;
    const t = pick(locale, TREND_TEXTS);
    const here = await bodyHere(services, actor, req.place);
    if (!here.ok) return { type: 'message', text: hereRefusal(here, locale) };
    const areas = await services.focusAreas.get(actor.tenantId);
    const focusArea = areas.find((a) => a.id === data.focusArea);
    const service = data.service ?? (await services.profiles.reporterService(actor.tenantId, actor.id));
    const errors: FieldError[] = [
      ...(focusArea ? [] : [{ field: 'focusArea', message: t.unknownFocusArea }]),
      ...screenFields({ description: data.description, area: data.area }, locale),
      ...(service ? [] : [{ field: 'service', message: t.chooseService }]),
    ];
    if (errors.length > 0 || !focusArea || !service) {
      services.log.info({ cid: req.correlationId, fields: errors.map((e) => e.field) }, 'trend refused');
      return trendForm(req, services, errors, here.coordinator);
    }
    const key =
      data.formId ||
      stableKey({ focusArea: data.focusArea, direction: data.direction, description: data.description, area: data.area, ageGroup: data.ageGroup });
    const { created, trend } = await services.trends.add(
      {
        tenantId: actor.tenantId,
        bodyId: here.body.id,
        month: monthOf(req.now),
        focusAreaId: focusArea.id,
        focusAreaLabel: focusArea.nb,
        direction: data.direction,
        description: data.description,
        area: data.area,
        ageGroup: data.ageGroup,
        service,
        reporterId: actor.id,
        reportedAt: req.now.toISOString(),
      },
      key,
    );
    if (data.service) await services.profiles.setReporterService(actor.tenantId, actor.id, data.service, req.now.toISOString());
    await ensureRetention(services.scheduler, actor.tenantId, req.now);
    if (created) await agendaChanged(services, actor.tenantId, [here.body.id], req.now);
    services.log.info({ cid: req.correlationId, trend: trend.id, body: here.body.id, created }, 'trend stored');
    return {
      type: 'card',
      card: trendDoneCard(
        locale,
        trend,
        here.body.name,
        areas.find((a) => a.id === trend.focusAreaId),
        !created,
      ),
    };
  },
  async form(req, errors, services) {
    const here = await bodyHere(services, req.actor, req.place);
    if (!here.ok) return { type: 'message', text: hereRefusal(here, req.locale) };
    return trendForm(req, services, errors, here.coordinator);
  },
};
