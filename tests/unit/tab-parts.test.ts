import { describe, expect, it } from 'vitest';
import { markerOffsets, niceScale, SHAPES, sameLines } from '../../src/tab/chart';
import { yearFraction } from '../../src/tab/wheel-view';
import { identify } from '../../src/tab-api/identity';
import { defaultPeriod, monthRange } from '../../src/tab-api/trends';

describe('tab: pure parts', () => {
  it('lists every month of a period across a year end, and defaults to the twelve months up to now (Oslo)', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-03', '2026-02')).toEqual([]);
    // 31 Dec 23:30 UTC is already January in Oslo.
    expect(defaultPeriod(new Date('2025-12-31T23:30:00Z'))).toEqual({ from: '2025-02', to: '2026-01' });
  });

  it('places dates on the annual wheel from the top of the circle, leap years included', () => {
    expect(yearFraction('2026-01-01', 2026)).toBeCloseTo(0.5 / 365, 6);
    expect(yearFraction('2026-07-02', 2026)).toBeCloseTo(182.5 / 365, 6);
    expect(yearFraction('2024-12-31', 2024)).toBeCloseTo(365.5 / 366, 6);
  });

  it('gives the chart a round top and at most about five grid steps', () => {
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
    expect(niceScale(12)).toEqual({ top: 15, step: 5 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(230)).toEqual({ top: 250, step: 50 });
  });

  it('puts only whole numbers on the y axis of counts, however small the largest count', () => {
    for (let max = 0; max <= 40; max++) {
      const { top, step } = niceScale(max);
      expect(Number.isInteger(step) && step >= 1, `max ${max}`).toBe(true);
      expect(top % step, `max ${max}`).toBe(0);
      expect(top).toBeGreaterThanOrEqual(max);
    }
  });

  it('sets markers of the same count in the same month side by side, in series order, and leaves the others where they are', () => {
    const offsets = markerOffsets([{ counts: [0, 2, 5] }, { counts: [0, 2, 1] }, { counts: [0, 3, 5] }]);
    expect(offsets).toEqual([
      [-1, -0.5, -0.5],
      [0, 0.5, 0],
      [1, 0, 0.5],
    ]);
  });

  it('names the lines with the same count every month, never lines of zeros only, and gives eight lines eight marker shapes', () => {
    const line = (label: string, counts: number[]) => ({ id: label, label, counts, total: counts.reduce((a, b) => a + b, 0) });
    expect(sameLines([line('A', [0, 1]), line('B', [0, 1]), line('C', [1, 1]), line('D', [0, 0]), line('E', [0, 0])])).toEqual([['A', 'B']]);
    expect(new Set(SHAPES).size).toBe(8);
  });

  it('takes the development identity only in development mode, and never with a malformed tenant', async () => {
    const sso = { verify: async () => ({ ok: false as const, reason: 'signature' as const }) };
    const dev = { 'x-slt-dev-user': 'aad-kari', 'x-slt-dev-tenant': '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e' };
    expect(await identify({ devMode: true, tenantIds: [], sso }, dev)).toMatchObject({ ok: true, identity: { oid: 'aad-kari', via: 'dev' } });
    expect(await identify({ devMode: true, tenantIds: [], sso }, { ...dev, 'x-slt-dev-tenant': 'contoso' })).toEqual({ ok: false, reason: 'devIdentity' });
    expect(await identify({ devMode: true, tenantIds: ['0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a'], sso }, dev)).toEqual({ ok: false, reason: 'tenant' });
    expect(await identify({ devMode: false, tenantIds: [], sso }, dev)).toEqual({ ok: false, reason: 'devHeaderRefused' });
    expect(await identify({ devMode: false, tenantIds: [], sso }, { authorization: 'Bearer a.b.c' })).toEqual({ ok: false, reason: 'signature' });
  });
});
