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
import type { ActionOutcome, ActionRequest, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { type MeasureDecision, MeasureRepository } from '../storage/table/measures';
import { longDate } from '../views/measures';
import { screenFields } from './guard-fields';
import { dataObject } from './measure-fields';
import { areasOfYear, defaultOwner, type MeasureScene, measureCardFor, measureFormFor, measureScene, measureYear } from './measures';
import type { Services } from './services';

/**
 * Writing the register (issue 17): `measure.save` (register a measure or change it against the
 * version the card was made from) and `measure.status` (measures from matters and minutes tasks:
 * measure-sources.ts). Every free text is screened by the guard
 * before anything is stored; every change is written with its log entry in one transaction
 * (storage/table/measures.ts). A stale card is refused and shown again: the status card with the
 * current values, the form with the person's input kept and the version moved on.
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

/** `measure.save`: registers a new measure (no `measureId`) or changes one. */
export async function saveMeasure(services: Services, req: ActionRequest<SaveData>): Promise<ActionOutcome> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS);
  const scene = await measureScene(services, req);
  if (!scene.coordinator) return { type: 'message', text: t.command.coordinatorsOnly };
  const raw = req.data as unknown as Record<string, unknown>;
  if (!req.data.measureId) return createMeasure(services, req, scene);
  const current = await services.measures.getIn(scene.act, req.data.measureId);
  if (!current) return { type: 'message', text: t.notices.notFound };
  const mode = 'title' in raw ? 'edit' : 'evaluate';
  const asked = await changeOf(services, locale, scene, req.data, current);
  if (!asked.ok)
    return {
      type: 'card',
      card: await measureFormFor(services, locale, scene, mode, current, {
        values: raw,
        errors: asked.errors,
        notice: t.notices.errorSummary,
        noticeColor: 'Attention',
        version: req.data.version,
      }),
    };
  const done = await services.measures.change(scene.viewer.tenantId, current.id, (m) =>
    decided(planChange(m, asked.change, req.data.version, actorOf(req), req.now.toISOString(), 'update')),
  );
  if (!done) return { type: 'message', text: t.notices.notFound };
  const plan = done.result;
  services.log.info({ cid: req.correlationId, measure: current.id, outcome: plan.kind }, 'measure saved');
  if (plan.kind === 'invalid')
    return {
      type: 'card',
      card: await measureFormFor(services, locale, scene, mode, done.measure, {
        values: raw,
        errors: problemErrors(locale, plan.problems),
        notice: t.notices.errorSummary,
        noticeColor: 'Attention',
        version: req.data.version,
      }),
    };
  if (plan.kind === 'stale') {
    // The person's input stays in the form; saving again replaces what the other person stored.
    const since = (await services.measures.history(current.tenantId, current.id)).filter((e) => e.seq > (req.data.version ?? 0));
    const fields = [...new Set(since.flatMap((e) => (e.fromState ? ['status', ...e.fields] : e.fields)))].map(
      (f) => t.fieldNames[f] ?? t.fields.status.toLocaleLowerCase(),
    );
    const notice = format(t.notices.staleSave, {
      name: plan.current.updatedByName || '?',
      date: longDate(dayOfInstant(plan.current.updatedAt), locale),
      fields: fields.join(', ') || '–',
    });
    return {
      type: 'card',
      card: await measureFormFor(services, locale, scene, mode, plan.current, { values: raw, notice, noticeColor: 'Warning', version: plan.current.version }),
    };
  }
  const notice = plan.kind === 'unchanged' ? t.notices.unchanged : t.notices.saved;
  return { type: 'card', card: await measureCardFor(services, locale, scene, done.measure, { notice }) };
}

const decided = (plan: ChangePlan): MeasureDecision<ChangePlan> =>
  plan.kind === 'apply' ? { write: { next: plan.next, log: plan.log }, result: plan } : { result: plan };

