/**
 * Builds the Teams app package `dist/appPackage/slt-boten.zip` (run: `npm run package`).
 *
 * appPackage/manifest.json (and its localization files) hold `{{NAME}}` placeholders that are
 * filled from the environment; see {@link VARIABLES}. BOT_DOMAIN defaults to the host of
 * SLT_PUBLIC_URL (the bot's own setting), so the tab's SSO resource is the audience the bot
 * accepts. The filled manifest is validated offline against the schema bundled in
 * `@microsoft/app-manifest`, then zipped with the icons.
 *
 * This is a build tool, not the bot: reading `process.env` here is deliberate.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import { repoRoot } from '../src/paths';

/** Every placeholder the package files use, and what to put there. */
export const VARIABLES: Readonly<Record<string, string>> = {
  MicrosoftAppId: 'Entra app (client) id of the bot registration; also the Teams app id (GUID)',
  BOT_DOMAIN:
    'host name of the web app, without https:// (e.g. slt-boten.azurewebsites.net); defaults to the host of SLT_PUBLIC_URL, and must equal it when both are set',
  APP_VERSION: 'app version shown in Teams (semver); defaults to package.json "version"',
  DEVELOPER_NAME: 'publisher shown in Teams, at most 32 characters (e.g. Bærum kommune)',
  DEVELOPER_WEBSITE_URL: 'https URL of the support/information page',
  DEVELOPER_PRIVACY_URL: 'https URL of the privacy statement (personvernerklæring)',
  DEVELOPER_TERMS_URL: 'https URL of the terms of use (vilkår for bruk)',
};

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export type Variables = Readonly<Record<string, string | undefined>>;

/** Thrown when placeholders have no value; `names` lists every one of them. */
export class MissingVariablesError extends Error {
  constructor(readonly names: readonly string[]) {
    super(
      `Missing environment variable(s) for the app package: ${names.join(', ')}\n` +
        names.map((n) => `  ${n}: ${VARIABLES[n] ?? '(undocumented placeholder)'}`).join('\n'),
    );
    this.name = 'MissingVariablesError';
  }
}

/** Walks a JSON value and calls `visit` for every string in it (keys excluded). */
function mapStrings(value: unknown, visit: (s: string) => string): unknown {
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, visit));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, visit)]));
  }
  return value;
}

/** Names of all `{{placeholders}}` left in a JSON value, sorted and without duplicates. */
export function findPlaceholders(value: unknown): string[] {
  const names = new Set<string>();
  mapStrings(value, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) names.add(m[1]!);
    return s;
  });
  return [...names].sort();
}

/**
 * Returns a copy of a parsed JSON value with every `{{NAME}}` replaced by `vars[NAME]`.
 * Works on parsed strings, so values need no JSON escaping. Empty values count as missing.
 * @throws MissingVariablesError naming all placeholders without a value.
 */
export function fillPlaceholders<T>(value: T, vars: Variables): T {
  const missing = findPlaceholders(value).filter((n) => !vars[n]?.trim());
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return mapStrings(value, (s) => s.replace(PLACEHOLDER, (_, n: string) => vars[n]!.trim())) as T;
}

/** Checks that the values have the shape Teams needs; returns readable problems. */
export function checkVariables(vars: Variables): string[] {
  const problems: string[] = [];
  const appId = vars.MicrosoftAppId?.trim();
  if (appId && !GUID.test(appId)) problems.push(`MicrosoftAppId must be a GUID, got "${appId}"`);
  const domain = vars.BOT_DOMAIN?.trim();
  if (domain && !HOST.test(domain)) {
    problems.push(`BOT_DOMAIN must be a bare host name (no https://, no path), got "${domain}"`);
  }
  const version = vars.APP_VERSION?.trim();
  if (version && !/^\d+\.\d+\.\d+$/.test(version)) problems.push(`APP_VERSION must look like 1.2.3, got "${version}"`);
  for (const name of ['DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL']) {
    const url = vars[name]?.trim();
    if (url && !/^https:\/\/\S+$/.test(url)) problems.push(`${name} must be an https:// URL, got "${url}"`);
  }
  return problems;
}

/**
 * Fills BOT_DOMAIN from SLT_PUBLIC_URL when it is not given, so the manifest's SSO resource
 * `api://{{BOT_DOMAIN}}/{{MicrosoftAppId}}` is the audience the server accepts (the host of
 * SLT_PUBLIC_URL, see `ssoAudiences`); when both are given and differ, that is a problem: the tab's
 * sign-in would fail in Teams with nothing pointing at the cause.
 */
export function withBotDomain(vars: Variables): { vars: Variables; problems: string[] } {
  const publicUrl = vars.SLT_PUBLIC_URL?.trim();
  const given = vars.BOT_DOMAIN?.trim();
  if (!publicUrl) return { vars, problems: [] };
  if (!URL.canParse(publicUrl) || new URL(publicUrl).protocol !== 'https:') {
    return { vars, problems: [`SLT_PUBLIC_URL must be the bot's https:// address, got "${publicUrl}"`] };
  }
  const host = new URL(publicUrl).host;
  if (!given) return { vars: { ...vars, BOT_DOMAIN: host }, problems: [] };
  if (given.toLowerCase() !== host.toLowerCase()) {
    return {
      vars,
      problems: [
        `BOT_DOMAIN "${given}" differs from the host of SLT_PUBLIC_URL "${host}": the tab's SSO resource api://${given}/… would not be the audience the bot accepts (api://${host}/…); leave BOT_DOMAIN unset or make them equal`,
      ],
    };
  }
  return { vars, problems: [] };
}

const SCHEMA_FILES = { manifest: 'MicrosoftTeams.schema.json', localization: 'MicrosoftTeams.Localization.schema.json' };

