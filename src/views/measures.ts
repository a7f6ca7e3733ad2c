import { shortText } from '../domain/agenda-youth';
import { formatDate } from '../domain/calendar';
import { dayOfInstant } from '../domain/digest';
import type { AreaStatus, MeasureCounts } from '../domain/measures/focus-status';
import { type StandingOf, standingOf } from '../domain/measures/follow-up';
import { CONCLUSIONS, MEASURE_LEVELS, MEASURE_STATES, type Measure, type MeasureLogEntry } from '../domain/measures/model';
import { RESPONSIBLES } from '../domain/minutes';
import { DIRECTIONS } from '../domain/trends';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS, type MeasureTexts } from '../i18n/measures';
import { responsibleLabel, responsibleName } from './agenda-items';
import { escapeUserText } from './escape';
import { errorMap, keptText } from './form';
import { renderCard } from './render';

/**
 * The cards of the measures register (issue 17): a measure (status with who set it when, its
 * facts and log; coordinators get «Endre status», «Endre», «Evaluer»), the form to register or
 * change one, the list (also the December evaluation prompt), the focus-area status and the
 * yearly focus areas. Every user-typed text is escaped (renderCard, or escapeUserText where a
 * list is bound raw with the bot's own ids); input values are bound raw (views/form.ts).
 */

/** '3. mars 2026' / '3 March 2026' of a YYYY-MM-DD day. */
export function longDate(day: string, locale: Locale): string {
  return formatDate(day, locale).replace(/^\S+ /, '');
}

/** How a measure stands, in words: «Fullført 3. mars 2026», «Pågår – fristen er passert (…)», «Planlagt». */
export function standingText(locale: Locale, s: StandingOf): string {
  const t = pick(locale, MEASURE_TEXTS);
  if (s.kind === 'completed') return format(t.completedOn, { date: longDate(s.on, locale) });
  if (s.kind === 'ended') return format(t.endedOn, { date: longDate(s.on, locale) });
  if (s.kind === 'overdue') return `${t.states[s.state]} – ${format(t.overdue, { date: longDate(s.due, locale) })}`;
  return t.states[s.kind];
}

const COLORS: Record<StandingOf['kind'], string> = { planned: 'Accent', ongoing: 'Accent', completed: 'Good', ended: 'Default', overdue: 'Warning' };

/** The responsible services (or as written in a matter's decision), plain text. */
export function responsibleOf(locale: Locale, m: Pick<Measure, 'responsible'> & Partial<Pick<Measure, 'responsibleText'>>): string {
  const names = m.responsible.map((r) => responsibleName(locale, r)).filter((x): x is string => !!x);
  return names.length > 0 ? names.join(', ') : (m.responsibleText ?? '');
}

/** «Planlagt: 1, pågår: 2 …» of a focus area's measure counts. */
export function countsText(t: MeasureTexts, c: MeasureCounts): string {
  const parts = [
    ...MEASURE_STATES.filter((s) => c[s] > 0).map((s) => `${t.states[s].toLocaleLowerCase('nb-NO')} ${c[s]}`),
    ...(c.overdue > 0 ? [`${t.overdue.replace(/\s*\(.*\)$/, '').toLocaleLowerCase('nb-NO')} ${c.overdue}`] : []),
  ];
  return parts.length > 0 ? format(t.status.measuresLine, { parts: parts.join(', ') }) : t.status.measuresNone;
}

/** «Trender: 14 (5 nye, 6 økende …)». */
export function topicsText(t: MeasureTexts, topics: AreaStatus['topics']): string {
  if (topics.total === 0) return t.status.topicsNone;
  const parts = DIRECTIONS.filter((d) => topics.byDirection[d] > 0).map((d) => `${topics.byDirection[d]} ${t.directions[d]}`);
  return format(t.status.topicsLine, { total: topics.total, parts: parts.join(', ') });
}

function historyLine(locale: Locale, e: MeasureLogEntry, withNames: boolean): string {
  const t = pick(locale, MEASURE_TEXTS);
  const date = longDate(dayOfInstant(e.at), locale);
  const by = withNames && e.actorName ? format(t.history.by, { name: e.actorName }) : '';
  if (e.verb === 'create') return format(t.history.create, { date, state: e.toState ? t.states[e.toState] : '' }) + by;
  if (e.verb === 'erase') return format(t.history.erase, { date });
  const fields = e.fields.map((f) => t.fieldNames[f] ?? f).join(', ');
  const status = e.fromState && e.toState ? format(t.history.status, { date, from: t.states[e.fromState], to: t.states[e.toState] }) : '';
  const update = fields ? format(t.history.update, { date, fields }) : '';
  return [status, update].filter(Boolean).join('; ') + by;
}

