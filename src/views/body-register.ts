import { BODY_KINDS, type Body, type BodyKind, type ChannelKind } from '../domain/bodies';
import { DEFAULT_CADENCE_WEEKS } from '../domain/calendar';
import type { CardJson, FieldError, Place } from '../handler-types';
import { type Catalogue, format, type Locale, pick } from '../i18n';
import { cadenceText, durationText, generalChannelName, kindLabel, kindNoun, usualTimeText, weekdayName } from '../i18n/bodies';
import { assumedStandard, coordinatorsRead, readersSentence } from '../i18n/readers';
import { errorMap, keptNumber, keptText } from './form';
import { renderCard } from './render';

/** Fields of the `body.register` form, in card order. */
export const BODY_FIELDS = ['kind', 'name', 'cadenceWeeks', 'weekday', 'time', 'durationMinutes'] as const;
export const DEFAULT_DURATION_MINUTES = 90;

/** Who reads the channel (app/body-readers), as the form and the confirmation say it. */
export interface ReadersView {
  readonly kind: ChannelKind;
  readonly kindKnown: boolean;
  readonly count?: number;
  readonly teamName?: string;
  readonly channelName?: string;
}

/** «Alle N medlemmer av teamet «X» kan lese …», with «Teams sa ikke …» when the kind was assumed, and the coordinators. */
export function readersText(locale: Locale, r: ReadersView): string {
  return [readersSentence(locale, r), r.kindKnown ? '' : assumedStandard(locale), coordinatorsRead(locale)].filter(Boolean).join(' ');
}

const text: Catalogue<{
  title: string;
  intro: string;
  current: string;
  footer: string;
  labels: Record<string, string>;
  done: { created: string; updated: string; unchanged: string; text: string; next: string; facts: Record<string, string>; members: Record<BodyKind, string> };
}> = {
  nb: {
    title: 'Registrer kanalen som SLT-organ',
    intro: 'Kanalen «{channel}» knyttes til organet du velger. Påminnelser, dagsorden og referater for organet postes her.',
    current: 'Kanalen er nå registrert som {kind} «{name}». Lagrer du på nytt, oppdateres registreringen.',
    footer:
      'Et nettverk har mange ungdomsteam, men én koordineringsgruppe og ett SLT-styre. Organets medlemmer er de som kan lese kanalen: hele teamet for en standardkanal, kanalens egne medlemmer for en privat eller delt kanal.',
    labels: {
      kind: 'Type organ',
      required: 'Feltet må fylles ut.',
      name: 'Navn (høyst 100 tegn)',
      namePlaceholder: 'For eksempel «Ungdomsteam Vest 13-16»',
      cadenceWeeks: 'Møtes hver … uke (1–26)',
      cadencePlaceholder: 'Tomt: 6 uker, styret 13 uker',
      weekday: 'Vanlig møtedag',
      weekdayPlaceholder: 'Velg dag (valgfritt)',
      time: 'Vanlig klokkeslett',
      durationMinutes: 'Varighet i minutter (15–480)',
      submit: 'Lagre',
    },
    done: {
      created: 'Kanalen er registrert',
      updated: 'Registreringen er oppdatert',
      unchanged: 'Ingen endringer: kanalen var allerede registrert slik',
      text: 'Denne kanalen er nå registrert som {kind} «{name}».',
      next: 'Skriv «@SLT-boten møte» for å planlegge møter.',
      facts: { kind: 'Type', name: 'Navn', channel: 'Kanal', cadence: 'Møtes', usual: 'Vanlig tid', duration: 'Varighet' },
      members: {
        youthTeam: 'Medlemmene kan melde inn trender med «@SLT-boten trend».',
        coordinationGroup: 'Saker som ungdomsteamene løfter, kommer hit.',
        board: 'De som kan lese denne kanalen, regnes som medlemmer av SLT-styret og får månedsrapporten.',
      },
    },
  },
  en: {
    title: 'Register this channel as an SLT body',
    intro: 'The channel "{channel}" is bound to the body you choose. Reminders, agendas and minutes of the body are posted here.',
    current: 'This channel is registered as {kind} "{name}". Saving again updates the registration.',
    footer:
      "A network has many youth teams, but one coordination group and one SLT board. The body's members are those who can read the channel: the whole team for a standard channel, the channel's own members for a private or shared channel.",
    labels: {
      kind: 'Kind of body',
      required: 'This field is required.',
      name: 'Name (at most 100 characters)',
      namePlaceholder: 'For example "Youth team West 13-16"',
      cadenceWeeks: 'Meets every … weeks (1–26)',
      cadencePlaceholder: 'Empty: 6 weeks, board 13 weeks',
      weekday: 'Usual weekday',
      weekdayPlaceholder: 'Choose a day (optional)',
      time: 'Usual time',
      durationMinutes: 'Duration in minutes (15–480)',
      submit: 'Save',
    },
    done: {
      created: 'The channel is registered',
      updated: 'The registration is updated',
      unchanged: 'No changes: the channel was already registered like this',
      text: 'This channel is now registered as {kind} "{name}".',
      next: 'Type "@SLT-boten meeting" to schedule meetings.',
      facts: { kind: 'Kind', name: 'Name', channel: 'Channel', cadence: 'Meets', usual: 'Usual time', duration: 'Duration' },
      members: {
        youthTeam: 'The members can report trends with "@SLT-boten trend".',
        coordinationGroup: 'Matters lifted by the youth teams come here.',
        board: 'Those who can read this channel count as members of the SLT board and receive the monthly digest.',
      },
    },
  },
};

