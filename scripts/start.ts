/**
 * `npm start`: embedded Azurite (unless STORAGE_CONNECTION_STRING), the bot (`node dist/src/index.js`)
 * and the Microsoft 365 Agents Playground (unless SLT_PLAYGROUND=off), stopped together on
 * Ctrl-C / SIGTERM. If one of them dies, the others are stopped and the exit code is non-zero.
 *
 * `startStack()` is exported for dev tools (scripts/playground-screenshot.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import Module from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { type AzuriteHandle, freePort, startAzurite } from './azurite';
import { describePlaygroundChannels, modelPlaygroundChannels, type PlaygroundChannels, readPlaygroundChannels } from './playground-channels';

/** Repository root: this file runs as dist/scripts/start.js. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const PLAYGROUND_CONFIG = path.join(ROOT, '.m365agentsplayground.yml');
/** Which Playground channels are private and who is in them (development only: scripts/playground-channels.ts). */
export const PLAYGROUND_CHANNELS = path.join(ROOT, '.m365agentsplayground.channels.json');
const PLAYGROUND_BIN = path.join(ROOT, 'node_modules', '.bin', 'agentsplayground');
const PLAYGROUND_LOG = path.join(ROOT, '.data', 'agentsplayground.log');
const LOOPBACK_ENV = 'SLT_START_LOOPBACK_ONLY';
const LOCALE_ENV = 'SLT_START_PLAYGROUND_LOCALE';
const BOT_HOST_ENV = 'SLT_START_BOT_HOST';
const CHANNELS_ENV = 'SLT_START_PLAYGROUND_CHANNELS';
const CHANNEL_KINDS_ENV = 'SLT_START_PLAYGROUND_CHANNEL_KINDS';
const DEFAULT_AZURITE_PORT = 10002;
const DEFAULT_PLAYGROUND_PORT = 56150;
/** Channels besides General the Playground accepts in `.m365agentsplayground.yml` (see allowPlaygroundChannels). */
const PLAYGROUND_MAX_CHANNELS = 10;

/**
 * The Agents Playground listens on every interface and has no option for that; it relays to a bot
 * that, in development mode, accepts every request. Preloaded into the Playground
 * (`node --require dist/scripts/start.js …`, with SLT_START_LOOPBACK_ONLY=1) this makes servers
 * that name no host listen on 127.0.0.1 only.
 */
function bindLoopbackOnly(): void {
  const original = net.Server.prototype.listen;
  net.Server.prototype.listen = function listen(this: net.Server, ...args: unknown[]) {
    const first = args[0];
    if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
    } else if (first && typeof first === 'object' && 'port' in first && !('host' in first && (first as { host?: string }).host)) {
      args[0] = { ...first, host: '127.0.0.1' };
    }
    return (original as (...a: unknown[]) => net.Server).apply(this, args);
  } as typeof original;
}

/**
 * The Playground sends `locale: "en-US"` (and clientInfo country "US") on every activity, whatever
 * the system or config says, so the bot would always answer in English. Preloaded into the
 * Playground, this rewrites those values in the request bodies it POSTs to the bot to `locale`
 * (same length, so Content-Length stays right), as a Norwegian Teams client would send them.
 */
function rewritePlaygroundLocale(botHost: string, locale: string): void {
  const [language, country] = locale.split('-');
  const swap = (text: string): string =>
    text.replace(/"locale":"en-US"/g, `"locale":"${language}-${country}"`).replace(/"country":"US"/g, `"country":"${country}"`);
  const proto = http.ClientRequest.prototype as unknown as Record<'write' | 'end', (...a: unknown[]) => unknown>;
  for (const name of ['write', 'end'] as const) {
    const original = proto[name];
    proto[name] = function patched(this: http.ClientRequest, ...args: unknown[]) {
      const chunk = args[0];
      const relevant = (Buffer.isBuffer(chunk) || typeof chunk === 'string') && (chunk.includes('"locale":"en-US"') || chunk.includes('"country":"US"'));
      if (relevant && this.method === 'POST' && this.getHeader('host') === botHost) {
        args[0] = Buffer.isBuffer(chunk) ? Buffer.from(swap(chunk.toString('utf8')), 'utf8') : swap(chunk as string);
      }
      return original.apply(this, args);
    };
  }
}

