import { z } from 'zod';
import { DEFAULT_CATEGORIES, type OffenceCategory, parseCategoryList } from './domain/police-stats/categories';

/** Comma-separated list → trimmed, non-empty entries. */
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An Entra id (app, tenant, object): a GUID, or unset. */
const entraId = (what: string) => z.string().trim().regex(guid, `must be a GUID (${what})`).optional();

const shape = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  STORAGE_CONNECTION_STRING: z.string().trim().min(1).optional(),
  MicrosoftAppId: entraId('the Entra app (client) id of the bot registration'),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: entraId('the tenant of the Entra app registration'),
  SLT_ADMINS: csv,
  SLT_TENANT_IDS: csv.pipe(z.array(z.string().regex(guid, 'must be tenant GUIDs'))),
  SLT_LOCALE_DEFAULT: z.enum(['nb', 'en']).default('nb'),
  SLT_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  SLT_TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter')
    .default('slt'),
  SLT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  SLT_SUPPRESS_BELOW: z.coerce.number().int().min(1).max(20).default(3),
  SLT_PUBLIC_URL: z.url().optional(),
  SLT_POLICE_CATEGORIES: z
    .string()
    .optional()
    .transform((spec, ctx) => {
      if (spec === undefined) return DEFAULT_CATEGORIES;
      const list = parseCategoryList(spec);
      if (list.ok) return list.categories;
      ctx.addIssue({ code: 'custom', message: `${list.problem} (for example «Vinning; Butikktyveri>Vinning; Vold»)` });
      return z.NEVER;
    }),
  SLT_CALENDAR: z.enum(['ics', 'graph']).default('ics'),
  SLT_GRAPH_TENANT_ID: entraId('the tenant whose calendars the bot writes to'),
  SLT_GRAPH_CLIENT_ID: entraId('the Entra app (client) id holding Calendars.ReadWrite'),
  SLT_GRAPH_CLIENT_SECRET: z.string().optional(),
  SLT_GRAPH_URL: httpsBase('https://graph.microsoft.com/v1.0'),
  SLT_LOGIN_URL: httpsBase('https://login.microsoftonline.com'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const schema = shape.superRefine((env, ctx) => {
  const prod = !!env.MicrosoftAppId;
  if (!prod) for (const issue of productionSettingsWithoutAppId(env)) ctx.addIssue({ code: 'custom', path: [issue.name], message: issue.message });
  // botbuilder treats a missing MicrosoftAppType as MultiTenant; this bot passes SingleTenant (see loadConfig).
  const appType = env.MicrosoftAppType ?? 'SingleTenant';
  if (prod && appType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
    ctx.addIssue({
      code: 'custom',
      path: ['MicrosoftAppTenantId'],
      message: `required when MicrosoftAppType is ${appType}${env.MicrosoftAppType ? '' : ' (the default)'}`,
    });
  }
  // In development mode ids come from whatever the local client (Playground, tests) sends; in production they are Entra object ids.
  const badAdmins = prod ? env.SLT_ADMINS.filter((id) => !guid.test(id)) : [];
  if (badAdmins.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLT_ADMINS'],
      message: `must be Entra object ids (GUIDs) when MicrosoftAppId is set, got ${badAdmins.map((id) => `"${id}"`).join(', ')}`,
    });
  }
  if (prod) {
    // Calendar links, download links and the tab's SSO audience api://<host>/<app id> are built from it.
    const problem = publicUrlProblem(env.SLT_PUBLIC_URL);
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['SLT_PUBLIC_URL'], message: `${problem} when MicrosoftAppId is set (e.g. https://slt-boten.azurewebsites.net)` });
  }
  if (prod && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required when MicrosoftAppId is set' });
  }
  if (prod && env.SLT_TENANT_IDS.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['SLT_TENANT_IDS'], message: 'required when MicrosoftAppId is set (which tenants may use the bot)' });
  }
  if (prod && env.SLT_CLOCK_START) {
    ctx.addIssue({ code: 'custom', path: ['SLT_CLOCK_START'], message: 'is allowed in development mode only' });
  }
  if (prod && !env.STORAGE_CONNECTION_STRING) {
    ctx.addIssue({ code: 'custom', path: ['STORAGE_CONNECTION_STRING'], message: 'required when MicrosoftAppId is set' });
  }
  if (env.SLT_CALENDAR === 'graph') for (const issue of graphIssues(env, prod)) ctx.addIssue({ code: 'custom', ...issue });
});

