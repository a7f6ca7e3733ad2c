import { orderAreas, type YouthTable, youthTeamTable } from './agenda-youth';
import type { BodyKind } from './bodies';
import type { Escalation } from './escalations';
import { stableKey } from './escalations';
import type { FocusArea } from './focus-areas';
import type { Meeting } from './meetings';
import type { OpenTask } from './minutes';
import type { PoliceUpdate } from './police-stats';
import { monthOf, monthsBack, type Service, type Trend } from './trends';

/**
 * A meeting's agenda (DOMAIN.md "A meeting's standing agenda"), composed from what the network
 * already knows: the police update first; the trend topics reported to this body since its last
 * meeting, grouped by focus area; at the coordination group the youth teams' topics (in
 * statistical form); matters lifted to this level and not yet treated; items coordinators added;
 * open tasks from earlier minutes (one item each, until marked done); and last any other
 * business (*eventuelt*). Each item says who
 * brought it — a service, a body or the coordinators, never a person — and gets a suggested time;
 * the times add up to the meeting's length. Pure: the caller loads, this decides.
 */

/** Who brought an item coordinators added: a service, or the coordinators themselves. */
export type Bringer = Service | 'coordinator';

export const MAX_ITEM_TITLE = 150;
/** Items coordinators may add to one meeting. */
export const MAX_ADDED_ITEMS = 100;

/** An item a coordinator added. `addedBy` is kept for audit only, never shown. */
export interface AddedItem {
  readonly id: string;
  readonly title: string;
  readonly by: Bringer;
  readonly addedAt: string;
  readonly addedBy: string;
}

/** What coordinators changed on a meeting's agenda: items added, composed items taken off. */
export interface AgendaEdits {
  readonly added: readonly AddedItem[];
  readonly hidden: readonly string[];
}

export const NO_EDITS: AgendaEdits = { added: [], hidden: [] };

/** The id of an added item: the same title added to the same meeting twice is one item. */
export function addedItemId(meetingId: string, title: string): string {
  return `add-${stableKey({ meetingId, title: title.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nb-NO') })}`;
}

/** Item ids travel in card data and input ids: ASCII letters, digits and dashes only. */
export const ITEM_ID_RE = /^[a-z0-9][a-z0-9-]{0,80}$/;

export type AgendaEntry =
  | { readonly kind: 'police'; readonly id: 'police'; readonly update?: PoliceUpdate }
  | {
      readonly kind: 'topics';
      readonly id: string;
      readonly area: { readonly id: string; readonly focusArea?: FocusArea; readonly label: string };
      readonly trends: readonly Trend[];
      readonly services: readonly Service[];
    }
  | { readonly kind: 'noTopics'; readonly id: 'topics' }
  | { readonly kind: 'youthTeams'; readonly id: 'youth-teams'; readonly table: YouthTable }
  | { readonly kind: 'escalation'; readonly id: string; readonly escalation: Escalation; readonly originName: string; readonly proposedHere: boolean }
  | { readonly kind: 'added'; readonly id: string; readonly item: AddedItem }
  | { readonly kind: 'task'; readonly id: string; readonly task: OpenTask }
  | { readonly kind: 'other'; readonly id: 'other' };

export type AgendaItemKind = AgendaEntry['kind'];

/** An entry with its place and time: number (1-based), suggested minutes and start offset. */
export type AgendaItem = AgendaEntry & { readonly number: number; readonly minutes: number; readonly offsetMinutes: number; readonly removable: boolean };

export interface Agenda {
  readonly meetingId: string;
  readonly bodyId: string;
  readonly startUtc: string;
  readonly durationMinutes: number;
  /** The window topics are taken from: [since, until). */
  readonly since: string;
  readonly until: string;
  readonly items: readonly AgendaItem[];
}

/** Everything an agenda is composed from, loaded by the caller. */
export interface AgendaInput {
  readonly meeting: Pick<Meeting, 'id' | 'bodyId' | 'startUtc' | 'durationMinutes'>;
  readonly bodyKind: BodyKind;
  readonly window: { readonly since: string; readonly until: string };
  /** This body's trends (any period; those outside the window are left out). */
  readonly trends: readonly Trend[];
  readonly focusAreas: readonly FocusArea[];
  /** At the coordination group: the youth teams and their trends (any period). */
  readonly youthTeams?: { readonly teams: readonly { id: string; name: string }[]; readonly trends: readonly Trend[] };
  /** Matters waiting at this body, oldest first. */
  readonly escalations: readonly Escalation[];
  readonly bodyNames: ReadonlyMap<string, string>;
  readonly edits: AgendaEdits;
  readonly openTasks: readonly OpenTask[];
  readonly suppressBelow: number;
  /** The police's figures as of the meeting (issue 16); the police item says none are entered without. */
  readonly police?: PoliceUpdate;
}

const DAY = 86_400_000;
const ms = (iso: string): number => Date.parse(iso);

/**
 * The window a meeting's topics come from: since the start of the body's previous meeting that
 * was not cancelled (its agenda took everything before), until this meeting starts (later reports
 * belong to the next one). Without a previous meeting: one cadence back.
 */
