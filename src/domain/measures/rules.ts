import { stableKey } from '../escalations';
import type { Measure, MeasureFields, MeasureLogEntry, MeasureSource, MeasureState } from './model';

/**
 * The rules of the measures register: creating a measure, and changing it (its fields or its
 * status) against the version the coordinator's card was made from. Pure: storage applies a plan
 * inside an ETag-guarded write and asks again with the newer version when another writer got
 * there first, so the loser is judged by the same rules (a stale card is refused, a double click
 * is recognised as a repeat).
 */
export interface MeasureActor {
  readonly id: string;
  readonly name: string;
}

/** A change: the fields given replace the stored ones; `null` clears an optional one. */
export type MeasureChange = { readonly [K in keyof MeasureFields]?: MeasureFields[K] | null } & { readonly state?: MeasureState };

export type FieldProblem = { readonly field: string; readonly reason: 'endBeforeStart' | 'required' };

export type ChangePlan =
  | { readonly kind: 'apply'; readonly next: Measure; readonly log: MeasureLogEntry }
  /** Nothing would change. */
  | { readonly kind: 'unchanged' }
  /** The same person sent the same change from the same version again (double click, redelivery). */
  | { readonly kind: 'repeat' }
  /** The card was made from an older version: someone changed the measure since. */
  | { readonly kind: 'stale'; readonly current: Measure }
  | { readonly kind: 'invalid'; readonly problems: readonly FieldProblem[] };

const OPTIONAL: readonly (keyof MeasureFields)[] = ['level', 'responsibleText', 'plan', 'start', 'end', 'evaluationMethod', 'evaluation', 'conclusion'];
const FIELDS: readonly (keyof MeasureFields)[] = ['title', 'description', 'focusAreas', 'responsible', 'ownerBodyId', ...OPTIONAL];

/** A stable text of a change, for recognising the same change sent twice. */
export function changeKey(verb: string, actorId: string, change: MeasureChange, expectedVersion: number | undefined): string {
  const flat: Record<string, string | undefined> = { verb, actorId, expected: expectedVersion === undefined ? '' : String(expectedVersion) };
  for (const [k, v] of Object.entries(change)) flat[k] = v === null ? '\u0000null' : typeof v === 'string' ? v : JSON.stringify(v);
  return stableKey(flat);
}

function problems(f: Pick<MeasureFields, 'title' | 'start' | 'end'>): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!f.title) out.push({ field: 'title', reason: 'required' });
  if (f.start && f.end && f.end < f.start) out.push({ field: 'end', reason: 'endBeforeStart' });
  return out;
}

/** Drops undefined optional fields, so a stored measure and a planned one compare equal. */
function tidy(m: Measure): Measure {
  const out: Record<string, unknown> = { ...m };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as Measure;
}

/** A new measure (version 1) and its first log entry, or the problems with its fields. */
export function planCreate(
  input: { readonly tenantId: string; readonly id: string; readonly fields: MeasureFields; readonly state: MeasureState; readonly source: MeasureSource },
  actor: MeasureActor,
  at: string,
  key: string,
): { readonly ok: true; readonly measure: Measure; readonly log: MeasureLogEntry } | { readonly ok: false; readonly problems: readonly FieldProblem[] } {
  const found = problems(input.fields);
  if (found.length > 0) return { ok: false, problems: found };
  const measure = tidy({
    ...input.fields,
    tenantId: input.tenantId,
    id: input.id,
    state: input.state,
    stateAt: at,
    stateById: actor.id,
    stateByName: actor.name,
    source: input.source,
    createdAt: at,
    createdBy: actor.id,
    updatedAt: at,
    updatedBy: actor.id,
    updatedByName: actor.name,
    version: 1,
    lastKey: key,
  });
  const log: MeasureLogEntry = { measureId: input.id, seq: 1, at, actorId: actor.id, actorName: actor.name, verb: 'create', toState: input.state, fields: [] };
  return { ok: true, measure, log };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Decides a change against the current version. `expectedVersion` is the version the card was
 * made from (undefined for a scripted call that names none: then the change applies to what is
 * stored now). A measure whose text was erased by retention keeps its erased fields empty.
 */
export function planChange(
  current: Measure,
  change: MeasureChange,
  expectedVersion: number | undefined,
  actor: MeasureActor,
  at: string,
  verb: 'update' | 'status',
): ChangePlan {
  const key = changeKey(verb, actor.id, change, expectedVersion);
  if (current.lastKey === key && expectedVersion !== undefined && expectedVersion === current.version - 1) return { kind: 'repeat' };
  if (expectedVersion !== undefined && expectedVersion !== current.version) return { kind: 'stale', current };
  const merged: Record<string, unknown> = { ...current };
  const changed: string[] = [];
  for (const f of FIELDS) {
    if (!(f in change)) continue;
    const value = change[f];
    if (value === undefined) continue;
    const next = value === null ? undefined : value;
    if (value === null && !OPTIONAL.includes(f)) continue; // required fields cannot be cleared
    if (!same(current[f], next)) {
      merged[f] = next;
      changed.push(f);
    }
  }
  const stateChanged = change.state !== undefined && change.state !== current.state;
  if (changed.length === 0 && !stateChanged) return { kind: 'unchanged' };
  const found = problems(merged as unknown as MeasureFields);
  if (found.length > 0) return { kind: 'invalid', problems: found };
  const version = current.version + 1;
  const next = tidy({
    ...(merged as unknown as Measure),
    ...(stateChanged ? { state: change.state!, stateAt: at, stateById: actor.id, stateByName: actor.name } : {}),
    updatedAt: at,
    updatedBy: actor.id,
    updatedByName: actor.name,
    version,
    lastKey: key,
  });
  const log: MeasureLogEntry = {
    measureId: current.id,
    seq: version,
    at,
    actorId: actor.id,
    actorName: actor.name,
    verb: stateChanged && changed.length === 0 ? 'status' : verb,
    ...(stateChanged ? { fromState: current.state, toState: change.state } : {}),
    fields: changed,
  };
  return { kind: 'apply', next, log };
}
