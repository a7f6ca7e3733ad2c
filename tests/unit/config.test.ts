import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const TENANT = '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e';
const PROD = { MicrosoftAppId: '0f1e2d3c-0000-4000-8000-000000000abc', MicrosoftAppPassword: 'hemmelig', SLT_TENANT_IDS: TENANT, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('defaults to development mode on 127.0.0.1:3978, Norwegian, no admins', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ devMode: true, host: '127.0.0.1', port: 3978, defaultLocale: 'nb', admins: [], tenantIds: [], tablePrefix: 'slt', retentionMonths: 24 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('turns on production mode with MicrosoftAppId and listens on all interfaces', () => {
    const c = loadConfig(PROD);
    expect(c.devMode).toBe(false);
    expect(c.host).toBe('0.0.0.0');
    expect(c.tenantIds).toEqual([TENANT]);
  });

  it('splits SLT_ADMINS and SLT_TENANT_IDS on commas and ignores blanks', () => {
    const c = loadConfig({ SLT_ADMINS: ' a1 , ,b2,', SLT_TENANT_IDS: `${TENANT},` });
    expect(c.admins).toEqual(['a1', 'b2']);
    expect(c.tenantIds).toEqual([TENANT]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '' }).devMode).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SLT_LOCALE_DEFAULT: 'sv' }, 'SLT_LOCALE_DEFAULT'],
    [{ SLT_TENANT_IDS: 'not-a-guid' }, 'SLT_TENANT_IDS'],
    [{ SLT_CLOCK_START: 'i morgen' }, 'SLT_CLOCK_START'],
    [{ MicrosoftAppType: 'Whatever' }, 'MicrosoftAppType'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops start-up naming the bad variable: %o', (env, name) => {
    expect(errorOf(env)).toContain(name);
  });

  it('requires a password, tenants and storage once an app id is set', () => {
    const message = errorOf({ MicrosoftAppId: PROD.MicrosoftAppId });
    expect(message).toContain('MicrosoftAppPassword');
    expect(message).toContain('SLT_TENANT_IDS');
    expect(message).toContain('STORAGE_CONNECTION_STRING');
  });

  it('allows SLT_CLOCK_START only in development mode', () => {
    expect(loadConfig({ SLT_CLOCK_START: '2026-12-01T06:59:00Z' }).clockStart).toBe('2026-12-01T06:59:00Z');
    expect(errorOf({ ...PROD, SLT_CLOCK_START: '2026-12-01T06:59:00Z' })).toContain('SLT_CLOCK_START');
  });
});