/**
 * The form, filled from `values` (the user's input, kept as typed), with errors next to fields.
 * `readers` says who will read the channel; `blocked` why it cannot be registered as it is (an
 * error on the pseudo-field `channel` says it too, at the top).
 */
export function bodyRegisterCard(
  locale: Locale,
  channel: string,
  current: Body | undefined,
  values: Record<string, unknown>,
  errors: readonly FieldError[] = [],
  readers?: { readonly view?: ReadersView; readonly blocked?: string },
): CardJson {
  const t = pick(locale, text);
  const err = errorMap(['channel', ...BODY_FIELDS], errors);
  const data = {
    title: t.title,
    intro: format(t.intro, { channel }),
    readers: readers?.view ? readersText(locale, readers.view) : '',
    blocked: err.channel ? '' : (readers?.blocked ?? ''),
    current: current ? format(t.current, { kind: kindNoun(locale, current.kind), name: current.name }) : '',
    footer: t.footer,
    labels: t.labels,
    kinds: BODY_KINDS.map((k) => ({ title: kindLabel(locale, k), value: k })),
    weekdays: [1, 2, 3, 4, 5].map((d) => ({ title: weekdayName(locale, d), value: String(d) })),
    err,
  };
  const form = {
    kind: keptText(values.kind, 40),
    name: keptText(values.name),
    cadenceWeeks: keptNumber(values.cadenceWeeks) ?? '',
    weekday: keptText(values.weekday, 2),
    time: /^\d{2}:\d{2}$/.test(keptText(values.time)) ? keptText(values.time) : '',
    durationMinutes: keptNumber(values.durationMinutes) ?? '',
  };
  return renderCard('body-register', data, { form });
}

/** Initial form values: the body as registered, or defaults for a new one. */
export function initialValues(current: Body | undefined, suggestedName: string): Record<string, unknown> {
  if (!current) return { kind: '', name: suggestedName, cadenceWeeks: '', weekday: '', time: '', durationMinutes: DEFAULT_DURATION_MINUTES };
  return {
    kind: current.kind,
    name: current.name,
    cadenceWeeks: current.cadenceWeeks,
    weekday: current.weekday ? String(current.weekday) : '',
    time: current.time ?? '',
    durationMinutes: current.durationMinutes,
  };
}

/** Cadence when the form left it empty: the domain default for the kind. */
export function defaultCadence(kind: BodyKind): number {
  return DEFAULT_CADENCE_WEEKS[kind];
}

/** The confirmation: what was stored, who reads it, and what happens next. */
export function bodyRegisteredCard(locale: Locale, body: Body, outcome: 'created' | 'updated' | 'unchanged', readers: ReadersView, warning?: string): CardJson {
  const t = pick(locale, text).done;
  const f = t.facts;
  const usual = usualTimeText(locale, body.weekday, body.time);
  const facts = [
    { title: f.kind, value: kindLabel(locale, body.kind) },
    { title: f.name, value: body.name },
    { title: f.channel, value: body.channelName ?? '' },
    { title: f.cadence, value: cadenceText(locale, body.cadenceWeeks) },
    ...(usual ? [{ title: f.usual, value: usual }] : []),
    { title: f.duration, value: durationText(locale, body.durationMinutes) },
  ].filter((x) => x.value !== '');
  return renderCard('body-registered', {
    title: t[outcome],
    text: format(t.text, { kind: kindNoun(locale, body.kind), name: body.name }),
    readers: readersText(locale, readers),
    warning: warning ?? '',
    facts,
    next: t.next,
    members: t.members[body.kind],
  });
}

/** The channel's display name; Teams sends none for General (whose id is the team id). */
export function channelDisplayName(place: Place, locale: Locale): string {
  if (place.channelName) return place.channelName;
  return place.channelId && place.channelId === place.teamId ? generalChannelName(locale) : '';
}
