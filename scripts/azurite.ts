import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** A running Azurite Table service started from the `azurite` npm package. */
export interface AzuriteHandle {
  readonly port: number;
  readonly connectionString: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Folder for persistent data; omitted = in memory. */
  location?: string;
  /** Port, 0 = any free port. */
  port?: number;
  /**
   * Its own process group, so a terminal's Ctrl-C does not reach it: `npm start` closes it
   * itself, after the bot, which still writes to storage as it stops (the send lease).
   */
  ownGroup?: boolean;
}

const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The well-known Azurite development connection string for a table port. */
export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `azurite-table` (telemetry off) and resolves once it listens.
 * Azurite reports port 0 literally, so a free port is chosen here first.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  const port = options.port || (await freePort());
  const bin = require.resolve('azurite/dist/src/table/main.js', { paths: [path.resolve(__dirname, '..', '..'), process.cwd()] });
  const args = [bin, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--disableTelemetry', '--skipApiVersionCheck'];
  if (options.location) args.push('--location', options.location);
  else args.push('--inMemoryPersistence');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: options.ownGroup ?? false });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within 20 s. Output:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (!/successfully started/i.test(output)) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        port,
        connectionString: azuriteConnectionString(port),
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            // SIGINT is Azurite's graceful close, which saves its database; on SIGTERM it dies at
            // once and the writes since its last autosave (every 5 s) are lost from --location.
            child.kill('SIGINT');
            setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}. Output:\n${output}`));
    });
  });
}
