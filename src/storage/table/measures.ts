import { createHash } from 'node:crypto';
import type { TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { type FocusStatusText, MEASURE_ID_RE, type Measure, type MeasureLogEntry, type MeasureSource } from '../../domain/measures/model';
import { inScope, type ReadScope } from '../../domain/visibility';
import { insertOnce, isConflict, isNotFound, listAll } from '../etag';
import { odataString } from './keys';
import { logRowOf, type Row, rowOf, toLog, toMeasure, toStatusText } from './measure-rows';

/**
 * Table `measures` — the measures register (issue 17), one partition per network:
 *   PartitionKey = tenant id
 *   RowKey       = `m|<measure id>`          a measure: its fields (focus areas as JSON with their
 *                                             labels of the year), status with who set it when,
 *                                             evaluation, where it came from, version, last change key
 *                = `l|<measure id>|<seq>`    its append-only log (seq = the version it made, 6
 *                                             digits): who, when, verb, status from/to, the names
 *                                             of the fields changed — no free text
 *                = `s|<year>|<focus area id>` the coordinators' status text of a focus area in a year
 *                = `w|<key>`                  a once-only marker of the annual wheel's job
 * Measure ids are 'x' + 20 hex of sha256(tenant, source kind, source key): the measure of a matter,
 * of a minutes task, or of a new-measure form, so a repeat finds the same row (and the matter's
 * measure is found from the matter). A network has some dozens of measures a year, so lists read
 * the tenant's `m|` range and filter by the owner body in memory, always through a ReadScope.
 * Every change writes the measure (Replace with its ETag) and its log entry in ONE entity-group
 * transaction: either both or neither; a concurrent change makes the loser re-read and re-decide.
 */
const PAGE = 1_000;

export const measureKey = (id: string): string => `m|${id}`;
const logKey = (id: string, seq: number): string => `l|${id}|${String(seq).padStart(6, '0')}`;
const statusKey = (year: number, areaId: string): string => `s|${year}|${areaId}`;

/** What a change decides after looking at the current measure. */
export type MeasureDecision<R> = { readonly write?: { readonly next: Measure; readonly log: MeasureLogEntry }; readonly result: R };

export class MeasureRepository {
  constructor(private readonly client: TableClient) {}

  static idFor(tenantId: string, kind: MeasureSource['kind'], key: string): string {
    return `x${createHash('sha256').update([tenantId, kind, key].join('\u0000')).digest('hex').slice(0, 20)}`;
  }

  /** The measure a matter's decision became (the link from the matter to its measure). */
  static forEscalation(tenantId: string, escalationId: string): string {
    return MeasureRepository.idFor(tenantId, 'escalation', escalationId);
  }

  /** The measure a minutes task became. */
  static forTask(tenantId: string, bodyId: string, meetingId: string, taskId: string): string {
    return MeasureRepository.idFor(tenantId, 'task', [bodyId, meetingId, taskId].join('|'));
  }

  /** A measure of the tenant, whoever owns it (for the use cases that check the scope themselves). */
  async get(tenantId: string, id: string): Promise<Measure | undefined> {
    if (!MEASURE_ID_RE.test(id)) return undefined; // never turn crafted ids into keys
    const row = await this.read(tenantId, measureKey(id));
    return row ? toMeasure(tenantId, row) : undefined;
  }

  /** A measure owned by a body of the scope; undefined otherwise. */
  async getIn(scope: ReadScope, id: string): Promise<Measure | undefined> {
    const m = await this.get(scope.tenantId, id);
    return m && inScope(scope, m.ownerBodyId) ? m : undefined;
  }

  /** Every measure owned by a body of the scope, oldest first. */
  async list(scope: ReadScope): Promise<Measure[]> {
    if (scope.bodyIds.length === 0) return [];
    const filter = `PartitionKey eq ${odataString(scope.tenantId)} and RowKey ge 'm|' and RowKey lt 'm}'`;
    const out: Measure[] = [];
    for await (const page of this.client.listEntities<Row>({ queryOptions: { filter } }).byPage({ maxPageSize: PAGE })) {
      for (const r of page) {
        const m = toMeasure(scope.tenantId, r);
        if (inScope(scope, m.ownerBodyId)) out.push(m);
      }
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** Stores a new measure with its first log entry, once; a repeat returns the stored one with `created` false. */
  async create(measure: Measure, log: MeasureLogEntry): Promise<{ created: boolean; measure: Measure }> {
    try {
      await this.client.submitTransaction([
        ['create', { partitionKey: measure.tenantId, rowKey: measureKey(measure.id), ...rowOf(measure) }],
        ['create', { partitionKey: measure.tenantId, rowKey: logKey(measure.id, log.seq), ...logRowOf(log) }],
      ]);
      return { created: true, measure };
    } catch (err) {
      if (!isConflict(err)) throw err;
      const existing = await this.get(measure.tenantId, measure.id);
      if (!existing) throw err;
      return { created: false, measure: existing };
    }
  }

  /**
   * Read-decide-write of one measure: `decide` sees the current version (asked again after
   * losing a race) and may return the next version with its log entry. Undefined when there is
   * no such measure in the tenant.
   */
  async change<R>(
    tenantId: string,
    id: string,
    decide: (current: Measure) => MeasureDecision<R>,
    maxAttempts = 6,
  ): Promise<{ result: R; measure: Measure } | undefined> {
    if (!MEASURE_ID_RE.test(id)) return undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const row = await this.read(tenantId, measureKey(id));
      if (!row) return undefined;
      const current = toMeasure(tenantId, row);
      const decision = decide(current);
      if (!decision.write) return { result: decision.result, measure: current };
      const { next, log } = decision.write;
      const actions: TransactionAction[] = [
        ['update', { partitionKey: tenantId, rowKey: measureKey(id), ...rowOf(next) }, 'Replace', { etag: row.etag }],
        ['create', { partitionKey: tenantId, rowKey: logKey(id, log.seq), ...logRowOf(log) }],
      ];
      try {
        await this.client.submitTransaction(actions);
        return { result: decision.result, measure: next };
      } catch (err) {
        if (!isConflict(err)) throw err;
        // Someone else changed it in between: read their version and decide again.
      }
    }
    throw new Error('measure change kept conflicting');
  }

  /** A measure's log, oldest first. */
  async history(tenantId: string, id: string): Promise<MeasureLogEntry[]> {
    if (!MEASURE_ID_RE.test(id)) return [];
    const filter = `PartitionKey eq ${odataString(tenantId)} and RowKey ge ${odataString(`l|${id}|`)} and RowKey lt ${odataString(`l|${id}}`)}`;
    return (await listAll<Row>(this.client, filter)).map((r) => toLog(id, r)).sort((a, b) => a.seq - b.seq);
  }

  /** The focus-area status texts of a year. */
  async statusTexts(tenantId: string, year: number): Promise<FocusStatusText[]> {
    const filter = `PartitionKey eq ${odataString(tenantId)} and RowKey ge ${odataString(`s|${year}|`)} and RowKey lt ${odataString(`s|${year}}`)}`;
    return (await listAll<Row>(this.client, filter)).map((r) => toStatusText(year, r));
  }

  /**
   * Read-decide-write of one focus area's status text (ETag-guarded; insert-only when new).
   * `decide` sees the stored text (undefined before the first) and returns the next, or none.
   */
  async changeStatusText<R>(
    tenantId: string,
    year: number,
    areaId: string,
    decide: (current: FocusStatusText | undefined) => { readonly write?: FocusStatusText; readonly result: R },
    maxAttempts = 6,
  ): Promise<R> {
    const rk = statusKey(year, areaId);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const row = await this.read(tenantId, rk);
      const decision = decide(row ? toStatusText(year, row) : undefined);
      if (!decision.write) return decision.result;
      const t = decision.write;
      const entity = {
        partitionKey: tenantId,
        rowKey: rk,
        year,
        focusAreaId: areaId,
        text: t.text,
        version: t.version,
        updatedAt: t.updatedAt,
        updatedBy: t.updatedBy,
        updatedByName: t.updatedByName,
        textErased: false,
      };
      try {
        if (row) await this.client.updateEntity(entity, 'Replace', { etag: row.etag });
        else await this.client.createEntity(entity);
        return decision.result;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    throw new Error('status text kept conflicting');
  }

  /** Whether a marker of the annual wheel's job is set. */
  async marked(tenantId: string, key: string): Promise<boolean> {
    return (await this.read(tenantId, `w|${key}`)) !== undefined;
  }

  /** A once-only marker (the annual wheel's job): true the first time `key` is marked. */
  async markOnce(tenantId: string, key: string, at: string): Promise<boolean> {
    return insertOnce<Row>(this.client, { partitionKey: tenantId, rowKey: `w|${key}`, at });
  }

  /**
   * Retention: every measure last changed before `cutoffIso` (whatever its status — a measure
   * nobody touched for the whole period is kept as categories, status and dates) gets its free
   * text and its people emptied: title, description, plan, responsible text, evaluation method and
   * evaluation, who created, changed and set its status, and who is named in its log. Then the
   * focus-area status texts written before the cut-off, with who wrote them. Each measure and its
   * log in one transaction (at most 100 rows: a measure's log is far shorter); a measure changed
   * since it was listed is left for the next daily run. Returns how many rows it emptied.
   */
  async eraseTextBefore(tenantId: string, cutoffIso: string, at: string): Promise<number> {
    const base = `PartitionKey eq ${odataString(tenantId)} and textErased eq false and updatedAt lt ${odataString(cutoffIso)}`;
    let erased = 0;
    for (const row of await listAll<Row>(this.client, `${base} and RowKey ge 'm|' and RowKey lt 'm}'`)) {
      const m = toMeasure(tenantId, row);
      const version = m.version + 1;
      const blank = {
        title: '',
        description: '',
        plan: '',
        responsibleText: '',
        evaluationMethod: '',
        evaluation: '',
        stateById: 'retention',
        stateByName: '',
        createdBy: '',
        updatedBy: 'retention',
        updatedByName: '',
        textErased: true,
        textErasedAt: at,
        version,
      };
      const logs = await listAll<Row>(
        this.client,
        `PartitionKey eq ${odataString(tenantId)} and RowKey ge ${odataString(`l|${m.id}|`)} and RowKey lt ${odataString(`l|${m.id}}`)}`,
      );
      const log: MeasureLogEntry = { measureId: m.id, seq: version, at, actorId: 'retention', actorName: '', verb: 'erase', fields: [] };
      try {
        await this.client.submitTransaction([
          ['update', { partitionKey: tenantId, rowKey: measureKey(m.id), ...blank }, 'Merge', { etag: row.etag }],
          ...logs
            .filter((l) => l.actorId || l.actorName)
            .slice(0, 98)
            .map((l): TransactionAction => ['update', { partitionKey: tenantId, rowKey: String(l.rowKey), actorId: '', actorName: '' }, 'Merge']),
          ['create', { partitionKey: tenantId, rowKey: logKey(m.id, version), ...logRowOf(log) }],
        ]);
        erased++;
      } catch (err) {
        // Changed since it was listed (so no longer old): the next daily run looks again.
        if (!isConflict(err)) throw err;
      }
    }
    for (const row of await listAll<Row>(this.client, `${base} and RowKey ge 's|' and RowKey lt 's}'`)) {
      try {
        await this.client.updateEntity(
          { partitionKey: tenantId, rowKey: String(row.rowKey), text: '', updatedBy: 'retention', updatedByName: '', textErased: true, textErasedAt: at },
          'Merge',
          { etag: row.etag },
        );
        erased++;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    return erased;
  }

  private async read(tenantId: string, rk: string): Promise<TableEntityResult<Row> | undefined> {
    try {
      return await this.client.getEntity<Row>(tenantId, rk);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
