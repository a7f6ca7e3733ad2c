import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * `SLT_PLAYGROUND=off STORAGE_CONNECTION_STRING=… PORT=… npm start` as an operator runs it: the
 * start script from dist/ as a process of its own, against the tests' Azurite. It must serve the
 * bot on that port against that storage and start nothing else, and Ctrl-C must stop it all.
 */
const ROOT = path.resolve(__dirname, '../..');
const START = path.join(ROOT, 'dist', 'scripts', 'start.js');

/** Every process below `pid`, as [pid, command line]. */
function descendants(pid: number): Array<[number, string]> {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const rows = out
    .trim()
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
  const found: Array<[number, string]> = [];
  const walk = (parent: number): void => {
    for (const r of rows.filter((row) => row.ppid === parent)) {
      found.push([r.pid, r.args]);
      walk(r.pid);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start with SLT_PLAYGROUND=off and STORAGE_CONNECTION_STRING', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid && alive(child.pid)) child.kill('SIGKILL');
  });

  it('serves /api/messages on PORT against that storage, starts no Azurite and no Playground, and stops on Ctrl-C', async () => {
    if (!fs.existsSync(START)) throw new Error(`${START} is missing: npm test builds it first (npm run build)`);
    const { freePort } = require(path.join(ROOT, 'dist', 'scripts', 'azurite.js')) as { freePort(): Promise<number> };
    const port = await freePort();
    const storage = inject('storageConnectionString');
    let output = '';
    child = spawn(process.execPath, [START], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SLT_PLAYGROUND: 'off',
        STORAGE_CONNECTION_STRING: storage,
        PORT: String(port),
        SLT_TABLE_PREFIX: 'startoff',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

    await expect.poll(() => output, { timeout: 60_000, interval: 250 }).toContain('Stopp med Ctrl-C');
    expect(output).toContain(`http://127.0.0.1:${port}/api/messages`);
    expect(output).toContain('Lagring / storage: STORAGE_CONNECTION_STRING');
    expect(output).not.toContain('Åpne http://localhost');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'ok' });
    // Malformed activities are refused by the bot itself: /api/messages is served on that port.
    const refused = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(refused.status).toBe(400);

    // Nothing but the bot runs under the start script.
    const started = descendants(child.pid!);
    expect(started.map(([, args]) => args)).toEqual([expect.stringContaining(path.join('dist', 'src', 'index.js'))]);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Alt er stoppet / everything stopped.');
    for (const [pid] of started) expect(alive(pid)).toBe(false);
  }, 90_000);
});
