import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, type PoliceFigure, parseCategoryList, parsePoliceTable, personGroupOf } from '../../../src/domain/police-stats';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'police');
const fixture = (name: string): string => fs.readFileSync(path.join(DIR, name), 'utf8');
const OPTS = { categories: DEFAULT_CATEGORIES, thisYear: 2025 };
const value = (figures: readonly PoliceFigure[], where: Partial<PoliceFigure>): number | undefined =>
  figures.find((f) => Object.entries(where).every(([k, v]) => f[k as keyof PoliceFigure] === v))?.value;

describe('reading the police tables as printed in the annual report (space-separated)', () => {
  it('reads Tabell 2: every offence type and the total for 2017–2024, subcategories under their main type', () => {
    const r = parsePoliceTable('offences', fixture('tabell-2-lovbrudd.txt'), OPTS);
    expect(r.problems).toEqual([]);
    expect(r.years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(r.figures).toHaveLength(17 * 8);
    expect(value(r.figures, { category: 'Vinning', year: 2024 })).toBe(87);
    expect(value(r.figures, { category: 'Narkotika', year: 2019 })).toBe(68);
    expect(value(r.figures, { category: 'Total', year: 2023 })).toBe(388);
    const sub = r.figures.find((f) => f.category === 'Mot. off. tj.person');
    expect(sub?.parent).toBe('Vold');
    expect(r.figures.find((f) => f.category === 'Butikktyveri')?.parent).toBe('Vinning');
    expect(r.figures.find((f) => f.category === 'Ran')?.parent).toBeUndefined();
    // The caption lines are skipped and said so; the printed change agrees with the figures.
    expect(r.notes.map((n) => n.what.code)).toEqual(['skipped', 'skipped']);
  });

  it('reads Tabell 3: the two age bands, each after its line', () => {
    const r = parsePoliceTable('offencesByAge', fixture('tabell-3-aldersgrupper.txt'), OPTS);
    expect(r.problems).toEqual([]);
    expect([...r.bands].sort()).toEqual(['10-14', '15-17']);
    expect(value(r.figures, { band: '10-14', category: 'Vold', year: 2024 })).toBe(42);
    expect(value(r.figures, { band: '15-17', category: 'Vold', year: 2024 })).toBe(28);
    expect(value(r.figures, { band: '15-17', category: 'Total', year: 2019 })).toBe(274);
  });

  it('reads Tabell 1: unique suspects by gender and age band', () => {
    const r = parsePoliceTable('persons', fixture('tabell-1-personer.txt'), OPTS);
    expect(r.problems).toEqual([]);
    expect(r.figures).toHaveLength(9 * 8);
    expect(value(r.figures, { gender: 'girls', band: '10-14', year: 2023 })).toBe(68);
    expect(value(r.figures, { gender: 'boys', band: '10-17', year: 2024 })).toBe(180);
    expect(value(r.figures, { gender: 'all', band: '15-17', year: 2017 })).toBe(92);
  });

  it('takes Tabell 2 printed twice as one table, noting the repeat', () => {
    const t = fixture('tabell-2-lovbrudd.txt');
    const r = parsePoliceTable('offences', `${t}\n${t}`, OPTS);
    expect(r.problems).toEqual([]);
    expect(r.figures).toHaveLength(17 * 8);
    expect(r.notes.filter((n) => n.what.code === 'repeated')).toHaveLength(17);
  });
});

describe('separators, change column and refusals', () => {
  const HEAD = 'Lovbruddstype;2022;2023;2024;23-24';

  it('reads semicolons and tabs, and recomputes the change instead of trusting it', () => {
    const semi = parsePoliceTable('offences', `${HEAD}\nVinning;121;210;87;-120`, OPTS);
    expect(semi.problems).toEqual([]);
    expect(semi.notes).toEqual([
      { line: 2, text: 'Vinning;121;210;87;-120', what: { code: 'changeDiffers', label: 'Vinning', given: '-120', computed: -123 } },
    ]);
    const tabs = parsePoliceTable('offences', '\t2023\t2024\nNarkotika\t18\t18\nTrusler\t15\t', OPTS);
    expect(tabs.problems).toEqual([]);
    expect(tabs.figures.map((f) => [f.category, f.year, f.value])).toEqual([
      ['Narkotika', 2023, 18],
      ['Narkotika', 2024, 18],
      ['Trusler', 2023, 15],
    ]);
  });

  it('names the line and column of a letter where a number belongs, in every layout', () => {
    const semi = parsePoliceTable('offences', `${HEAD}\nNarkotika;26;1B;18;0`, OPTS);
    expect(semi.problems).toEqual([{ line: 2, text: 'Narkotika;26;1B;18;0', what: { code: 'notNumber', token: '1B', column: '2023' } }]);
    const spaces = parsePoliceTable('offences', '2022 2023 2024 23-24\nNarkotika 26 1B 18 0\nVold 44 74 x -5', OPTS);
    expect(spaces.problems.map((p) => [p.line, p.what.code])).toEqual([
      [2, 'notNumber'],
      [3, 'tooFewValues'],
    ]);
    expect(spaces.problems[1]!.what).toEqual({ code: 'tooFewValues', found: 1, expected: 4, before: 'x' });
  });

  it('refuses rows before the years, negative counts, future years and unknown person groups', () => {
    expect(parsePoliceTable('offences', 'Vinning;3;4', OPTS).problems[0]!.what.code).toBe('noHeader');
    expect(parsePoliceTable('offences', ';2024\nVinning;-3', OPTS).problems[0]!.what.code).toBe('negative');
    expect(parsePoliceTable('offences', ';2026\nVinning;3', OPTS).problems[0]!.what).toEqual({ code: 'futureYear', year: 2026 });
    expect(parsePoliceTable('persons', ';2024\nVoksne;3', OPTS).problems[0]!.what).toEqual({ code: 'unknownGroup', label: 'Voksne' });
    expect(parsePoliceTable('offencesByAge', ';2024\nVold;3', OPTS).problems[0]!.what.code).toBe('noBand');
  });

  it('keeps a category it does not know as a new main type and says so', () => {
    const r = parsePoliceTable('offences', ';2024\nNettovergrep;4', OPTS);
    expect(r.problems).toEqual([]);
    expect(r.figures[0]).toMatchObject({ category: 'Nettovergrep', value: 4 });
    expect(r.figures[0]!.parent).toBeUndefined();
    expect(r.notes[0]!.what).toEqual({ code: 'newCategory', label: 'Nettovergrep' });
  });

  it('reads months, per offence type after a line naming it, the current year left open', () => {
    const text = ['Måned;2024;2025', 'Januar;20;25', 'Februar;18;', 'Vinning', 'jan;8;10', 'feb;7;'].join('\n');
    const r = parsePoliceTable('monthly', text, OPTS);
    expect(r.problems).toEqual([]);
    expect(value(r.figures, { category: 'Total', year: 2025, month: 1 })).toBe(25);
    expect(value(r.figures, { category: 'Vinning', year: 2024, month: 2 })).toBe(7);
    expect(r.figures.some((f) => f.year === 2025 && f.month === 2)).toBe(false);
  });
});

describe('the configurable list of categories', () => {
  it('reads main types and subcategories, and refuses a subcategory of an unknown type', () => {
    const ok = parseCategoryList('Vinning; Butikktyveri>Vinning; Vold');
    expect(ok).toEqual({ ok: true, categories: [{ label: 'Vinning' }, { label: 'Butikktyveri', parent: 'Vinning' }, { label: 'Vold' }] });
    expect(parseCategoryList('Trusler>Vold').ok).toBe(false);
  });

  it('recognises person groups with and without an age band', () => {
    expect(personGroupOf('Jenter 15-17år')).toEqual({ gender: 'girls', band: '15-17' });
    expect(personGroupOf('Gutter')).toEqual({ gender: 'boys', band: '10-17' });
    expect(personGroupOf('10 - 14år')).toEqual({ gender: 'all', band: '10-14' });
    expect(personGroupOf('Voksne')).toBeUndefined();
  });
});
