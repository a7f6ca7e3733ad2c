import type { Body, BodyKind } from './bodies';
import { type CellMark, countOf, dayOfInstant, monthOfInstant, suppressTable, type TrendCounts } from './digest';
import type { TaskFact } from './digest-due';
import { type EscalationFact, screenedTitle, type TitleState } from './digest-sections';
import type { EscalationState } from './escalations';
import { screenText } from './guard';
import type { Meeting } from './meetings';
import { isHeld } from './meetings';

/**
 * The annual report draft (issue 6, DOMAIN.md "What the board reads today"): for one calendar
 * year, the sections the municipalities' SLT annual reports have — topics raised in the youth
 * teams, matters treated in the coordination group, matters lifted to the board and what came of
 * them, meetings held per body, measures and their status. Pure: built from the year's trend
 * counts (streamed into TrendCounts), a stream of matters and each body's meetings. Statistical
 * like the digest (small counts suppressed in the area × body table); texts are the matters'
 * own (they passed the guard when stored, and are screened again here).
 *
 * Measures and their status: the measures decided for matters and the tasks given in meetings'
 * minutes. A task is «Utført» once marked done (`minutes.taskDone`). A matter's measure has no
 * done marker — the bot records the decision, not its follow-up — so it is «Pågår» until its
 * deadline and «Fristen er passert» after, never «Utført»: the draft says so under the table,
 * and the coordinators correct it when they edit (claiming «Utført» from a resolved matter would
 * report as done what nobody said was done).
 */
export interface ReportText {
  readonly text: string;
  readonly state: TitleState;
}

export interface ReportMatter {
  readonly id: string;
  readonly title: ReportText;
  readonly originBodyId: string;
  readonly state: EscalationState;
  /** YYYY-MM-DD (Oslo) it was raised. */
  readonly raised: string;
  readonly decision?: ReportText;
  readonly boardDecision?: ReportText;
}

export type MeasureStatus = 'done' | 'overdue' | 'open' | 'noDue';

export interface ReportMeasure {
  readonly kind: 'measure' | 'task';
  /** A measure's matter. */
  readonly matterTitle?: ReportText;
  /** A task's meeting: the body and the day (YYYY-MM-DD) of the minutes that gave it. */
  readonly meeting?: { readonly bodyId: string; readonly day: string };
  /** The measure, or the task. */
  readonly measure: ReportText;
  /** As written for a measure. */
  readonly responsible?: ReportText;
  /** A task's service (or 'coordinator'). */
  readonly responsibleService?: string;
  readonly due?: string;
  readonly status: MeasureStatus;
  /** YYYY-MM-DD a task was marked done. */
  readonly doneOn?: string;
}

export interface AnnualReport {
  readonly year: number;
  readonly generatedAt: string;
  readonly suppressBelow: number;
  readonly bodies: readonly { readonly id: string; readonly name: string; readonly kind: BodyKind }[];
  readonly trends: {
    readonly total: number;
    /** Twelve month totals, January first. */
    readonly byMonth: readonly number[];
    readonly byArea: readonly { readonly id: string; readonly label: string; readonly count: number }[];
    /** Focus area × youth team, with suppression marks. */
    readonly cross: {
      readonly areas: readonly string[];
      readonly bodies: readonly string[];
      readonly values: readonly (readonly number[])[];
      readonly marks: readonly (readonly CellMark[])[];
    };
  };
  readonly escalations: { readonly raised: number; readonly byState: Readonly<Partial<Record<EscalationState, number>>> };
  readonly coordinationGroup: readonly ReportMatter[];
  readonly board: readonly ReportMatter[];
  readonly meetings: readonly { readonly bodyId: string; readonly held: number; readonly planned: number; readonly cancelled: number }[];
  readonly measures: readonly ReportMeasure[];
}

export interface AnnualInput {
  readonly year: number;
  readonly now: Date;
  readonly suppressBelow: number;
  readonly bodies: readonly Body[];
  readonly areas: readonly { readonly id: string; readonly label: string }[];
  /** Trend counts of the year's twelve months. */
  readonly counts: TrendCounts;
  readonly matters: AsyncIterable<EscalationFact> | Iterable<EscalationFact>;
  /** Tasks of minutes of meetings before the year's end (those of earlier years count if still open when it began). */
  readonly tasks?: AsyncIterable<TaskFact> | Iterable<TaskFact>;
  /** Matters whose measure is in the measures register (reported there with its status, not here). */
  readonly registered?: ReadonlySet<string>;
  readonly meetingsOf: ReadonlyMap<string, readonly Meeting[]>;
}