/** An https base URL without query or fragment, trailing slash dropped. */
function httpsBase(fallback: string) {
  return z
    .url()
    .refine((v) => v.startsWith('https://'), 'must be an https:// URL (MSAL and Graph calls go over TLS)')
    .refine((v) => !/[?#]/.test(v), 'must not carry a query or fragment')
    .default(fallback)
    .transform((v) => v.replace(/\/+$/, ''));
}

/**
 * What SLT_CALENDAR=graph needs: a tenant, an app id and a secret for the client-credentials
 * token. In production they default to the bot's own registration (MicrosoftApp*); in development
 * mode there is none, so they must be given. The tenant must be one the bot serves.
 */
function graphIssues(env: z.output<typeof shape>, prod: boolean): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  const need = (name: string, own: unknown, botsName: string, bots: unknown): void => {
    if (own || (prod && bots)) return;
    const why = prod ? `${botsName} is not set either` : `development mode has no ${botsName} to default to`;
    out.push({ path: [name], message: `required when SLT_CALENDAR=graph (${why})` });
  };
  need('SLT_GRAPH_TENANT_ID', env.SLT_GRAPH_TENANT_ID, 'MicrosoftAppTenantId', env.MicrosoftAppTenantId);
  need('SLT_GRAPH_CLIENT_ID', env.SLT_GRAPH_CLIENT_ID, 'MicrosoftAppId', env.MicrosoftAppId);
  need('SLT_GRAPH_CLIENT_SECRET', env.SLT_GRAPH_CLIENT_SECRET, 'MicrosoftAppPassword', env.MicrosoftAppPassword);
  const tenant = (env.SLT_GRAPH_TENANT_ID ?? env.MicrosoftAppTenantId ?? '').toLowerCase();
  if (prod && tenant && !env.SLT_TENANT_IDS.some((t) => t.toLowerCase() === tenant)) {
    out.push({ path: ['SLT_GRAPH_TENANT_ID'], message: `the calendars' tenant ${tenant} must be one of SLT_TENANT_IDS` });
  }
  return out;
}

/**
 * Development mode (no token check) must never start by accident: a deployment that sets
 * production settings but lost MicrosoftAppId would otherwise run open. Each production setting
 * present without an app id is named.
 */
function productionSettingsWithoutAppId(env: {
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: string;
  SLT_TENANT_IDS: readonly string[];
  SLT_PUBLIC_URL?: string;
  STORAGE_CONNECTION_STRING?: string;
}): { name: string; message: string }[] {
  const found: { name: string; what: string }[] = [];
  if (env.MicrosoftAppPassword) found.push({ name: 'MicrosoftAppPassword', what: 'is set' });
  if (env.MicrosoftAppTenantId) found.push({ name: 'MicrosoftAppTenantId', what: 'is set' });
  if (env.MicrosoftAppType) found.push({ name: 'MicrosoftAppType', what: 'is set' });
  if (env.SLT_TENANT_IDS.length > 0) found.push({ name: 'SLT_TENANT_IDS', what: 'is set' });
  if (env.SLT_PUBLIC_URL && /^https:/i.test(env.SLT_PUBLIC_URL)) found.push({ name: 'SLT_PUBLIC_URL', what: 'is an https address' });
  if (env.STORAGE_CONNECTION_STRING && !isLocalEmulator(env.STORAGE_CONNECTION_STRING)) {
    found.push({ name: 'STORAGE_CONNECTION_STRING', what: 'names a storage account other than the local emulator (Azurite)' });
  }
  return found.map(({ name, what }) => ({
    name,
    message:
      `${what}, but MicrosoftAppId is empty: that would start development mode (no authentication) with a production setting. ` +
      `Set MicrosoftAppId for production, or remove ${name} to develop on this machine`,
  }));
}

/**
 * The local storage emulator: `UseDevelopmentStorage=true`, its well-known account
 * `devstoreaccount1` (whose key is public, so it is never a real account), or a table endpoint
 * on this machine.
 */
export function isLocalEmulator(connectionString: string): boolean {
  const parts = new Map(
    connectionString
      .split(';')
      .map((p) => p.split('='))
      .filter((kv) => kv.length >= 2)
      .map(([k, ...v]) => [k!.trim().toLowerCase(), v.join('=').trim()] as const),
  );
  if (parts.get('usedevelopmentstorage')?.toLowerCase() === 'true') return true;
  if (parts.get('accountname') === 'devstoreaccount1') return true;
  const endpoint = parts.get('tableendpoint');
  if (!endpoint || !URL.canParse(endpoint)) return false;
  return LOOPBACK_HOSTS.has(new URL(endpoint).hostname.toLowerCase());
}

/** Host names that reach this machine only. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Why a production SLT_PUBLIC_URL is unusable, or undefined when it is fine: https, a host, nothing after it. */
function publicUrlProblem(value: string | undefined): string | undefined {
  if (!value) return 'required';
  if (!URL.canParse(value)) return undefined; // z.url() reports it
  const url = new URL(value);
  if (url.protocol !== 'https:') return `must be an https:// URL, got "${value}"`;
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return `must be the bare https://<host> the bot is served at (no path, query or credentials), got "${value}"`;
  }
  return undefined;
}

