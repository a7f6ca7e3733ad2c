import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/main';
import { ManualClock, startingClock, systemClock } from '../../src/clock';
import { ConfigError, loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';

const START = '2026-12-01T06:59:00Z';
const PROD = {
  MicrosoftAppId: '0f1e2d3c-0000-4000-8000-000000000abc',
  MicrosoftAppPassword: 'hemmelig',
  MicrosoftAppTenantId: '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e',
  SLT_TENANT_IDS: '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e',
  STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  SLT_PUBLIC_URL: 'https://slt-boten.example.no',
};

describe('startingClock (SLT_CLOCK_START)', () => {
  it('starts at the given instant and then moves exactly as real time does', () => {
    const real = new ManualClock('2026-03-15T12:00:00Z');
    const clock = startingClock(START, real);
    expect(clock.now().toISOString()).toBe('2026-12-01T06:59:00.000Z');
    real.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-12-01T07:00:30.000Z');
    real.advance(24 * 3600_000); // across a day: no drift, no jump
    expect(clock.now().toISOString()).toBe('2026-12-02T07:00:30.000Z');
  });

  it('runs forward on the system clock from the given instant', async () => {
    const clock = startingClock(START);
    const first = clock.now().getTime();
    expect(first - Date.parse(START)).toBeGreaterThanOrEqual(0);
    expect(first - Date.parse(START)).toBeLessThan(1_000);
    const before = systemClock.now().getTime();
    await new Promise((r) => setTimeout(r, 60));
    const elapsedReal = systemClock.now().getTime() - before;
    const elapsedShifted = clock.now().getTime() - first;
    expect(elapsedShifted).toBeGreaterThanOrEqual(50);
    expect(Math.abs(elapsedShifted - elapsedReal)).toBeLessThan(50);
  });

  it('is what the bot runs on in development mode when SLT_CLOCK_START is set', async () => {
    const config = loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', SLT_CLOCK_START: START, LOG_LEVEL: 'silent' });
    // Built, not started: no storage or port is touched.
    const app = createApp(config, { log: createLogger('silent'), loops: false });
    const now = app.services.clock.now().getTime();
    expect(now - Date.parse(START)).toBeGreaterThanOrEqual(0);
    expect(now - Date.parse(START)).toBeLessThan(5_000);
    const plain = createApp(loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', LOG_LEVEL: 'silent' }), {
      log: createLogger('silent'),
      loops: false,
    });
    expect(Math.abs(plain.services.clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('is refused outside development mode: start-up stops naming SLT_CLOCK_START', () => {
    expect(() => loadConfig({ ...PROD, SLT_CLOCK_START: START })).toThrow(ConfigError);
    expect(() => loadConfig({ ...PROD, SLT_CLOCK_START: START })).toThrow(/SLT_CLOCK_START: is allowed in development mode only/);
    expect(loadConfig(PROD).clockStart).toBeUndefined();
  });
});
