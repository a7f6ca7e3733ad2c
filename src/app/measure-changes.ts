import { dayOfInstant } from '../domain/digest';
import {
  type Conclusion,
  type FocusAreaRef,
  MAX_MEASURE_AREAS,
  type Measure,
  type MeasureFields,
  type MeasureLevel,
  type MeasureState,
} from '../domain/measures/model';
import { type ChangePlan, changeKey, type FieldProblem, type MeasureActor, type MeasureChange, planChange, planCreate } from '../domain/measures/rules';
import { RESPONSIBLES, type Responsible } from '../domain/minutes';
import type { ActionRequest, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { type MeasureDecision, MeasureRepository } from '../storage/table/measures';
import { longDate } from '../views/measures';
import { screenFields } from './guard-fields';
import { areasOfYear, defaultOwner, type MeasureScene, measureYear } from './measures';
import type { Services } from './services';

/**
 * Writing the register (issue 17): `measure.save` (register a measure or change it against the
 * version the form was made from) and `measure.status` (measures from matters and minutes tasks:
 * measure-sources.ts). Decided here once for both doors — the bot's card verbs
 * (measure-change-cards.ts) and the tab's JSON routes (src/tab-api/measure-writes.ts) — as plain
 * results each door shows its own way. Every free text is screened by the guard (after the
 * schema has checked its length) before anything is stored; every change is written with its
 * log entry in one transaction (storage/table/measures.ts). A stale version is refused with the
 * stored measure and, for a save, the fields changed meanwhile.
 */

/** The data of `measure.save` after validation: absent = not on the card, null = cleared. */
export interface SaveData {
  readonly measureId?: string;
  readonly version?: number;
  readonly formId?: string;
  readonly title?: string | null;
  readonly description?: string | null;
  readonly focusAreas?: string | null;
  readonly level?: MeasureLevel | null;
  readonly responsible?: string | null;
  readonly ownerBodyId?: string | null;
  readonly plan?: string | null;
  readonly start?: string | null;
  readonly end?: string | null;
  readonly status?: MeasureState | null;
  readonly evaluationMethod?: string | null;
  readonly evaluation?: string | null;
  readonly conclusion?: Conclusion | null;
}

const actorOf = (req: { readonly actor: { readonly id: string; readonly name: string } }): MeasureActor => ({ id: req.actor.id, name: req.actor.name });

function problemErrors(locale: Locale, problems: readonly FieldProblem[]): FieldError[] {
  const t = pick(locale, MEASURE_TEXTS).errors;
  return problems.map((p) => ({ field: p.field, message: p.reason === 'required' ? t.required : t.endBeforeStart }));
}

/** The focus areas chosen (comma-separated ids) as refs with the year's labels; stored refs keep theirs. */
function areaRefs(
  locale: Locale,
  ids: string,
  year: number,
  offered: readonly { id: string; label: string }[],
  stored: readonly FocusAreaRef[],
): { ok: true; refs: FocusAreaRef[] } | { ok: false; error: FieldError } {
  const t = pick(locale, MEASURE_TEXTS).errors;
  const list = [
    ...new Set(
      ids
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (list.length > MAX_MEASURE_AREAS) return { ok: false, error: { field: 'focusAreas', message: format(t.tooManyAreas, { n: MAX_MEASURE_AREAS }) } };
  const refs: FocusAreaRef[] = [];
  for (const id of list) {
    const ref = stored.find((a) => a.id === id) ?? offered.find((a) => a.id === id);
    if (!ref) return { ok: false, error: { field: 'focusAreas', message: format(t.unknownArea, { year }) } };
    refs.push({ id: ref.id, label: ref.label });
  }
  return { ok: true, refs };
}

const responsibleList = (s: string | null | undefined): Responsible[] =>
  [...new Set((s ?? '').split(',').map((x) => x.trim()))].filter((x): x is Responsible => (RESPONSIBLES as readonly string[]).includes(x));

/** The change a `measure.save` asks for, checked; or the field errors. */
async function changeOf(
  services: Services,
  locale: Locale,
  scene: MeasureScene,
  data: SaveData,
  current: Measure | undefined,
): Promise<{ ok: true; change: MeasureChange } | { ok: false; errors: FieldError[] }> {
  const t = pick(locale, MEASURE_TEXTS).errors;
  const errors: FieldError[] = [];
  const change: Record<string, unknown> = {};
  const copy = ['title', 'description', 'level', 'plan', 'start', 'end', 'evaluationMethod', 'evaluation', 'conclusion'] as const;
  for (const f of copy) if (data[f] !== undefined) change[f] = data[f];
  if (data.title === null) errors.push({ field: 'title', message: t.required });
  if (data.description === null) change.description = '';
  if (data.responsible !== undefined) change.responsible = responsibleList(data.responsible);
  if (data.ownerBodyId !== undefined) {
    if (!data.ownerBodyId || !scene.viewer.all.some((b) => b.id === data.ownerBodyId)) errors.push({ field: 'ownerBodyId', message: t.unknownOwner });
    else change.ownerBodyId = data.ownerBodyId;
  }
  if (data.focusAreas !== undefined) {
    const start = data.start === undefined ? current?.start : (data.start ?? undefined);
    const year = measureYear(start, scene.today);
    const refs = areaRefs(locale, data.focusAreas ?? '', year, await areasOfYear(services, scene.viewer.tenantId, year, 'nb'), current?.focusAreas ?? []);
    if (refs.ok) change.focusAreas = refs.refs;
    else errors.push(refs.error);
  }
  const texts = {
    title: data.title ?? undefined,
    description: data.description ?? undefined,
    plan: data.plan ?? undefined,
    evaluationMethod: data.evaluationMethod ?? undefined,
    evaluation: data.evaluation ?? undefined,
  };
  errors.push(...screenFields(texts, locale));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, change: change as MeasureChange };
}

/** What a `measure.save` came to. */
export type SaveResult =
  /** Not a coordinator (or administrator). */
  | { readonly kind: 'refused' }
  /** No such measure in this network. */
  | { readonly kind: 'notFound' }
  /** A new measure needs a body to own it. */
  | { readonly kind: 'noBodies' }
  /** Field errors; `measure` is the stored one when a change was asked for. */
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[]; readonly measure?: Measure }
  /** Changed by someone else since the version the form was made from: nothing saved. */
  | { readonly kind: 'stale'; readonly current: Measure; readonly fields: readonly string[] }
  /** `already`: the same form was saved before (a double submit); `saved` includes a repeat of the last change. */
  | { readonly kind: 'created' | 'already' | 'saved' | 'unchanged'; readonly measure: Measure };

/** What a `measure.status` came to. */
export type StatusResult =
  | { readonly kind: 'refused' }
  | { readonly kind: 'notFound' }
  /** Changed by someone else since the version shown: nothing saved; the stored measure. */
  | { readonly kind: 'stale'; readonly current: Measure }
  | { readonly kind: 'set' | 'unchanged'; readonly measure: Measure };

/** `measure.save`: registers a new measure (no `measureId`) or changes one against `version`. */
export async function decideSave(services: Services, req: ActionRequest<SaveData>, scene: MeasureScene): Promise<SaveResult> {
  const { locale } = req;
  if (!scene.coordinator) return { kind: 'refused' };
  if (!req.data.measureId) return createMeasure(services, req, scene);
  const current = await services.measures.getIn(scene.act, req.data.measureId);
  if (!current) return { kind: 'notFound' };
  const asked = await changeOf(services, locale, scene, req.data, current);
  if (!asked.ok) return { kind: 'invalid', errors: asked.errors, measure: current };
  const done = await services.measures.change(scene.viewer.tenantId, current.id, (m) =>
    decided(planChange(m, asked.change, req.data.version, actorOf(req), req.now.toISOString(), 'update')),
  );
  if (!done) return { kind: 'notFound' };
  const plan = done.result;
  services.log.info({ cid: req.correlationId, measure: current.id, outcome: plan.kind }, 'measure saved');
  if (plan.kind === 'invalid') return { kind: 'invalid', errors: problemErrors(locale, plan.problems), measure: done.measure };
  if (plan.kind === 'stale') {
    const since = (await services.measures.history(current.tenantId, current.id)).filter((e) => e.seq > (req.data.version ?? 0));
    return { kind: 'stale', current: plan.current, fields: [...new Set(since.flatMap((e) => (e.fromState ? ['status', ...e.fields] : e.fields)))] };
  }
  return { kind: plan.kind === 'unchanged' ? 'unchanged' : 'saved', measure: done.measure };
}

const decided = (plan: ChangePlan): MeasureDecision<ChangePlan> =>
  plan.kind === 'apply' ? { write: { next: plan.next, log: plan.log }, result: plan } : { result: plan };

async function createMeasure(services: Services, req: ActionRequest<SaveData>, scene: MeasureScene): Promise<SaveResult> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS);
  if (scene.viewer.all.length === 0) return { kind: 'noBodies' };
  const data = { ...req.data, ownerBodyId: req.data.ownerBodyId === undefined ? defaultOwner(scene) : req.data.ownerBodyId };
  const asked = await changeOf(services, locale, scene, data, undefined);
  const errors = asked.ok ? [] : [...asked.errors];
  if (!data.title && !errors.some((e) => e.field === 'title')) errors.push({ field: 'title', message: t.errors.required });
  if (!asked.ok || errors.length > 0) return { kind: 'invalid', errors };
  const c = asked.change;
  const fields: MeasureFields = {
    title: data.title ?? '',
    description: data.description ?? '',
    focusAreas: (c.focusAreas ?? []) as FocusAreaRef[],
    level: c.level ?? undefined,
    responsible: (c.responsible ?? []) as Responsible[],
    ownerBodyId: String(c.ownerBodyId),
    plan: c.plan ?? undefined,
    start: c.start ?? undefined,
    end: c.end ?? undefined,
    evaluationMethod: c.evaluationMethod ?? undefined,
    evaluation: c.evaluation ?? undefined,
    conclusion: c.conclusion ?? undefined,
  };
  const tenantId = scene.viewer.tenantId;
  const key = changeKey('create', req.actor.id, c, undefined);
  const id = MeasureRepository.idFor(tenantId, 'manual', `${req.actor.id}|${req.data.formId || key}`);
  const planned = planCreate({ tenantId, id, fields, state: data.status ?? 'planned', source: { kind: 'manual' } }, actorOf(req), req.now.toISOString(), key);
  if (!planned.ok) return { kind: 'invalid', errors: problemErrors(locale, planned.problems) };
  const stored = await services.measures.create(planned.measure, planned.log);
  services.log.info({ cid: req.correlationId, measure: id, created: stored.created }, 'measure registered');
  return { kind: stored.created ? 'created' : 'already', measure: stored.measure };
}

