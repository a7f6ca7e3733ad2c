import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { TABLE_NAMES } from '../../src/storage/tables';

/**
 * infra/main.bicep read as text (no Bicep CLI in this workspace, see infra/README.md): the tables
 * it creates and the settings it gives the web app must be the ones the code needs.
 */
const BICEP = fs.readFileSync(path.resolve(__dirname, '../../infra/main.bicep'), 'utf8');

/** The text of a bracketed block that starts right after `opening` (which ends with `[` or `{`). */
function blockAfter(opening: string): string {
  const start = BICEP.indexOf(opening);
  expect(start, `main.bicep has "${opening}"`).toBeGreaterThanOrEqual(0);
  const open = BICEP[start + opening.length - 1]!;
  const close = open === '[' ? ']' : '}';
  let depth = 1;
  for (let i = start + opening.length; i < BICEP.length; i++) {
    if (BICEP[i] === open) depth++;
    else if (BICEP[i] === close && --depth === 0) return BICEP.slice(start + opening.length, i);
  }
  throw new Error(`unbalanced block after "${opening}"`);
}

/** A parameter's default or a variable's value, as written (one line). */
function declared(name: string): string {
  const m = new RegExp(`^(?:param ${name} \\S+|var ${name}) = (.+)$`, 'm').exec(BICEP);
  expect(m, `main.bicep declares ${name}`).not.toBeNull();
  return m![1]!.trim();
}

/** A string expression with `${name}` references to other params/vars resolved where they are plain strings. */
function resolve(expression: string, depth = 0): string {
  if (depth > 5) return expression;
  if (/^[A-Za-z_]\w*$/.test(expression)) return resolve(declared(expression), depth + 1);
  const literal = /^'(.*)'$/.exec(expression);
  if (!literal) return `<${expression}>`;
  return literal[1]!.replace(/\$\{([A-Za-z_]\w*)\}/g, (_, ref: string) => resolve(declared(ref), depth + 1));
}

/** The web app's app settings: name → value expression. */
function appSettings(): Map<string, string> {
  const block = blockAfter('appSettings: [');
  const settings = new Map<string, string>();
  for (const m of block.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*(.+)/g)) settings.set(m[1]!, m[2]!.trim());
  return settings;
}

describe('infra/main.bicep', () => {
  it('creates every table of TABLE_NAMES under the default prefix, and no other', () => {
    const listed = [...blockAfter('var tableNames = [').matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const tables = blockAfter("resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [");
    expect(tables).toMatch(/for table in tableNames:/);
    const nameExpression = /name:\s*(.+)/.exec(tables)![1]!.trim();
    const prefix = resolve(declared('tablePrefix'));
    const created = listed.map((table) => resolve(nameExpression.replace('${table}', table)));
    const defaultPrefix = loadConfig({}).tablePrefix;
    expect(prefix).toBe(defaultPrefix);
    expect(created.sort()).toEqual(TABLE_NAMES.map((n) => `${defaultPrefix}${n}`).sort());
    // The app is told the same prefix the tables were created with.
    expect(appSettings().get('SLT_TABLE_PREFIX')).toBe('tablePrefix');
    // Azure table names: letters and digits, starting with a letter, 3–63 characters.
    for (const name of created) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]{2,62}$/);
  });

  it('sets every variable the production configuration requires in the web app settings', () => {
    const settings = appSettings();
    const appType = resolve(settings.get('MicrosoftAppType') ?? "''");
    // What production refuses to start without, asked of the configuration itself.
    let required: string[] = [];
    try {
      loadConfig({ MicrosoftAppId: '0f1e2d3c-0000-4000-8000-000000000abc', MicrosoftAppType: appType });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      required = (err as ConfigError).issues.map((issue) => issue.split(':')[0]!);
    }
    expect(required).toEqual(
      expect.arrayContaining(['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'SLT_TENANT_IDS', 'STORAGE_CONNECTION_STRING', 'SLT_PUBLIC_URL']),
    );
    for (const name of ['MicrosoftAppId', ...required]) {
      expect(settings.has(name), `${name} in appSettings`).toBe(true);
      expect(settings.get(name), name).not.toBe("''");
    }
    expect(appType).toBe('SingleTenant');
    expect(BICEP).toMatch(new RegExp(`msaAppType: '${appType}'`));
  });

  it('gives the web app its own https address as SLT_PUBLIC_URL and the same host as BOT_DOMAIN', () => {
    const settings = appSettings();
    const publicUrl = resolve(settings.get('SLT_PUBLIC_URL')!);
    expect(publicUrl).toBe(`https://${resolve('webAppName')}.azurewebsites.net`);
    const botDomain = /^output botDomain string = (\S+)$/m.exec(BICEP)![1]!;
    expect(`https://${resolve(botDomain)}`).toBe(publicUrl);
  });

  it('passes the calendar settings to the app: .ics unless the deployment asks for Outlook invitations, the Graph secret kept secure', () => {
    const settings = appSettings();
    expect(
      Object.fromEntries(['SLT_CALENDAR', 'SLT_GRAPH_TENANT_ID', 'SLT_GRAPH_CLIENT_ID', 'SLT_GRAPH_CLIENT_SECRET'].map((n) => [n, settings.get(n)])),
    ).toEqual({
      SLT_CALENDAR: 'sltCalendar',
      SLT_GRAPH_TENANT_ID: 'graphTenantId',
      SLT_GRAPH_CLIENT_ID: 'graphClientId',
      SLT_GRAPH_CLIENT_SECRET: 'graphClientSecret',
    });
    expect(BICEP).toMatch(/^param sltCalendar string = 'ics'$/m);
    expect(BICEP).toMatch(/@secure\(\)\nparam graphClientSecret string = ''/);
    // Empty Graph settings fall back to the bot's own registration, which production has.
    const prod = {
      MicrosoftAppId: '0f1e2d3c-0000-4000-8000-000000000abc',
      MicrosoftAppPassword: 'x',
      MicrosoftAppTenantId: '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e',
    };
    const c = loadConfig({
      ...prod,
      SLT_TENANT_IDS: prod.MicrosoftAppTenantId,
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      SLT_PUBLIC_URL: 'https://slt.example.no',
      SLT_CALENDAR: 'graph',
      SLT_GRAPH_TENANT_ID: '',
      SLT_GRAPH_CLIENT_ID: '',
      SLT_GRAPH_CLIENT_SECRET: '',
    });
    expect(c.calendar).toMatchObject({ mode: 'graph', tenantId: prod.MicrosoftAppTenantId, clientId: prod.MicrosoftAppId });
  });
});
