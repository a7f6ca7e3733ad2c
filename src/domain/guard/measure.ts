import { screenText } from './index';
import { FINDING_KINDS, type Finding, type FindingKind, STRUCTURED_KINDS } from './types';

/** One labelled text of the guard corpus (tests/fixtures/guard-corpus.json). */
export interface CorpusEntry {
  text: string;
  lang: 'nb' | 'en';
  personal: boolean;
  kinds: FindingKind[];
}

/** Caught out of expected. `rate` is 1 when nothing was expected. */
export interface Rate {
  expected: number;
  caught: number;
  rate: number;
}

export interface CorpusMeasurement {
  perKind: Record<FindingKind, Rate>;
  /** The kinds that identify on their own (identity and D-numbers, phone, e-mail, address, handle, plate) together. */
  structured: Rate;
  names: Rate;
  /** Texts that single out one young person without a name or number. */
  indirect: Rate;
  /**
   * Personal texts in which every labelled kind was found. A text refused for the wrong reason (a
   * "name" found in a text whose phone number got through) is not caught: the phone would be stored.
   */
  overall: Rate;
  /** Personal texts refused at all, whatever was found: what the user sees, not what the guard knew. */
  refused: Rate;
  /** Clean texts that passed; `falsePositiveRate` = 1 − passed/total. */
  clean: { total: number; passed: number; falsePositiveRate: number };
  /** Clean texts refused, per kind of finding that refused them (a text may count under several). */
  falsePositivesPerKind: Record<FindingKind, number>;
  misses: { text: string; kind: FindingKind; found: FindingKind[] }[];
  /** Findings of a kind a personal text is not labelled with: a label missing or a detector misfiring. */
  unlabelled: { text: string; findings: Finding[] }[];
  falsePositives: { text: string; findings: Finding[] }[];
}

const rate = (expected: number, caught: number): Rate => ({ expected, caught, rate: expected === 0 ? 1 : caught / expected });

/** Screens every entry and computes recall per kind and the false-positive rate on clean texts. */
export function measureCorpus(entries: readonly CorpusEntry[]): CorpusMeasurement {
  const expected = new Map<FindingKind, number>(FINDING_KINDS.map((k) => [k, 0]));
  const caught = new Map<FindingKind, number>(FINDING_KINDS.map((k) => [k, 0]));
  const wrongly = new Map<FindingKind, number>(FINDING_KINDS.map((k) => [k, 0]));
  const misses: CorpusMeasurement['misses'] = [];
  const falsePositives: CorpusMeasurement['falsePositives'] = [];
  const unlabelled: CorpusMeasurement['unlabelled'] = [];
  let personal = 0;
  let refused = 0;
  let fullyCaught = 0;
  let clean = 0;
  let passed = 0;
  for (const entry of entries) {
    const result = screenText(entry.text);
    const found = [...new Set(result.findings.map((f) => f.kind))];
    if (!entry.personal) {
      clean++;
      if (result.ok) passed++;
      else falsePositives.push({ text: entry.text, findings: result.findings });
      for (const kind of found) wrongly.set(kind, (wrongly.get(kind) ?? 0) + 1);
      continue;
    }
    personal++;
    if (!result.ok) refused++;
    const extra = result.findings.filter((f) => !entry.kinds.includes(f.kind));
    if (extra.length > 0) unlabelled.push({ text: entry.text, findings: extra });
    let missed = false;
    for (const kind of new Set(entry.kinds)) {
      expected.set(kind, (expected.get(kind) ?? 0) + 1);
      if (found.includes(kind)) caught.set(kind, (caught.get(kind) ?? 0) + 1);
      else {
        misses.push({ text: entry.text, kind, found });
        missed = true;
      }
    }
    if (!missed) fullyCaught++;
  }
  const sum = (kinds: readonly FindingKind[], m: Map<FindingKind, number>): number => kinds.reduce((s, k) => s + (m.get(k) ?? 0), 0);
  const perKind = Object.fromEntries(FINDING_KINDS.map((k) => [k, rate(expected.get(k) ?? 0, caught.get(k) ?? 0)])) as Record<FindingKind, Rate>;
  return {
    perKind,
    structured: rate(sum(STRUCTURED_KINDS, expected), sum(STRUCTURED_KINDS, caught)),
    names: perKind.personName,
    indirect: perKind.indirect,
    overall: rate(personal, fullyCaught),
    refused: rate(personal, refused),
    clean: { total: clean, passed, falsePositiveRate: clean === 0 ? 0 : 1 - passed / clean },
    falsePositivesPerKind: Object.fromEntries(FINDING_KINDS.map((k) => [k, wrongly.get(k) ?? 0])) as Record<FindingKind, number>,
    misses,
    unlabelled,
    falsePositives,
  };
}

/**
 * Validates parsed JSON as corpus entries; throws with the index of the first bad entry. A text listed
 * twice would count twice, so duplicates are refused too.
 */
export function parseCorpus(json: unknown): CorpusEntry[] {
  if (!Array.isArray(json)) throw new Error('corpus must be a JSON array');
  const seen = new Set<string>();
  return json.map((raw: unknown, i) => {
    const e = raw as Partial<CorpusEntry> | null;
    const kindsOk = Array.isArray(e?.kinds) && e.kinds.every((k) => FINDING_KINDS.includes(k));
    if (!e || typeof e.text !== 'string' || (e.lang !== 'nb' && e.lang !== 'en') || typeof e.personal !== 'boolean' || !kindsOk) {
      throw new Error(`corpus entry ${i} is malformed`);
    }
    if (e.personal !== (e.kinds ?? []).length > 0) throw new Error(`corpus entry ${i}: personal must match kinds`);
    if (seen.has(e.text)) throw new Error(`corpus entry ${i} repeats an earlier text`);
    seen.add(e.text);
    return { text: e.text, lang: e.lang, personal: e.personal, kinds: e.kinds ?? [] };
  });
}
