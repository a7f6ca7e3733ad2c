import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * package.json's split between runtime and development dependencies: production installs
 * (`npm ci --omit=dev`) get `dependencies` only, so what src/ imports must be there, and what only
 * tests and build tools use belongs in `devDependencies`. The lock's root entry must say the same.
 */
const ROOT = path.resolve(__dirname, '../..');
interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
interface Locked extends Manifest {
  dev?: boolean;
  devOptional?: boolean;
  optionalDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Locked> };
const runtime = Object.keys(pkg.dependencies ?? {});

/** Package names imported (import/export … from, require, import()) by the .ts files under a folder. */
function importedBy(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        const specifiers = [
          ...text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
          ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
          ...text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g),
        ].map((m) => m[1]!);
        for (const s of specifiers) {
          if (s.startsWith('.') || s.startsWith('node:') || builtinModules.includes(s)) continue;
          const name = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!;
          found.set(name, [...(found.get(name) ?? []), path.relative(ROOT, file)]);
        }
      }
    }
  };
  walk(path.join(ROOT, dir));
  return found;
}

/** Where Node would find `name` from the package at lock path `from` ('' = the project). */
function resolveInLock(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

/** Lock paths of everything a production install needs: the runtime dependencies and what they need in turn. */
function productionClosure(): Set<string> {
  const seen = new Set<string>();
  const visit = (from: string, names: string[]): void => {
    for (const name of names) {
      const at = resolveInLock(from, name);
      if (!at || seen.has(at)) continue;
      seen.add(at);
      const entry = lock.packages[at]!;
      const peers = Object.keys(entry.peerDependencies ?? {}).filter((n) => !entry.peerDependenciesMeta?.[n]?.optional);
      visit(at, [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers]);
    }
  };
  visit('', runtime);
  return seen;
}

const peersOf = (name: string): string[] => Object.keys(lock.packages[`node_modules/${name}`]?.peerDependencies ?? {});

describe('dependencies', () => {
  const bySrc = importedBy('src');

  it('lists in dependencies everything src/ imports', () => {
    for (const [name, files] of bySrc) expect(runtime, `${name} (imported by ${files[0]})`).toContain(name);
  });

  it('lists in dependencies only what src/ imports, or a peer that an imported package needs', () => {
    const peers = new Set([...bySrc.keys()].flatMap(peersOf));
    const unused = runtime.filter((name) => !bySrc.has(name) && !peers.has(name));
    // e.g. adaptivecards: only the card tests validate with it, so it is a devDependency.
    expect(unused).toEqual([]);
  });

  it("keeps package-lock.json's root entry and dev flags in step with package.json", () => {
    const root = lock.packages['']!;
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    // A production install (--omit=dev) skips `dev` entries: each must be needed by nothing at runtime, and the rest must not be marked.
    const needed = productionClosure();
    for (const name of runtime) expect(needed.has(`node_modules/${name}`), name).toBe(true);
    const wronglyDev = [...needed].filter((at) => lock.packages[at]!.dev);
    const wronglyRuntime = Object.keys(lock.packages).filter((at) => at && !needed.has(at) && !lock.packages[at]!.dev && !lock.packages[at]!.devOptional);
    expect({ wronglyDev, wronglyRuntime }).toEqual({ wronglyDev: [], wronglyRuntime: [] });
  });
});
