import { z } from 'zod';
import { type ChannelReaders, readersHere } from '../app/body-readers';
import { refOf } from '../app/conversations';
import { freeText } from '../app/form-fields';
import type { BodyKind } from '../domain/bodies';
import { isValidTime } from '../domain/calendar';
import type { FieldError } from '../handler-types';
import { type Catalogue, format, pick } from '../i18n';
import { kindLabel } from '../i18n/bodies';
import { sharesReadersRefusal, sharesReadersWarning } from '../i18n/readers';
import { bodyRegisterCard, bodyRegisteredCard, channelDisplayName, DEFAULT_DURATION_MINUTES, defaultCadence } from '../views/body-register';
import type { ActionDef } from './types';

/** Card inputs arrive as strings; an empty input means "not given". */
const blank = (v: unknown): unknown => (v === '' || v === null || (typeof v === 'string' && !v.trim()) ? undefined : v);
const int = (min: number, max: number) =>
  z.preprocess((v) => {
    const b = blank(v);
    return typeof b === 'string' && /^\s*-?\d+\s*$/.test(b) ? Number(b) : b;
  }, z.number().int().min(min).max(max).optional());

const schema = z.object({
  kind: z.enum(['youthTeam', 'coordinationGroup', 'board'] satisfies BodyKind[]),
  name: freeText(100),
  cadenceWeeks: int(1, 26),
  weekday: int(1, 5),
  time: z.preprocess(blank, z.string().trim().refine(isValidTime, 'msg:time').optional()),
  durationMinutes: int(15, 480),
});

const text: Catalogue<{ notChannel: string; time: string; weekday: string; range: string; kindTaken: string }> = {
  nb: {
    notChannel: 'Registreringen må gjøres fra kortet i kanalen som skal registreres. Skriv «@SLT-boten registrer» i den kanalen.',
    time: 'Skriv klokkeslettet som TT:MM, for eksempel 09:00.',
    weekday: 'Velg en ukedag fra mandag til fredag.',
    range: 'Skriv et helt tall fra {min} til {max}.',
    kindTaken:
      '{kind} er allerede registrert i kanalen «{channel}». Et nettverk har bare én: registrer den kanalen som noe annet først hvis den skal flyttes hit.',
  },
  en: {
    notChannel: 'Registration must be done from the card in the channel to register. Type "@SLT-boten register" in that channel.',
    time: 'Write the time as HH:MM, for example 09:00.',
    weekday: 'Choose a weekday from Monday to Friday.',
    range: 'Write a whole number from {min} to {max}.',
    kindTaken:
      '{kind} is already registered in the channel "{channel}". A network has only one: register that channel as something else first if it is to move here.',
  },
};

const RANGES: Record<string, readonly [number, number]> = { cadenceWeeks: [1, 26], durationMinutes: [15, 480] };

/**
 * Clearer messages than the generic ones for fields with a format or a range (card inputs arrive
 * as strings, so the generic text would talk about characters instead of numbers).
 */
function clarify(errors: readonly FieldError[], values: Record<string, unknown>, locale: 'nb' | 'en'): FieldError[] {
  const t = pick(locale, text);
  return errors.map((e) => {
    if (e.field === 'time') return { ...e, message: t.time };
    if (e.field === 'weekday') return { ...e, message: t.weekday };
    const range = RANGES[e.field];
    if (range && values[e.field] !== undefined && values[e.field] !== '') return { ...e, message: format(t.range, { min: range[0], max: range[1] }) };
    return e;
  });
}

/** The refusal of a second body among a team's standard channels, naming the one already there. */
function refusal(locale: 'nb' | 'en', readers: ChannelReaders, other: { name: string; channelName?: string }): FieldError {
  return {
    field: 'channel',
    message: sharesReadersRefusal(locale, { channelName: readers.channelName, teamName: readers.teamName, other: other.name, otherChannel: other.channelName }),
  };
}

/**
 * `body.register`: binds the channel the card is in to an SLT body (or updates it). Who will read
 * it is found as Teams defines it (app/body-readers); a new body in a standard channel of a team
 * that already has one there is refused with the two ways to do it right, and nothing is stored.
 */
export const bodyRegister: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const { place, locale, data } = req;
    if (place.kind !== 'channel' || !place.channelId) return { type: 'message', text: pick(locale, text).notChannel };
    const [readers, current] = await Promise.all([readersHere(services, place, req.correlationId), services.bodies.byChannel(place.tenantId, place.channelId)]);
    if (readers.sharesWith && !current) {
      services.log.info({ cid: req.correlationId, other: readers.sharesWith.id }, 'registration refused: same readers as another body');
      return bodyRegister.form(req, [refusal(locale, readers, readers.sharesWith)], services);
    }
    const result = await services.bodies.upsert({
      tenantId: place.tenantId,
      kind: data.kind,
      name: data.name,
      cadenceWeeks: data.cadenceWeeks ?? defaultCadence(data.kind),
      weekday: data.weekday,
      time: data.time,
      durationMinutes: data.durationMinutes ?? DEFAULT_DURATION_MINUTES,
      channelId: place.channelId,
      channelName: channelDisplayName(place, locale) || readers.channelName || undefined,
      // Only what Teams said: an assumed kind would read the team's roster for a channel that may be private.
      channelType: readers.kindKnown ? readers.kind : undefined,
      teamName: readers.teamName,
      ref: refOf(place),
      registeredBy: req.actor.id,
      at: req.now.toISOString(),
    });
    if (!result.ok && result.reason === 'teamTaken') return bodyRegister.form(req, [refusal(locale, readers, result.holder)], services);
    if (!result.ok) {
      const message = format(pick(locale, text).kindTaken, { kind: kindLabel(locale, result.kind), channel: result.holder.channelName ?? result.holder.name });
      return bodyRegister.form(req, [{ field: 'kind', message }], services);
    }
    services.log.info(
      { cid: req.correlationId, body: result.body.id, kind: result.body.kind, created: result.created, changed: result.changed },
      'body registered',
    );
    const outcome = result.created ? 'created' : result.changed ? 'updated' : 'unchanged';
    const warning = readers.sharesWith ? sharesReadersWarning(locale, readers.sharesWith.name, readers.teamName) : undefined;
    return { type: 'card', card: bodyRegisteredCard(locale, result.body, outcome, { ...readers, channelName: result.body.channelName }, warning) };
  },
  async form(req, errors, services) {
    const { place, locale } = req;
    if (place.kind !== 'channel' || !place.channelId) return { type: 'message', text: pick(locale, text).notChannel };
    const [current, readers] = await Promise.all([services.bodies.byChannel(place.tenantId, place.channelId), readersHere(services, place, req.correlationId)]);
    const channel = channelDisplayName(place, locale) || readers.channelName || '';
    return {
      type: 'card',
      card: bodyRegisterCard(locale, channel, current, req.data, clarify(errors, req.data, locale), {
        view: { ...readers, channelName: channel || undefined },
        blocked: readers.sharesWith && !current ? refusal(locale, readers, readers.sharesWith).message : undefined,
      }),
    };
  },
};