export function agendaWindow(
  meeting: Pick<Meeting, 'id' | 'startUtc'>,
  bodyMeetings: readonly Pick<Meeting, 'id' | 'startUtc' | 'status'>[],
  cadenceWeeks: number,
): { since: string; until: string } {
  const start = ms(meeting.startUtc);
  const previous = bodyMeetings
    .filter((m) => m.id !== meeting.id && m.status !== 'cancelled' && ms(m.startUtc) < start)
    .sort((a, b) => ms(b.startUtc) - ms(a.startUtc))[0];
  const since = previous ? ms(previous.startUtc) : start - Math.max(1, cadenceWeeks) * 7 * DAY;
  return { since: new Date(since).toISOString(), until: new Date(start).toISOString() };
}

/** The Oslo months a window touches, newest first (trends are stored per month). */
export function windowMonths(w: { since: string; until: string }): string[] {
  const last = monthOf(new Date(w.until));
  const first = monthOf(new Date(w.since));
  const months: string[] = [];
  for (const m of monthsBack(last, 25)) {
    months.push(m);
    if (m <= first) break;
  }
  return months;
}

const inWindow = (at: string, w: { since: string; until: string }): boolean => ms(at) >= ms(w.since) && ms(at) < ms(w.until);

/** Suggested minutes before scaling to the meeting's length. */
function weight(e: AgendaEntry): number {
  switch (e.kind) {
    case 'police':
    case 'youthTeams':
      return 15;
    case 'topics':
      return Math.min(20, 5 + 3 * e.trends.length);
    case 'noTopics':
    case 'escalation':
    case 'added':
      return 10;
    case 'task':
    case 'other':
      return 5;
  }
}

/**
 * Splits `total` minutes over items in proportion to their weights, so the parts add up exactly
 * (largest remainder). In steps of 5 minutes when the meeting allows each item at least 5;
 * each item gets at least one step while there are enough.
 */
export function allocateMinutes(weights: readonly number[], total: number): number[] {
  const n = weights.length;
  if (n === 0 || total <= 0) return weights.map(() => 0);
  const unit = total % 5 === 0 && total / 5 >= n ? 5 : 1;
  const units = Math.floor(total / unit);
  const floor = units >= n ? 1 : 0;
  const spare = units - floor * n;
  const sum = weights.reduce((a, b) => a + b, 0) || n;
  const exact = weights.map((w) => ((sum === n && w === 0 ? 1 : w) / sum) * spare);
  const parts = exact.map(Math.floor);
  let left = spare - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts.map((p) => (p + floor) * unit);
}

/** Composed items can be taken off by coordinators; standing ones (police, eventuelt …) cannot. */
export function isRemovable(e: Pick<AgendaEntry, 'kind'>): boolean {
  return e.kind === 'topics' || e.kind === 'escalation' || e.kind === 'added';
}

/** The agenda of a meeting, in the standing order, numbered and timed. */
export function composeAgenda(input: AgendaInput): Agenda {
  const { meeting, window: w, edits } = input;
  const hidden = new Set(edits.hidden);
  const entries: AgendaEntry[] = [{ kind: 'police', id: 'police', ...(input.police ? { update: input.police } : {}) }];

  const trends = input.trends.filter((t) => t.bodyId === meeting.bodyId && inWindow(t.reportedAt, w)).sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  const labels = new Map(trends.map((t) => [t.focusAreaId, t.focusAreaLabel]));
  const areas = orderAreas(
    trends.map((t) => t.focusAreaId),
    input.focusAreas,
    (id) => labels.get(id) ?? id,
  );
  const topics: AgendaEntry[] = areas.map((area) => {
    const of = trends.filter((t) => t.focusAreaId === area.id);
    return { kind: 'topics', id: `topics-${area.id}`, area, trends: of, services: [...new Set(of.map((t) => t.service))] };
  });
  const shownTopics = topics.filter((t) => !hidden.has(t.id));
  entries.push(...(shownTopics.length > 0 ? shownTopics : [{ kind: 'noTopics', id: 'topics' } as const]));

  if (input.bodyKind === 'coordinationGroup' && input.youthTeams) {
    const teamIds = new Set(input.youthTeams.teams.map((t) => t.id));
    const youth = input.youthTeams.trends.filter((t) => teamIds.has(t.bodyId) && inWindow(t.reportedAt, w));
    entries.push({ kind: 'youthTeams', id: 'youth-teams', table: youthTeamTable(input.youthTeams.teams, youth, input.focusAreas, input.suppressBelow) });
  }

  for (const e of input.escalations) {
    const id = `esc-${e.id}`;
    if (hidden.has(id)) continue;
    entries.push({
      kind: 'escalation',
      id,
      escalation: e,
      originName: input.bodyNames.get(e.originBodyId) ?? '',
      proposedHere: e.state === 'proposed' && e.originBodyId === meeting.bodyId,
    });
  }
  for (const item of edits.added) entries.push({ kind: 'added', id: item.id, item });
  for (const task of input.openTasks) entries.push({ kind: 'task', id: `task-${task.id}`, task });
  entries.push({ kind: 'other', id: 'other' });

  const minutes = allocateMinutes(entries.map(weight), meeting.durationMinutes);
  let offset = 0;
  const items = entries.map((e, i): AgendaItem => {
    const item = { ...e, number: i + 1, minutes: minutes[i]!, offsetMinutes: offset, removable: isRemovable(e) };
    offset += minutes[i]!;
    return item;
  });
  return {
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    startUtc: meeting.startUtc,
    durationMinutes: meeting.durationMinutes,
    since: w.since,
    until: w.until,
    items,
  };
}

/** The item with this id, if it is on the agenda. */
export function findItem(agenda: Agenda, itemId: string): AgendaItem | undefined {
  return agenda.items.find((i) => i.id === itemId);
}
