import type { TableClient } from '@azure/data-tables';
import { DEFAULT_FOCUS_AREAS, type FocusArea, type FocusAreaVersion, versionFor } from '../../domain/focus-areas';
import { TtlCache } from '../cache';
import { isNotFound, listAll, readModifyWrite } from '../etag';
import { odataString } from './keys';

/**
 * Table `settings`, the network's focus areas.
 *   PartitionKey = tenant id
 *   RowKey       = 'focusAreas'           the unversioned list (before issue 17; still read)
 *                = 'focusAreas|<YYYY>'    the list of a year (issue 17): areas, and the board
 *                                         meeting that decided it (meeting id, day, board id)
 *   areas        = JSON array of { id, nb, en }; updatedBy, updatedAt
 * The list in force in a year is that year's version, else the latest earlier one, else the
 * unversioned row, else the defaults (DOMAIN.md). Coordinators replace a year's list as a whole;
 * the write is ETag-guarded, and writing the list and decision it already holds changes nothing.
 * With `cacheTtlMs` (the app: LOOKUP_TTL_MS) a tenant's rows are reused for that long; `set` in
 * this instance forgets them, another instance sees an edit at most that late. `get` gives the
 * list of the current Oslo year by the clock given (`now`).
 */
type FocusAreaRow = { areas: string; updatedBy: string; updatedAt: string; decidedMeetingId?: string; decidedDay?: string; decidedBodyId?: string };

export const FOCUS_AREAS_ROW = 'focusAreas';
const versionKey = (year: number): string => `${FOCUS_AREAS_ROW}|${year}`;

interface Stored {
  readonly base: readonly FocusArea[];
  readonly versions: readonly FocusAreaVersion[];
}

/** The Oslo calendar year of an instant (Oslo is UTC+1/+2, so only New Year's night differs from UTC). */
function osloYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(at));
}

export class FocusAreaRepository {
  private readonly cache: TtlCache<Stored>;
  private readonly now: () => Date;

  constructor(
    private readonly client: TableClient,
    options: { cacheTtlMs?: number; now?: () => Date } = {},
  ) {
    this.cache = new TtlCache(options.cacheTtlMs ?? 0, 1_000);
    this.now = options.now ?? (() => new Date());
  }

  /** The tenant's focus areas in force this year, or the defaults when none are configured. */
  async get(tenantId: string): Promise<FocusArea[]> {
    return this.forYear(tenantId, osloYear(this.now()));
  }

  /** The focus areas in force in `year`. */
  async forYear(tenantId: string, year: number): Promise<FocusArea[]> {
    const stored = await this.stored(tenantId);
    return [...(versionFor(stored.versions, year)?.areas ?? stored.base)];
  }

  /** Every yearly version, newest first. */
  async versions(tenantId: string): Promise<FocusAreaVersion[]> {
    return [...(await this.stored(tenantId)).versions].sort((a, b) => b.year - a.year);
  }

  /** The year the clock is in (Oslo). */
  currentYear(): number {
    return osloYear(this.now());
  }

  private stored(tenantId: string): Promise<Stored> {
    return this.cache.get(tenantId, () => this.read(tenantId));
  }

  private async read(tenantId: string): Promise<Stored> {
    const filter = `PartitionKey eq ${odataString(tenantId)} and RowKey ge ${odataString(FOCUS_AREAS_ROW)} and RowKey lt ${odataString(`${FOCUS_AREAS_ROW}}`)}`;
    let rows: Awaited<ReturnType<typeof listAll<FocusAreaRow>>>;
    try {
      rows = await listAll<FocusAreaRow>(this.client, filter);
    } catch (err) {
      if (isNotFound(err)) return { base: [...DEFAULT_FOCUS_AREAS], versions: [] };
      throw err;
    }
    const baseRow = rows.find((r) => r.rowKey === FOCUS_AREAS_ROW);
    const versions: FocusAreaVersion[] = [];
    for (const r of rows) {
      const m = /^focusAreas\|(\d{4})$/.exec(r.rowKey ?? '');
      const areas = m ? parseAreas(r.areas) : undefined;
      if (!m || !areas) continue;
      versions.push({
        year: Number(m[1]),
        areas,
        ...(r.decidedMeetingId ? { decided: { meetingId: r.decidedMeetingId, day: r.decidedDay ?? '', bodyId: r.decidedBodyId ?? '' } } : {}),
        updatedBy: r.updatedBy,
        updatedAt: r.updatedAt,
      });
    }
    return { base: (baseRow && parseAreas(baseRow.areas)) ?? [...DEFAULT_FOCUS_AREAS], versions };
  }

  /** Replaces this year's list (the trend card's «Endre innsatsområder»). Returns whether anything changed. */
  async set(tenantId: string, areas: readonly FocusArea[], by: string, at: string): Promise<boolean> {
    return this.setForYear(tenantId, osloYear(this.now()), areas, by, at);
  }

  /**
   * Replaces the list of `year`, recording the board meeting that decided it when given (an edit
   * without one keeps the decision already recorded). Returns whether anything changed.
   */
  async setForYear(
    tenantId: string,
    year: number,
    areas: readonly FocusArea[],
    by: string,
    at: string,
    decided?: { readonly meetingId: string; readonly day: string; readonly bodyId: string },
  ): Promise<boolean> {
    const json = JSON.stringify(areas.map((a) => ({ id: a.id, nb: a.nb, en: a.en })));
    const inForce = JSON.stringify((await this.forYear(tenantId, year)).map((a) => ({ id: a.id, nb: a.nb, en: a.en })));
    const result = await readModifyWrite<FocusAreaRow>(this.client, tenantId, versionKey(year), (current) => {
      const keep = current?.decidedMeetingId
        ? { decidedMeetingId: current.decidedMeetingId, decidedDay: current.decidedDay, decidedBodyId: current.decidedBodyId }
        : {};
      const decision = decided ? { decidedMeetingId: decided.meetingId, decidedDay: decided.day, decidedBodyId: decided.bodyId } : keep;
      const before = current ? current.areas : inForce;
      if (before === json && (!decided || current?.decidedMeetingId === decided.meetingId)) return { kind: 'abort', reason: 'unchanged' };
      return { kind: 'write', entity: { partitionKey: tenantId, rowKey: versionKey(year), areas: json, updatedBy: by, updatedAt: at, ...decision } };
    }).finally(() => this.cache.delete(tenantId));
    if (!result.ok && result.reason !== 'unchanged') throw new Error(`focus areas not saved: ${result.reason}`);
    return result.ok;
  }
}

/** A stored list, or undefined when the row is unreadable (then the next fallback applies). */
function parseAreas(json: string): FocusArea[] | undefined {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v) || v.length === 0) return undefined;
    const ok = v.every((a) => a && typeof a.id === 'string' && typeof a.nb === 'string' && typeof a.en === 'string');
    return ok ? (v as FocusArea[]) : undefined;
  } catch (err) {
    if (err instanceof SyntaxError) return undefined; // a hand-edited row: fall back
    throw err;
  }
}
