import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderColorIcon, renderOutlineIcon } from '../../scripts/make-icons';
import {
  AppPackageError,
  buildAppPackage,
  checkVariables,
  crc32,
  createZip,
  fillPlaceholders,
  findPlaceholders,
  MissingVariablesError,
  type PackageFile,
  repairSchemaText,
  VARIABLES,
  validateLocalization,
  validateManifest,
  withBotDomain,
} from '../../scripts/package-app';
import { ssoAudiences } from '../../src/auth/sso';
import { loadConfig } from '../../src/config';

const DIR = path.resolve(__dirname, '../../appPackage');
const APP_ID = '7f0e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const VARS = {
  MicrosoftAppId: APP_ID,
  BOT_DOMAIN: 'slt-boten-test.azurewebsites.net',
  APP_VERSION: '1.2.3',
  DEVELOPER_NAME: 'Eksempel kommune',
  DEVELOPER_WEBSITE_URL: 'https://www.eksempel.kommune.no/slt',
  DEVELOPER_PRIVACY_URL: 'https://www.eksempel.kommune.no/personvern',
  DEVELOPER_TERMS_URL: 'https://www.eksempel.kommune.no/vilkar',
};

/** The command words of CONTRACT.md "Text commands", Norwegian and English. */
const NB_COMMANDS = ['hjelp', 'registrer', 'møte', 'møter', 'agenda', 'trend', 'løft', 'saker', 'rapport', 'koordinator', 'status', 'tiltak'];
const EN_COMMANDS = ['help', 'register', 'meeting', 'meetings', 'agenda', 'trend', 'escalate', 'escalations', 'digest', 'coordinator', 'status', 'measures'];

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}

const readJson = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as Record<string, unknown>;
const rawManifest = readJson('manifest.json');
const built = buildAppPackage(DIR, VARS);
const commandLists = (m: Record<string, unknown>): CommandList[] => (m.bots as { commandLists: CommandList[] }[])[0]!.commandLists;

