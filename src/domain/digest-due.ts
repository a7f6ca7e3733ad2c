import { DateTime } from 'luxon';
import type { BodyKind } from './bodies';
import { OSLO } from './calendar';
import { dayOfInstant, shiftMonth } from './digest';
import { type EscalationFact, isNamed, screenedTitle, type TitleState } from './digest-sections';

/**
 * The digest's «Tiltak og oppgaver med frist» (issue 6 "measures due or overdue"): the measures
 * decided for lifted matters and the tasks in meetings' minutes that are not done and whose
 * deadline is before the end of next month — split into overdue (with how long) and due. Since
 * the measures register (issue 17) a matter's measure is a register measure, listed until it is
 * completed or ended; a matter decided before the register has no done marker and stays listed
 * until retention erases its text; a task leaves the list when it is marked done
 * (`minutes.taskDone`) or becomes a measure. Memory holds the open ones only; the sources are streams.
 *
 * Which titles are named follows the matters' rule (digest-sections): what a youth team recorded
 * in its own minutes belongs to the team, so its tasks are listed by meeting date, service and
 * team without their title; measures always reached the coordination group or the board.
 */

/** A task of a meeting's minutes as the digest reads it: no recorder, no one who ticked it off. */
export interface TaskFact {
  readonly id: string;
  readonly bodyId: string;
  readonly meetingId: string;
  readonly meetingStartUtc: string;
  readonly title: string;
  /** A service id, or 'coordinator'. */
  readonly responsible: string;
  /** YYYY-MM-DD */
  readonly due: string;
  readonly doneAt?: string;
}

export type DueTitleState = TitleState | 'teamOnly';

export interface DueItem {
  readonly kind: 'measure' | 'task';
  readonly id: string;
  /** The measure or the task; '' unless titleState is 'ok'. */
  readonly title: string;
  readonly titleState: DueTitleState;
  /** A task's service (or 'coordinator'), or a measure's responsible as written when decided. */
  readonly responsible?: { readonly service: string } | { readonly text: string; readonly state: TitleState };
  /** The body that gave the task or decided the measure. */
  readonly bodyId: string;
  /** YYYY-MM-DD */
  readonly due: string;
  /** A task's meeting day (YYYY-MM-DD): how a task without its title is named. */
  readonly meetingDay?: string;
}

export interface DueSummary {
  /** The day judged from (YYYY-MM-DD): the month's last day, or today while the month runs. */
  readonly asOf: string;
  /** Deadline before `asOf`, oldest first. */
  readonly overdue: readonly DueItem[];
  /** Deadline from `asOf` to the end of the next month, soonest first. */
  readonly upcoming: readonly DueItem[];
}

/** The day a digest of `month` judges deadlines from, and the first day after its window. */
export function dueWindow(month: string, now: Date): { asOf: string; before: string } {
  const last = DateTime.fromFormat(month, 'yyyy-LL', { zone: OSLO }).endOf('month').toISODate() ?? '';
  const today = dayOfInstant(now.toISOString());
  return { asOf: today < last ? today : last, before: `${shiftMonth(month, 2)}-01` };
}

const isDecided = (e: EscalationFact): boolean => e.state === 'resolved' || e.state === 'decided';

/** A matter's measure as a due item, when it has one with a deadline before `before`. */
function measureDue(e: EscalationFact, before: string): DueItem | undefined {
  if (!e.measure || !e.due || !isDecided(e) || e.due >= before) return undefined;
  const shown = isNamed(e) ? screenedTitle(e.measure) : { title: '', titleState: 'teamOnly' as const };
  const who = e.responsible ? screenedTitle(e.responsible) : undefined;
  return { kind: 'measure', id: e.id, ...shown, responsible: who && { text: who.title, state: who.titleState }, bodyId: e.levelBodyId, due: e.due };
}

/** An open task as a due item, when its deadline is before `before`. */
function taskDue(t: TaskFact, before: string, kindOf: (bodyId: string) => BodyKind | undefined): DueItem | undefined {
  if (t.doneAt || !t.due || t.due >= before) return undefined;
  const shown = kindOf(t.bodyId) === 'youthTeam' ? { title: '', titleState: 'teamOnly' as const } : screenedTitle(t.title);
  return {
    kind: 'task',
    id: t.id,
    ...shown,
    responsible: { service: t.responsible },
    bodyId: t.bodyId,
    due: t.due,
    meetingDay: dayOfInstant(t.meetingStartUtc),
  };
}

/**
 * Reads both streams once and sorts what is open into overdue and due. `register` holds the
 * measures register's items already judged by their status (issue 17: domain/measures/follow-up).
 */
export async function summariseDue(
  measures: AsyncIterable<EscalationFact> | Iterable<EscalationFact>,
  tasks: AsyncIterable<TaskFact> | Iterable<TaskFact>,
  window: { asOf: string; before: string },
  kindOf: (bodyId: string) => BodyKind | undefined,
  register: readonly DueItem[] = [],
): Promise<DueSummary> {
  const items: DueItem[] = [...register];
  for await (const e of measures) {
    const d = measureDue(e, window.before);
    if (d) items.push(d);
  }
  for await (const t of tasks) {
    const d = taskDue(t, window.before, kindOf);
    if (d) items.push(d);
  }
  items.sort((a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return { asOf: window.asOf, overdue: items.filter((d) => d.due < window.asOf), upcoming: items.filter((d) => d.due >= window.asOf) };
}
