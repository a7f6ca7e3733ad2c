import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { CardJson } from '../handler-types';
import { repoRoot } from '../paths';
import { escapeDeep } from './escape';

export const CARDS_DIR = path.join(repoRoot(__dirname), 'cards');

/**
 * Prepared templates by name. Preparing parses every `${…}` with the expression parser (0.6 ms
 * for `help`, 5 ms for `trend-form` on the 2-core bench machine) while binding takes ~0.15 ms,
 * so each template is prepared once per process. Binding is synchronous, so one instance
 * serves every request.
 */
const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad card name ${name}`);
    t = new ACData.Template(JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

/**
 * Binds a template from `cards/<name>.json` with data. Every string in `data` is escaped
 * first (see escapeUserText), so formatting belongs in the template, never in the data.
 * Fields listed in `raw` are bound unescaped: use only for values the bot itself built
 * (URLs, ids, verbs), never for anything a user typed.
 */
export function renderCard<D extends object>(name: string, data: D, raw: Partial<Record<string, unknown>> = {}): CardJson {
  return template(name).expand({ $root: { ...escapeDeep(data), ...raw } }) as CardJson;
}

/** Lists template names in cards/ (for tests). */
export function listTemplates(): string[] {
  return fs
    .readdirSync(CARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
}