async function createMeasure(services: Services, req: ActionRequest<SaveData>, scene: MeasureScene): Promise<ActionOutcome> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS);
  const raw = req.data as unknown as Record<string, unknown>;
  if (scene.viewer.all.length === 0) return { type: 'message', text: t.errors.noBodies };
  const form = (errors: FieldError[]) =>
    measureFormFor(services, locale, scene, 'new', undefined, { values: raw, errors, notice: t.notices.errorSummary, noticeColor: 'Attention' });
  const data = { ...req.data, ownerBodyId: req.data.ownerBodyId === undefined ? defaultOwner(scene) : req.data.ownerBodyId };
  const asked = await changeOf(services, locale, scene, data, undefined);
  const errors = asked.ok ? [] : asked.errors;
  if (!data.title && !errors.some((e) => e.field === 'title')) errors.push({ field: 'title', message: t.errors.required });
  if (!asked.ok || errors.length > 0) return { type: 'card', card: await form(errors) };
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
  if (!planned.ok) return { type: 'card', card: await form(problemErrors(locale, planned.problems)) };
  const stored = await services.measures.create(planned.measure, planned.log);
  services.log.info({ cid: req.correlationId, measure: id, created: stored.created }, 'measure registered');
  const card = await measureCardFor(services, locale, scene, stored.measure, { notice: stored.created ? t.notices.created : t.notices.already });
  return { type: 'card', card };
}

/** `measure.status`: sets the status against the version the card showed. */
export async function setMeasureStatus(
  services: Services,
  req: ActionRequest<{ readonly measureId: string; readonly status: MeasureState; readonly version?: number }>,
): Promise<ActionOutcome> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS);
  const scene = await measureScene(services, req);
  if (!scene.coordinator) return { type: 'message', text: t.command.coordinatorsOnly };
  const current = await services.measures.getIn(scene.act, req.data.measureId);
  if (!current) return { type: 'message', text: t.notices.notFound };
  const done = await services.measures.change(scene.viewer.tenantId, current.id, (m) =>
    decided(planChange(m, { state: req.data.status }, req.data.version, actorOf(req), req.now.toISOString(), 'status')),
  );
  if (!done) return { type: 'message', text: t.notices.notFound };
  const plan = done.result;
  services.log.info({ cid: req.correlationId, measure: current.id, status: req.data.status, outcome: plan.kind }, 'measure status');
  if (plan.kind === 'stale') {
    const notice = format(t.notices.stale, { name: plan.current.updatedByName || '?', date: longDate(dayOfInstant(plan.current.updatedAt), locale) });
    return { type: 'card', card: await measureCardFor(services, locale, scene, plan.current, { notice, noticeColor: 'Warning' }) };
  }
  const notice = format(plan.kind === 'unchanged' ? t.notices.statusUnchanged : t.notices.statusSet, { state: t.states[done.measure.state] });
  return { type: 'card', card: await measureCardFor(services, locale, scene, done.measure, { notice }) };
}

/** The card of a `measure.status` with bad data: the measure as it is, the error next to the status. */
export async function statusForm(services: Services, req: ActionRequest<Record<string, unknown>>, errors: readonly FieldError[]): Promise<ActionOutcome> {
  const t = pick(req.locale, MEASURE_TEXTS);
  const scene = await measureScene(services, req);
  const data = dataObject(req.data);
  const id = typeof data.measureId === 'string' ? data.measureId : '';
  const m = await services.measures.getIn(scene.coordinator ? scene.act : scene.read, id);
  if (!m) return { type: 'message', text: t.notices.notFound };
  const mapped = errors.map((e) => ({ field: e.field === 'status' ? 'status' : 'status', message: e.message }));
  return {
    type: 'card',
    card: await measureCardFor(services, req.locale, scene, m, { notice: mapped.map((e) => e.message).join(' '), noticeColor: 'Attention', errors: mapped }),
  };
}