/** The measure's card. */
export interface MeasureView {
  readonly measure: Measure;
  readonly history: readonly MeasureLogEntry[];
  readonly coordinator: boolean;
  readonly today: string;
  readonly bodyName: (id: string) => string;
  /** Where it came from, in words (plain text). */
  readonly sourceText: string;
  readonly notice?: string;
  readonly noticeColor?: 'Good' | 'Attention' | 'Warning';
  readonly errors?: readonly FieldError[];
}

export function measureCard(locale: Locale, view: MeasureView): CardJson {
  const t = pick(locale, MEASURE_TEXTS);
  const m = view.measure;
  const erased = !!m.textErasedAt;
  const standing = standingOf(m, view.today);
  const period = [m.start ? longDate(m.start, locale) : '', m.end ? longDate(m.end, locale) : ''];
  const setOn = longDate(dayOfInstant(m.stateAt), locale);
  const facts = [
    { title: t.fields.focusAreas, value: m.focusAreas.map((a) => a.label).join(', ') },
    { title: t.fields.level, value: m.level ? t.levels[m.level] : '' },
    { title: t.fields.responsible, value: m.responsible.length ? responsibleOf(locale, m) : '' },
    { title: t.facts.responsibleText, value: m.responsible.length ? '' : (m.responsibleText ?? '') },
    { title: t.fields.owner, value: view.bodyName(m.ownerBodyId) },
    { title: t.facts.plan, value: m.plan ?? '' },
    { title: t.facts.period, value: period[0] || period[1] ? `${period[0]} – ${period[1]}` : '' },
    { title: t.facts.evaluationMethod, value: m.evaluationMethod ?? '' },
    { title: t.fields.evaluation, value: m.evaluation ?? '' },
    { title: t.fields.conclusion, value: m.conclusion ? t.conclusions[m.conclusion] : '' },
    { title: t.facts.source, value: view.sourceText },
    {
      title: t.facts.statusSet,
      value: view.coordinator && m.stateByName ? format(t.facts.statusSetBy, { date: setOn, name: m.stateByName }) : setOn,
    },
  ].filter((f) => f.value);
  const err = errorMap(['status'], view.errors ?? []);
  const target = { measureId: m.id, version: String(m.version) };
  return renderCard(
    'measure',
    {
      title: erased ? t.card.erased : m.title,
      status: `${t.fields.status}: ${standingText(locale, standing)}`,
      statusColor: COLORS[standing.kind],
      notice: view.notice ?? '',
      noticeColor: view.noticeColor ?? 'Good',
      description: erased ? '' : m.description,
      facts,
      readOnly: view.coordinator ? '' : t.card.readOnly,
      history: view.history
        .slice(-8)
        .reverse()
        .map((e) => ({ line: historyLine(locale, e, view.coordinator) })),
      labels: {
        history: t.history.heading,
        changeStatus: t.card.changeStatus,
        status: t.fields.status,
        setStatus: t.card.setStatus,
        edit: t.card.edit,
        evaluate: t.card.evaluate,
        back: t.card.back,
      },
      err,
      coordinator: view.coordinator,
      states: MEASURE_STATES.map((s) => ({ title: t.states[s], value: s })),
    },
    {
      form: { status: m.state },
      target,
      editData: { measureId: m.id, mode: 'edit' },
      evaluateData: { measureId: m.id, mode: 'evaluate' },
      listData: { mode: 'list' },
    },
  );
}

export type FormMode = 'new' | 'edit' | 'evaluate';

export interface MeasureFormView {
  readonly mode: FormMode;
  /** The stored measure (edit, evaluate). */
  readonly measure?: Measure;
  /** The version the form saves against (edit, evaluate); by default the measure's. */
  readonly version?: number;
  readonly values?: Readonly<Record<string, unknown>>;
  readonly errors?: readonly FieldError[];
  readonly notice?: string;
  readonly noticeColor?: 'Good' | 'Attention' | 'Warning';
  /** The focus areas offered (the measure's year), id and label. */
  readonly focusAreas: readonly { readonly id: string; readonly label: string }[];
  readonly bodies: readonly { readonly id: string; readonly name: string }[];
  readonly defaultOwner?: string;
  readonly formId: string;
  readonly sourceText?: string;
}

export const FORM_FIELDS = [
  'title',
  'description',
  'focusAreas',
  'level',
  'responsible',
  'ownerBodyId',
  'plan',
  'start',
  'end',
  'status',
  'evaluationMethod',
  'evaluation',
  'conclusion',
] as const;

/** The stored value of a form field, as the input shows it. */
function storedValue(m: Measure | undefined, field: (typeof FORM_FIELDS)[number]): string {
  if (!m) return '';
  switch (field) {
    case 'focusAreas':
      return m.focusAreas.map((a) => a.id).join(',');
    case 'responsible':
      return m.responsible.join(',');
    case 'status':
      return m.state;
    default: {
      const v = m[field];
      return typeof v === 'string' ? v : '';
    }
  }
}