/** Reads a zip's central directory and inflates every entry (enough to check our own writer). */
function readZip(zip: Buffer): { name: string; data: Buffer; crc: number }[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [method, crc, size, nameLen] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28)];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + size);
    entries.push({ name, crc, data: method === 8 ? zlib.inflateRawSync(packed) : Buffer.from(packed) });
    at += 46 + nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('Teams app manifest', () => {
  it('is valid against the schema bundled for its manifestVersion once filled with test values', async () => {
    const { manifest } = await built;
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.manifestVersion).toMatch(/^1\.(19|2\d|3\d)$/);
  });

  it('fills every {{placeholder}}, and every placeholder is a documented variable', async () => {
    const names = findPlaceholders(rawManifest);
    expect(names).toEqual(expect.arrayContaining(['MicrosoftAppId', 'BOT_DOMAIN', 'APP_VERSION']));
    for (const name of names) expect(VARIABLES).toHaveProperty(name);
    const { files } = await built;
    for (const f of files.filter((file) => file.name.endsWith('.json'))) {
      expect(f.data.toString('utf8'), f.name).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('names every missing variable instead of packaging a half-filled manifest', () => {
    const attempt = () => fillPlaceholders(rawManifest, { MicrosoftAppId: APP_ID, BOT_DOMAIN: ' ' });
    expect(attempt).toThrow(MissingVariablesError);
    expect(attempt).toThrow(/BOT_DOMAIN/);
    try {
      attempt();
    } catch (err) {
      expect((err as MissingVariablesError).names).toEqual(findPlaceholders(rawManifest).filter((n) => n !== 'MicrosoftAppId'));
    }
  });

  it('refuses a domain with a scheme, an app id that is no GUID and a version Teams cannot read', async () => {
    const bad = { ...VARS, BOT_DOMAIN: 'https://slt.example.no/', MicrosoftAppId: 'slt-boten', APP_VERSION: '1' };
    expect(checkVariables(bad)).toHaveLength(3);
    await expect(buildAppPackage(DIR, bad)).rejects.toThrow(AppPackageError);
  });

  it('the schema check is not a no-op: a fourth command list is reported', async () => {
    const { manifest } = await built;
    const broken = structuredClone(manifest);
    commandLists(broken).push({ scopes: ['personal'], commands: [{ title: 'x' }] });
    expect((await validateManifest(broken)).join('\n')).toMatch(/commandLists/);
  });

  it('has at most 3 command lists, one per scope, with at most 10 commands from the contract each', async () => {
    const { manifest } = await built;
    const lists = commandLists(manifest);
    expect(lists.length).toBeLessThanOrEqual(3);
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands) expect(NB_COMMANDS).toContain(c.title);
      expect(list.commands.map((c) => c.title)).toContain('hjelp');
    }
  });

  it('asks for the channel-message permission and points SSO at the bot domain', async () => {
    const { manifest } = await built;
    expect(manifest.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'ChannelMessage.Read.Group', type: 'Application' }] },
    });
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://${VARS.BOT_DOMAIN}/${APP_ID}` });
    expect(manifest.validDomains).toContain(VARS.BOT_DOMAIN);
    expect(manifest.id).toBe(APP_ID);
    expect((manifest.bots as { botId: string; scopes: string[] }[])[0]).toMatchObject({
      botId: APP_ID,
      scopes: ['personal', 'team', 'groupChat'],
    });
  });

  it('declares support for private and shared channels, where a body has its own readers', async () => {
    const { manifest } = await built;
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    expect(manifest.supportedChannelTypes).toEqual(['privateChannels', 'sharedChannels']);
    // The schema knows the properties: a wrong value is reported.
    expect(await validateManifest({ ...manifest, supportedChannelTypes: ['secretChannels'] })).not.toEqual([]);
  });

  it('has the personal tab «SLT-oversikt» and a channel tab, both served from the bot domain', async () => {
    const { manifest } = await built;
    expect(manifest.staticTabs).toEqual([
      { entityId: 'slt-oversikt', name: 'SLT-oversikt', contentUrl: `https://${VARS.BOT_DOMAIN}/tab/index.html`, scopes: ['personal'] },
    ]);
    expect(manifest.configurableTabs).toEqual([
      { configurationUrl: `https://${VARS.BOT_DOMAIN}/tab/config.html`, canUpdateConfiguration: false, scopes: ['team'], context: ['channelTab'] },
    ]);
    // SSO from the tab needs the app id URI on the same domain the tab is served from.
    expect(manifest.validDomains).toEqual([VARS.BOT_DOMAIN]);
    expect(readJson('en.json')['staticTabs[0].name']).toBe('SLT overview');
  });

  it('has an English localization that is valid and translates every command into a contract word', async () => {
    const { manifest } = await built;
    const en = readJson('en.json');
    expect(await validateLocalization(en, String(manifest.manifestVersion))).toEqual([]);
    commandLists(manifest).forEach((list, i) =>
      list.commands.forEach((_, j) => {
        expect(EN_COMMANDS).toContain(en[`bots[0].commandLists[${i}].commands[${j}].title`]);
        expect(en[`bots[0].commandLists[${i}].commands[${j}].description`]).toEqual(expect.any(String));
      }),
    );
    const commandKeys = Object.keys(en).filter((k) => k.startsWith('bots['));
    const commandCount = commandLists(manifest).reduce((n, l) => n + l.commands.length, 0);
    expect(commandKeys).toHaveLength(2 * commandCount); // nothing stale left behind after a reorder
  });

  it('repairs the localization schema regexes without changing what they match', () => {
    const original = '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9]|9[0-9]|1[01][0-9]|12[0-7])\\b]\\.description$';
    const repaired = JSON.parse(repairSchemaText(JSON.stringify(original))) as string;
    expect(() => new RegExp(original, 'u')).toThrow();
    for (const key of [
      'activities.activityTypes[0].description',
      'activities.activityTypes[127].description',
      'activities.activityTypes[128].description',
      'name.short',
    ]) {
      expect(new RegExp(repaired, 'u').test(key), key).toBe(new RegExp(original).test(key));
    }
  });
});

