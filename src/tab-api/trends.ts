import { DateTime } from 'luxon';
import type { FocusArea } from '../domain/focus-areas';
import { monthOf, type Trend } from '../domain/trends';
import type { TrendRepository } from '../storage/table/trends';
import type { TrendItem, TrendsResponse } from './contract';
import type { TabViewer } from './viewer';

/** At most this many trend texts per answer (newest first); the counts always cover every trend. */
export const MAX_ITEMS = 300;

/** Every month from `from` to `to` inclusive (YYYY-MM). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let m = DateTime.fromFormat(from, 'yyyy-LL', { zone: 'utc' });
  const end = DateTime.fromFormat(to, 'yyyy-LL', { zone: 'utc' });
  while (m <= end && out.length <= 1200) {
    out.push(m.toFormat('yyyy-LL'));
    m = m.plus({ months: 1 });
  }
  return out;
}

/** The default period: the twelve months up to and including the current Oslo month. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const to = monthOf(now);
  return { from: DateTime.fromFormat(to, 'yyyy-LL', { zone: 'utc' }).minus({ months: 11 }).toFormat('yyyy-LL'), to };
}

/**
 * Counts per focus area per month and the trend texts of the period, read through the trend
 * repository with the viewer's scope: one query per (body, month) partition of the bodies the
 * viewer may read, nothing else. The counts are of trends whose texts the viewer may read
 * anyway, so no small-count suppression is needed here (that is for wider audiences).
 */
export async function trendsFor(
  trends: TrendRepository,
  v: TabViewer,
  areas: readonly FocusArea[],
  q: { from: string; to: string; body?: string; focusArea?: string },
  locale: 'nb' | 'en',
): Promise<TrendsResponse> {
  const months = monthRange(q.from, q.to);
  const all = await trends.list(v.scope, months, q.body);
  const found = q.focusArea ? all.filter((t) => t.focusAreaId === q.focusArea) : all;
  const names = new Map(v.bodies.map((b) => [b.id, b.name]));
  const labels = new Map(areas.map((a) => [a.id, locale === 'en' ? a.en : a.nb]));

  const counts = new Map<string, number[]>();
  const seriesLabel = new Map<string, string>();
  for (const t of found) {
    const i = months.indexOf(t.month);
    if (i < 0) continue;
    const row = counts.get(t.focusAreaId) ?? months.map(() => 0);
    row[i]! += 1;
    counts.set(t.focusAreaId, row);
    if (!seriesLabel.has(t.focusAreaId)) seriesLabel.set(t.focusAreaId, labels.get(t.focusAreaId) ?? t.focusAreaLabel);
  }
  // The network's own order of focus areas first, then areas that were removed since.
  const order = [...areas.map((a) => a.id), ...[...counts.keys()].filter((id) => !labels.has(id)).sort()];
  const series = order
    .filter((id) => counts.has(id))
    .map((id) => {
      const c = counts.get(id)!;
      return { focusAreaId: id, label: seriesLabel.get(id) ?? id, counts: c, total: c.reduce((a, b) => a + b, 0) };
    });
  return {
    months,
    series,
    total: found.length,
    items: found.slice(0, MAX_ITEMS).map((t) => itemOf(t, names, labels)),
    truncated: found.length > MAX_ITEMS,
  };
}

function itemOf(t: Trend, names: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>): TrendItem {
  return {
    id: t.id,
    bodyId: t.bodyId,
    bodyName: names.get(t.bodyId) ?? '',
    month: t.month,
    focusAreaId: t.focusAreaId,
    focusAreaLabel: labels.get(t.focusAreaId) ?? t.focusAreaLabel,
    direction: t.direction,
    description: t.description,
    area: t.area,
    ageGroup: t.ageGroup,
    service: t.service,
    reportedAt: t.reportedAt,
    erased: !!t.textErasedAt,
  };
}
