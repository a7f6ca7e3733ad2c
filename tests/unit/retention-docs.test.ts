import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RETENTION_POLICY } from '../../src/domain/retention';

/**
 * The retention table is written twice for people — in English for developers
 * (docs/trends-and-escalations.md) and in Norwegian for the data protection officer
 * (docs/personvern.md) — and once as data for the code (RETENTION_POLICY, which the retention
 * job and tests/e2e/retention.test.ts follow). Each rule must have its row in both documents,
 * naming every column it empties and saying when a row is deleted; and no document may promise
 * a table the code does not erase.
 */
const ROOT = path.resolve(__dirname, '../..');
const DOCS = [
  { file: 'docs/trends-and-escalations.md', deleted: 'deleted' },
  { file: 'docs/personvern.md', deleted: 'slettes' },
];
/** The column a policy entry names: its first word ('items (titles …)' → 'items'). */
const column = (erased: string): string => erased.split(/[\s(]/)[0]!;

/** The rows of the retention table in a document: lines of a table whose first cell is a table name in backticks. */
function rows(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const tables = new Set(RETENTION_POLICY.map((r) => r.table));
  const retention = text.slice(text.search(/\| (table|tabell) \| (which rows|hvilke rader)/));
  return retention
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .filter((l) => tables.has(/^\| `([^`]+)`/.exec(l)?.[1] ?? ''))
    .slice(0, RETENTION_POLICY.length + 5);
}

describe('the retention table in the documents agrees with RETENTION_POLICY', () => {
  for (const doc of DOCS) {
    it(`${doc.file} has a row per rule, naming every column it empties, and says which rows are deleted`, () => {
      const table = rows(doc.file);
      const unmatched = [...table];
      for (const rule of RETENTION_POLICY) {
        const match = unmatched.find(
          (l) =>
            l.startsWith(`| \`${rule.table}\` |`) &&
            rule.erased.every((e) => l.includes(`\`${column(e)}\``)) &&
            (!rule.deleted || l.split('|').at(-2)!.includes(doc.deleted)),
        );
        expect(match, `${doc.file}: a row for ${rule.table} naming ${rule.erased.map(column).join(', ')}${rule.deleted ? ' (deleted)' : ''}`).toBeDefined();
        unmatched.splice(unmatched.indexOf(match!), 1);
      }
      expect(unmatched, 'rows the code does not carry out').toEqual([]);
    });
  }

  it('fails for a document that leaves a column out (the check can fail)', () => {
    const rule = RETENTION_POLICY[0]!;
    const row = `| \`${rule.table}\` | x | \`${column(rule.erased[0]!)}\` |`;
    expect(rule.erased.every((e) => row.includes(`\`${column(e)}\``))).toBe(false);
  });
});
