import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const TENANT = '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e';
const APP_ID = '0f1e2d3c-0000-4000-8000-000000000abc';
const ADMIN = '8c2d4e6f-1a3b-4c5d-9e8f-7a6b5c4d3e2f';
const PROD = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'hemmelig',
  MicrosoftAppTenantId: TENANT,
  SLT_TENANT_IDS: TENANT,
  STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  SLT_PUBLIC_URL: 'https://slt-boten.example.no',
};

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
    expect(c).toMatchObject({
      devMode: true,
      host: '127.0.0.1',
      port: 3978,
      defaultLocale: 'nb',
      admins: [],
      tenantIds: [],
      tablePrefix: 'slt',
      retentionMonths: 24,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('turns on production mode with MicrosoftAppId and listens on all interfaces', () => {
    const c = loadConfig(PROD);
    expect(c.devMode).toBe(false);
    expect(c.host).toBe('0.0.0.0');
    expect(c.tenantIds).toEqual([TENANT]);
  });

  it('splits SLT_ADMINS and SLT_TENANT_IDS on commas and ignores blanks', () => {
    expect(loadConfig({ SLT_ADMINS: ' a1 , ,b2,' }).admins).toEqual(['a1', 'b2']);
    expect(loadConfig({ ...PROD, SLT_TENANT_IDS: ` ${TENANT}, ,` }).tenantIds).toEqual([TENANT]);
    expect(loadConfig({ ...PROD, SLT_ADMINS: ` ${ADMIN} ,` }).admins).toEqual([ADMIN]);
  });

  it('writes tenant and admin GUIDs in lower case, as Teams sends them (the tenant gate compares exactly)', () => {
    const c = loadConfig({ ...PROD, SLT_TENANT_IDS: TENANT.toUpperCase(), SLT_ADMINS: ADMIN.toUpperCase() });
    expect(c.tenantIds).toEqual([TENANT]);
    expect(c.admins).toEqual([ADMIN]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '' }).devMode).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SLT_LOCALE_DEFAULT: 'sv' }, 'SLT_LOCALE_DEFAULT'],
    [{ ...PROD, SLT_TENANT_IDS: 'not-a-guid' }, 'SLT_TENANT_IDS'],
    [{ SLT_CLOCK_START: 'i morgen' }, 'SLT_CLOCK_START'],
    [{ MicrosoftAppType: 'Whatever' }, 'MicrosoftAppType'],
    [{ ...PROD, MicrosoftAppId: 'slt-boten' }, 'MicrosoftAppId'],
    [{ ...PROD, MicrosoftAppTenantId: 'contoso.onmicrosoft.com' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppTenantId: 'not-a-guid' }, 'MicrosoftAppTenantId'],
    [{ ...PROD, SLT_TENANT_IDS: `${TENANT},tenant-b` }, 'SLT_TENANT_IDS'],
    [{ ...PROD, SLT_ADMINS: `${ADMIN},aad-kari` }, 'SLT_ADMINS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops start-up naming the bad variable: %o', (env, name) => {
    expect(errorOf(env)).toContain(name);
  });

  it('requires a password, tenants, storage, the app tenant and the public URL once an app id is set', () => {
    const message = errorOf({ MicrosoftAppId: PROD.MicrosoftAppId });
    expect(message).toContain('MicrosoftAppPassword');
    expect(message).toContain('SLT_TENANT_IDS');
    expect(message).toContain('STORAGE_CONNECTION_STRING');
    expect(message).toContain('MicrosoftAppTenantId');
    expect(message).toContain('SLT_PUBLIC_URL');
  });

  it('requires SLT_PUBLIC_URL in production as a bare https origin, and keeps the local default in development mode', () => {
    const { SLT_PUBLIC_URL: _, ...withoutUrl } = PROD;
    expect(errorOf(withoutUrl)).toMatch(/SLT_PUBLIC_URL: required/);
    for (const bad of [
      'http://slt-boten.example.no',
      'https://slt-boten.example.no/bot',
      'https://slt-boten.example.no/?a=1',
      'https://kari:pw@slt-boten.example.no',
    ]) {
      expect(errorOf({ ...PROD, SLT_PUBLIC_URL: bad }), bad).toContain('SLT_PUBLIC_URL');
    }
    expect(errorOf({ ...PROD, SLT_PUBLIC_URL: 'slt-boten.example.no' })).toContain('SLT_PUBLIC_URL');
    expect(loadConfig({ ...PROD, SLT_PUBLIC_URL: 'https://slt-boten.example.no/' }).publicUrl).toBe('https://slt-boten.example.no');
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(loadConfig({ SLT_PUBLIC_URL: 'http://127.0.0.1:3978' }).publicUrl).toBe('http://127.0.0.1:3978');
  });

  it('requires MicrosoftAppTenantId for SingleTenant (the default) and UserAssignedMSI, not for MultiTenant', () => {
    const { MicrosoftAppTenantId: _, ...withoutTenant } = PROD;
    expect(errorOf(withoutTenant)).toMatch(/MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant \(the default\)/);
    expect(errorOf({ ...withoutTenant, MicrosoftAppType: 'SingleTenant' })).toContain('MicrosoftAppTenantId');
    expect(errorOf({ ...withoutTenant, MicrosoftAppType: 'UserAssignedMSI' })).toContain('MicrosoftAppTenantId');
    expect(loadConfig({ ...withoutTenant, MicrosoftAppType: 'MultiTenant' }).bot.appType).toBe('MultiTenant');
    expect(loadConfig(PROD).bot).toMatchObject({ appId: APP_ID, appTenantId: TENANT, appType: 'SingleTenant' });
  });

  it('takes SLT_ADMINS as given in development mode (the Playground and tests send made-up ids) but only GUIDs in production', () => {
    expect(loadConfig({ SLT_ADMINS: 'aad-kari' }).admins).toEqual(['aad-kari']);
    expect(errorOf({ ...PROD, SLT_ADMINS: 'aad-kari' })).toMatch(/SLT_ADMINS: .*"aad-kari"/);
  });

  it('allows SLT_CLOCK_START only in development mode', () => {
    expect(loadConfig({ SLT_CLOCK_START: '2026-12-01T06:59:00Z' }).clockStart).toBe('2026-12-01T06:59:00Z');
    expect(errorOf({ ...PROD, SLT_CLOCK_START: '2026-12-01T06:59:00Z' })).toContain('SLT_CLOCK_START');
  });

  describe('calendar (SLT_CALENDAR)', () => {
    const GRAPH_APP = '3f9a1c2e-7b4d-4e8f-a1c3-5d7e9f0b2a4c';
    const DEV_GRAPH = { SLT_CALENDAR: 'graph', SLT_GRAPH_TENANT_ID: TENANT, SLT_GRAPH_CLIENT_ID: GRAPH_APP, SLT_GRAPH_CLIENT_SECRET: 's' };

    it('is the .ics download unless asked otherwise: a newcomer needs nothing', () => {
      expect(loadConfig({}).calendar).toEqual({ mode: 'ics' });
      expect(loadConfig(PROD).calendar).toEqual({ mode: 'ics' });
    });

    it('in production takes the bot’s own registration for Graph, pointing at Microsoft', () => {
      expect(loadConfig({ ...PROD, SLT_CALENDAR: 'graph' }).calendar).toEqual({
        mode: 'graph',
        tenantId: TENANT,
        clientId: APP_ID,
        clientSecret: 'hemmelig',
        graphUrl: 'https://graph.microsoft.com/v1.0',
        loginUrl: 'https://login.microsoftonline.com',
      });
    });

    it('in development mode needs tenant, app and secret given, and takes local fakes over https', () => {
      const message = errorOf({ SLT_CALENDAR: 'graph' });
      for (const name of ['SLT_GRAPH_TENANT_ID', 'SLT_GRAPH_CLIENT_ID', 'SLT_GRAPH_CLIENT_SECRET'])
        expect(message).toContain(`${name}: required when SLT_CALENDAR=graph`);
      const c = loadConfig({ ...DEV_GRAPH, SLT_GRAPH_URL: 'https://127.0.0.1:8443/v1.0/', SLT_LOGIN_URL: 'https://127.0.0.1:8443' });
      expect(c.calendar).toMatchObject({ mode: 'graph', clientId: GRAPH_APP, graphUrl: 'https://127.0.0.1:8443/v1.0', loginUrl: 'https://127.0.0.1:8443' });
    });

    it.each([
      [{ SLT_CALENDAR: 'outlook' }, 'SLT_CALENDAR'],
      [{ ...DEV_GRAPH, SLT_GRAPH_URL: 'http://127.0.0.1:8080/v1.0' }, 'SLT_GRAPH_URL'],
      [{ ...DEV_GRAPH, SLT_LOGIN_URL: 'https://login.example/?x=1' }, 'SLT_LOGIN_URL'],
      [{ ...DEV_GRAPH, SLT_GRAPH_CLIENT_ID: 'slt-boten' }, 'SLT_GRAPH_CLIENT_ID'],
      [{ ...PROD, SLT_CALENDAR: 'graph', SLT_GRAPH_TENANT_ID: '8c2d4e6f-0000-4c5d-9e8f-7a6b5c4d3e2f' }, 'must be one of SLT_TENANT_IDS'],
      [{ ...PROD, SLT_CALENDAR: 'graph', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '' }, 'SLT_GRAPH_CLIENT_SECRET'],
    ])('refuses a calendar setting that cannot work: %o', (env, expected) => {
      expect(errorOf(env)).toContain(expected);
    });
  });

  describe('never development mode by accident', () => {
    const { MicrosoftAppId: _, ...withoutAppId } = PROD;
    const AZURE = 'DefaultEndpointsProtocol=https;AccountName=sltkommune;AccountKey=a2V5;EndpointSuffix=core.windows.net';

    it.each([
      ['MicrosoftAppPassword', { MicrosoftAppPassword: 'hemmelig' }],
      ['SLT_TENANT_IDS', { SLT_TENANT_IDS: TENANT }],
      ['SLT_PUBLIC_URL', { SLT_PUBLIC_URL: 'https://slt-boten.example.no' }],
      ['STORAGE_CONNECTION_STRING', { STORAGE_CONNECTION_STRING: AZURE }],
      [
        'STORAGE_CONNECTION_STRING',
        { STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=slt;AccountKey=a2V5;TableEndpoint=https://slt.table.core.windows.net/' },
      ],
      ['MicrosoftAppTenantId', { MicrosoftAppTenantId: TENANT }],
      ['MicrosoftAppType', { MicrosoftAppType: 'SingleTenant' }],
    ])('refuses to start without MicrosoftAppId when %s is a production setting', (name, env) => {
      const message = errorOf(env);
      expect(message).toContain(`${name}: `);
      expect(message).toContain('MicrosoftAppId is empty');
    });

    it('names every production setting of a deployment that lost only its app id', () => {
      const message = errorOf({ ...withoutAppId, STORAGE_CONNECTION_STRING: AZURE });
      for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'SLT_TENANT_IDS', 'SLT_PUBLIC_URL', 'STORAGE_CONNECTION_STRING'])
        expect(message).toContain(name);
    });

    it('starts development mode with the local emulator and a local address, as npm start and the tests do', () => {
      for (const storage of [
        'UseDevelopmentStorage=true',
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;',
        'DefaultEndpointsProtocol=http;AccountName=other;AccountKey=a2V5;TableEndpoint=http://localhost:10002/other;',
      ]) {
        expect(loadConfig({ STORAGE_CONNECTION_STRING: storage, SLT_PUBLIC_URL: 'http://localhost:3978' }).devMode, storage).toBe(true);
      }
    });
  });
});
