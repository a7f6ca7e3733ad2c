import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';

/** A file of the built tab page. */
export interface TabFile {
  readonly contentType: string;
  readonly data: Buffer;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Plain names only (no folders, no dots in front): nothing outside the built folder can be named. */
const NAME = /^[a-z0-9][a-z0-9-]{0,40}\.(html|js|css|svg|png)$/;

/**
 * Where `npm run build` puts the tab page (scripts/build-tab.ts): `dist/tab` under the project
 * root, found from this file whether it runs from `src/` (tests) or `dist/src/` (built).
 */
export function defaultTabDir(from: string = __dirname): string {
  return path.join(repoRoot(from), 'dist', 'tab');
}

/**
 * Serves the built page's files by name from one folder. Read per request (a few KB each, and
 * a rebuild shows without restart); undefined for any other name or a missing file.
 */
export function tabFiles(dir: string): (name: string) => Promise<TabFile | undefined> {
  return async (name) => {
    if (!NAME.test(name)) return undefined;
    const type = TYPES[path.extname(name)];
    if (!type) return undefined;
    try {
      return { contentType: type, data: await fs.promises.readFile(path.join(dir, name)) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  };
}

/**
 * Content-Security-Policy of the page: our own scripts, styles and API only; framed only by
 * Teams and the Microsoft 365 hosts that run Teams apps. teams-js may fetch its list of valid
 * host origins from Microsoft's CDN (it falls back to a built-in list when it cannot).
 */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://outlook.office.com https://outlook.office365.com",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
