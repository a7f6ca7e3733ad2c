import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock';
import type { JobKind, JobSpec } from '../domain/ports';
import type { Logger } from '../log';
import type { JobTable, PendingJob } from '../storage/table/jobs';
import { forEachLimit, Loop } from './loop';

/** What a handler is told about the occurrence it runs. */
export interface JobContext {
  /** The tick's time (from the clock). */
  readonly now: Date;
  /**
   * `<key>@<dueAt>`: unique per occurrence and the same on every re-run. Use it (or something
   * as stable) in outbox keys, so a re-run after a crash does not post twice.
   */
  readonly occurrenceId: string;
  /** 1 on the first run, more when an earlier run failed or its instance died. */
  readonly attempt: number;
}

/** Nothing, or why the occurrence had nothing to do (recorded as skipped, e.g. "meeting cancelled"). */
// biome-ignore lint/suspicious/noConfusingVoidType: a job handler that has nothing to report simply returns (Promise<void>).
export type JobOutcome = void | { readonly skipped: string };

/**
 * Thrown by a handler that knows when its work is worth trying again (a remote service's
 * Retry-After, its own backoff): the runner waits that long instead of its own backoff. `code`
 * is what `status` shows; it must not carry user text.
 */
export class RetryLater extends Error {
  constructor(
    readonly retryInMs: number,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`retry in ${retryInMs} ms: ${code}`, options);
    this.name = 'RetryLater';
  }
}

/**
 * Runs one occurrence of a job kind. Must be idempotent: a run may be repeated after a crash or
 * a lost lease. Throwing marks the occurrence failed; it is retried with backoff.
 */
export type JobHandler = (job: JobSpec, ctx: JobContext) => Promise<JobOutcome>;
export type JobHandlers = Partial<Record<JobKind, JobHandler>>;

export interface RunnerOptions {
  readonly table: JobTable;
  readonly clock: Clock;
  readonly log: Logger;
  readonly handlers?: JobHandlers;
  /** Unique per process; defaults to host-pid-random. */
  readonly instanceId?: string;
  /** How long a claim is exclusive; a run that takes longer may be repeated elsewhere. Default 5 min. */
  readonly leaseMs?: number;
  /** Retry delay after a failed run: base × 2^(attempt−1), capped. Defaults 1 min / 1 h. */
  readonly retryBaseMs?: number;
  readonly retryCapMs?: number;
  /** Occurrences run at once per tick. Default 4. */
  readonly concurrency?: number;
}

export interface TickReport {
  due: number;
  fired: number;
  skipped: number;
  failed: number;
  /** Claimed by another instance (or its retry time has not come). */
  busy: number;
  /** The soonest retry this tick scheduled for a failed occurrence, in ms from the tick (for an early wake-up). */
  retryInMs?: number;
}

/**
 * The scheduler's runner: every tick it lists due occurrences, claims each (insert-only claim
 * row; 409 → another instance has it), skips those past `notAfter`, runs the handler of the
 * job's kind, and marks the job done with If-Match. See src/storage/table/jobs.ts.
 */
export class JobRunner {
  readonly instanceId: string;
  private readonly handlers = new Map<JobKind, JobHandler>();
  private readonly loop: Loop;
  private readonly leaseMs: number;

  constructor(
    private readonly o: RunnerOptions,
    intervalMs = 15_000,
  ) {
    this.instanceId = o.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.leaseMs = o.leaseMs ?? 5 * 60_000;
    for (const [kind, h] of Object.entries(o.handlers ?? {})) if (h) this.handlers.set(kind as JobKind, h);
    // A retry due before the next regular tick (a short Retry-After) gets a tick of its own.
    this.loop = new Loop(
      'scheduler',
      intervalMs,
      () => this.tick(),
      o.log,
      (r) => (r as TickReport | undefined)?.retryInMs,
    );
  }

