import type { TableClient } from '@azure/data-tables';
import type { JobKind, JobSpec } from '../../domain/ports';
import { isNotFound, listAll, readModifyWrite } from '../etag';
import { type ClaimResult, ClaimTable } from './claims';

export type { ClaimResult, ClaimState } from './claims';

import { decodeKey, encodeKey, odataString } from './keys';

/**
 * Tables `jobs` and `claims` — the persistent job table behind every timed post.
 *
 * `jobs`
 *   PK 'job'  RK = encoded job key       the job: kind, tenant, dueAt, notAfter, payload (JSON),
 *                                        label, state (scheduled|done|skipped|cancelled), outcome
 *   PK 'due'  RK = `${dueAt}|${key}`     index row, one per *pending* occurrence. dueAt is canonical
 *                                        ISO (fixed 24 chars), so "everything due by now" is ONE
 *                                        range query on one small partition (RowKey < `${now}}`).
 *                                        Removed when the occurrence is done, skipped or cancelled.
 *   PK 'run'  RK = encoded instance id   the last tick of each bot instance (for `status`)
 * `claims`
 *   PK = encoded job key  RK = dueAt     one row per occurrence (job key + due time, so a
 *                                        rescheduled job is a new occurrence). Insert-only: the
 *                                        instance whose insert succeeds runs it; a 409 means
 *                                        another has it. The row carries a lease (leaseUntil);
 *                                        once expired, another instance may re-claim it with
 *                                        If-Match on the claim's etag, so exactly one does.
 *
 * Write order: the index row is written before the job row and removed after it, so a crash in
 * between leaves at worst a stale hint, never a pending job nobody will find. The runner checks
 * every hint against the job row (same dueAt, state scheduled) and drops stale ones.
 */
export type JobState = 'scheduled' | 'done' | 'skipped' | 'cancelled';

type JobRow = {
  key: string;
  kind: JobKind;
  tenantId: string;
  dueAt: string;
  notAfter?: string;
  payload: string;
  label?: string;
  state: JobState;
  outcome?: string;
  updatedAt: string;
};
type IndexRow = {
  key: string;
  kind: JobKind;
  tenantId: string;
  dueAt: string;
  label?: string;
  bodyId?: string;
  attempts?: number;
  lastError?: string;
  retryAt?: string;
};
type RunRow = { instance: string; lastRunAt: string; due: number; fired: number; skipped: number; failed: number };

/** A job as stored, with the etag it was read at. */
export interface StoredJob extends JobSpec {
  readonly state: JobState;
  readonly outcome?: string;
  readonly etag: string;
}

/** A pending occurrence as the index row shows it (for the runner and `status`). */
export interface PendingJob {
  readonly key: string;
  readonly kind: JobKind;
  readonly tenantId: string;
  readonly dueAt: string;
  readonly label?: string;
  /** The payload's `bodyId`, when it has one (so `status` can name the body). */
  readonly bodyId?: string;
  readonly attempts: number;
  readonly lastError?: string;
  /** After a failure: when it is tried again (canonical ISO). */
  readonly retryAt?: string;
}

export interface RunRecord {
  readonly instance: string;
  readonly lastRunAt: string;
  readonly due: number;
  readonly fired: number;
  readonly skipped: number;
  readonly failed: number;
}

export type UpsertOutcome = 'created' | 'rescheduled' | 'updated' | 'unchanged';

const JOB = 'job';
const DUE = 'due';
const RUN = 'run';
const indexKey = (dueAt: string, key: string): string => `${dueAt}|${encodeKey(key)}`;
const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** Azure Table implementation of the job table; callers pass canonical ISO instants. */
export class JobTable {
  private readonly claims: ClaimTable;

  constructor(
    private readonly jobs: TableClient,
    claims: TableClient,
  ) {
    this.claims = new ClaimTable(claims);
  }

