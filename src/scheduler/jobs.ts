import type { Clock } from '../clock';
import type { JobScheduler, JobSpec } from '../domain/ports';
import type { JobTable, PendingJob, RunRecord, UpsertOutcome } from '../storage/table/jobs';
import { canonicalIso } from '../storage/table/keys';

/** What `status` reads from the scheduler. */
export interface SchedulerStatusReader {
  /** The most recent tick of any instance. */
  lastRun(): Promise<RunRecord | undefined>;
  /** The tenant's pending occurrences, soonest first (overdue ones that keep failing included). */
  pending(tenantId: string): Promise<PendingJob[]>;
}

const MAX_KEY = 400;

/**
 * The storage-backed `JobScheduler` (see src/storage/table/jobs.ts for the key design).
 * `schedule` with an existing key replaces its due time (a new occurrence); scheduling the
 * same key and due time again changes nothing — safe to call on every start or click.
 */
export class StorageJobScheduler implements JobScheduler, SchedulerStatusReader {
  /** Told when a job was scheduled due now (the composition root wakes the runner with it). */
  onDueNow?: () => void;

  constructor(
    private readonly table: JobTable,
    private readonly clock: Clock,
  ) {}

  async schedule(jobs: readonly JobSpec[]): Promise<void> {
    await this.scheduleEach(jobs);
  }

  /** Like `schedule`, reporting what happened to each job (for callers and tests that care). */
  async scheduleEach(jobs: readonly JobSpec[]): Promise<UpsertOutcome[]> {
    const now = this.clock.now().toISOString();
    // The last spec of a key wins; distinct keys are written in parallel (each its own row).
    const byKey = new Map(jobs.map((j) => [j.key, normalise(j)]));
    const outcomes = new Map(await Promise.all([...byKey.values()].map(async (s) => [s.key, await this.table.upsert(s, now)] as const)));
    if ([...byKey.values()].some((s) => s.dueAt <= now && outcomes.get(s.key) !== 'unchanged')) this.onDueNow?.();
    return jobs.map((j) => outcomes.get(j.key) ?? 'unchanged');
  }

  async cancel(keys: readonly string[]): Promise<void> {
    const now = this.clock.now().toISOString();
    await Promise.all(keys.map((k) => this.table.cancel(k, now)));
  }

  async lastRun(): Promise<RunRecord | undefined> {
    return (await this.table.runs())[0];
  }

  async pending(tenantId: string): Promise<PendingJob[]> {
    return this.table.listPending(tenantId);
  }
}

/** Validates a spec and puts its instants in canonical form (string order = time order). */
function normalise(spec: JobSpec): JobSpec {
  if (!spec.key || spec.key.length > MAX_KEY) throw new Error(`job key must be 1–${MAX_KEY} characters`);
  if (!spec.tenantId) throw new Error(`job ${spec.key}: tenantId missing`);
  return {
    ...spec,
    dueAt: canonicalIso(spec.dueAt),
    ...(spec.notAfter ? { notAfter: canonicalIso(spec.notAfter) } : {}),
  };
}