/** `measure.status`: sets the status against the version the person saw. */
export async function decideStatus(
  services: Services,
  req: ActionRequest<{ readonly measureId: string; readonly status: MeasureState; readonly version?: number }>,
  scene: MeasureScene,
): Promise<StatusResult> {
  if (!scene.coordinator) return { kind: 'refused' };
  const current = await services.measures.getIn(scene.act, req.data.measureId);
  if (!current) return { kind: 'notFound' };
  const done = await services.measures.change(scene.viewer.tenantId, current.id, (m) =>
    decided(planChange(m, { state: req.data.status }, req.data.version, actorOf(req), req.now.toISOString(), 'status')),
  );
  if (!done) return { kind: 'notFound' };
  const plan = done.result;
  services.log.info({ cid: req.correlationId, measure: current.id, status: req.data.status, outcome: plan.kind }, 'measure status');
  if (plan.kind === 'stale') return { kind: 'stale', current: plan.current };
  return { kind: plan.kind === 'unchanged' ? 'unchanged' : 'set', measure: done.measure };
}

/** The notice a person reads about a `measure.save` (the same words on a card and in the tab). */
export function saveNotice(locale: Locale, r: SaveResult): string {
  const t = pick(locale, MEASURE_TEXTS);
  switch (r.kind) {
    case 'refused':
      return t.command.coordinatorsOnly;
    case 'notFound':
      return t.notices.notFound;
    case 'noBodies':
      return t.errors.noBodies;
    case 'invalid':
      return t.notices.errorSummary;
    case 'stale':
      return format(t.notices.staleSave, {
        name: r.current.updatedByName || '?',
        date: longDate(dayOfInstant(r.current.updatedAt), locale),
        fields: r.fields.map((f) => t.fieldNames[f] ?? t.fields.status.toLocaleLowerCase()).join(', ') || '–',
      });
    default:
      return t.notices[r.kind];
  }
}

/** The notice a person reads about a `measure.status` (a stale card is shown again; the tab says what the status is now). */
export function statusNotice(locale: Locale, r: StatusResult, door: 'card' | 'tab' = 'card'): string {
  const t = pick(locale, MEASURE_TEXTS);
  switch (r.kind) {
    case 'refused':
      return t.command.coordinatorsOnly;
    case 'notFound':
      return t.notices.notFound;
    case 'stale':
      return format(door === 'tab' ? t.notices.staleTab : t.notices.stale, {
        name: r.current.updatedByName || '?',
        date: longDate(dayOfInstant(r.current.updatedAt), locale),
        state: t.states[r.current.state],
      });
    default:
      return format(r.kind === 'unchanged' ? t.notices.statusUnchanged : t.notices.statusSet, { state: t.states[r.measure.state] });
  }
}