describe('the SSO resource in the manifest and the audience the bot accepts', () => {
  /** One production environment, as App Service would have it (infra/main.bicep) plus the package's own variables. */
  const PUBLIC_HOST = 'slt-boten-prod.azurewebsites.net';
  const env = {
    ...VARS,
    BOT_DOMAIN: undefined,
    MicrosoftAppPassword: 'hemmelig',
    MicrosoftAppTenantId: '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e',
    SLT_TENANT_IDS: '5b1c7c44-6c2f-4a8e-9d1e-3f2a1b0c9d8e',
    STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    SLT_PUBLIC_URL: `https://${PUBLIC_HOST}/`,
  };

  it('takes BOT_DOMAIN from SLT_PUBLIC_URL, so webApplicationInfo.resource is an audience the bot accepts', async () => {
    const { manifest } = await buildAppPackage(DIR, env);
    const resource = (manifest.webApplicationInfo as { resource: string }).resource;
    const config = loadConfig(env);
    expect(ssoAudiences(config)).toContain(resource);
    expect(resource).toBe(`api://${PUBLIC_HOST}/${APP_ID}`);
    // The tab is loaded from the same host the links and the audience come from.
    expect(manifest.validDomains).toEqual([PUBLIC_HOST]);
    expect((manifest.staticTabs as { contentUrl: string }[])[0]!.contentUrl.startsWith(`${config.publicUrl}/`)).toBe(true);
  });

  it('accepts a BOT_DOMAIN equal to the host of SLT_PUBLIC_URL and refuses one that differs', async () => {
    const same = await buildAppPackage(DIR, { ...env, BOT_DOMAIN: PUBLIC_HOST.toUpperCase() });
    expect(ssoAudiences(loadConfig(env)).map((a) => a.toLowerCase())).toContain(
      (same.manifest.webApplicationInfo as { resource: string }).resource.toLowerCase(),
    );
    const other = { ...env, BOT_DOMAIN: 'slt.eksempel.kommune.no' };
    expect(withBotDomain(other).problems.join('\n')).toMatch(
      /BOT_DOMAIN "slt\.eksempel\.kommune\.no" differs from the host of SLT_PUBLIC_URL "slt-boten-prod\.azurewebsites\.net"/,
    );
    await expect(buildAppPackage(DIR, other)).rejects.toThrow(AppPackageError);
  });

  it('refuses an SLT_PUBLIC_URL that is not https, and still names BOT_DOMAIN when neither is set', async () => {
    await expect(buildAppPackage(DIR, { ...env, SLT_PUBLIC_URL: `http://${PUBLIC_HOST}` })).rejects.toThrow(
      /SLT_PUBLIC_URL must be the bot's https:\/\/ address/,
    );
    await expect(buildAppPackage(DIR, { ...env, SLT_PUBLIC_URL: undefined })).rejects.toThrow(MissingVariablesError);
    expect(withBotDomain(VARS)).toEqual({ vars: VARS, problems: [] });
  });
});

describe('app icons', () => {
  const read = (name: string): { png: PNG; bytes: Buffer } => {
    const bytes = fs.readFileSync(path.join(DIR, name));
    return { bytes, png: PNG.sync.read(bytes) };
  };

  it('are PNG files of exactly 192×192 (colour) and 32×32 (outline)', () => {
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (const [name, size] of [
      ['color.png', 192],
      ['outline.png', 32],
    ] as const) {
      const { png, bytes } = read(name);
      expect(bytes.subarray(0, 8).equals(signature), name).toBe(true);
      expect([png.width, png.height], name).toEqual([size, size]);
    }
  });

  it('outline uses only white and transparent pixels, and is not empty', () => {
    const { png } = read('outline.png');
    let opaque = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      if (a !== 0) expect([r, g, b], `pixel ${i / 4}`).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    expect(opaque).toBeGreaterThan(50);
  });

  it('colour icon is fully opaque and the committed icons are what scripts/make-icons.ts draws', () => {
    const color = read('color.png').png;
    for (let i = 3; i < color.data.length; i += 4) expect(color.data[i]).toBe(255);
    expect(color.data.equals(renderColorIcon().data)).toBe(true);
    expect(read('outline.png').png.data.equals(renderOutlineIcon().data)).toBe(true);
  });
});

describe('app package zip', () => {
  it('holds manifest.json, the icons and the localization file at the root, intact', async () => {
    const { files } = await built;
    const entries = readZip(createZip(files));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png', 'en.json']);
    entries.forEach((e, i) => {
      const file = files[i] as PackageFile;
      expect(e.data.equals(file.data), e.name).toBe(true);
      expect(e.crc, e.name).toBe(crc32(file.data));
      if (typeof zlib.crc32 === 'function') expect(e.crc, e.name).toBe(zlib.crc32(file.data));
    });
    expect(createZip(files).equals(createZip(files))).toBe(true);
  });
});
