import { screenText } from './index';
import { FINDING_KINDS, type Finding, type FindingKind } from './types';

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
  /** nationalId, phone, email and address together. */
  structured: Rate;
  names: Rate;
  /** Personal texts that were refused at all (whatever kind was found). */
  overall: Rate;
  /** Clean texts that passed; `falsePositiveRate` = 1 − passed/total. */
  clean: { total: number; passed: number; falsePositiveRate: number };
  misses: { text: string; kind: FindingKind; found: FindingKind[] }[];
  falsePositives: { text: string; findings: Finding[] }[];
}

const rate = (expected: number, caught: number): Rate => ({ expected, caught, rate: expected === 0 ? 1 : caught / expected });
const STRUCTURED: readonly FindingKind[] = ['nationalId', 'phone', 'email', 'address'];

/** Screens every entry and computes recall per kind and the false-positive rate on clean texts. */
export function measureCorpus(entries: readonly CorpusEntry[]): CorpusMeasurement {
  const expected = new Map<FindingKind, number>(FINDING_KINDS.map((k) => [k, 0]));
  const caught = new Map<FindingKind, number>(FINDING_KINDS.map((k) => [k, 0]));
  const misses: CorpusMeasurement['misses'] = [];
  const falsePositives: CorpusMeasurement['falsePositives'] = [];
  let personal = 0;
  let refused = 0;
  let clean = 0;
  let passed = 0;
  for (const entry of entries) {
    const result = screenText(entry.text);
    const found = [...new Set(result.findings.map((f) => f.kind))];
    if (!entry.personal) {
      clean++;
      if (result.ok) passed++;
      else falsePositives.push({ text: entry.text, findings: result.findings });
      continue;
    }
    personal++;
    if (!result.ok) refused++;
    for (const kind of entry.kinds) {
      expected.set(kind, (expected.get(kind) ?? 0) + 1);
      if (found.includes(kind)) caught.set(kind, (caught.get(kind) ?? 0) + 1);
      else misses.push({ text: entry.text, kind, found });
    }
  }
  const sum = (kinds: readonly FindingKind[], m: Map<FindingKind, number>): number => kinds.reduce((s, k) => s + (m.get(k) ?? 0), 0);
  const perKind = Object.fromEntries(FINDING_KINDS.map((k) => [k, rate(expected.get(k) ?? 0, caught.get(k) ?? 0)])) as Record<FindingKind, Rate>;
  return {
    perKind,
    structured: rate(sum(STRUCTURED, expected), sum(STRUCTURED, caught)),
    names: perKind.personName,
    overall: rate(personal, refused),
    clean: { total: clean, passed, falsePositiveRate: clean === 0 ? 0 : 1 - passed / clean },
    misses,
    falsePositives,
  };
}

/** Validates parsed JSON as corpus entries; throws with the index of the first bad entry. */
export function parseCorpus(json: unknown): CorpusEntry[] {
  if (!Array.isArray(json)) throw new Error('corpus must be a JSON array');
  return json.map((raw: unknown, i) => {
    const e = raw as Partial<CorpusEntry> | null;
    const kindsOk = Array.isArray(e?.kinds) && e.kinds.every((k) => FINDING_KINDS.includes(k));
    if (!e || typeof e.text !== 'string' || (e.lang !== 'nb' && e.lang !== 'en') || typeof e.personal !== 'boolean' || !kindsOk) {
      throw new Error(`corpus entry ${i} is malformed`);
    }
    if (e.personal !== (e.kinds ?? []).length > 0) throw new Error(`corpus entry ${i}: personal must match kinds`);
    return { text: e.text, lang: e.lang, personal: e.personal, kinds: e.kinds ?? [] };
  });
}
