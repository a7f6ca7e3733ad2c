/**
 * Measures the confidentiality guard on the labelled corpus: recall per kind, false positives on clean
 * texts, and the targets of issue 14. A personal text counts as caught only when every kind it is
 * labelled with was found. The corpus is two files: the texts the guard was developed with, and texts
 * held back while it was (guard-corpus-holdout.json); each is reported alone and then together.
 *
 * Usage (after `npx tsc -p tsconfig.json`): node dist/scripts/guard-corpus.js [corpus.json …]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CorpusEntry, type CorpusMeasurement, measureCorpus, parseCorpus, type Rate } from '../src/domain/guard/measure';
import { FINDING_KINDS, STRUCTURED_KINDS } from '../src/domain/guard/types';

const DEFAULT_FILES = ['tests/fixtures/guard-corpus.json', 'tests/fixtures/guard-corpus-holdout.json'];
const files = (process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_FILES).map((f) => path.resolve(process.cwd(), f));
const sets = files.map((file) => ({ name: path.basename(file, '.json'), entries: parseCorpus(JSON.parse(readFileSync(file, 'utf8'))) }));
if (sets.length > 1) sets.push({ name: 'all', entries: sets.flatMap((s) => s.entries) });
const measured = sets.map((s) => ({ ...s, m: measureCorpus(s.entries) }));

const pct = (r: Rate): string => (r.expected === 0 ? '–' : `${(r.rate * 100).toFixed(1)} % (${r.caught}/${r.expected})`);
const passed = (m: CorpusMeasurement): Rate => ({ expected: m.clean.total, caught: m.clean.passed, rate: 1 - m.clean.falsePositiveRate });
const counts = (entries: readonly CorpusEntry[]): string => {
  const personal = entries.filter((e) => e.personal).length;
  return `${entries.length} texts, ${personal} identifying, ${entries.length - personal} clean`;
};
const row = (label: string, cells: string[]): string => `  ${label.padEnd(30)}${cells.map((c) => c.padEnd(24)).join('')}`;

for (const s of measured) console.log(`${s.name}: ${counts(s.entries)}`);
console.log(
  `\n${row(
    'recall per kind',
    measured.map((s) => s.name),
  )}`,
);
for (const kind of FINDING_KINDS)
  console.log(
    row(
      kind,
      measured.map((s) => pct(s.m.perKind[kind])),
    ),
  );
console.log(
  row(
    'clean texts passed',
    measured.map((s) => pct(passed(s.m))),
  ),
);
console.log(
  `\n${row(
    'clean texts refused, by kind',
    measured.map((s) => s.name),
  )}`,
);
for (const kind of FINDING_KINDS)
  console.log(
    row(
      kind,
      measured.map((s) => String(s.m.falsePositivesPerKind[kind])),
    ),
  );
console.log(
  `\n${row(
    'identifying texts',
    measured.map((s) => s.name),
  )}`,
);
console.log(
  row(
    'every labelled kind caught',
    measured.map((s) => pct(s.m.overall)),
  ),
);
console.log(
  row(
    'refused at all',
    measured.map((s) => pct(s.m.refused)),
  ),
);

// The targets of issue 14, judged on all texts together.
const all = measured[measured.length - 1]!;
const targets: [string, boolean, string][] = [
  ...STRUCTURED_KINDS.map((k): [string, boolean, string] => [`${k} 100 %`, all.m.perKind[k].rate === 1, pct(all.m.perKind[k])]),
  ['names ≥ 97 %', all.m.names.rate >= 0.97, pct(all.m.names)],
  ['indirect ≥ 85 %', all.m.indirect.rate >= 0.85, pct(all.m.indirect)],
  ['clean texts passed ≥ 97 %', passed(all.m).rate >= 0.97, pct(passed(all.m))],
];
console.log(`\nTargets (issue 14), on ${all.name}:`);
for (const [name, ok, figure] of targets) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(28)}${figure}`);

for (const s of measured.slice(0, files.length)) {
  const { misses, unlabelled, falsePositives } = s.m;
  console.log(`\n${s.name}: misses (${misses.length})`);
  for (const miss of misses) console.log(`  [${miss.kind}] ${miss.text}${miss.found.length ? `  (found: ${miss.found.join(', ')})` : ''}`);
  console.log(`${s.name}: findings of a kind the text is not labelled with (${unlabelled.length})`);
  for (const u of unlabelled) console.log(`  ${u.text}\n    → ${u.findings.map((x) => `${x.kind} «${x.text}»`).join(', ')}`);
  console.log(`${s.name}: clean texts refused (${falsePositives.length})`);
  for (const f of falsePositives) console.log(`  ${f.text}\n    → ${f.findings.map((x) => `${x.feature ?? x.kind} «${x.text}»`).join(', ')}`);
}
if (targets.some(([, ok]) => !ok)) process.exitCode = 1;
