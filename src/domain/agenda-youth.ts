import { type CellMark, suppressTable } from './digest';
import type { FocusArea } from './focus-areas';
import type { Trend } from './trends';

/**
 * The coordination group's standing item "the youth teams' topics since our last meeting"
 * (DOMAIN.md, a meeting's standing agenda). It is a two-dimensional breakdown (youth team ×
 * focus area), so it is given in statistical form like the monthly digest: counts below
 * `suppressBelow` are shown as "<3", with protecting cells (":") so no small count can be worked
 * out from the totals. The topics' short descriptions are listed per focus area only — never per
 * team or service — and never carry the reporter.
 */
export interface YouthArea {
  readonly id: string;
  /** The configured focus area, when it still exists (for its label in the reader's language). */
  readonly focusArea?: FocusArea;
  /** The label stored with the trends (Norwegian), for areas removed since. */
  readonly label: string;
}

export interface YouthCell {
  readonly count: number;
  readonly mark: CellMark;
}

export interface YouthRow {
  readonly teamId: string;
  readonly teamName: string;
  /** One cell per area, in the order of `areas`. */
  readonly cells: readonly YouthCell[];
}

export interface YouthTitles {
  readonly areaId: string;
  /** Short descriptions, oldest first. */
  readonly texts: readonly string[];
}

export interface YouthTable {
  readonly areas: readonly YouthArea[];
  readonly rows: readonly YouthRow[];
  readonly titles: readonly YouthTitles[];
  /** Topics in all. */
  readonly total: number;
  readonly suppressBelow: number;
}

/** Length of a short description on the agenda. */
export const SHORT_TEXT = 100;

/** The first `max` characters of a text, cut at a word where possible, with an ellipsis when cut. */
export function shortText(text: string, max = SHORT_TEXT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Focus areas in the configured order, then areas no longer configured by label. */
export function orderAreas(ids: Iterable<string>, focusAreas: readonly FocusArea[], labelOf: (id: string) => string): YouthArea[] {
  const seen = new Set(ids);
  const known = focusAreas.filter((a) => seen.has(a.id)).map((a) => ({ id: a.id, focusArea: a, label: a.nb }));
  const rest = [...seen]
    .filter((id) => !focusAreas.some((a) => a.id === id))
    .map((id) => ({ id, label: labelOf(id) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nb'));
  return [...known, ...rest];
}

/**
 * The youth-team table: every youth team a row (a team that reported nothing shows zeros), every
 * focus area that was reported a column, cells marked for suppression; plus short descriptions
 * per area. `trends` must already be limited to the window and to youth teams.
 */
export function youthTeamTable(
  teams: readonly { id: string; name: string }[],
  trends: readonly Trend[],
  focusAreas: readonly FocusArea[],
  suppressBelow: number,
): YouthTable {
  const labels = new Map(trends.map((t) => [t.focusAreaId, t.focusAreaLabel]));
  const areas = orderAreas(
    trends.map((t) => t.focusAreaId),
    focusAreas,
    (id) => labels.get(id) ?? id,
  );
  const sortedTeams = [...teams].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const values = sortedTeams.map((team) => areas.map((area) => trends.filter((t) => t.bodyId === team.id && t.focusAreaId === area.id).length));
  const marks = suppressTable(values, suppressBelow);
  const rows = sortedTeams.map((team, i) => ({
    teamId: team.id,
    teamName: team.name,
    cells: values[i]!.map((count, j) => ({ count, mark: marks[i]![j]! })),
  }));
  const oldestFirst = [...trends].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  const titles = areas.map((area) => ({
    areaId: area.id,
    // Erased text (retention) leaves nothing to show; the count still stands.
    texts: oldestFirst.filter((t) => t.focusAreaId === area.id && t.description).map((t) => shortText(t.description)),
  }));
  return { areas, rows, titles, total: trends.length, suppressBelow };
}