/**
 * The Playground's bundled config schema (0.1.1) allows one channel besides General, so an SLT
 * network's channels (two youth teams, the coordination group, the board) cannot all be modelled;
 * its UI and mock connector handle any number. Preloaded into the Playground, this raises that
 * schema limit to `max` while its bundle is compiled. If a later Playground bundles the schema
 * differently, nothing is changed and the Playground's own config check speaks.
 */
const PLAYGROUND_CHANNEL_LIMIT = '"maxItems":1,"items":{"$ref":"#/$defs/Channel"}';
function allowPlaygroundChannels(max: number): void {
  // Module.prototype._compile (CommonJS, untyped in @types/node) is where a preload sees a bundle's source.
  const proto = Module.prototype as unknown as { _compile(content: string, filename: string): unknown };
  const original = proto._compile;
  proto._compile = function compile(this: unknown, content: string, filename: string) {
    const ours = filename.includes(`${path.sep}m365agentsplayground${path.sep}`) && content.includes(PLAYGROUND_CHANNEL_LIMIT);
    return original.call(this, ours ? content.replace(PLAYGROUND_CHANNEL_LIMIT, PLAYGROUND_CHANNEL_LIMIT.replace(':1,', `:${max},`)) : content, filename);
  };
}

if (require.main === undefined) {
  if (process.env[LOOPBACK_ENV] === '1') bindLoopbackOnly();
  const channels = Number(process.env[CHANNELS_ENV]);
  if (Number.isInteger(channels) && channels > 1) allowPlaygroundChannels(channels);
  const kinds = process.env[CHANNEL_KINDS_ENV];
  if (kinds) modelPlaygroundChannels(readPlaygroundChannels(kinds), playgroundIds().byEntraId);
  const locale = process.env[LOCALE_ENV];
  const botHost = process.env[BOT_HOST_ENV];
  if (locale && botHost && /^[a-z]{2}-[A-Z]{2}$/.test(locale) && locale !== 'en-US') rewritePlaygroundLocale(botHost, locale);
}

export interface StackOptions {
  /** Environment for the bot; read for PORT, STORAGE_CONNECTION_STRING, SLT_PLAYGROUND, MicrosoftAppId, SLT_ADMINS. */
  env: NodeJS.ProcessEnv;
  /** Azurite data folder when no STORAGE_CONNECTION_STRING is given; undefined = in memory. */
  azuriteLocation?: string;
  /** Preferred Azurite port (a free one is used if busy); 0 = any. */
  azuritePort?: number;
  /** Preferred Playground port (a free one is used if busy); 0 = any. */
  playgroundPort?: number;
  /** How the bot's and the Playground's own output is shown: 'inherit' (terminal) or 'ignore'. */
  childOutput?: 'inherit' | 'ignore';
  /** Progress lines. */
  say?: (line: string) => void;
  /** Aborts start-up (Ctrl-C while starting): what was started is stopped and startStack throws. */
  abort?: AbortSignal;
}

export interface Stack {
  readonly botPort: number;
  readonly botUrl: string;
  readonly devMode: boolean;
  /** Human-readable storage description (never the account key). */
  readonly storage: string;
  readonly playgroundUrl?: string;
  /** Locale the Playground's messages carry. */
  readonly playgroundLocale?: string;
  /** Playground not started although wanted, and why. */
  readonly playgroundSkipped?: string;
  /** The Playground channels modelled as private (development stand-in), one line each. */
  readonly playgroundPrivateChannels?: readonly string[];
  readonly admin?: { name: string; aadObjectId: string };
  /** Resolves when one of the processes ends without being asked to (its name and exit status). */
  readonly died: Promise<string>;
  /** Stops Playground, bot, Azurite (in that order) and waits until each has exited. */
  stop(): Promise<void>;
}

/**
 * The ids the Playground knows from `.m365agentsplayground.yml` (simple line parsing): its users'
 * (`id` and `aadObjectId` of `currentUser` and `users`) and its channels' names by id.
 */
