import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureCorpus, parseCorpus } from '../../../src/domain/guard/measure';
import { STRUCTURED_KINDS } from '../../../src/domain/guard/types';

const load = (file: string) => parseCorpus(JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures', file), 'utf8')));
// The texts the guard was developed with, and those held back while it was (measured at the end).
const corpus = [...load('guard-corpus.json'), ...load('guard-corpus-holdout.json')];
const m = measureCorpus(corpus);

describe('guard corpus', () => {
  it('is big and balanced enough to mean something', () => {
    const personal = corpus.filter((e) => e.personal).length;
    expect(corpus.length).toBeGreaterThanOrEqual(700);
    expect(personal / corpus.length).toBeGreaterThan(0.4);
    expect(personal / corpus.length).toBeLessThan(0.6);
    expect(new Set(corpus.map((e) => e.lang))).toEqual(new Set(['nb', 'en']));
    for (const kind of [...STRUCTURED_KINDS, 'personName', 'indirect'] as const) expect(m.perKind[kind].expected).toBeGreaterThanOrEqual(9);
  });

  it.each(STRUCTURED_KINDS)('catches every %s', (kind) => {
    expect(m.misses.filter((x) => x.kind === kind)).toEqual([]);
    expect(m.perKind[kind].rate).toBe(1);
  });

  it('catches at least 97 % of names', () => {
    expect(m.names.rate).toBeGreaterThanOrEqual(0.97);
  });

  it('catches at least 85 % of texts that single out one young person without a name', () => {
    expect(m.indirect.rate).toBeGreaterThanOrEqual(0.85);
  });

  it('catches every labelled kind in at least 95 % of personal texts, not just something in them', () => {
    expect(m.overall.rate).toBeGreaterThanOrEqual(0.95);
  });

  it('has a label for everything the guard finds in a personal text', () => {
    expect(m.unlabelled).toEqual([]);
  });

  it('passes at least 97 % of clean texts', () => {
    expect(1 - m.clean.falsePositiveRate).toBeGreaterThanOrEqual(0.97);
  });
});

describe('measureCorpus', () => {
  it('counts recall per kind and false positives', () => {
    const result = measureCorpus([
      { text: 'Ring 912 34 567.', lang: 'nb', personal: true, kinds: ['phone'] },
      { text: 'Skolen bekymrer seg for Kornelius.', lang: 'nb', personal: true, kinds: ['personName'] },
      { text: '12 elever per uke.', lang: 'nb', personal: false, kinds: [] },
      { text: 'Send til a@b.no.', lang: 'nb', personal: false, kinds: [] },
    ]);
    expect(result.perKind.phone).toEqual({ expected: 1, caught: 1, rate: 1 });
    expect(result.names).toEqual({ expected: 1, caught: 0, rate: 0 });
    expect(result.overall).toEqual({ expected: 2, caught: 1, rate: 0.5 });
    expect(result.clean).toEqual({ total: 2, passed: 1, falsePositiveRate: 0.5 });
    expect(result.falsePositivesPerKind).toEqual({
      nationalId: 0,
      dNumber: 0,
      phone: 0,
      email: 1,
      address: 0,
      handle: 0,
      plate: 0,
      personName: 0,
      indirect: 0,
    });
    expect(result.misses).toEqual([{ text: 'Skolen bekymrer seg for Kornelius.', kind: 'personName', found: [] }]);
  });

  it('does not count a text as caught when it was refused for one of its kinds but another got through', () => {
    // The name is found; the number, spelled out, is not – and would be stored once the name is removed.
    const text = 'Mor til Emma har nummer ni-en-to tre-fire fem-seks-sju.';
    const result = measureCorpus([{ text, lang: 'nb', personal: true, kinds: ['personName', 'phone'] }]);
    expect(result.refused).toEqual({ expected: 1, caught: 1, rate: 1 });
    expect(result.overall).toEqual({ expected: 1, caught: 0, rate: 0 });
    expect(result.perKind.personName.rate).toBe(1);
    expect(result.perKind.phone.rate).toBe(0);
    expect(result.misses).toEqual([{ text, kind: 'phone', found: ['personName'] }]);
  });

  it('reports findings of a kind a personal text is not labelled with', () => {
    const text = 'Eleven Jonas har tlf 912 34 567.';
    const result = measureCorpus([{ text, lang: 'nb', personal: true, kinds: ['personName'] }]);
    expect(result.unlabelled).toEqual([{ text, findings: [{ kind: 'phone', start: 21, end: 31, text: '912 34 567' }] }]);
  });

  it('rejects a malformed corpus', () => {
    expect(() => parseCorpus([{ text: 'x', lang: 'de', personal: false, kinds: [] }])).toThrow(/entry 0/);
    expect(() => parseCorpus([{ text: 'x', lang: 'nb', personal: true, kinds: [] }])).toThrow(/personal/);
    const twice = { text: 'Samme tekst.', lang: 'nb', personal: false, kinds: [] };
    expect(() => parseCorpus([twice, twice])).toThrow(/entry 1 repeats/);
  });
});
