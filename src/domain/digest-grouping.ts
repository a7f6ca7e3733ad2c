import type { TrendLine } from './digest';

/**
 * Shortening the digest's breakdowns so the card fits Teams' size limit (views/digest-levels):
 * the largest entries are kept as they are and the rest summed into one «Andre (n organer)».
 */

/** Splits `items` into the `keep` largest by `size` (ties: the earlier first), in their own order, and the rest. */
export function keepLargest<T>(items: readonly T[], keep: number, size: (t: T) => number): { kept: T[]; rest: T[] } {
  // Grouping a single entry would only rename it.
  if (items.length - keep < 2) return { kept: [...items], rest: [] };
  const chosen = new Set(
    items
      .map((t, i) => ({ i, n: size(t) }))
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .slice(0, Math.max(0, keep))
      .map((x) => x.i),
  );
  return { kept: items.filter((_, i) => chosen.has(i)), rest: items.filter((_, i) => !chosen.has(i)) };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Lines of a one-dimensional table with the smallest summed into one line (no suppression: a one-dimensional list is shown as it is). */
export function groupLines(lines: readonly TrendLine[], keep: number, label: (n: number) => string): TrendLine[] {
  const { kept, rest } = keepLargest(lines, keep, (l) => l.count);
  if (!rest.length) return kept;
  const sum = (f: (l: TrendLine) => number): number => rest.reduce((s, l) => s + f(l), 0);
  const other: TrendLine = {
    id: '',
    label: label(rest.length),
    count: sum((l) => l.count),
    previous: sum((l) => l.previous),
    average3: round1(sum((l) => l.average3)),
    changePrevious: sum((l) => l.changePrevious),
    changeAverage: round1(sum((l) => l.changeAverage)),
  };
  return [...kept, other];
}
