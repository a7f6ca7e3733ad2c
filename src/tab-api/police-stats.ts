import { osloYear, policeFigures } from '../app/police-stats';
import type { Services } from '../app/services';
import { shownCount } from '../domain/digest';
import {
  AGE_BANDS,
  isMainType,
  latestYear,
  monthValues,
  offenceTable,
  personMarks,
  personsTable,
  type StoredPoliceFigure,
  TOTAL,
} from '../domain/police-stats';
import type { PoliceResponse } from './contract';
import type { TabViewer } from './viewer';

/** Years the tab shows (the annual report shows eight; the tab the whole history kept). */
const TAB_YEARS = 10;

/**
 * GET /api/tab/police — the police's statistics for the viewer's network: reports by offence
 * type per age band over the last ten years with the change and the seven-year range, unique
 * suspects by gender × age band (small counts suppressed as in the digest), and reports per
 * month this year against last. Published statistics, no free text and no names; every viewer
 * with a body sees them. Filtering by offence type and band happens in the page.
 */
export async function policeFor(s: Pick<Services, 'policeStats' | 'config' | 'clock'>, v: TabViewer): Promise<PoliceResponse> {
  const thisYear = osloYear(s.clock.now());
  const figures: StoredPoliceFigure[] = await policeFigures(s, v.identity.tid, thisYear);
  const last = latestYear(figures, 'offences', thisYear) ?? latestYear(figures, 'offencesByAge', thisYear) ?? latestYear(figures, 'persons', thisYear);
  const imported = figures.reduce<string | undefined>((a, f) => (!a || f.importedAt > a ? f.importedAt : a), undefined);
  if (last === undefined) return { years: [], offences: [], persons: [], months: undefined, importedAt: imported };
  // Up to ten years, from the first year anything was entered.
  const first = figures.reduce((a, f) => (f.month === 0 && f.year < a ? f.year : a), last);
  const span = Math.min(TAB_YEARS, last - first + 1);
  const tables = AGE_BANDS.map((band) =>
    band === '10-17' ? offenceTable(figures, 'offences', band, last, span) : offenceTable(figures, 'offencesByAge', band, last, span),
  );
  const persons = personsTable(figures, last, span);
  const marks = personMarks(persons, s.config.suppressBelow);
  const monthYear = latestYear(figures, 'monthly', thisYear);
  return {
    lastYear: last,
    years: tables[0]!.years,
    offences: tables
      .filter((t) => t.rows.length > 0)
      .map((t) => ({
        band: t.band,
        rows: t.rows.map((r) => ({
          category: r.category,
          total: r.category === TOTAL,
          main: isMainType(r),
          ...(r.parent ? { parent: r.parent } : {}),
          values: r.values.map((x) => x ?? null),
          change: r.change ?? null,
          variation: r.variation ?? null,
        })),
      })),
    persons: persons.rows.map((r, i) => ({
      gender: r.gender,
      band: r.band,
      values: r.values.map((x, j) => (x === undefined ? '' : shownCount(x, marks[i]![j]!, s.config.suppressBelow))),
      // The change is shown only where both years are shown in full.
      change: r.change !== undefined && marks[i]!.slice(-2).every((m) => m === 'shown') ? r.change : null,
    })),
    suppressBelow: s.config.suppressBelow,
    months:
      monthYear === undefined
        ? undefined
        : {
            year: monthYear,
            values: monthValues(figures, monthYear).map((x) => x ?? null),
            previous: monthValues(figures, monthYear - 1).map((x) => x ?? null),
          },
    importedAt: imported,
  };
}
