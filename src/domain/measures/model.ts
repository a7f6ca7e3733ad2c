import type { Responsible } from '../minutes';

/**
 * Measures (*tiltak*, DOMAIN.md "What SLT is": coordinate measures): the register the annual
 * reports account from — each measure with its focus areas, level, responsible services, the
 * body that owns it, the plan it belongs to, its period, its status (who changed it, when), how
 * it is evaluated and, at the end, the evaluation and the conclusion. A measure comes from a
 * matter the coordination group or the board decided, from a task in a meeting's minutes, or is
 * entered on its own. Pure types and constants; the rules are in rules.ts.
 */

/** planlagt, pågår, fullført, avsluttet (stopped before it was completed). */
export const MEASURE_STATES = ['planned', 'ongoing', 'completed', 'ended'] as const;
export type MeasureState = (typeof MEASURE_STATES)[number];

/** The levels the reports group measures by: individ, gruppe, lokalmiljø/område, universelt. */
export const MEASURE_LEVELS = ['individual', 'group', 'area', 'universal'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];

/** What the evaluation concludes: videreføres, endres, avsluttes. */
export const CONCLUSIONS = ['continue', 'change', 'end'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export const MAX_MEASURE_TITLE = 200;
export const MAX_MEASURE_DESCRIPTION = 2000;
export const MAX_PLAN = 200;
export const MAX_EVALUATION_METHOD = 500;
export const MAX_EVALUATION = 2000;
export const MAX_RESPONSIBLE_TEXT = 100;
export const MAX_STATUS_TEXT = 1500;
/** Focus areas one measure may belong to. */
export const MAX_MEASURE_AREAS = 5;

/** Measure ids: 'x' + 20 hex (derived from what it came from, so a repeat finds the same id). */
export const MEASURE_ID_RE = /^x[0-9a-f]{20}$/;

/** A focus area as the measure keeps it: the id and its label in the year the measure belongs to. */
export interface FocusAreaRef {
  readonly id: string;
  readonly label: string;
}

/** Where a measure came from; the link back is kept for as long as the measure is. */
export type MeasureSource =
  | { readonly kind: 'manual' }
  /** A lifted matter resolved (or decided by the board) with a measure; `bodyId` decided it. */
  | { readonly kind: 'escalation'; readonly escalationId: string; readonly bodyId: string }
  /** A task of a meeting's minutes («Gjør til tiltak»). */
  | { readonly kind: 'task'; readonly bodyId: string; readonly meetingId: string; readonly meetingStartUtc: string; readonly taskId: string };

/** What coordinators write about a measure; every text is screened by the guard and erased by retention. */
export interface MeasureFields {
  readonly title: string;
  readonly description: string;
  readonly focusAreas: readonly FocusAreaRef[];
  readonly level?: MeasureLevel;
  /** Services responsible (or the coordinators): categories, never people. */
  readonly responsible: readonly Responsible[];
  /** Responsible as written in a matter's decision, when it names no known service. */
  readonly responsibleText?: string;
  /** The body that owns the measure (decided it, or follows it up). */
  readonly ownerBodyId: string;
  /** The plan it belongs to, e.g. «Rusmiddelpolitisk handlingsplan, tiltak 9». */
  readonly plan?: string;
  /** YYYY-MM-DD. */
  readonly start?: string;
  /** YYYY-MM-DD: the deadline, or when it is planned to end. */
  readonly end?: string;
  readonly evaluationMethod?: string;
  readonly evaluation?: string;
  readonly conclusion?: Conclusion;
}

export interface Measure extends MeasureFields {
  readonly tenantId: string;
  readonly id: string;
  readonly state: MeasureState;
  /** When and by whom the status was last set (names are shown to coordinators only). */
  readonly stateAt: string;
  readonly stateById: string;
  readonly stateByName: string;
  readonly source: MeasureSource;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly updatedByName: string;
  /** 1 when created, +1 per change: numbers the log entries and guards edits of a stale card. */
  readonly version: number;
  /** Key of the last change's data and who made it: the same click again is recognised as a repeat. */
  readonly lastKey: string;
  readonly textErasedAt?: string;
}

export type MeasureVerb = 'create' | 'update' | 'status' | 'erase';

/** One line of a measure's append-only log (no free text: the names of the fields changed). */
export interface MeasureLogEntry {
  readonly measureId: string;
  readonly seq: number;
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly verb: MeasureVerb;
  readonly fromState?: MeasureState;
  readonly toState?: MeasureState;
  readonly fields: readonly string[];
}

/** The coordinators' short status text of one focus area in one year (guarded free text). */
export interface FocusStatusText {
  readonly year: number;
  readonly focusAreaId: string;
  readonly text: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly updatedByName: string;
  readonly textErasedAt?: string;
}

/** Completed or ended: no longer followed up by the digest. */
export function isClosed(state: MeasureState): boolean {
  return state === 'completed' || state === 'ended';
}
