import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A server under test, running as its own process so its memory is its own. */
export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  readonly baseUrl: string;
  /** Lines the process wrote at level error or above (pino JSON level ≥ 50, or any stderr line). */
  readonly errorLines: string[];
  /** Current resident set size in MB (from /proc; NaN where /proc is missing). */
  rssMb(): number;
  /** Peak resident set size of the process's life so far in MB (VmHWM). */
  peakRssMb(): number;
  /** CPU time (user + system) the process has used so far, in ms (NaN where /proc is missing). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A field of /proc/<pid>/status in MB (`VmRSS`, `VmHWM`), or NaN where /proc is missing. */
export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : NaN;
  } catch {
    return NaN; // not Linux: memory figures are reported as missing rather than guessed
  }
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (clock ticks
 * of 10 ms, as on every Linux the bench runs on); NaN where /proc is missing.
 */
export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN; // not Linux: CPU figures are reported as missing rather than guessed
  }
}

/**
 * Starts `node <script>` with exactly `env` (plus PATH), and resolves once `readyPath`
 * answers 200. The environment is not inherited, so a developer's MicrosoftAppId and the like
 * cannot change what is measured.
 */
export async function startServer(
  name: string,
  script: string,
  port: number,
  env: Record<string, string>,
  readyPath: string,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errorLines: string[] = [];
  const keep = (line: string): void => {
    if (errorLines.length < 50) errorLines.push(line.slice(0, 500));
  };
  let buffered = '';
  child.stdout?.on('data', (c: Buffer) => {
    buffered += c.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const l of lines) if (/"level":(5\d|60)/.test(l)) keep(l);
  });
  // Node's deprecation warnings (restify 11 on Node 20 triggers DEP0111) are not errors of the bot.
  child.stderr?.on('data', (c: Buffer) => {
    const text = c.toString().trim();
    if (text && !/DeprecationWarning|--trace-deprecation/.test(text)) keep(text);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}:\n${errorLines.join('\n')}`);
    try {
      const res = await fetch(`${baseUrl}${readyPath}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready within 30 s:\n${errorLines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid ?? 0;
  return {
    name,
    pid,
    baseUrl,
    errorLines,
    rssMb: () => procStatusMb(pid, 'VmRSS'),
    peakRssMb: () => procStatusMb(pid, 'VmHWM'),
    cpuMs: () => procCpuMs(pid),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