/** Path of a schema bundled in `@microsoft/app-manifest` for a manifest version (e.g. "1.30"). */
export function bundledSchemaPath(manifestVersion: string, kind: keyof typeof SCHEMA_FILES): string {
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(pkg, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, SCHEMA_FILES[kind]);
}

/**
 * Loads a bundled schema. Never goes online: `AppManifestUtils.fetchSchema` would download
 * an unknown version, and this build must work offline and give the same answer every time.
 */
export function loadBundledSchema(manifestVersion: string, kind: keyof typeof SCHEMA_FILES): object {
  const file = bundledSchemaPath(manifestVersion, kind);
  if (!fs.existsSync(file)) {
    throw new Error(`@microsoft/app-manifest bundles no ${kind} schema for manifestVersion ${manifestVersion} (${file})`);
  }
  return JSON.parse(repairSchemaText(fs.readFileSync(file, 'utf8'))) as object;
}

/**
 * Two fixes to the published schema text, neither changing what it accepts:
 * - `\a` and `\v` escapes, which JSON forbids (the library's own `fetchSchema` does the same);
 * - `\b]` in the localization schema's `activities.activityTypes[…]` keys: a lone `]` is fine
 *   in the non-Unicode regexes Teams uses but fails Ajv's Unicode mode ("Lone quantifier
 *   brackets"), so the whole localization schema would not compile. `\b\]` means the same.
 */
export function repairSchemaText(raw: string): string {
  return raw
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    .replace(/\\\\b\]/g, '\\\\b\\\\]');
}

type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/** Validates a filled manifest against the bundled schema of its `manifestVersion`; [] = valid. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion is missing'];
  const errors: string[] = [];
  const expected = `https://developer.microsoft.com/json-schemas/teams/v${version}/${SCHEMA_FILES.manifest}`;
  if (manifest.$schema !== expected) errors.push(`$schema should be ${expected} to match manifestVersion ${version}`);
  const schema = loadBundledSchema(version, 'manifest') as Schema;
  return [...errors, ...(await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema))];
}

/** Validates a localization file against the bundled localization schema; [] = valid. */
export async function validateLocalization(strings: Record<string, unknown>, manifestVersion: string): Promise<string[]> {
  const schema = loadBundledSchema(manifestVersion, 'localization') as Schema;
  return AppManifestUtils.validateAgainstSchema(strings as unknown as AppManifest, schema);
}

/** One file at the zip root. */
export interface PackageFile {
  readonly name: string;
  readonly data: Buffer;
}

/** Thrown when the package would not be accepted; `problems` lists every reason found. */
export class AppPackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function jsonFile(name: string, value: unknown): PackageFile {
  return { name, data: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8') };
}

/**
 * Fills and validates the manifest and the files it references (icons, localization files)
 * in `dir`, and returns the package's files, manifest.json first.
 * @throws MissingVariablesError, AppPackageError
 */
export async function buildAppPackage(dir: string, given: Variables): Promise<{ manifest: Record<string, unknown>; files: PackageFile[] }> {
  const { vars, problems: domainProblems } = withBotDomain(given);
  // Before filling: a bad SLT_PUBLIC_URL would otherwise surface as a missing BOT_DOMAIN.
  if (domainProblems.length > 0) throw new AppPackageError(domainProblems);
  const manifest = fillPlaceholders(readJson(path.join(dir, 'manifest.json')), vars);
  const problems = [...checkVariables(vars), ...(await validateManifest(manifest))];
  const files: PackageFile[] = [jsonFile('manifest.json', manifest)];

  const icons = (manifest.icons ?? {}) as Record<string, string>;
  const localization = (manifest.localizationInfo ?? {}) as { additionalLanguages?: { file: string }[] };
  const languageFiles = (localization.additionalLanguages ?? []).map((l) => l.file);
  for (const name of [...Object.values(icons), ...languageFiles]) {
    if (name.includes('/') || name.includes('\\')) problems.push(`${name}: keep package files at the zip root`);
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      problems.push(`${name} is referenced by the manifest but missing in ${dir}`);
    } else if (languageFiles.includes(name)) {
      const strings = fillPlaceholders(readJson(file), vars);
      const errors = await validateLocalization(strings, String(manifest.manifestVersion));
      problems.push(...errors.map((e) => `${name}: ${e}`));
      files.push(jsonFile(name, strings));
    } else {
      files.push({ name, data: fs.readFileSync(file) });
    }
  }
  if (problems.length > 0) throw new AppPackageError(problems);
  return { manifest, files };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip wants it (zlib.crc32 exists only from Node 20.15 on). */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A minimal zip archive (deflate, no directories, no zip64) — all a Teams package needs.
 * Timestamps are fixed at 1980-01-01 so the same input gives the same bytes.
 */
export function createZip(files: readonly PackageFile[]): Buffer {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const packed = zlib.deflateRawSync(f.data, { level: 9 });
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 30); // version needed … name length share the local layout
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function main(): Promise<void> {
  const root = repoRoot(__dirname);
  const { version } = readJson(path.join(root, 'package.json')) as { version?: string };
  const vars: Variables = { APP_VERSION: version, ...process.env };
  const { manifest, files } = await buildAppPackage(path.join(root, 'appPackage'), vars);
  const out = path.join(root, 'dist', 'appPackage', 'slt-boten.zip');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, createZip(files));
  console.log(
    `wrote ${path.relative(root, out)}: manifest ${String(manifest.version)} (schema v${String(manifest.manifestVersion)}), ${files.map((f) => f.name).join(', ')}`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof MissingVariablesError || err instanceof AppPackageError ? err.message : err);
    process.exitCode = 1;
  });
}
