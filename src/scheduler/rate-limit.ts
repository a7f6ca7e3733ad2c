import { systemClock } from '../clock';

/** At most `limit` sends in any `ms` milliseconds. */
export interface RateWindow {
  readonly limit: number;
  readonly ms: number;
}

/** Teams' published limits per bot per conversation (PLATFORM.md): 7/1 s, 8/2 s, 60/30 s, 1 800/h. */
export const CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

/** Teams' limit per app per tenant: 50 requests per second. */
export const TENANT_WINDOWS: readonly RateWindow[] = [{ limit: 50, ms: 1_000 }];

export interface Bucket {
  readonly key: string;
  readonly windows: readonly RateWindow[];
}

/**
 * Sliding-window limiter over send times, keyed (per conversation, per tenant). `reserve` books
 * the earliest slot that keeps every window of every key and says how long to wait for it; JS
 * runs it without interleaving, so concurrent senders never book the same slot.
 *
 * Per process: each instance keeps its own books. The outbox lets one instance at a time send
 * a tenant's posts (SendLeases), so these books are the bot's; a hand-over waits until the old
 * holder's sends have left the short windows (the hourly one is not carried over; 429 handling
 * covers that). Real time, not the bot's clock: limits are about elapsed seconds, and
 * SLT_CLOCK_START only shifts business time.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(private readonly now: () => number = () => systemClock.now().getTime()) {}

  /** Milliseconds until all buckets allow a send (0 = now). Books nothing. */
  delay(buckets: readonly Bucket[]): number {
    return this.earliest(buckets) - this.now();
  }

  /** Books the earliest allowed slot for all buckets; returns the milliseconds to wait for it. */
  reserve(buckets: readonly Bucket[]): number {
    const at = this.earliest(buckets);
    for (const b of buckets) insertSorted(this.log(b.key), at);
    return at - this.now();
  }

  /** Holds a key for `ms` from now (a 429's Retry-After for that conversation). */
  hold(key: string, ms: number): void {
    this.blockedUntil.set(key, Math.max(this.now() + ms, this.blockedUntil.get(key) ?? 0));
  }

  private earliest(buckets: readonly Bucket[]): number {
    const now = this.now();
    this.prune(buckets, now);
    let start = now;
    for (const b of buckets) start = Math.max(start, this.blockedUntil.get(b.key) ?? 0);
    // The slot is `start` or just after a booked send leaves some window.
    const candidates = new Set<number>([start]);
    for (const b of buckets) for (const t of this.log(b.key)) for (const w of b.windows) if (t + w.ms > start) candidates.add(t + w.ms);
    for (const t of [...candidates].sort((a, b) => a - b)) {
      if (buckets.every((b) => fits(this.log(b.key), b.windows, t))) return t;
    }
    return start; // unreachable: the last candidate is past every window
  }

  private log(key: string): number[] {
    let l = this.sent.get(key);
    if (!l) {
      l = [];
      this.sent.set(key, l);
    }
    return l;
  }

  /** Forgets sends older than the longest window (memory stays bounded). */
  private prune(buckets: readonly Bucket[], now: number): void {
    for (const b of buckets) {
      const longest = Math.max(...b.windows.map((w) => w.ms));
      const l = this.log(b.key);
      while (l.length && (l[0] as number) <= now - longest) l.shift();
    }
  }
}

/** True when one more send at `t` keeps every window: no interval of `w.ms` around t then holds more than `w.limit`. */
function fits(log: readonly number[], windows: readonly RateWindow[], t: number): boolean {
  for (const w of windows) {
    // Intervals [s, s + ms) containing t start at t or at a booked send in (t − ms, t].
    const starts = [t, ...log.filter((e) => e > t - w.ms && e <= t)];
    for (const s of starts) {
      const inside = log.filter((e) => e >= s && e < s + w.ms).length + 1;
      if (inside > w.limit) return false;
    }
  }
  return true;
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as number) > value) i--;
  list.splice(i, 0, value);
}