export function measureFormCard(locale: Locale, view: MeasureFormView): CardJson {
  const t = pick(locale, MEASURE_TEXTS);
  const m = view.measure;
  const values = view.values ?? {};
  const form: Record<string, string> = {};
  for (const f of FORM_FIELDS) form[f] = f in values ? keptText(values[f], 5_000) : storedValue(m, f);
  if (!m) {
    form.ownerBodyId ||= view.defaultOwner ?? '';
    form.status ||= 'planned';
  }
  // A focus area the measure keeps from an earlier year stays offered under its stored label.
  const offered = [...view.focusAreas, ...(m?.focusAreas ?? []).filter((a) => !view.focusAreas.some((x) => x.id === a.id))];
  const target = m ? { measureId: m.id, version: String(view.version ?? m.version), formId: keptText(view.formId, 64) } : { formId: keptText(view.formId, 64) };
  const title = view.mode === 'new' ? t.form.newTitle : view.mode === 'edit' ? t.form.editTitle : t.form.evaluateTitle;
  return renderCard(
    'measure-form',
    {
      title: m && view.mode !== 'new' ? `${title}: ${m.textErasedAt ? t.card.erased : m.title}` : title,
      intro: view.mode === 'evaluate' ? t.form.evaluateIntro : t.form.intro,
      notice: view.notice ?? '',
      noticeColor: view.noticeColor ?? 'Good',
      sourceNote: view.sourceText ? format(t.form.sourceNote, { source: view.sourceText }) : '',
      showDetails: view.mode !== 'evaluate',
      showStatus: view.mode === 'new',
      showEvaluation: view.mode !== 'new',
      labels: { ...t.fields, save: t.form.save },
      err: errorMap(FORM_FIELDS, view.errors ?? []),
      focusAreas: offered.map((a) => ({ title: a.label, value: a.id })),
      levels: MEASURE_LEVELS.map((l) => ({ title: t.levels[l], value: l })),
      responsibles: RESPONSIBLES.map((r) => ({ title: responsibleLabel(locale, r), value: r })),
      bodies: view.bodies.map((b) => ({ title: b.name, value: b.id })),
      states: MEASURE_STATES.map((s) => ({ title: t.states[s], value: s })),
      conclusions: CONCLUSIONS.map((c) => ({ title: t.conclusions[c], value: c })),
      backTitle: m ? t.card.back : '',
    },
    { form, target, backData: m ? { measureId: m.id } : { mode: 'list' } },
  );
}

export interface ListItem {
  readonly title: string;
  readonly line: string;
  readonly color?: string;
  readonly button: string;
  readonly data: Readonly<Record<string, string>>;
}

/** A list of measures (the register, or the December evaluation prompt). */
export function measureListCard(
  locale: Locale,
  view: { title: string; intro: string; empty: string; items: readonly ListItem[]; more: string; coordinator: boolean; notice?: string; statusYear?: number },
): CardJson {
  const t = pick(locale, MEASURE_TEXTS);
  return renderCard(
    'measure-list',
    {
      title: view.title,
      intro: view.intro,
      notice: view.notice ?? '',
      empty: view.empty,
      more: view.more,
      coordinator: view.coordinator,
      labels: { newMeasure: t.list.newMeasure, focusStatus: t.list.focusStatus },
    },
    {
      // Built here with every user-typed part escaped; ids and verbs are the bot's own.
      items: view.items.map((i) => ({
        title: escapeUserText(i.title),
        line: escapeUserText(i.line),
        color: i.color ?? 'Default',
        button: i.button,
        data: i.data,
      })),
      newData: { mode: 'new' },
      statusData: { mode: 'status', ...(view.statusYear ? { year: String(view.statusYear) } : {}) },
    },
  );
}

/** One measure as a list line. */
export function listItem(locale: Locale, m: Measure, today: string, button: string, data: Readonly<Record<string, string>>, extra?: string): ListItem {
  const t = pick(locale, MEASURE_TEXTS);
  const standing = standingOf(m, today);
  const line = format(t.list.line, {
    state: standingText(locale, standing),
    level: m.level ? t.levels[m.level] : t.levels.none,
    responsible: responsibleOf(locale, m) || t.list.noResponsible,
    end: m.end ? longDate(m.end, locale) : t.list.noEnd,
  });
  return {
    // Cut long names on a list: 25 lines must fit a card (the measure's own card has the whole name).
    title: m.textErasedAt ? t.card.erased : shortText(m.title, 150),
    line: extra ? `${line} · ${extra}` : line,
    color: standing.kind === 'overdue' ? 'Warning' : 'Default',
    button,
    data,
  };
}
