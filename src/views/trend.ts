import { type FocusArea, focusAreaLabel, focusAreaLines } from '../domain/focus-areas';
import { AGE_GROUPS, DIRECTIONS, SERVICES, type Trend } from '../domain/trends';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { AGE_GROUP_LABELS, DIRECTION_LABELS, SERVICE_LABELS, TREND_TEXTS } from '../i18n/trends';
import { errorMap, keptText } from './form';
import { renderCard } from './render';

/** Fields of the trend card, in the order errors are summarised. */
export const TREND_FIELDS = ['focusArea', 'direction', 'description', 'area', 'ageGroup', 'service', 'areas'] as const;

export interface TrendFormView {
  readonly focusAreas: readonly FocusArea[];
  /** The user's input (or the prefill), shown again exactly as typed. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly errors: readonly FieldError[];
  readonly canEditAreas: boolean;
  /** Idempotency key of this card: the same card submitted twice stores one trend. */
  readonly formId: string;
}

/** The `trend` card: a form with the input kept and field-level errors. */
export function trendFormCard(locale: Locale, view: TrendFormView): CardJson {
  const t = pick(locale, TREND_TEXTS);
  const choices = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ title: labels[k], value: k }));
  const v = view.values;
  const form = {
    focusArea: keptText(v.focusArea, 100),
    direction: keptText(v.direction, 20),
    description: keptText(v.description, 5_000),
    area: keptText(v.area, 1_000),
    ageGroup: keptText(v.ageGroup, 20),
    service: keptText(v.service, 40),
    areas: typeof v.areas === 'string' ? keptText(v.areas, 5_000) : focusAreaLines(view.focusAreas, locale),
  };
  const areasError = view.errors.find((e) => e.field === 'areas');
  return renderCard(
    'trend-form',
    {
      title: t.formTitle,
      intro: t.formIntro,
      // The focus-area editor folds away when the card comes back: its error goes to the top.
      summary: areasError ? `${t.editAreas}: ${areasError.message}` : view.errors.length > 0 ? t.errorSummary : '',
      labels: t,
      err: errorMap(TREND_FIELDS, view.errors),
      canEditAreas: view.canEditAreas,
    },
    {
      // Input values and choice titles are not Markdown: bound raw (see views/form.ts).
      form,
      focusAreas: view.focusAreas.map((a) => ({ title: keptText(focusAreaLabel(a, locale), 100), value: a.id })),
      directions: choices(DIRECTIONS, pick(locale, DIRECTION_LABELS)),
      ageGroups: choices(AGE_GROUPS, pick(locale, AGE_GROUP_LABELS)),
      services: choices(SERVICES, pick(locale, SERVICE_LABELS)),
      formId: keptText(view.formId, 64),
    },
  );
}

/** The confirmation that replaces the form: the trend as stored, shown literally, by service not by person. */
export function trendDoneCard(locale: Locale, trend: Trend, bodyName: string, focusArea: FocusArea | undefined, duplicate: boolean): CardJson {
  const t = pick(locale, TREND_TEXTS);
  const service = pick(locale, SERVICE_LABELS)[trend.service];
  const facts = [
    { title: t.factFocusArea, value: focusArea ? focusAreaLabel(focusArea, locale) : trend.focusAreaLabel },
    { title: t.factDirection, value: pick(locale, DIRECTION_LABELS)[trend.direction] },
    { title: t.factDescription, value: trend.description },
    ...(trend.area ? [{ title: t.factArea, value: trend.area }] : []),
    ...(trend.ageGroup ? [{ title: t.factAgeGroup, value: pick(locale, AGE_GROUP_LABELS)[trend.ageGroup] }] : []),
    { title: t.factService, value: service },
  ];
  const text = format(t.doneText, { body: bodyName, service }) + (duplicate ? ` ${t.duplicateText}` : '');
  return renderCard('notice', { title: t.doneTitle, text, color: 'Good', facts });
}

/** The confirmation after coordinators saved the focus areas. */
export function focusAreasSavedCard(locale: Locale, areas: readonly FocusArea[], changed: boolean): CardJson {
  const t = pick(locale, TREND_TEXTS);
  return renderCard('notice', {
    title: t.areasSavedTitle,
    text: changed ? t.areasSaved : t.areasUnchanged,
    color: 'Good',
    facts: areas.map((a, i) => ({ title: String(i + 1), value: focusAreaLabel(a, locale) })),
  });
}
