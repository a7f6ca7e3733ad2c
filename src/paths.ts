import fs from 'node:fs';
import path from 'node:path';

/**
 * The project root: the nearest folder above `from` holding package.json. Works the same from
 * `src/` (tests run the TypeScript) and `dist/src/` or `dist/scripts/` (built code).
 */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
