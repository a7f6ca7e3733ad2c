import { DateTime } from 'luxon';
import { OSLO } from '../calendar';
import type { JobSpec } from '../ports';

/**
 * The measures' part of the annual wheel (*årshjul*, issue 17): in the autumn the board's agenda
 * gets «Innsatsområder for <next year>» (until the board's decision is recorded), and in December
 * the coordinators are asked 1:1 to write the evaluation and conclusion of every measure that ran
 * that year. One job per tenant runs on Mondays at 07:00 Oslo from September to December (and is
 * then next due the first Monday of September); each run schedules the next first, so the chain
 * survives a crash, and what it posts has idempotent keys.
 */
export const WHEEL_TIME = { hour: 7, minute: 0, second: 0, millisecond: 0 };
/** The months the job runs in: September–December. */
export const AUTUMN_FROM_MONTH = 9;
export const EVALUATION_MONTH = 12;

/** The next Monday 07:00 Oslo strictly after `now` within September–December (else the first of the next autumn). */
export function nextWheelRun(now: Date): DateTime {
  const oslo = DateTime.fromJSDate(now, { zone: OSLO });
  let d = oslo.set(WHEEL_TIME);
  if (d <= oslo) d = d.plus({ days: 1 });
  while (d.weekday !== 1) d = d.plus({ days: 1 });
  if (d.month >= AUTUMN_FROM_MONTH) return d;
  // Before September: the first Monday of September this year.
  let first = DateTime.fromObject({ year: d.year, month: AUTUMN_FROM_MONTH, day: 1 }, { zone: OSLO }).set(WHEEL_TIME);
  while (first.weekday !== 1) first = first.plus({ days: 1 });
  return first;
}

/** The tenant's next run of the measures wheel. */
export function measuresWheelJob(tenantId: string, now: Date): JobSpec {
  const due = nextWheelRun(now);
  return {
    key: `measuresWheel:${tenantId}:${due.toISODate()}`,
    kind: 'measuresWheel',
    tenantId,
    dueAt: due.toUTC().toISO() ?? '',
    notAfter: due.plus({ days: 6 }).toUTC().toISO() ?? '',
    payload: {},
    label: 'årshjul for tiltak',
  };
}

/** What a run at `now` does: the focus areas of which year to put on the board's agenda, and which year's measures to ask evaluations for. */
export function wheelStep(now: Date): { readonly focusAreasFor?: number; readonly evaluate?: number } {
  const oslo = DateTime.fromJSDate(now, { zone: OSLO });
  return {
    ...(oslo.month >= AUTUMN_FROM_MONTH ? { focusAreasFor: oslo.year + 1 } : {}),
    ...(oslo.month === EVALUATION_MONTH ? { evaluate: oslo.year } : {}),
  };
}
