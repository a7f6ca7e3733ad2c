import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/storage/cache';

/** A cache on a hand-moved monotonic clock. */
function cacheAt(ttlMs: number, maxEntries = 100) {
  const clock = { t: 1_000 };
  return { clock, cache: new TtlCache<string>(ttlMs, maxEntries, () => clock.t) };
}

describe('TtlCache', () => {
  it('serves a looked-up value until the TTL has passed, then looks it up again', async () => {
    const { clock, cache } = cacheAt(30_000);
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('k', load)).toBe('v1');
    clock.t += 29_999;
    expect(await cache.get('k', load)).toBe('v1');
    clock.t += 1;
    expect(await cache.get('k', load)).toBe('v2');
  });

  it('counts the TTL from the start of the lookup, so a slow answer is never served longer than the TTL after it was asked for', async () => {
    const { clock, cache } = cacheAt(1_000);
    let release: (v: string) => void = () => undefined;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = r)));
    clock.t += 900; // the storage call took 900 ms
    release('old');
    expect(await slow).toBe('old');
    clock.t += 100;
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('lets concurrent callers share one lookup', async () => {
    const { cache } = cacheAt(30_000);
    let loads = 0;
    const load = () => new Promise<string>((r) => setTimeout(() => r(`v${++loads}`), 5));
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', load)));
    expect(new Set(answers)).toEqual(new Set(['v1']));
    expect(loads).toBe(1);
  });

  it('does not keep a failed lookup: the next caller asks storage again', async () => {
    const { cache } = cacheAt(30_000);
    await expect(cache.get('k', async () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
    expect(await cache.get('k', async () => 'back')).toBe('back');
  });

  it('forgets a key on delete and everything on clear (a write in this instance is seen at once)', async () => {
    const { cache } = cacheAt(30_000);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    cache.delete('a');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
    expect(await cache.get('b', async () => 'b2')).toBe('b1');
    cache.clear();
    expect(await cache.get('b', async () => 'b3')).toBe('b3');
  });

  it('peeks only at fresh entries, and remembers a value set by a writer', async () => {
    const { clock, cache } = cacheAt(1_000);
    expect(cache.peek('k')).toBeUndefined();
    cache.set('k', 'written');
    expect(await cache.peek('k')).toBe('written');
    clock.t += 1_000;
    expect(cache.peek('k')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const { cache } = cacheAt(30_000, 2);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
    expect(await cache.get('c', async () => 'c2')).toBe('c1');
  });

  it('with a TTL of 0 caches nothing (the repositories default, as in their contract tests)', async () => {
    const { cache } = cacheAt(0);
    let loads = 0;
    await cache.get('k', async () => `v${++loads}`);
    await cache.get('k', async () => `v${++loads}`);
    expect(loads).toBe(2);
    cache.set('k', 'x');
    expect(cache.peek('k')).toBeUndefined();
  });
});
