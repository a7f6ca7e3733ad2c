import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/**
 * The one place that picks the Chromium every test, benchmark and script drives through
 * playwright-core, so that `npm ci && npm test` works on a machine with no browser installed:
 *
 * 1. `CHROMIUM_PATH`, when set (must exist);
 * 2. Debian's `/usr/bin/chromium`, when installed;
 * 3. the headless Chromium that arrives with `npm ci` inside `@sparticuz/chromium` (Brotli
 *    archives in the package), unpacked once into `node_modules/.cache/slt-chromium/<version>/`.
 *
 * The unpacking runs in a child process whose TMPDIR is a staging folder of its own (the package
 * always unpacks into the temporary directory), and the finished folder is renamed into place in
 * one step: test files started in parallel either find a complete browser or unpack their own
 * copy, never a half-written one, and nothing is left in /tmp.
 */

/** Flags for a headless Chromium on a machine with a closed network, running as root. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const ROOT = findRoot(__dirname);
const execFileAsync = promisify(execFile);

let pending: Promise<string> | undefined;

/** Path of the Chromium binary to launch (see the order above); unpacks the bundled one if needed. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    return fs.existsSync(chosen) ? Promise.resolve(chosen) : Promise.reject(new Error(`CHROMIUM_PATH=${chosen} does not exist`));
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return Promise.resolve(DEBIAN_CHROMIUM);
  pending ??= bundledChromium().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/** Launches headless Chromium with {@link CHROMIUM_ARGS}; the caller closes it. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = await chromiumExecutable();
  return chromium.launch({ headless: true, ...options, executablePath, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}

/** Where the bundled browser is unpacked: per package version, so an upgrade unpacks afresh. */
export function bundledChromiumDir(): string {
  // The package's exports do not include package.json, so read it from the installed folder.
  const pkg = path.join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json');
  if (!fs.existsSync(pkg)) throw new Error(`no Chromium: ${DEBIAN_CHROMIUM} is missing, CHROMIUM_PATH is unset and ${pkg} is not installed (npm ci)`);
  const { version } = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string };
  return path.join(ROOT, 'node_modules', '.cache', 'slt-chromium', version);
}

async function bundledChromium(): Promise<string> {
  const target = bundledChromiumDir();
  const binary = path.join(target, 'chromium');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(`${target}.unpacking-`);
  try {
    // Through process.execPath and a plain CommonJS require, so it works from src and dist alike.
    const script = "const c = require('@sparticuz/chromium'); (c.default ?? c).executablePath().then((p) => process.stdout.write(p))";
    const { stdout } = await execFileAsync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, TMPDIR: staging }, timeout: 120_000 });
    if (path.resolve(stdout.trim()) !== path.join(staging, 'chromium'))
      throw new Error(`@sparticuz/chromium unpacked to ${stdout.trim()}, expected ${staging}`);
    try {
      fs.renameSync(staging, target);
    } catch (error) {
      // Another process finished first: its copy is complete, ours is not needed.
      if (!fs.existsSync(binary)) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  // dist/scripts has no package.json of its own, so the first one found is the repository's.
  return dir;
}
