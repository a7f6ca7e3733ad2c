import { DIRECTIONS, type Direction } from '../trends';
import { type ShownText, shownText } from './annual';
import { ranInYear, standingOf } from './follow-up';
import type { FocusStatusText, Measure } from './model';

/**
 * «Status og fremdrift per innsatsområde» (issue 17): for each focus area of a year, its measures
 * by status, the year's trend topics (how many, and in which direction), the lifted matters that
 * led to a measure in the area (matters carry no focus area of their own), and the coordinators'
 * short status text. Shown in the tab, on the `tiltak status` card and in the annual report.
 * Pure; the topics are a stream of categories (no text).
 */
export interface MeasureCounts {
  readonly planned: number;
  readonly ongoing: number;
  readonly completed: number;
  readonly ended: number;
  /** Not completed and past its end date (counted here, not under its state). */
  readonly overdue: number;
  readonly total: number;
}

export interface AreaStatus {
  readonly id: string;
  readonly label: string;
  readonly measures: MeasureCounts;
  readonly topics: { readonly total: number; readonly byDirection: Readonly<Record<Direction, number>> };
  readonly matters: number;
  /** The status text as it may be shown, and its version (0: none written yet). */
  readonly text?: ShownText;
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedByName?: string;
}

export interface TopicCategory {
  readonly focusAreaId: string;
  readonly focusAreaLabel: string;
  readonly direction: Direction;
}

const zeroDirections = (): Record<Direction, number> => Object.fromEntries(DIRECTIONS.map((d) => [d, 0])) as Record<Direction, number>;

/**
 * The status of each focus area of the year's list (in its order), then any area that measures
 * or topics of the year still carry but the list no longer has.
 */
export async function focusAreaStatus(input: {
  readonly year: number;
  readonly today: string;
  readonly areas: readonly { readonly id: string; readonly label: string }[];
  readonly measures: readonly Measure[];
  readonly topics: AsyncIterable<TopicCategory> | Iterable<TopicCategory>;
  readonly texts: readonly FocusStatusText[];
}): Promise<AreaStatus[]> {
  const labels = new Map(input.areas.map((a) => [a.id, a.label]));
  const extra = new Map<string, string>();
  const topics = new Map<string, { total: number; byDirection: Record<Direction, number> }>();
  for await (const t of input.topics) {
    if (!labels.has(t.focusAreaId)) extra.set(t.focusAreaId, t.focusAreaLabel || t.focusAreaId);
    let c = topics.get(t.focusAreaId);
    if (!c) {
      c = { total: 0, byDirection: zeroDirections() };
      topics.set(t.focusAreaId, c);
    }
    c.total++;
    if (t.direction in c.byDirection) c.byDirection[t.direction]++;
  }
  const ran = input.measures.filter((m) => ranInYear(m, input.year));
  for (const m of ran) for (const a of m.focusAreas) if (!labels.has(a.id)) extra.set(a.id, a.label);
  const all = [...input.areas, ...[...extra].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label, 'nb'))];
  return all.map((area) => {
    const counts = { planned: 0, ongoing: 0, completed: 0, ended: 0, overdue: 0, total: 0 };
    const matters = new Set<string>();
    for (const m of ran) {
      if (!m.focusAreas.some((a) => a.id === area.id)) continue;
      counts.total++;
      const s = standingOf(m, input.today);
      counts[s.kind]++;
      if (m.source.kind === 'escalation') matters.add(m.source.escalationId);
    }
    const t = input.texts.find((x) => x.year === input.year && x.focusAreaId === area.id);
    return {
      id: area.id,
      label: area.label,
      measures: counts,
      topics: topics.get(area.id) ?? { total: 0, byDirection: zeroDirections() },
      matters: matters.size,
      ...(t ? { text: shownText(t.text, !!t.textErasedAt), updatedAt: t.updatedAt, updatedByName: t.updatedByName } : {}),
      version: t?.version ?? 0,
    };
  });
}
