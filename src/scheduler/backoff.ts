import type { DeliveryState } from '../storage/table/outbox';
import { DeliveryError, isTransient } from './delivery';

/** When a failed delivery is tried again. Nothing is ever dropped: after `failingAfter` attempts it is 'failing' and retried slowly. */
export interface BackoffPolicy {
  /** First retry after about this long; doubles each attempt. */
  readonly baseMs: number;
  /** Longest wait while still 'retrying'. */
  readonly capMs: number;
  /** From this many failed attempts on, the delivery shows as failing in `status`. */
  readonly failingAfter: number;
  /** Longest wait once failing (also the floor for errors that will not pass by themselves). */
  readonly slowMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 15 * 60_000, failingAfter: 5, slowMs: 60 * 60_000 };

/**
 * The next attempt after failure number `attempts` (1-based): exponential with "equal jitter"
 * (half fixed, half random, so instances that failed together do not retry together), never
 * sooner than the server's Retry-After. Errors that will not pass by themselves (403 bot removed
 * from the team, 404 conversation gone, 400) are 'failing' at once and retried slowly, so a
 * coordinator sees them in `status` and can fix the cause.
 */
export function nextAttempt(
  attempts: number,
  err: unknown,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): { delayMs: number; state: DeliveryState } {
  const transient = err instanceof DeliveryError ? isTransient(err) : true;
  const failing = !transient || attempts >= policy.failingAfter;
  const cap = failing ? policy.slowMs : policy.capMs;
  const exp = Math.min(cap, policy.baseMs * 2 ** Math.min(attempts - 1, 30));
  let delay = exp / 2 + (random() * exp) / 2;
  if (!transient) delay = Math.max(delay, Math.min(policy.slowMs, 5 * 60_000));
  const retryAfter = err instanceof DeliveryError ? (err.retryAfterMs ?? 0) : 0;
  return { delayMs: Math.round(Math.max(delay, retryAfter)), state: failing ? 'failing' : 'retrying' };
}
