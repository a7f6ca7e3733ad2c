import { focusStatusOf } from '../app/focus-status';
import { areasOfYear, defaultOwner, nameOf, sceneOf } from '../app/measures';
import type { Services } from '../app/services';
import { dayOfInstant } from '../domain/digest';
import { measuresByLevel } from '../domain/measures/annual';
import { standingOf } from '../domain/measures/follow-up';
import { CONCLUSIONS, MEASURE_LEVELS, MEASURE_STATES, type Measure } from '../domain/measures/model';
import { RESPONSIBLES } from '../domain/minutes';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { responsibleLabel } from '../views/agenda-items';
import { countsText, longDate, responsibleOf, standingText, topicsText } from '../views/measures';
import type { FocusAreaStatusItem, MeasureEdit, MeasureFormOptions, MeasureItem, MeasuresResponse } from './contract';
import type { TabViewer } from './viewer';

/** At most this many measures per answer: a network has some dozens a year. */
export const MAX_MEASURES = 300;

/**
 * The measures section of the tab (issue 17): the measures of a year that the viewer may read (the
 * owners are bodies in the viewer's scope, as `tiltak` in a personal chat), grouped by level, and
 * the status per focus area. Coordinators also get what the forms need (the choices, each
 * measure's stored values and version, each status text's version); the writes are in
 * measure-writes.ts. Labels come in the viewer's language, ready to show, so page and bot say the same.
 */
export async function measuresFor(s: Services, v: TabViewer, year: number, now: Date, locale: Locale): Promise<MeasuresResponse> {
  const t = pick(locale, MEASURE_TEXTS);
  const today = dayOfInstant(now.toISOString());
  const coordinator = v.standing.coordinator || v.standing.admin;
  const [all, areas, form] = await Promise.all([
    s.measures.list(v.scope),
    focusStatusOf(s, v.identity.tid, v.scope, year, now, locale),
    coordinator ? formOptions(s, v, year, now, locale) : undefined,
  ]);
  const byId = new Map(all.map((m) => [m.id, m]));
  const groups = measuresByLevel(all, year, today);
  let left = MAX_MEASURES;
  const levels = [];
  for (const g of groups) {
    const items = await Promise.all(g.measures.slice(0, Math.max(0, left)).map((r) => itemOf(s, v, byId.get(r.id)!, today, coordinator, locale)));
    left -= items.length;
    if (items.length > 0) levels.push({ level: g.level, label: t.levels[g.level], items });
  }
  const thisYear = Number(today.slice(0, 4));
  const first = Math.min(thisYear, ...all.map((m) => Number((m.start ?? dayOfInstant(m.createdAt)).slice(0, 4))));
  const years = Array.from({ length: Math.min(10, thisYear - first + 1) }, (_, i) => thisYear - i);
  const statusItems: FocusAreaStatusItem[] = areas.map((a) => ({
    id: a.id,
    label: a.label,
    measures: countsText(t, a.measures),
    topics: topicsText(t, a.topics),
    matters: format(t.status.mattersLine, { n: a.matters }),
    text: a.text?.state === 'ok' ? a.text.text : a.text?.state === 'erased' ? t.card.erased : '',
    ...(coordinator && a.updatedAt ? { by: format(t.status.textBy, { date: longDate(dayOfInstant(a.updatedAt), locale), name: a.updatedByName ?? '' }) } : {}),
    ...(coordinator ? { edit: { text: a.text?.state === 'ok' ? a.text.text : '', version: a.version } } : {}),
  }));
  return { year, years, coordinator, levels, areas: statusItems, ...(form ? { form } : {}) };
}

/** The choices of the measure form (a coordinator's): as the `measure.save` card offers them. */
async function formOptions(s: Services, v: TabViewer, year: number, now: Date, locale: Locale): Promise<MeasureFormOptions> {
  const t = pick(locale, MEASURE_TEXTS);
  const areas = await areasOfYear(s, v.identity.tid, year, locale);
  return {
    focusAreas: areas.map((a) => ({ value: a.id, label: a.label })),
    levels: MEASURE_LEVELS.map((l) => ({ value: l, label: t.levels[l] })),
    responsibles: RESPONSIBLES.map((r) => ({ value: r, label: responsibleLabel(locale, r) })),
    bodies: v.viewer.all.map((b) => ({ value: b.id, label: b.name })),
    states: MEASURE_STATES.map((x) => ({ value: x, label: t.states[x] })),
    conclusions: CONCLUSIONS.map((c) => ({ value: c, label: t.conclusions[c] })),
    defaultOwner: defaultOwner(sceneOf(v.viewer, v.standing, now)),
  };
}

/** A measure's stored values as the edit form starts from them, and the version to save against. */
function editOf(m: Measure): MeasureEdit {
  return {
    version: m.version,
    state: m.state,
    values: {
      title: m.textErasedAt ? '' : m.title,
      description: m.description,
      focusAreas: m.focusAreas.map((a) => a.id),
      level: m.level ?? '',
      responsible: [...m.responsible],
      ownerBodyId: m.ownerBodyId,
      plan: m.plan ?? '',
      start: m.start ?? '',
      end: m.end ?? '',
      evaluationMethod: m.evaluationMethod ?? '',
      evaluation: m.evaluation ?? '',
      conclusion: m.conclusion ?? '',
    },
    otherAreas: m.focusAreas.map((a) => ({ value: a.id, label: a.label })),
  };
}

/** One measure as the tab shows it to this viewer (with its form values for a coordinator). */
export async function itemOf(s: Services, v: TabViewer, m: Measure, today: string, coordinator: boolean, locale: Locale): Promise<MeasureItem> {
  const t = pick(locale, MEASURE_TEXTS);
  const erased = !!m.textErasedAt;
  const standing = standingOf(m, today);
  const setOn = longDate(dayOfInstant(m.stateAt), locale);
  let source = t.source.manual;
  if (m.source.kind === 'task')
    source = format(t.source.task, { body: nameOf(v.viewer.all)(m.source.bodyId), date: longDate(dayOfInstant(m.source.meetingStartUtc), locale) });
  if (m.source.kind === 'escalation') {
    const copy = await s.escalations.get(v.scope, m.source.escalationId);
    source = copy?.escalation.title ? format(t.source.escalation, { title: copy.escalation.title }) : t.source.escalationErased;
  }
  return {
    id: m.id,
    title: erased ? t.card.erased : m.title,
    description: erased ? '' : m.description,
    focusAreas: m.focusAreas.map((a) => a.label),
    responsible: responsibleOf(locale, m),
    ownerBodyName: nameOf(v.viewer.all)(m.ownerBodyId),
    ...(m.plan ? { plan: m.plan } : {}),
    period: m.start || m.end ? `${m.start ? longDate(m.start, locale) : ''} – ${m.end ? longDate(m.end, locale) : ''}` : '',
    standing: standing.kind,
    statusText: standingText(locale, standing),
    statusSet: coordinator && m.stateByName ? format(t.facts.statusSetBy, { date: setOn, name: m.stateByName }) : setOn,
    ...(m.evaluationMethod ? { evaluationMethod: m.evaluationMethod } : {}),
    ...(m.evaluation ? { evaluation: m.evaluation } : {}),
    ...(m.conclusion ? { conclusion: t.conclusions[m.conclusion] } : {}),
    source,
    erased,
    ...(coordinator ? { edit: editOf(m) } : {}),
  };
}
