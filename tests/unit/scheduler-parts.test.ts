import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { DEFAULT_BACKOFF, nextAttempt } from '../../src/scheduler/backoff';
import { DeliveryError, parseRetryAfter, reasonOf } from '../../src/scheduler/delivery';
import { Loop } from '../../src/scheduler/loop';
import { CONVERSATION_WINDOWS, RateLimiter, TENANT_WINDOWS } from '../../src/scheduler/rate-limit';
import { decodeKey, encodeKey } from '../../src/storage/table/keys';

describe('rate limiter', () => {
  it('lets 50 sends a second through for a tenant across conversations, and holds the 51st', () => {
    const now = 0;
    const limiter = new RateLimiter(() => now);
    const waits = Array.from({ length: 51 }, (_, i) =>
      limiter.reserve([
        { key: `c${i}`, windows: CONVERSATION_WINDOWS },
        { key: 't', windows: TENANT_WINDOWS },
      ]),
    );
    expect(waits.slice(0, 50).every((w) => w === 0)).toBe(true);
    expect(waits[50]).toBe(1_000);
  });

  it('holds a conversation for its Retry-After without holding others', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    limiter.hold('a', 3_000);
    expect(limiter.delay([{ key: 'a', windows: CONVERSATION_WINDOWS }])).toBe(3_000);
    expect(limiter.delay([{ key: 'b', windows: CONVERSATION_WINDOWS }])).toBe(0);
    now = 3_000;
    expect(limiter.delay([{ key: 'a', windows: CONVERSATION_WINDOWS }])).toBe(0);
  });

  it('forgets old sends so a quiet conversation sends at once again', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 8; i++) limiter.reserve([{ key: 'a', windows: CONVERSATION_WINDOWS }]);
    expect(limiter.delay([{ key: 'a', windows: CONVERSATION_WINDOWS }])).toBeGreaterThan(0);
    now = 3_600_001;
    expect(limiter.delay([{ key: 'a', windows: CONVERSATION_WINDOWS }])).toBe(0);
  });
});

describe('backoff', () => {
  it('never retries sooner than Retry-After', () => {
    expect(nextAttempt(1, new DeliveryError(429, 'Throttled', 30_000), DEFAULT_BACKOFF, () => 0)).toEqual({ delayMs: 30_000, state: 'retrying' });
  });

  it('grows with jitter, and marks a delivery failing after five attempts, retrying slowly', () => {
    const first = nextAttempt(1, new DeliveryError(502, 'BadGateway'), DEFAULT_BACKOFF, () => 0.5).delayMs;
    const third = nextAttempt(3, new DeliveryError(502, 'BadGateway'), DEFAULT_BACKOFF, () => 0.5).delayMs;
    expect(first).toBe(1_500);
    expect(third).toBe(6_000);
    expect(nextAttempt(5, new DeliveryError(undefined, 'ECONNRESET')).state).toBe('failing');
    expect(nextAttempt(30, new DeliveryError(503, 'x'), DEFAULT_BACKOFF, () => 1).delayMs).toBe(DEFAULT_BACKOFF.slowMs);
  });

  it('marks a refusal that will not pass by itself as failing at once', () => {
    const next = nextAttempt(1, new DeliveryError(403, 'BotNotInConversationRoster'), DEFAULT_BACKOFF, () => 0);
    expect(next.state).toBe('failing');
    expect(next.delayMs).toBeGreaterThanOrEqual(5 * 60_000);
  });
});

describe('delivery errors', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('keeps reasons to codes, never message text', () => {
    expect(reasonOf(new DeliveryError(404, 'ConversationNotFound'))).toBe('404 ConversationNotFound');
    expect(reasonOf(Object.assign(new Error('Kari Nordmann sa noe'), { code: 'ECONNRESET' }))).toBe('intern ECONNRESET');
    expect(reasonOf(new Error('Kari Nordmann sa noe'))).toBe('intern feil');
  });
});

describe('loop', () => {
  it('runs again after a failing run, never two runs at once, and stop() waits for the run in progress', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const loop = new Loop(
      'test',
      5,
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        runs++;
        await new Promise((r) => setTimeout(r, 10));
        running--;
        if (runs === 1) throw new Error('first run fails');
      },
      createLogger('silent'),
    );
    loop.start();
    await new Promise((r) => setTimeout(r, 80));
    await loop.stop();
    const after = runs;
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBeGreaterThan(2);
    expect(runs).toBe(after);
    expect(maxRunning).toBe(1);
    expect(running).toBe(0);
  });
});

describe('loop wake-up', () => {
  it('runs at once when woken instead of waiting out its interval, and sooner when a run asks for it', async () => {
    const runs: number[] = [];
    const t0 = Date.now();
    const loop = new Loop(
      'test',
      60_000,
      async () => {
        runs.push(Date.now() - t0);
        return runs.length === 2 ? 40 : undefined; // the second run has a retry due in 40 ms
      },
      createLogger('silent'),
      (r) => r as number | undefined,
    );
    loop.start();
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toHaveLength(1); // the first run, at start; the next one would be a minute later
    loop.wake();
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toHaveLength(3); // 40 ms after the second, not 60 s
    await loop.stop();
    loop.wake(); // stopped: nothing runs
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toHaveLength(3);
  });
});

describe('row keys', () => {
  it('escapes characters Azure Tables forbid in keys and round-trips', () => {
    const key = 'agenda:a/b\\c#d?e%f\u0001';
    expect(encodeKey(key)).not.toMatch(/[/\\#?\u0000-\u001f]/);
    expect(decodeKey(encodeKey(key))).toBe(key);
  });
});
