import type { Body, BodyKind } from './bodies';
import { cadenceNotices } from './cadence';
import { dayOfInstant, monthOfInstant, monthStartUtc, shiftMonth } from './digest';
import type { EscalationState } from './escalations';
import { screenText } from './guard';
import { isHeld, type Meeting } from './meetings';

/**
 * The digest's other sections (issue 6): escalations of the month, meetings held versus planned
 * per body with bodies behind their cadence, and the meetings of the next month (measures and
 * tasks with a deadline: digest-due). Pure functions over plain rows.
 *
 * Which matters are named: a matter's title is shown once it reached the coordination group or
 * the board (what the annual report lists as "matters treated in the coordination group");
 * matters still at, or declined by, a youth team are only counted — their titles belong to that
 * team and the coordinators. Titles passed the guard when submitted and are screened again here,
 * so a text stored before a guard improvement is withheld rather than shown.
 */

/** What the digest reads of a matter (its origin copy): states, dates, the title, the measure. */
export interface EscalationFact {
  readonly id: string;
  readonly originBodyId: string;
  readonly originKind: BodyKind;
  readonly state: EscalationState;
  readonly levelBodyId: string;
  readonly path: readonly string[];
  readonly title: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly decision?: string;
  readonly measure?: string;
  readonly responsible?: string;
  /** YYYY-MM-DD */
  readonly due?: string;
  readonly boardDecision?: string;
}

/** 'ok', erased by retention, or withheld because it no longer passes the guard. */
export type TitleState = 'ok' | 'erased' | 'withheld';

export interface NamedMatter {
  readonly id: string;
  readonly title: string;
  readonly titleState: TitleState;
  /** The body where it sits now. */
  readonly bodyId: string;
  readonly state: EscalationState;
  /** The date that matters for the list (created, resolved, waiting since), YYYY-MM-DD in Oslo. */
  readonly date: string;
}

export interface EscalationSummary {
  readonly newCount: number;
  /** New matters of the month that reached the coordination group or the board (named). */
  readonly newNamed: readonly NamedMatter[];
  readonly resolvedCount: number;
  readonly resolved: readonly NamedMatter[];
  readonly declinedCount: number;
  readonly waitingForBoard: readonly NamedMatter[];
}

/** A title as it may be shown. */
export function screenedTitle(title: string): { title: string; titleState: TitleState } {
  if (!title) return { title: '', titleState: 'erased' };
  return screenText(title).ok ? { title, titleState: 'ok' } : { title: '', titleState: 'withheld' };
}

/** Reached the coordination group or the board, so it may be named to the board. */
export function isNamed(e: Pick<EscalationFact, 'originKind' | 'path'>): boolean {
  return e.originKind !== 'youthTeam' || e.path.length > 1;
}

const osloDay = dayOfInstant;

function named(e: EscalationFact, date: string): NamedMatter {
  return { id: e.id, ...screenedTitle(e.title), bodyId: e.levelBodyId, state: e.state, date };
}

/**
 * Sorts the matters of a stream into the digest's lists. `now` decides what is open; the stream
 * may hold other months' rows (they are skipped). Lists are ordered by date.
 */
export async function summariseEscalations(
  rows: AsyncIterable<EscalationFact> | Iterable<EscalationFact>,
  month: string,
  boardId: string | undefined,
): Promise<EscalationSummary> {
  const s = {
    newCount: 0,
    newNamed: [] as NamedMatter[],
    resolvedCount: 0,
    resolved: [] as NamedMatter[],
    declinedCount: 0,
    waitingForBoard: [] as NamedMatter[],
  };
  for await (const e of rows) {
    if (monthOfInstant(e.createdAt) === month) {
      s.newCount++;
      if (isNamed(e)) s.newNamed.push(named(e, osloDay(e.createdAt)));
    }
    const closedThisMonth = monthOfInstant(e.updatedAt) === month;
    if ((e.state === 'resolved' || e.state === 'decided') && closedThisMonth) {
      s.resolvedCount++;
      s.resolved.push(named(e, osloDay(e.updatedAt)));
    }
    if (e.state === 'declined' && closedThisMonth) s.declinedCount++;
    if (boardId && (e.state === 'accepted' || e.state === 'escalated') && e.levelBodyId === boardId) s.waitingForBoard.push(named(e, osloDay(e.updatedAt)));
  }
  for (const list of [s.newNamed, s.resolved, s.waitingForBoard]) list.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return s;
}

/** A body's meetings in the month, and whether it is behind its rhythm. */
export interface MeetingLine {
  readonly bodyId: string;
  /** Not cancelled, starting in the month. */
  readonly planned: number;
  /** Of those, the ones whose end has passed (by the end of the month, or now if earlier). */
  readonly held: number;
  readonly cancelled: number;
  /** Longer than its cadence without a held meeting (cadence watch rules). */
  readonly behind: boolean;
  /** A board on course for fewer than four meetings in the year. */
  readonly boardBelowMinimum: boolean;
}

export interface MeetingSummary {
  readonly lines: readonly MeetingLine[];
  /** Meetings starting in the next month, soonest first. */
  readonly upcoming: readonly { readonly bodyId: string; readonly startUtc: string }[];
}

/**
 * Meetings held versus planned per body in `month`, judged at the end of the month (or `now`,
 * if earlier — a preview of the running month), and the next month's meetings.
 */
export function summariseMeetings(bodies: readonly Body[], meetingsOf: ReadonlyMap<string, readonly Meeting[]>, month: string, now: Date): MeetingSummary {
  const end = new Date(monthStartUtc(shiftMonth(month, 1)));
  const asOf = now < end ? now : end;
  const next = shiftMonth(month, 1);
  const year = month.slice(0, 4);
  const upcoming: { bodyId: string; startUtc: string }[] = [];
  const lines = bodies.map((body): MeetingLine => {
    const all = meetingsOf.get(body.id) ?? [];
    const inMonth = all.filter((m) => monthOfInstant(m.startUtc) === month);
    const live = inMonth.filter((m) => m.status !== 'cancelled');
    const lastHeld = all
      .filter((m) => isHeld(m, asOf))
      .map((m) => m.startUtc)
      .sort()
      .at(-1);
    const inYear = all.filter((m) => m.status !== 'cancelled' && monthOfInstant(m.startUtc).startsWith(year));
    const yearHeld = inYear.filter((m) => isHeld(m, asOf)).length;
    const notices = cadenceNotices({ body, lastHeld, year: body.kind === 'board' ? { held: yearHeld, planned: inYear.length - yearHeld } : undefined }, asOf);
    for (const m of all) if (m.status !== 'cancelled' && monthOfInstant(m.startUtc) === next) upcoming.push({ bodyId: body.id, startUtc: m.startUtc });
    return {
      bodyId: body.id,
      planned: live.length,
      held: live.filter((m) => isHeld(m, asOf)).length,
      cancelled: inMonth.length - live.length,
      behind: notices.some((n) => n.kind === 'overdue'),
      boardBelowMinimum: notices.some((n) => n.kind === 'boardBelowMinimum'),
    };
  });
  upcoming.sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc));
  return { lines, upcoming };
}
