import { dayOfInstant } from '../digest';
import type { DueItem } from '../digest-due';
import { screenedTitle } from '../digest-sections';
import { isClosed, type Measure, type MeasureState } from './model';

/**
 * Follow-up of the register (issue 17): the digest's «Tiltak og oppgaver med frist» and the annual
 * report judge a measure by its status. A completed or ended measure leaves the due list; one
 * whose deadline has passed and that is not completed is listed as overdue with its responsible
 * services. A matter's measure or a minutes task that became a register measure is followed up
 * there only, so the digest does not list it twice (and stops calling a carried-out measure
 * «Fristen er passert»). Pure functions over plain rows.
 */

/** The matters and minutes tasks the register has taken over (their follow-up is the measure's). */
export interface RegisterLinks {
  readonly escalationIds: ReadonlySet<string>;
  readonly taskIds: ReadonlySet<string>;
}

export function registerLinks(measures: readonly Measure[]): RegisterLinks {
  const escalationIds = new Set<string>();
  const taskIds = new Set<string>();
  for (const m of measures) {
    if (m.source.kind === 'escalation') escalationIds.add(m.source.escalationId);
    if (m.source.kind === 'task') taskIds.add(m.source.taskId);
  }
  return { escalationIds, taskIds };
}

/** The rows of a stream whose id is not in `skip` (read once, nothing collected). */
export async function* withoutIds<T extends { readonly id: string }>(rows: AsyncIterable<T> | Iterable<T>, skip: ReadonlySet<string>): AsyncGenerator<T> {
  for await (const r of rows) if (!skip.has(r.id)) yield r;
}

/**
 * The register's measures that are not completed or ended and whose end date is before
 * `before` (YYYY-MM-DD), as the digest's due items: responsible services as a comma-separated
 * list of ids (categories, never people), or the responsible as written in a matter's decision.
 */
export function registerDue(measures: readonly Measure[], before: string): DueItem[] {
  const out: DueItem[] = [];
  for (const m of measures) {
    if (isClosed(m.state) || !m.end || m.end >= before) continue;
    const shown = m.textErasedAt ? { title: '', titleState: 'erased' as const } : screenedTitle(m.title);
    const text = m.responsibleText ? screenedTitle(m.responsibleText) : undefined;
    const responsible =
      m.responsible.length > 0 ? { service: m.responsible.join(',') } : text && !m.textErasedAt ? { text: text.title, state: text.titleState } : undefined;
    out.push({ kind: 'measure', id: m.id, ...shown, ...(responsible ? { responsible } : {}), bodyId: m.ownerBodyId, due: m.end });
  }
  return out;
}

/** How a measure stands on a day: closed (with the day), overdue (end passed, not closed), or its state. */
export type StandingOf =
  | { readonly kind: 'completed' | 'ended'; readonly on: string }
  | { readonly kind: 'overdue'; readonly due: string; readonly state: MeasureState }
  | { readonly kind: 'planned' | 'ongoing' };

export function standingOf(m: Pick<Measure, 'state' | 'stateAt' | 'end'>, today: string): StandingOf {
  if (m.state === 'completed' || m.state === 'ended') return { kind: m.state, on: dayOfInstant(m.stateAt) };
  if (m.end && m.end < today) return { kind: 'overdue', due: m.end, state: m.state };
  return { kind: m.state };
}

/**
 * Whether a measure ran in a calendar year: it had started by the year's end (its start, or when
 * it was registered) and was not closed before the year began. An open measure runs on (and is
 * shown overdue) until someone closes it.
 */
export function ranInYear(m: Pick<Measure, 'start' | 'createdAt' | 'state' | 'stateAt'>, year: number): boolean {
  const started = m.start ?? dayOfInstant(m.createdAt);
  if (started > `${year}-12-31`) return false;
  return !isClosed(m.state) || dayOfInstant(m.stateAt) >= `${year}-01-01`;
}
