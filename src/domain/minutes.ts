import { stableKey } from './escalations';
import { SERVICES } from './trends';

/**
 * Minutes (*referat*) of a held meeting: per agenda item a decision and tasks, each task with a
 * responsible service and a due date ("informative minutes with a clear assignment of tasks
 * should be sent out quickly after meetings", DOMAIN.md). Responsibility is given to a service,
 * never to a named person. Open tasks are carried onto the body's next agendas until marked done.
 * Pure rules only; storage applies them inside an ETag-guarded write.
 */

/** Who can be responsible for a task: a service, or the SLT coordinators. */
export const RESPONSIBLES = [...SERVICES, 'coordinator'] as const;
export type Responsible = (typeof RESPONSIBLES)[number];

export const MAX_DECISION = 1000;
export const MAX_TASK_TITLE = 300;
/** Tasks per agenda item in one submission (the card offers one row; scripted calls may send more). */
export const MAX_TASKS_PER_ITEM = 10;
/** Agenda items in one submission of the contract's `items` shape: more is no meeting's minutes. */
export const MAX_MINUTES_ITEMS = 100;

export interface Task {
  readonly id: string;
  /** The agenda item it was given under. */
  readonly itemId: string;
  readonly title: string;
  readonly responsible: Responsible;
  /** YYYY-MM-DD. */
  readonly due: string;
  readonly createdAt: string;
  /** Entra id of the coordinator who recorded it (audit only, never shown). */
  readonly createdBy: string;
  readonly doneAt?: string;
  readonly doneBy?: string;
}

/** One agenda item as the minutes keep it: its number and title as on the agenda, and the decision. */
export interface MinutesItem {
  readonly itemId: string;
  readonly number: number;
  readonly title: string;
  readonly decision?: string;
}

export interface Minutes {
  readonly tenantId: string;
  readonly bodyId: string;
  readonly meetingId: string;
  readonly meetingStartUtc: string;
  readonly items: readonly MinutesItem[];
  readonly tasks: readonly Task[];
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** +1 per change; 0 before anything was recorded. */
  readonly version: number;
}

/** A task as entered. */
export interface TaskInput {
  readonly title: string;
  readonly responsible: Responsible;
  readonly due: string;
}

/** What one submission says about one agenda item. `decision` replaces the stored one ('' clears it). */
export interface MinutesEntry {
  readonly itemId: string;
  readonly decision?: string;
  readonly tasks: readonly TaskInput[];
}

/** A task still open, with the meeting it comes from (shown on later agendas). */
export interface OpenTask extends Task {
  readonly meetingId: string;
  readonly meetingStartUtc: string;
}

/** Stable id of a task: the same task entered twice (double click, re-submission) is one task. */
export function taskId(meetingId: string, itemId: string, t: TaskInput): string {
  return `t${stableKey({ meetingId, itemId, title: t.title.toLocaleLowerCase('nb-NO'), responsible: t.responsible, due: t.due })}`;
}

/**
 * Applies one submission. Items on the agenda are kept in agenda order (titles as now shown;
 * items that left the agenda since keep their stored line); each entry replaces its item's
 * decision when given and adds its tasks unless the same task is already there. `changed` is
 * false when the result equals what was stored — a repeated submission writes nothing.
 */
export function applyMinutes(
  current: Minutes | undefined,
  base: Pick<Minutes, 'tenantId' | 'bodyId' | 'meetingId' | 'meetingStartUtc'>,
  agendaItems: readonly Omit<MinutesItem, 'decision'>[],
  entries: readonly MinutesEntry[],
  actor: string,
  at: string,
): { next: Minutes; changed: boolean } {
  const stored = new Map((current?.items ?? []).map((i) => [i.itemId, i]));
  const onAgenda = new Set(agendaItems.map((i) => i.itemId));
  const items: MinutesItem[] = [
    ...agendaItems.map((i) => ({ ...i, decision: stored.get(i.itemId)?.decision })),
    ...(current?.items ?? []).filter((i) => !onAgenda.has(i.itemId)),
  ];
  const byEntry = new Map(entries.map((e) => [e.itemId, e]));
  const decided = items.map((i) => {
    const e = byEntry.get(i.itemId);
    if (!e || e.decision === undefined) return i;
    return { ...i, decision: e.decision || undefined };
  });
  const tasks = [...(current?.tasks ?? [])];
  for (const e of entries) {
    for (const t of e.tasks) {
      const id = taskId(base.meetingId, e.itemId, t);
      if (!tasks.some((x) => x.id === id))
        tasks.push({ id, itemId: e.itemId, title: t.title, responsible: t.responsible, due: t.due, createdAt: at, createdBy: actor });
    }
  }
  const sameItems = JSON.stringify(decided.map(strip)) === JSON.stringify((current?.items ?? []).map(strip));
  const changed = !current || !sameItems || tasks.length !== current.tasks.length;
  const next: Minutes = {
    ...base,
    items: decided,
    tasks,
    recordedBy: changed ? actor : (current?.recordedBy ?? actor),
    recordedAt: changed ? at : (current?.recordedAt ?? at),
    version: (current?.version ?? 0) + (changed ? 1 : 0),
  };
  return { next, changed };
}

const strip = (i: MinutesItem) => ({ itemId: i.itemId, number: i.number, title: i.title, decision: i.decision ?? '' });

/** Marks a task done. `changed` is false when it was already done; `found` false for an unknown task. */
export function markTaskDone(m: Minutes, id: string, by: string, at: string): { next: Minutes; changed: boolean; found: boolean } {
  const task = m.tasks.find((t) => t.id === id);
  if (!task) return { next: m, changed: false, found: false };
  if (task.doneAt) return { next: m, changed: false, found: true };
  const tasks = m.tasks.map((t) => (t.id === id ? { ...t, doneAt: at, doneBy: by } : t));
  return { next: { ...m, tasks, version: m.version + 1 }, changed: true, found: true };
}

/**
 * Tasks from the minutes of meetings that started before `beforeUtc` and are still open. A task
 * done at or after `doneBefore` still counts as open (used when looking at a meeting after it
 * started: what was open when it began). Ordered by due date, then by meeting.
 */
export function openTasks(all: readonly Minutes[], beforeUtc: string, doneBefore?: string): OpenTask[] {
  const before = Date.parse(beforeUtc);
  const cut = doneBefore ? Date.parse(doneBefore) : undefined;
  return all
    .filter((m) => Date.parse(m.meetingStartUtc) < before)
    .flatMap((m) => m.tasks.map((t) => ({ ...t, meetingId: m.meetingId, meetingStartUtc: m.meetingStartUtc })))
    .filter((t) => !t.doneAt || (cut !== undefined && Date.parse(t.doneAt) >= cut))
    .sort((a, b) => a.due.localeCompare(b.due) || a.meetingStartUtc.localeCompare(b.meetingStartUtc) || a.id.localeCompare(b.id));
}
