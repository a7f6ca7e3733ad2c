import type { BodyKind } from '../domain/bodies';
import { type Catalogue, format, type Locale, pick } from './index';

const text: Catalogue<{
  kinds: Record<BodyKind, string>;
  nouns: Record<BodyKind, string>;
  weekdays: readonly string[];
  cadence: string;
  cadenceOne: string;
  usual: string;
  duration: string;
  general: string;
}> = {
  nb: {
    kinds: { youthTeam: 'Ungdomsteam', coordinationGroup: 'Koordineringsgruppe', board: 'SLT-styret' },
    nouns: { youthTeam: 'ungdomsteam', coordinationGroup: 'koordineringsgruppe', board: 'SLT-styre' },
    weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag'],
    cadence: 'hver {n}. uke',
    cadenceOne: 'hver uke',
    usual: '{weekday}er kl. {time}',
    duration: '{minutes} minutter',
    general: 'Generelt',
  },
  en: {
    kinds: { youthTeam: 'Youth team', coordinationGroup: 'Coordination group', board: 'SLT board' },
    nouns: { youthTeam: 'youth team', coordinationGroup: 'coordination group', board: 'SLT board' },
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    cadence: 'every {n} weeks',
    cadenceOne: 'every week',
    usual: '{weekday}s at {time}',
    duration: '{minutes} minutes',
    general: 'General',
  },
};

/** 'Ungdomsteam' / 'Youth team' … */
export function kindLabel(locale: Locale, kind: BodyKind): string {
  return pick(locale, text).kinds[kind];
}

/** The kind inside a sentence: 'registrert som ungdomsteam …'. */
export function kindNoun(locale: Locale, kind: BodyKind): string {
  return pick(locale, text).nouns[kind];
}

/** Weekday 1 (Monday) – 5 (Friday) by name. */
export function weekdayName(locale: Locale, weekday: number): string {
  return pick(locale, text).weekdays[weekday - 1] ?? String(weekday);
}

/** 'hver 6. uke' / 'every 6 weeks'. */
export function cadenceText(locale: Locale, weeks: number): string {
  const t = pick(locale, text);
  return weeks === 1 ? t.cadenceOne : format(t.cadence, { n: weeks });
}

/** 'tirsdager kl. 09:00' / 'Tuesdays at 09:00', or undefined when the usual time is not set. */
export function usualTimeText(locale: Locale, weekday: number | undefined, time: string | undefined): string | undefined {
  if (!weekday || !time) return undefined;
  return format(pick(locale, text).usual, { weekday: weekdayName(locale, weekday), time });
}

export function durationText(locale: Locale, minutes: number): string {
  return format(pick(locale, text).duration, { minutes });
}

/** What Teams' General channel is called (Teams sends no name for it). */
export function generalChannelName(locale: Locale): string {
  return pick(locale, text).general;
}
