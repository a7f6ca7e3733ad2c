/**
 * Measures the confidentiality guard on the labelled corpus: recall per kind and false positives.
 * Usage (after `npx tsc -p tsconfig.json`): node dist/scripts/guard-corpus.js [path/to/corpus.json]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { measureCorpus, parseCorpus, type Rate } from '../src/domain/guard/measure';

const file = process.argv[2] ?? path.resolve(process.cwd(), 'tests/fixtures/guard-corpus.json');
const entries = parseCorpus(JSON.parse(readFileSync(file, 'utf8')));
const m = measureCorpus(entries);

const pct = (r: Rate): string => `${(r.rate * 100).toFixed(1)} % (${r.caught}/${r.expected})`;
const personal = entries.filter((e) => e.personal).length;
console.log(`Corpus: ${entries.length} texts, ${personal} with personal data, ${entries.length - personal} clean\n`);
console.log('Recall per kind');
for (const [kind, r] of Object.entries(m.perKind)) console.log(`  ${kind.padEnd(11)} ${pct(r)}`);
console.log(`\nStructured identifiers (nationalId/phone/email/address): ${pct(m.structured)}`);
console.log(`Names:                                                  ${pct(m.names)}`);
console.log(`Overall (personal texts refused):                       ${pct(m.overall)}`);
const fp = m.clean.total - m.clean.passed;
console.log(`False-positive rate on clean texts:                     ${(m.clean.falsePositiveRate * 100).toFixed(1)} % (${fp}/${m.clean.total})`);

console.log(`\nMisses (${m.misses.length})`);
for (const miss of m.misses) console.log(`  [${miss.kind}] ${miss.text}${miss.found.length ? `  (found: ${miss.found.join(', ')})` : ''}`);
console.log(`\nFalse positives (${m.falsePositives.length})`);
for (const f of m.falsePositives) console.log(`  ${f.text}\n    → ${f.findings.map((x) => `${x.kind} «${x.text}»`).join(', ')}`);
