/**
 * Builds the Teams tab page (src/tab) into a folder the bot serves at `/tab/…`:
 * `tab.js` and `config.js` bundled by esbuild (teams-js included, minified, no framework),
 * plus the HTML pages and the stylesheet as they are. Run by `npm run build` → `dist/tab`;
 * tests build into a folder of their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../src/paths';

const STATIC_FILES = ['index.html', 'config.html', 'tab.css'];

/** Bundles and copies the tab into `outDir`; resolves with the files written and their sizes. */
export async function buildTab(outDir: string, root: string = repoRoot(__dirname)): Promise<Record<string, number>> {
  const src = path.join(root, 'src', 'tab');
  fs.mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { tab: path.join(src, 'main.ts'), config: path.join(src, 'config-page.ts') },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  for (const f of STATIC_FILES) fs.copyFileSync(path.join(src, f), path.join(outDir, f));
  return Object.fromEntries(fs.readdirSync(outDir).map((f) => [f, fs.statSync(path.join(outDir, f)).size]));
}

if (require.main === module) {
  const out = path.join(repoRoot(__dirname), 'dist', 'tab');
  buildTab(out).then(
    (files) =>
      console.log(
        `tab built in ${out}: ${Object.entries(files)
          .map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} KB`)
          .join(', ')}`,
      ),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
