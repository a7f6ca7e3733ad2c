import {
  CONCLUSIONS,
  type Conclusion,
  type FocusAreaRef,
  type FocusStatusText,
  MEASURE_LEVELS,
  MEASURE_STATES,
  type Measure,
  type MeasureLevel,
  type MeasureLogEntry,
  type MeasureSource,
  type MeasureState,
  type MeasureVerb,
} from '../../domain/measures/model';
import { RESPONSIBLES, type Responsible } from '../../domain/minutes';

/**
 * The columns of the `measures` table's rows (design in measures.ts): a measure, a log entry, a
 * status text — written as plain columns (focus areas as a small JSON array) and read back
 * tolerantly, so a hand-edited or older row reads as something sensible instead of failing.
 */
export type Row = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const opt = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => ((list as readonly unknown[]).includes(v) ? (v as T) : undefined);

export function rowOf(m: Measure): Row {
  const s = m.source;
  return {
    title: m.title,
    description: m.description,
    focusAreas: JSON.stringify(m.focusAreas.map((a) => ({ id: a.id, label: a.label }))),
    level: m.level ?? '',
    responsible: m.responsible.join(','),
    responsibleText: m.responsibleText ?? '',
    ownerBodyId: m.ownerBodyId,
    plan: m.plan ?? '',
    start: m.start ?? '',
    end: m.end ?? '',
    state: m.state,
    stateAt: m.stateAt,
    stateById: m.stateById,
    stateByName: m.stateByName,
    evaluationMethod: m.evaluationMethod ?? '',
    evaluation: m.evaluation ?? '',
    conclusion: m.conclusion ?? '',
    sourceKind: s.kind,
    sourceEscalationId: s.kind === 'escalation' ? s.escalationId : '',
    sourceBodyId: s.kind === 'manual' ? '' : s.bodyId,
    sourceMeetingId: s.kind === 'task' ? s.meetingId : '',
    sourceMeetingStartUtc: s.kind === 'task' ? s.meetingStartUtc : '',
    sourceTaskId: s.kind === 'task' ? s.taskId : '',
    createdAt: m.createdAt,
    createdBy: m.createdBy,
    updatedAt: m.updatedAt,
    updatedBy: m.updatedBy,
    updatedByName: m.updatedByName,
    version: m.version,
    lastKey: m.lastKey,
    textErased: !!m.textErasedAt,
    ...(m.textErasedAt ? { textErasedAt: m.textErasedAt } : {}),
  };
}

function areasOf(json: unknown): FocusAreaRef[] {
  try {
    const v = JSON.parse(str(json) || '[]') as unknown;
    return Array.isArray(v) ? v.filter((a) => a && typeof a.id === 'string' && typeof a.label === 'string').map((a) => ({ id: a.id, label: a.label })) : [];
  } catch (err) {
    if (err instanceof SyntaxError) return []; // a hand-edited row: no areas rather than a crash
    throw err;
  }
}

function sourceOf(r: Row): MeasureSource {
  if (r.sourceKind === 'escalation') return { kind: 'escalation', escalationId: str(r.sourceEscalationId), bodyId: str(r.sourceBodyId) };
  if (r.sourceKind === 'task')
    return {
      kind: 'task',
      bodyId: str(r.sourceBodyId),
      meetingId: str(r.sourceMeetingId),
      meetingStartUtc: str(r.sourceMeetingStartUtc),
      taskId: str(r.sourceTaskId),
    };
  return { kind: 'manual' };
}

export function toMeasure(tenantId: string, r: Row): Measure {
  const m: Measure = {
    tenantId,
    id: str(r.rowKey).slice(2),
    title: str(r.title),
    description: str(r.description),
    focusAreas: areasOf(r.focusAreas),
    level: oneOf<MeasureLevel>(MEASURE_LEVELS, r.level),
    responsible: str(r.responsible)
      .split(',')
      .filter((x): x is Responsible => (RESPONSIBLES as readonly string[]).includes(x)),
    responsibleText: opt(r.responsibleText),
    ownerBodyId: str(r.ownerBodyId),
    plan: opt(r.plan),
    start: opt(r.start),
    end: opt(r.end),
    state: oneOf<MeasureState>(MEASURE_STATES, r.state) ?? 'planned',
    stateAt: str(r.stateAt),
    stateById: str(r.stateById),
    stateByName: str(r.stateByName),
    evaluationMethod: opt(r.evaluationMethod),
    evaluation: opt(r.evaluation),
    conclusion: oneOf<Conclusion>(CONCLUSIONS, r.conclusion),
    source: sourceOf(r),
    createdAt: str(r.createdAt),
    createdBy: str(r.createdBy),
    updatedAt: str(r.updatedAt),
    updatedBy: str(r.updatedBy),
    updatedByName: str(r.updatedByName),
    version: Number(r.version ?? 1),
    lastKey: str(r.lastKey),
    textErasedAt: opt(r.textErasedAt),
  };
  const out: Record<string, unknown> = { ...m };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as Measure;
}

export function logRowOf(l: MeasureLogEntry): Row {
  return {
    measureId: l.measureId,
    seq: l.seq,
    at: l.at,
    actorId: l.actorId,
    actorName: l.actorName,
    verb: l.verb,
    fromState: l.fromState ?? '',
    toState: l.toState ?? '',
    fields: l.fields.join(','),
  };
}

export function toLog(id: string, r: Row): MeasureLogEntry {
  return {
    measureId: id,
    seq: Number(r.seq ?? 0),
    at: str(r.at),
    actorId: str(r.actorId),
    actorName: str(r.actorName),
    verb: (str(r.verb) || 'update') as MeasureVerb,
    fromState: oneOf<MeasureState>(MEASURE_STATES, r.fromState),
    toState: oneOf<MeasureState>(MEASURE_STATES, r.toState),
    fields: str(r.fields).split(',').filter(Boolean),
  };
}

export function toStatusText(year: number, r: Row): FocusStatusText {
  return {
    year,
    focusAreaId: str(r.focusAreaId) || str(r.rowKey).split('|')[2] || '',
    text: str(r.text),
    version: Number(r.version ?? 1),
    updatedAt: str(r.updatedAt),
    updatedBy: str(r.updatedBy),
    updatedByName: str(r.updatedByName),
    ...(r.textErasedAt ? { textErasedAt: str(r.textErasedAt) } : {}),
  };
}