  async get(key: string): Promise<StoredJob | undefined> {
    try {
      const e = await this.jobs.getEntity<JobRow>(JOB, encodeKey(key));
      return { ...toSpec(e), state: e.state, outcome: opt(e.outcome), etag: e.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Creates or replaces a job. Same key and dueAt as an occurrence that already ran: unchanged
   * (it does not run again). A new dueAt is a new occurrence; a cancelled job comes back.
   */
  async upsert(spec: JobSpec, now: string): Promise<UpsertOutcome> {
    let outcome: UpsertOutcome = 'unchanged';
    let previousDue: string | undefined;
    const row = toRow(spec, now);
    const result = await readModifyWrite<JobRow>(this.jobs, JOB, encodeKey(spec.key), async (current) => {
      if (current && current.dueAt === spec.dueAt) {
        if (current.state === 'done' || current.state === 'skipped') return { kind: 'abort', reason: 'unchanged' };
        if (current.state === 'scheduled' && sameJob(current, row)) return { kind: 'abort', reason: 'unchanged' };
      }
      outcome = !current ? 'created' : current.dueAt !== spec.dueAt || current.state !== 'scheduled' ? 'rescheduled' : 'updated';
      previousDue = current?.state === 'scheduled' && current.dueAt !== spec.dueAt ? current.dueAt : undefined;
      await this.jobs.upsertEntity<IndexRow>({ partitionKey: DUE, rowKey: indexKey(spec.dueAt, spec.key), ...indexOf(row, spec) }, 'Replace');
      return { kind: 'write', entity: { partitionKey: JOB, rowKey: encodeKey(spec.key), ...row } };
    });
    if (!result.ok) {
      if (result.reason === 'unchanged') return 'unchanged';
      throw new Error(`job upsert failed: ${result.reason}`);
    }
    if (previousDue) await this.dropIndex(previousDue, spec.key);
    return outcome;
  }

  /** Marks a scheduled job cancelled and removes its index row. False when there was nothing to cancel. */
  async cancel(key: string, now: string): Promise<boolean> {
    let dueAt = '';
    const result = await readModifyWrite<JobRow>(this.jobs, JOB, encodeKey(key), (current) => {
      if (current?.state !== 'scheduled') return { kind: 'abort', reason: 'absent' };
      dueAt = current.dueAt;
      return {
        kind: 'write',
        entity: { partitionKey: JOB, rowKey: encodeKey(key), ...pickRow(current), state: 'cancelled', outcome: 'cancelled', updatedAt: now },
      };
    });
    if (!result.ok) return false;
    await this.dropIndex(dueAt, key);
    return true;
  }

  /** Pending occurrences due at or before `now`, oldest first. */
  async listDue(now: string, limit = 500): Promise<PendingJob[]> {
    const filter = `PartitionKey eq '${DUE}' and RowKey lt ${odataString(`${now}}`)}`;
    const out: PendingJob[] = [];
    for await (const e of this.jobs.listEntities<IndexRow>({ queryOptions: { filter } })) {
      out.push(toPending(e));
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Every pending occurrence of a tenant, soonest first (a small partition: pending only). */
  async listPending(tenantId: string): Promise<PendingJob[]> {
    const rows = await listAll<IndexRow>(this.jobs, `PartitionKey eq '${DUE}' and tenantId eq ${odataString(tenantId)}`);
    return rows.map(toPending).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Removes an index row (a missing row is fine: someone else removed it). */
  async dropIndex(dueAt: string, key: string): Promise<void> {
    try {
      await this.jobs.deleteEntity(DUE, indexKey(dueAt, key));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /**
   * Marks one occurrence finished on the job row (If-Match via readModifyWrite) and drops its
   * index row. A job rescheduled meanwhile is a new occurrence and is left scheduled.
   */
  async finish(key: string, dueAt: string, state: 'done' | 'skipped', outcome: string, now: string): Promise<void> {
    await readModifyWrite<JobRow>(this.jobs, JOB, encodeKey(key), (current) => {
      if (!current || current.dueAt !== dueAt) return { kind: 'abort', reason: 'rescheduled' };
      if (current.state !== 'scheduled') return { kind: 'abort', reason: 'already' };
      return {
        kind: 'write',
        entity: { partitionKey: JOB, rowKey: encodeKey(key), ...pickRow(current), state, outcome: outcome.slice(0, 200), updatedAt: now },
      };
    });
    await this.dropIndex(dueAt, key);
  }

  /** Claims an occurrence (see ClaimTable). */
  claim(key: string, dueAt: string, instance: string, now: string, leaseUntil: string): Promise<ClaimResult> {
    return this.claims.claim(key, dueAt, instance, now, leaseUntil);
  }

  settleClaim(key: string, dueAt: string, etag: string, state: 'done' | 'skipped', reason?: string): Promise<boolean> {
    return this.claims.settle(key, dueAt, etag, state, reason);
  }

  releaseClaim(key: string, dueAt: string, etag: string, retryAt: string, lastError: string): Promise<boolean> {
    return this.claims.release(key, dueAt, etag, retryAt, lastError);
  }

  /** Shows a handler failure on the pending occurrence (for `status`): attempts, reason, when it is tried again. */
  async noteFailure(dueAt: string, key: string, attempts: number, lastError: string, retryAt?: string): Promise<void> {
    try {
      await this.jobs.updateEntity<Partial<IndexRow>>(
        { partitionKey: DUE, rowKey: indexKey(dueAt, key), attempts, lastError: lastError.slice(0, 200), ...(retryAt ? { retryAt } : {}) },
        'Merge',
      );
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async recordRun(run: RunRecord): Promise<void> {
    await this.jobs.upsertEntity<RunRow>({ partitionKey: RUN, rowKey: encodeKey(run.instance), ...run }, 'Replace');
  }

  /** The last tick of every instance that ever ran, most recent first. */
  async runs(): Promise<RunRecord[]> {
    const rows = await listAll<RunRow>(this.jobs, `PartitionKey eq '${RUN}'`);
    return rows
      .map((r) => ({ instance: r.instance, lastRunAt: r.lastRunAt, due: r.due, fired: r.fired, skipped: r.skipped, failed: r.failed }))
      .sort((a, b) => b.lastRunAt.localeCompare(a.lastRunAt));
  }

  /** Tenants that have had any job (used to keep each tenant's daily jobs going). */
  async tenants(): Promise<string[]> {
    const seen = new Set<string>();
    const iter = this.jobs.listEntities<{ tenantId: string }>({ queryOptions: { filter: `PartitionKey eq '${JOB}'`, select: ['tenantId'] } });
    for await (const e of iter) if (e.tenantId) seen.add(e.tenantId);
    return [...seen];
  }
}

function toRow(spec: JobSpec, now: string): JobRow {
  return {
    key: spec.key,
    kind: spec.kind,
    tenantId: spec.tenantId,
    dueAt: spec.dueAt,
    ...(spec.notAfter ? { notAfter: spec.notAfter } : {}),
    payload: JSON.stringify(spec.payload ?? {}),
    ...(spec.label ? { label: spec.label.slice(0, 120) } : {}),
    state: 'scheduled',
    updatedAt: now,
  };
}

/** The row's own columns, without the SDK's metadata (etag, timestamp, keys). */
function pickRow(e: JobRow): JobRow {
  return {
    key: e.key,
    kind: e.kind,
    tenantId: e.tenantId,
    dueAt: e.dueAt,
    ...(e.notAfter ? { notAfter: e.notAfter } : {}),
    payload: e.payload,
    ...(e.label ? { label: e.label } : {}),
    state: e.state,
    ...(e.outcome ? { outcome: e.outcome } : {}),
    updatedAt: e.updatedAt,
  };
}

function sameJob(a: JobRow, b: JobRow): boolean {
  return a.kind === b.kind && a.tenantId === b.tenantId && opt(a.notAfter) === opt(b.notAfter) && a.payload === b.payload && opt(a.label) === opt(b.label);
}

function indexOf(row: JobRow, spec: JobSpec): IndexRow {
  const bodyId = spec.payload?.bodyId;
  return {
    key: row.key,
    kind: row.kind,
    tenantId: row.tenantId,
    dueAt: row.dueAt,
    ...(row.label ? { label: row.label } : {}),
    ...(typeof bodyId === 'string' ? { bodyId } : {}),
  };
}

function toSpec(e: JobRow): JobSpec {
  let payload: JobSpec['payload'] = {};
  try {
    payload = JSON.parse(e.payload) as JobSpec['payload'];
  } catch {
    payload = {}; // written by toRow, so never expected; an empty payload lets the handler refuse it
  }
  return { key: e.key, kind: e.kind, tenantId: e.tenantId, dueAt: e.dueAt, notAfter: opt(e.notAfter), payload, label: opt(e.label) };
}

function toPending(e: IndexRow & { rowKey?: string }): PendingJob {
  return {
    key: e.key ?? decodeKey((e.rowKey ?? '').slice(25)),
    kind: e.kind,
    tenantId: e.tenantId,
    dueAt: e.dueAt,
    label: opt(e.label),
    bodyId: opt(e.bodyId),
    attempts: opt(e.attempts) ?? 0,
    lastError: opt(e.lastError),
    retryAt: opt(e.retryAt),
  };
}
