/**
 * Measures the confidentiality guard on the labelled corpus: recall and false positives per kind. A
 * personal text counts as caught only when every kind it is labelled with was found.
 * Usage (after `npx tsc -p tsconfig.json`): node dist/scripts/guard-corpus.js [path/to/corpus.json]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { measureCorpus, parseCorpus, type Rate } from '../src/domain/guard/measure';
import { FINDING_KINDS } from '../src/domain/guard/types';

const file = process.argv[2] ?? path.resolve(process.cwd(), 'tests/fixtures/guard-corpus.json');
const entries = parseCorpus(JSON.parse(readFileSync(file, 'utf8')));
const m = measureCorpus(entries);

const pct = (r: Rate): string => `${(r.rate * 100).toFixed(1)} % (${r.caught}/${r.expected})`;
const personal = entries.filter((e) => e.personal).length;
console.log(`Corpus: ${entries.length} texts, ${personal} with personal data, ${entries.length - personal} clean\n`);
console.log('Per kind                 recall                 false positives on clean texts');
for (const kind of FINDING_KINDS) {
  console.log(`  ${kind.padEnd(11)}  ${pct(m.perKind[kind]).padEnd(22)}  ${m.falsePositivesPerKind[kind]}`);
}
console.log(`\nStructured identifiers (nationalId/phone/email/address): ${pct(m.structured)}`);
console.log(`Names:                                                  ${pct(m.names)}`);
console.log(`Personal texts with every labelled kind caught:         ${pct(m.overall)}`);
console.log(`Personal texts refused at all (for comparison):         ${pct(m.refused)}`);
const fp = m.clean.total - m.clean.passed;
console.log(`False-positive rate on clean texts:                     ${(m.clean.falsePositiveRate * 100).toFixed(1)} % (${fp}/${m.clean.total})`);
console.log(`\nMisses (${m.misses.length})`);
for (const miss of m.misses) console.log(`  [${miss.kind}] ${miss.text}${miss.found.length ? `  (found: ${miss.found.join(', ')})` : ''}`);
console.log(`\nUnlabelled findings in personal texts (${m.unlabelled.length})`);
for (const u of m.unlabelled) console.log(`  ${u.text}\n    → ${u.findings.map((x) => `${x.kind} «${x.text}»`).join(', ')}`);
console.log(`\nFalse positives (${m.falsePositives.length})`);
for (const f of m.falsePositives) console.log(`  ${f.text}\n    → ${f.findings.map((x) => `${x.kind} «${x.text}»`).join(', ')}`);
