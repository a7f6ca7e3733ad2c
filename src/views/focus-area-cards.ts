import { dayOfInstant } from '../domain/digest';
import type { FocusAreaVersion } from '../domain/focus-areas';
import type { AreaStatus } from '../domain/measures/focus-status';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { escapeUserText } from './escape';
import { errorMap, keptText } from './form';
import { countsText, longDate, topicsText } from './measures';
import { renderCard } from './render';

/**
 * The focus-area cards of the measures register (issue 17): «Status og fremdrift per
 * innsatsområde» (coordinators write the status texts on it) and the focus areas of a year with
 * the board meeting that decided them.
 */
/** The focus-area status card. */
export function focusStatusCard(
  locale: Locale,
  view: {
    year: number;
    areas: readonly AreaStatus[];
    coordinator: boolean;
    values?: Readonly<Record<string, unknown>>;
    errors?: readonly FieldError[];
    notice?: string;
    noticeColor?: 'Good' | 'Attention';
    versions?: Readonly<Record<string, number>>;
  },
): CardJson {
  const t = pick(locale, MEASURE_TEXTS);
  const errors = new Map((view.errors ?? []).map((e) => [e.field, e.message]));
  const areas = view.areas.map((a) => {
    const inputId = `text__${a.id}`;
    const stored = a.text?.state === 'ok' ? a.text.text : '';
    const shown = a.text ? (a.text.state === 'ok' ? a.text.text : a.text.state === 'erased' ? t.card.erased : '') : t.status.noText;
    return {
      label: escapeUserText(a.label),
      measures: escapeUserText(countsText(t, a.measures)),
      topics: escapeUserText(topicsText(t, a.topics)),
      matters: format(t.status.mattersLine, { n: a.matters }),
      shown: escapeUserText(shown || t.status.noText),
      inputId,
      inputLabel: escapeUserText(format(t.status.text, { area: a.label })),
      value: inputId in (view.values ?? {}) ? keptText(view.values?.[inputId], 1_500) : stored,
      error: escapeUserText(errors.get(inputId) ?? ''),
      by:
        a.updatedAt && view.coordinator
          ? escapeUserText(format(t.status.textBy, { date: longDate(dayOfInstant(a.updatedAt), locale), name: a.updatedByName ?? '' }))
          : '',
    };
  });
  const versions = view.versions ?? Object.fromEntries(view.areas.map((a) => [a.id, a.version]));
  return renderCard(
    'focus-status',
    {
      title: format(t.status.title, { year: view.year }),
      intro: format(t.status.intro, { year: view.year }),
      notice: view.notice ?? '',
      noticeColor: view.noticeColor ?? 'Good',
      coordinator: view.coordinator,
      labels: { save: t.status.save, back: t.card.back },
    },
    { areas, target: { year: String(view.year), versions: JSON.stringify(versions) }, listData: { mode: 'list' } },
  );
}

/** The yearly focus areas card («tiltak innsatsområder»). */
export function focusAreasYearCard(
  locale: Locale,
  view: {
    year: number;
    areasText: string;
    meetings: readonly { readonly id: string; readonly title: string }[];
    versions: readonly FocusAreaVersion[];
    bodyName: (id: string) => string;
    values?: Readonly<Record<string, unknown>>;
    errors?: readonly FieldError[];
    notice?: string;
    noticeColor?: 'Good' | 'Attention';
    formId: string;
    decidedMeetingId?: string;
  },
): CardJson {
  const t = pick(locale, MEASURE_TEXTS).areasYear;
  const v = view.values ?? {};
  const versions = view.versions.map((x) => ({
    line: x.decided
      ? format(t.decidedLine, { year: x.year, body: view.bodyName(x.decided.bodyId), date: longDate(x.decided.day, locale) })
      : format(t.editedLine, { year: x.year, date: longDate(dayOfInstant(x.updatedAt), locale) }),
  }));
  return renderCard(
    'focus-areas-year',
    {
      title: format(t.title, { year: view.year }),
      intro: t.intro,
      notice: view.notice ?? '',
      noticeColor: view.noticeColor ?? 'Good',
      labels: { areas: t.areas, meeting: t.meeting, meetingPlaceholder: t.meetingPlaceholder, save: t.save, versions: t.versions },
      err: errorMap(['areas', 'boardMeetingId'], view.errors ?? []),
      meetings: view.meetings.map((m) => ({ title: m.title, value: m.id })),
      meetingNone: view.meetings.length === 0 ? t.meetingNone : '',
      versions,
    },
    {
      form: {
        areas: 'areas' in v ? keptText(v.areas, 2_000) : view.areasText,
        boardMeetingId: 'boardMeetingId' in v ? keptText(v.boardMeetingId, 40) : (view.decidedMeetingId ?? ''),
      },
      target: { year: String(view.year), formId: keptText(view.formId, 64) },
    },
  );
}
