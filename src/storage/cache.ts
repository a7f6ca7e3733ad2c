import { performance } from 'node:perf_hooks';

/** How long a looked-up role, body or setting is reused by one instance (README "Roles": the bound on a change seen late). */
export const LOOKUP_TTL_MS = 30_000;

interface Entry<V> {
  /** Monotonic time the entry stops being used: the load's START plus the TTL, so no answer is older than the TTL. */
  readonly until: number;
  readonly value: Promise<V>;
}

/**
 * A small per-instance read-through cache for storage lookups that change rarely (roles,
 * bodies, focus areas). Concurrent lookups of one key share one storage call. Writers in this
 * instance call `delete`/`clear` AFTER their write, so this instance sees its own writes at once;
 * another instance sees them at most `ttlMs` late. A failed lookup is not kept. Time is
 * monotonic (never the business clock, which tests and SLT_CLOCK_START move).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The cached value of `key`, or `load()`'s (kept for the TTL counted from now). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const started = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > started) return hit.value;
    if (this.ttlMs <= 0) return load();
    const value = load();
    const entry: Entry<V> = { until: started + this.ttlMs, value };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
    // A failure is the caller's to handle; it must not be served to the next caller.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** The cached value of `key` if there is a fresh one; never loads. */
  peek(key: string): Promise<V> | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until > this.now() ? hit.value : undefined;
  }

  /** Remembers what this instance just wrote (for the TTL from now). */
  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { until: this.now() + this.ttlMs, value: Promise.resolve(value) });
  }

  /** Forgets one key (after this instance wrote what it caches). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets everything (after a write that may change several keys). */
  clear(): void {
    this.entries.clear();
  }
}