/** The bot's whole configuration, read once at start. Nothing else reads `process.env`. */
export interface Config {
  readonly port: number;
  /** Development mode: no MicrosoftAppId → no JWT check, loopback only. */
  readonly devMode: boolean;
  readonly host: string;
  readonly storageConnectionString?: string;
  readonly tablePrefix: string;
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    readonly appTenantId: string;
  };
  readonly admins: readonly string[];
  readonly tenantIds: readonly string[];
  readonly defaultLocale: 'nb' | 'en';
  readonly clockStart?: string;
  readonly retentionMonths: number;
  /** In digest breakdowns by two dimensions, counts from 1 to this − 1 are shown as "<n" (1 = none suppressed). */
  readonly suppressBelow: number;
  /** Public base URL, no trailing slash (links such as .ics downloads, the tab's SSO audience); required and https in production, the local address in development mode. */
  readonly publicUrl: string;
  /** The police's offence types, subcategories naming their main type (SLT_POLICE_CATEGORIES; default Tabell 2's). */
  readonly policeCategories: readonly OffenceCategory[];
  /** Where meetings go: `.ics` downloads on the cards, or Outlook invitations through Microsoft Graph (docs/calendar.md). */
  readonly calendar: CalendarConfig;
  readonly logLevel: string;
}

/** SLT_CALENDAR and the Graph settings it needs. */
export type CalendarConfig =
  | { readonly mode: 'ics' }
  | {
      readonly mode: 'graph';
      /** The tenant whose mailboxes get the events; meetings of other tenants keep the `.ics` download. */
      readonly tenantId: string;
      readonly clientId: string;
      readonly clientSecret: string;
      /** Graph base URL without trailing slash, e.g. https://graph.microsoft.com/v1.0. */
      readonly graphUrl: string;
      /** Entra login host, e.g. https://login.microsoftonline.com. */
      readonly loginUrl: string;
    };

/** Thrown with every offending variable named, so start-up fails with a useful message. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Ugyldig konfigurasjon / invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Turns an environment into a frozen Config, or throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset: shells and .env files often export `X=`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const e = parsed.data;
  const devMode = !e.MicrosoftAppId;
  const host = devMode ? '127.0.0.1' : '0.0.0.0';
  return Object.freeze({
    port: e.PORT,
    devMode,
    host,
    storageConnectionString: e.STORAGE_CONNECTION_STRING,
    tablePrefix: e.SLT_TABLE_PREFIX,
    bot: Object.freeze({
      appId: e.MicrosoftAppId ?? '',
      appPassword: e.MicrosoftAppPassword ?? '',
      appType: e.MicrosoftAppType ?? 'SingleTenant',
      appTenantId: e.MicrosoftAppTenantId ?? '',
    }),
    // Teams and Entra write GUIDs in lower case, and the tenant gate, role lookups and table keys compare exactly.
    admins: Object.freeze(e.SLT_ADMINS.map((id) => (guid.test(id) ? id.toLowerCase() : id))),
    tenantIds: Object.freeze(e.SLT_TENANT_IDS.map((id) => id.toLowerCase())),
    defaultLocale: e.SLT_LOCALE_DEFAULT,
    clockStart: e.SLT_CLOCK_START,
    retentionMonths: e.SLT_RETENTION_MONTHS,
    suppressBelow: e.SLT_SUPPRESS_BELOW,
    publicUrl: (e.SLT_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    policeCategories: Object.freeze(e.SLT_POLICE_CATEGORIES),
    calendar: Object.freeze(
      e.SLT_CALENDAR === 'graph'
        ? {
            mode: 'graph' as const,
            // Present: graphIssues refused the configuration otherwise.
            tenantId: (e.SLT_GRAPH_TENANT_ID ?? e.MicrosoftAppTenantId ?? '').toLowerCase(),
            clientId: e.SLT_GRAPH_CLIENT_ID ?? e.MicrosoftAppId ?? '',
            clientSecret: e.SLT_GRAPH_CLIENT_SECRET ?? e.MicrosoftAppPassword ?? '',
            graphUrl: e.SLT_GRAPH_URL,
            loginUrl: e.SLT_LOGIN_URL,
          }
        : { mode: 'ics' as const },
    ),
    logLevel: e.LOG_LEVEL,
  });
}