export function playgroundIds(file = PLAYGROUND_CONFIG): { users: Set<string>; byEntraId: Map<string, string>; channels: Map<string, string> } {
  const users = new Set<string>();
  const byEntraId = new Map<string, string>();
  const channels = new Map<string, string>();
  let block = '';
  let channelId: string | undefined;
  let userId: string | undefined;
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    const top = /^(\w+):/.exec(line);
    if (top) block = top[1]!;
    const m = /^\s+(?:-\s+)?(id|aadObjectId|name):\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const value = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
    if ((block === 'currentUser' || block === 'users') && m[1] !== 'name') users.add(value);
    if ((block === 'currentUser' || block === 'users') && m[1] === 'id') userId = value;
    if ((block === 'currentUser' || block === 'users') && m[1] === 'aadObjectId' && userId) byEntraId.set(value, userId);
    if (block === 'team' && m[1] === 'id' && /^\s+-/.test(line)) channelId = value;
    else if (block === 'team' && m[1] === 'name' && channelId) {
      channels.set(channelId, value);
      channelId = undefined;
    }
  }
  return { users, byEntraId, channels };
}

/** Checks the private-channel stand-in against the Playground's config: known channels, known people. */
export function checkPlaygroundChannels(config: PlaygroundChannels, ids: ReturnType<typeof playgroundIds>): string[] {
  const problems: string[] = [];
  for (const [id, c] of Object.entries(config.channels)) {
    if (!ids.channels.has(id)) problems.push(`${id} is not a channel of .m365agentsplayground.yml`);
    for (const m of c.members) if (!ids.users.has(m)) problems.push(`${m} (in ${id}) is not a user of .m365agentsplayground.yml`);
  }
  return problems;
}

/** The Playground's current user from `.m365agentsplayground.yml` (simple line parsing). */
export function playgroundCurrentUser(file = PLAYGROUND_CONFIG): { name: string; aadObjectId: string } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let inBlock = false;
  const found: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^\S/.test(line)) {
      inBlock = /^currentUser:\s*$/.test(line);
      continue;
    }
    if (!inBlock) continue;
    const m = /^\s+(name|aadObjectId):\s*(.*?)\s*$/.exec(line);
    if (m) found[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return found.aadObjectId ? { name: found.name ?? found.aadObjectId, aadObjectId: found.aadObjectId } : undefined;
}