  /** Registers (or replaces) the handler of a job kind. */
  register(kind: JobKind, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Ticks soon instead of at the next interval: called when a job was scheduled due now (an
   * invitation to send), so it does not wait up to a whole interval. No effect when not started.
   */
  wake(): void {
    this.loop.wake();
  }

  /** One pass over everything due now. Tests call this directly. */
  async tick(): Promise<TickReport> {
    const now = this.o.clock.now();
    const due = await this.o.table.listDue(now.toISOString());
    const report: TickReport = { due: due.length, fired: 0, skipped: 0, failed: 0, busy: 0 };
    await forEachLimit(due, this.o.concurrency ?? 4, (p) => this.runOne(p, now, report));
    try {
      await this.o.table.recordRun({ instance: this.instanceId, lastRunAt: now.toISOString(), ...report });
    } catch (err) {
      this.o.log.warn({ err }, 'scheduler: could not record the run');
    }
    return report;
  }

  private async runOne(p: PendingJob, now: Date, report: TickReport): Promise<void> {
    const { table, log } = this.o;
    const nowIso = now.toISOString();
    const job = await table.get(p.key);
    if (job?.state !== 'scheduled' || job.dueAt !== p.dueAt) {
      await table.dropIndex(p.dueAt, p.key); // a stale hint: the job moved, finished or was cancelled
      return;
    }
    const claim = await table.claim(job.key, job.dueAt, this.instanceId, nowIso, new Date(now.getTime() + this.leaseMs).toISOString());
    if (claim.status === 'busy') {
      report.busy++;
      return;
    }
    if (claim.status === 'finished') {
      // Another instance ran it and died before marking the job: finish the bookkeeping.
      await table.finish(job.key, job.dueAt, claim.state === 'skipped' ? 'skipped' : 'done', 'finished earlier', nowIso);
      return;
    }
    if (job.notAfter && nowIso > job.notAfter) {
      const reason = `stale: due ${job.dueAt}, not after ${job.notAfter}, reached ${nowIso}`;
      await table.settleClaim(job.key, job.dueAt, claim.etag, 'skipped', reason);
      await table.finish(job.key, job.dueAt, 'skipped', reason, nowIso);
      log.info({ key: job.key, kind: job.kind }, 'job skipped: no longer meaningful');
      report.skipped++;
      return;
    }
    const occurrenceId = `${job.key}@${job.dueAt}`;
    try {
      const handler = this.handlers.get(job.kind);
      if (!handler) throw Object.assign(new Error(`no handler for ${job.kind}`), { code: 'NoHandler' });
      const outcome = await handler(job, { now, occurrenceId, attempt: claim.attempts });
      const skipped = (outcome as { skipped?: string } | undefined)?.skipped;
      const settled = await table.settleClaim(job.key, job.dueAt, claim.etag, skipped ? 'skipped' : 'done', skipped);
      if (!settled) log.warn({ key: job.key }, 'job lease expired before it finished; another instance may have re-run it (handlers are idempotent)');
      await table.finish(job.key, job.dueAt, skipped ? 'skipped' : 'done', skipped ?? 'done', nowIso);
      if (skipped) report.skipped++;
      else report.fired++;
      log.info({ key: job.key, kind: job.kind, attempt: claim.attempts, skipped: !!skipped }, 'job ran');
    } catch (err) {
      const reason = failureReason(err);
      const delay = err instanceof RetryLater ? Math.max(0, err.retryInMs) : this.retryDelay(claim.attempts);
      report.retryInMs = Math.min(report.retryInMs ?? delay, delay);
      const retryAt = new Date(now.getTime() + delay).toISOString();
      log.error({ err, key: job.key, kind: job.kind, attempt: claim.attempts, retryAt }, 'job failed; will retry');
      await table.releaseClaim(job.key, job.dueAt, claim.etag, retryAt, reason);
      await table.noteFailure(job.dueAt, job.key, claim.attempts, reason, retryAt);
      report.failed++;
    }
  }

  private retryDelay(attempt: number): number {
    const base = this.o.retryBaseMs ?? 60_000;
    const cap = this.o.retryCapMs ?? 3_600_000;
    return Math.min(cap, base * 2 ** Math.min(attempt - 1, 20));
  }
}

/** A short reason for `status`: the error's code or class name, never its message (may hold user text). */
function failureReason(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'Error';
  return code.replace(/[^A-Za-z0-9_.: -]/g, '').slice(0, 80) || 'Error';
}
