import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/actions';

/**
 * The house rules are kept by tools, and the tools must catch a breach: `npm run check:layers`
 * (dependency-cruiser, .dependency-cruiser.cjs) and `npm run lint` (Biome, biome.jsonc) are run on
 * a scratch copy of the configuration with a deliberately broken src/, and must fail naming the
 * rule. On the real tree they pass (CI runs them in .ci/run).
 */
const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'slt-house-rules-'));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A scratch project: our configs, node_modules linked, and the given src files. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  for (const config of ['.dependency-cruiser.cjs', 'biome.jsonc', 'tsconfig.json', '.gitignore'])
    fs.copyFileSync(path.join(ROOT, config), path.join(dir, config));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs a tool from node_modules/.bin in `dir`; its exit code and everything it printed. */
async function tool(dir: string, bin: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules', '.bin', bin), args, { cwd: dir, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const layers = (dir: string) => tool(dir, 'depcruise', ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);

describe('layer rules (dependency-cruiser)', () => {
  it('refuses an import cycle, also one through types only', async () => {
    const dir = project('cycle', {
      'src/app/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
      'src/app/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
    });
    const result = await layers(dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('no-circular');
  });

  it('refuses domain code that imports another layer or the bot framework outside the edge', async () => {
    const dir = project('outward', {
      'src/domain/rule.ts': "import type { Reply } from '../handler-types';\nexport const r: Reply[] = [];\n",
      'src/handler-types.ts': 'export type Reply = { text: string };\n',
      'src/views/card.ts': "import { TurnContext } from 'botbuilder';\nexport const t = TurnContext;\n",
    });
    const result = await layers(dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('domain-imports-nothing-outward');
    expect(result.output).toContain('bot-framework-at-the-edge');
  });

  it('refuses MSAL or the Graph types outside src/graph, and src/graph reaching into a use case', async () => {
    const dir = project('graph', {
      'src/app/token.ts': "import { ConfidentialClientApplication } from '@azure/msal-node';\nexport const C = ConfidentialClientApplication;\n",
      'src/views/event.ts': "import type { Event } from '@microsoft/microsoft-graph-types';\nexport const e: Event = {};\n",
      'src/app/use.ts': 'export const x = 1;\n',
      'src/graph/client.ts': "import { x } from '../app/use';\nexport const y = x;\n",
    });
    const result = await layers(dir);
    expect(result.code).not.toBe(0);
    expect(result.output.match(/graph-in-graph/g)?.length).toBeGreaterThanOrEqual(2);
    expect(result.output).toContain('graph-below-use-cases');
  });

  it('passes on a tree that keeps the rules', async () => {
    const dir = project('clean', {
      'src/domain/rule.ts': 'export const limit = 3;\n',
      'src/app/use.ts': "import { limit } from '../domain/rule';\nexport const twice = limit * 2;\n",
    });
    const result = await layers(dir);
    expect(result.output).toContain('no dependency violations');
    expect(result.code).toBe(0);
  });
});

describe('lint (Biome)', () => {
  it('refuses console output and environment reads in src, and unformatted code', async () => {
    const dir = project('lint', {
      'src/handler.ts': "export function f(): string {\n  console.log('hei');\n  return process.env.SECRET ?? '';\n}\n",
      'src/ugly.ts': 'export const x = {a:1,\n    b:2}\n',
    });
    const result = await tool(dir, 'biome', ['check', '.']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('noConsole');
    expect(result.output).toContain('noProcessEnv');
    expect(result.output).toMatch(/ugly\.ts[^\n]*format/);
  });
});

describe('cards and handlers', () => {
  it('every Action.Execute verb in cards/*.json has a handler in the one table', () => {
    const verbs = new Set<string>();
    for (const file of fs.readdirSync(path.join(ROOT, 'cards')).filter((f) => f.endsWith('.json'))) {
      const text = fs.readFileSync(path.join(ROOT, 'cards', file), 'utf8');
      for (const m of text.matchAll(/"verb"\s*:\s*"([^"$]+)"/g)) verbs.add(m[1]!);
    }
    expect(verbs.size).toBeGreaterThan(10);
    const missing = [...verbs].filter((v) => !(v in ACTIONS));
    expect(missing).toEqual([]);
  });
});

describe('membership', () => {
  /** Every .ts file under src. */
  const sources = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  it('a body’s members are read only through src/domain/membership.ts, never from its channel reference directly', () => {
    // A standard channel's members are its team's: reading `body.ref` alone would get the kind wrong for fakes and stand-ins.
    const direct = /roster\.(members|isMember)\(\s*[\w.]*\.ref\b/;
    const offenders = sources(path.join(ROOT, 'src'))
      .filter((f) => !f.endsWith(path.join('domain', 'membership.ts')))
      .filter((f) => direct.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
    // The rule can fail: the code before this rule read the board's roster so.
    expect(direct.test('await deps.roster.isMember(board.ref, actor.id)')).toBe(true);
  });
});