function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function preferredPort(port: number | undefined, fallbackDefault: number): Promise<number> {
  const wanted = port ?? fallbackDefault;
  if (wanted !== 0 && (await portFree(wanted))) return wanted;
  return freePort();
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until it answers 200, `gaveUp()` is true, or the time is up. */
async function waitFor200(url: string, timeoutMs: number, gaveUp: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const reason = gaveUp();
    if (reason) throw new Error(reason);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

/** A child in its own process group, so the whole group can be stopped and Ctrl-C reaches us first. */
interface Managed {
  readonly name: string;
  readonly child: ChildProcess;
  exit?: string;
  readonly exited: Promise<string>;
}

function launch(name: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; output: 'inherit' | 'ignore' }): Managed {
  const child = spawn(command, args, { cwd: ROOT, env: options.env, stdio: ['ignore', options.output, options.output], detached: true });
  const managed: Managed = {
    name,
    child,
    exited: new Promise<string>((resolve) => {
      child.once('error', (err) => {
        managed.exit = `could not start: ${err.message}`;
        resolve(managed.exit);
      });
      child.once('exit', (code, signal) => {
        managed.exit = signal ? `signal ${signal}` : `code ${code}`;
        resolve(managed.exit);
      });
    }),
  };
  return managed;
}

function signalGroup(m: Managed, signal: NodeJS.Signals): void {
  if (m.child.pid === undefined) return;
  try {
    process.kill(-m.child.pid, signal);
  } catch {
    /* group already gone */
  }
}

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once the leader has exited and the group is gone. */
async function stopGroup(m: Managed, graceMs = 5_000): Promise<void> {
  if (m.exit === undefined) {
    signalGroup(m, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(m, 'SIGKILL'), graceMs);
    await m.exited;
    clearTimeout(timer);
  }
  // Anything the leader left behind in its group.
  signalGroup(m, 'SIGKILL');
}

function describeStorage(connectionString: string): string {
  const parts = Object.fromEntries(
    connectionString
      .split(';')
      .map((p) => p.split('='))
      .filter((kv) => kv.length >= 2)
      .map(([k, ...v]) => [k.trim().toLowerCase(), v.join('=')]),
  );
  if (parts.tableendpoint) return `STORAGE_CONNECTION_STRING (${parts.tableendpoint})`;
  if (parts.accountname) return `STORAGE_CONNECTION_STRING (account ${parts.accountname})`;
  return 'STORAGE_CONNECTION_STRING';
}

/** Starts storage, bot and (unless turned off) the Playground. Throws, after cleaning up, if any fails to come up. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const say = options.say ?? (() => undefined);
  const output = options.childOutput ?? 'inherit';
  const env: NodeJS.ProcessEnv = { ...options.env };
  const devMode = !env.MicrosoftAppId?.trim();
  const botPort = Number(env.PORT?.trim() || 3978);
  const wantPlayground = !/^(off|false|0|no)$/i.test(env.SLT_PLAYGROUND?.trim() ?? '');
  // Locale the Playground's user "has" (it always sends en-US otherwise): nb-NO unless SLT_PLAYGROUND_LOCALE says.
  const playgroundLocale = env.SLT_PLAYGROUND_LOCALE?.trim() || 'nb-NO';
  if (wantPlayground && !/^[a-z]{2}-[A-Z]{2}$/.test(playgroundLocale)) {
    throw new Error(`SLT_PLAYGROUND_LOCALE must look like nb-NO or en-US, not "${playgroundLocale}"`);
  }

  let azurite: AzuriteHandle | undefined;
  let bot: Managed | undefined;
  let playground: Managed | undefined;
  let stopping = false;

  const azuriteExited = (): boolean => !!azurite && (azurite.process.exitCode !== null || azurite.process.signalCode !== null);
  const stop = async (): Promise<void> => {
    stopping = true;
    if (playground) await stopGroup(playground);
    if (bot) await stopGroup(bot);
    // Last, and only from here (its own process group: a terminal's Ctrl-C does not reach it), so
    // the bot can still write as it stops; it may have died by itself.
    if (azurite && !azuriteExited()) await azurite.stop();
  };
  const aborted = (): string | undefined => (options.abort?.aborted ? 'aborted' : undefined);
  const checkAbort = (): void => {
    if (options.abort?.aborted) throw new Error('aborted');
  };

  try {
    if (Number.isInteger(botPort) && botPort > 0 && !(await portFree(botPort))) {
      throw new Error(`Port ${botPort} er i bruk / is in use. Sett / set PORT=<ledig port / free port>.`);
    }

    // Storage.
    let storage: string;
    if (env.STORAGE_CONNECTION_STRING?.trim()) {
      storage = describeStorage(env.STORAGE_CONNECTION_STRING);
    } else {
      const port = await preferredPort(options.azuritePort, DEFAULT_AZURITE_PORT);
      if (options.azuriteLocation) fs.mkdirSync(options.azuriteLocation, { recursive: true });
      say(`Starter Azurite / starting Azurite on 127.0.0.1:${port} …`);
      azurite = await startAzurite({ location: options.azuriteLocation, port, ownGroup: true });
      checkAbort();
      env.STORAGE_CONNECTION_STRING = azurite.connectionString;
      const where = options.azuriteLocation ? `data in ${path.relative(ROOT, options.azuriteLocation) || options.azuriteLocation}` : 'in memory';
      storage = `Azurite (embedded) http://127.0.0.1:${azurite.port}, ${where}`;
    }

    // Development administrator: the Playground's current user.
    let admin: Stack['admin'];
    if (devMode && !env.SLT_ADMINS?.trim()) {
      admin = playgroundCurrentUser();
      if (admin) env.SLT_ADMINS = admin.aadObjectId;
    }

    // Bot.
    say(`Starter SLT-boten / starting SLT-boten on port ${botPort} …`);
    bot = launch('SLT-boten', process.execPath, [path.join(ROOT, 'dist', 'src', 'index.js')], { env, output });
    const botRef = bot;
    const azuriteGone = (): string | undefined => aborted() ?? (azuriteExited() ? 'Azurite stopped' : undefined);
    await waitFor200(`http://127.0.0.1:${botPort}/healthz`, 60_000, () =>
      botRef.exit !== undefined ? `SLT-boten exited (${botRef.exit}) before /healthz answered` : azuriteGone(),
    );

    // Playground.
    let playgroundUrl: string | undefined;
    let playgroundSkipped: string | undefined;
    let privateChannels: string[] | undefined;
    if (wantPlayground && !devMode) {
      playgroundSkipped =
        'Playground ikke startet: MicrosoftAppId er satt, og Playground sender ingen token / not started: MicrosoftAppId is set and the Playground sends no token';
    } else if (wantPlayground) {
      const port = await preferredPort(options.playgroundPort, DEFAULT_PLAYGROUND_PORT);
      fs.mkdirSync(path.dirname(PLAYGROUND_LOG), { recursive: true });
      // Which channels are private and who is in them: a correct network (scripts/playground-channels.ts).
      let channelKinds: string | undefined;
      if (fs.existsSync(PLAYGROUND_CHANNELS)) {
        const standIn = readPlaygroundChannels(PLAYGROUND_CHANNELS);
        const ids = playgroundIds();
        const problems = checkPlaygroundChannels(standIn, ids);
        if (problems.length) throw new Error(`${path.basename(PLAYGROUND_CHANNELS)}: ${problems.join('; ')}`);
        privateChannels = describePlaygroundChannels(standIn, ids.channels);
        for (const line of privateChannels) say(`Playground, privat kanal (utviklingsmodell) / private channel (development stand-in): ${line}`);
        channelKinds = PLAYGROUND_CHANNELS;
      }
      say(`Starter Agents Playground / starting Agents Playground on port ${port} …`);
      const pgEnv: NodeJS.ProcessEnv = {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
        // Otherwise it writes ./devTools/m365agentsplayground.log into the repository.
        M365_AGENTS_PLAYGROUND_LOGFILE: PLAYGROUND_LOG,
        [LOOPBACK_ENV]: '1',
        [LOCALE_ENV]: playgroundLocale,
        [BOT_HOST_ENV]: `127.0.0.1:${botPort}`,
        [CHANNELS_ENV]: String(PLAYGROUND_MAX_CHANNELS),
        ...(channelKinds ? { [CHANNEL_KINDS_ENV]: channelKinds } : {}),
      };
      const args = [
        '--require',
        __filename,
        PLAYGROUND_BIN,
        '-e',
        `http://127.0.0.1:${botPort}/api/messages`,
        '-c',
        'msteams',
        '-p',
        String(port),
        // The bot answers through the Playground's mock connector; name it by loopback address.
        '--service-url',
        `http://127.0.0.1:${port}/_connector`,
        '--disable-telemetry',
      ];
      playground = launch('Agents Playground', process.execPath, args, { env: pgEnv, output });
      const pgRef = playground;
      playgroundUrl = `http://localhost:${port}`;
      try {
        await waitFor200(`http://127.0.0.1:${port}/`, 60_000, () =>
          pgRef.exit !== undefined
            ? `Agents Playground exited (${pgRef.exit})`
            : botRef.exit !== undefined
              ? `SLT-boten exited (${botRef.exit})`
              : azuriteGone(),
        );
        // The UI answers before the config is read; a bad config makes it exit a moment later.
        await sleep(1_500);
        checkAbort();
        if (pgRef.exit !== undefined) throw new Error(`Agents Playground exited (${pgRef.exit})`);
      } catch (err) {
        throw new Error(`${(err as Error).message}\n${playgroundLogTail()}`);
      }
    }

    const watched: Promise<string>[] = [bot.exited.then((s) => `SLT-boten (${s})`)];
    if (playground) watched.push(playground.exited.then((s) => `Agents Playground (${s})\n${playgroundLogTail()}`));
    if (azurite) {
      const a = azurite.process;
      watched.push(
        new Promise((resolve) =>
          azuriteExited() ? resolve('Azurite') : a.once('exit', (code, sig) => resolve(`Azurite (${sig ? `signal ${sig}` : `code ${code}`})`)),
        ),
      );
    }
    // Never resolves once we are stopping on purpose. The pause lets a Ctrl-C that reached a child
    // (Azurite shares our process group) be seen as a stop request rather than a crash.
    const died = Promise.race(watched).then(async (what) => {
      await sleep(500);
      return stopping ? new Promise<string>(() => undefined) : what;
    });

    return {
      botPort,
      botUrl: `http://127.0.0.1:${botPort}`,
      devMode,
      storage,
      playgroundUrl,
      playgroundLocale: playground ? playgroundLocale : undefined,
      playgroundSkipped,
      playgroundPrivateChannels: privateChannels,
      admin,
      died,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function playgroundLogTail(lines = 8): string {
  try {
    const text = fs.readFileSync(PLAYGROUND_LOG, 'utf8').trim().split('\n');
    return `Siste linjer i / last lines of ${path.relative(ROOT, PLAYGROUND_LOG)}:\n${text.slice(-lines).join('\n')}`;
  } catch {
    return '';
  }
}

function banner(stack: Stack): string {
  const rule = '─'.repeat(72);
  const out = [rule];
  out.push(`  SLT-boten kjører / is running${stack.devMode ? ' — utviklingsmodus / development mode' : ''}`);
  out.push('');
  if (stack.playgroundUrl) {
    out.push(`  Åpne ${stack.playgroundUrl} i nettleseren for å snakke med boten.`);
    out.push(`  Open ${stack.playgroundUrl} in your browser to chat with the bot.`);
    out.push(`  (Playground-språk / language: ${stack.playgroundLocale}; endre med / change with SLT_PLAYGROUND_LOCALE=en-US)`);
    if (stack.playgroundPrivateChannels?.length) {
      out.push(`  Private kanaler / private channels (${path.basename(PLAYGROUND_CHANNELS)}, bare utvikling / development only):`);
      for (const line of stack.playgroundPrivateChannels) out.push(`    ${line}`);
    }
    out.push('');
  } else if (stack.playgroundSkipped) {
    out.push(`  ${stack.playgroundSkipped}`);
    out.push('');
  }
  if (stack.devMode) out.push(`  Fanen / the tab («SLT-oversikt»): ${stack.botUrl}/tab/index.html`);
  out.push(`  Bot:      ${stack.botUrl}/api/messages   (helse / health: ${stack.botUrl}/healthz)`);
  out.push(`  Lagring / storage: ${stack.storage}`);
  if (stack.admin) {
    out.push(`  Administrator: ${stack.admin.name} (${stack.admin.aadObjectId}) er administrator i utviklingsmodus /`);
    out.push(`                 is an administrator in development mode (SLT_ADMINS)`);
  }
  out.push('');
  out.push('  Stopp med Ctrl-C / stop with Ctrl-C');
  out.push(rule);
  return out.join('\n');
}

async function main(): Promise<void> {
  const say = (line: string): void => console.log(`[start] ${line}`);
  let stack: Stack | undefined;
  let signalled: string | undefined;
  let stopping: Promise<void> | undefined;
  const abort = new AbortController();

  const shutdown = (code: number): void => {
    if (stopping) return;
    stopping = (stack ? stack.stop() : Promise.resolve()).then(
      () => {
        say('Alt er stoppet / everything stopped.');
        process.exit(code);
      },
      (err: unknown) => {
        console.error('[start] Stopping failed:', err);
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: string): void => {
    if (signalled) return; // Ctrl-C reaches us both from the terminal and forwarded by npm.
    signalled = signal;
    say(`${signal}: stopper / stopping …`);
    if (stack) shutdown(0);
    else abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // `kill <npm pid>`: npm passes SIGTERM to the `sh -c` running this script, which dies without
  // passing it on, and this process is re-parented. Treat losing the parent like SIGTERM.
  const parent = process.ppid;
  if (parent > 1) {
    setInterval(() => {
      if (process.ppid !== parent) onSignal('parent process gone / foreldreprosessen er borte');
    }, 500).unref();
  }

  try {
    stack = await startStack({
      env: process.env,
      azuriteLocation: path.join(ROOT, '.data', 'azurite'),
      azuritePort: DEFAULT_AZURITE_PORT,
      playgroundPort: DEFAULT_PLAYGROUND_PORT,
      say,
      abort: abort.signal,
    });
  } catch (err) {
    if (signalled) {
      say('Avbrutt / interrupted.');
      process.exit(0);
    }
    console.error(`[start] Oppstart feilet / start-up failed: ${(err as Error).message}`);
    process.exit(1);
  }
  if (signalled) return shutdown(0);

  console.log(banner(stack));

  const what = await stack.died;
  console.error(`[start] ${what} stoppet uventet / stopped unexpectedly — stopper resten / stopping the rest.`);
  shutdown(1);
}

if (require.main === module) {
  void main();
}