/** The twelve months of a year, YYYY-MM. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

const text = (s: string | undefined): ReportText | undefined => {
  if (!s) return undefined;
  return screenText(s).ok ? { text: s, state: 'ok' } : { text: '', state: 'withheld' };
};
const titleOf = (s: string): ReportText => {
  const t = screenedTitle(s);
  return { text: t.title, state: t.titleState };
};

const byDate = (due: string | undefined, today: string): MeasureStatus => (!due ? 'noDue' : due < today ? 'overdue' : 'open');

/** A task given in the year, or given before and still open when it began; undefined otherwise. */
function taskOfYear(t: TaskFact, year: number, today: string): ReportMeasure | undefined {
  const day = dayOfInstant(t.meetingStartUtc);
  const doneOn = t.doneAt ? dayOfInstant(t.doneAt) : undefined;
  if (day >= `${year + 1}-01-01` || (day < `${year}-01-01` && doneOn !== undefined && doneOn < `${year}-01-01`)) return undefined;
  return {
    kind: 'task',
    meeting: { bodyId: t.bodyId, day },
    measure: text(t.title) ?? { text: '', state: 'erased' },
    responsibleService: t.responsible,
    due: t.due,
    status: doneOn ? 'done' : byDate(t.due, today),
    doneOn,
  };
}

/** Builds the report; the matters and tasks streams are read once each. */
export async function buildAnnualReport(input: AnnualInput): Promise<AnnualReport> {
  const { year, counts, bodies } = input;
  const months = monthsOfYear(year);
  const ids = (kind: BodyKind): string[] => bodies.filter((b) => b.kind === kind).map((b) => b.id);
  const [coordination] = ids('coordinationGroup');
  const [board] = ids('board');
  const youth = bodies.filter((b) => b.kind === 'youthTeam' && months.some((m) => countOf(counts, m, undefined, b.id) > 0));
  const yearly = (area?: string, body?: string): number => months.reduce((s, m) => s + countOf(counts, m, area, body), 0);
  const seen = [...new Set(months.flatMap((m) => [...(counts.cells.get(m)?.keys() ?? [])]))];
  const areas = [
    ...input.areas.filter((a) => seen.includes(a.id)),
    ...seen.filter((id) => !input.areas.some((a) => a.id === id)).map((id) => ({ id, label: counts.labels.get(id) ?? id })),
  ];
  const crossAreas = areas.filter((a) => youth.some((b) => yearly(a.id, b.id) > 0));
  const values = crossAreas.map((a) => youth.map((b) => yearly(a.id, b.id)));

  const byState: Partial<Record<EscalationState, number>> = {};
  let raised = 0;
  const cg: ReportMatter[] = [];
  const bd: ReportMatter[] = [];
  const measures: ReportMeasure[] = [];
  const today = dayOfInstant(input.now.toISOString());
  for await (const e of input.matters) {
    const raisedIn = monthOfInstant(e.createdAt);
    if (raisedIn.startsWith(`${year}-`)) {
      raised++;
      byState[e.state] = (byState[e.state] ?? 0) + 1;
    }
    const m: ReportMatter = {
      id: e.id,
      title: titleOf(e.title),
      originBodyId: e.originBodyId,
      state: e.state,
      raised: dayOfInstant(e.createdAt),
      decision: text(e.decision),
      boardDecision: text(e.boardDecision),
    };
    if (coordination && e.path.includes(coordination)) cg.push(m);
    if (board && e.path.includes(board)) bd.push(m);
    const measure = input.registered?.has(e.id) ? undefined : text(e.measure);
    if (measure) measures.push({ kind: 'measure', matterTitle: m.title, measure, responsible: text(e.responsible), due: e.due, status: byDate(e.due, today) });
  }
  for await (const t of input.tasks ?? []) {
    const task = taskOfYear(t, year, today);
    if (task) measures.push(task);
  }
  const byRaised = (a: ReportMatter, b: ReportMatter): number => a.raised.localeCompare(b.raised) || a.id.localeCompare(b.id);

  return {
    year,
    generatedAt: input.now.toISOString(),
    suppressBelow: input.suppressBelow,
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
    trends: {
      total: yearly(),
      byMonth: months.map((m) => countOf(counts, m)),
      byArea: areas.map((a) => ({ ...a, count: yearly(a.id) })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'nb')),
      cross: { areas: crossAreas.map((a) => a.label), bodies: youth.map((b) => b.name), values, marks: suppressTable(values, input.suppressBelow) },
    },
    escalations: { raised, byState },
    coordinationGroup: cg.sort(byRaised),
    board: bd.sort(byRaised),
    meetings: bodies.map((b) => {
      const inYear = (input.meetingsOf.get(b.id) ?? []).filter((m) => monthOfInstant(m.startUtc).startsWith(`${year}-`));
      const live = inYear.filter((m) => m.status !== 'cancelled');
      const held = live.filter((m) => isHeld(m, input.now)).length;
      return { bodyId: b.id, held, planned: live.length - held, cancelled: inYear.length - live.length };
    }),
    measures: measures.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999')),
  };
}
