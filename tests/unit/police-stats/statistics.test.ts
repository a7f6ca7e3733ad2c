import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CATEGORIES,
  normalVariation,
  type PoliceFigure,
  parsePoliceTable,
  policeChapter,
  policeDigest,
  policeUpdate,
} from '../../../src/domain/police-stats';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'police');
const OPTS = { categories: DEFAULT_CATEGORIES, thisYear: 2025 };
const read = (table: 'offences' | 'offencesByAge' | 'persons', name: string) =>
  parsePoliceTable(table, fs.readFileSync(path.join(DIR, name), 'utf8'), OPTS).figures;
const SEED: PoliceFigure[] = [
  ...read('persons', 'tabell-1-personer.txt'),
  ...read('offences', 'tabell-2-lovbrudd.txt'),
  ...read('offencesByAge', 'tabell-3-aldersgrupper.txt'),
];

describe('normal variation: this year against the range of the seven before', () => {
  const years = (values: number[]): Map<number, number> => new Map(values.map((v, i) => [2017 + i, v]));

  it('is within when the figure lies between the lowest and highest of the previous seven (ends included)', () => {
    expect(normalVariation(years([14, 47, 68, 29, 33, 26, 18, 18]), 2024)).toEqual({ position: 'within', min: 14, max: 68, years: 7 });
    expect(normalVariation(years([14, 47, 68, 29, 33, 26, 18, 68]), 2024)?.position).toBe('within');
  });

  it('is above or below outside that range, and unknown with fewer than three previous years', () => {
    expect(normalVariation(years([9, 5, 4, 9, 14, 18, 27, 42]), 2024)).toEqual({ position: 'above', min: 4, max: 27, years: 7 });
    expect(normalVariation(years([10, 12, 11, 13, 12, 14, 11, 3]), 2024)?.position).toBe('below');
    expect(normalVariation(years([10, 12, 11]), 2019)).toBeUndefined();
  });
});

describe("the annual report's police chapter from the seed's tables", () => {
  const chapter = policeChapter(SEED, 2024, 3)!;
  const type = (name: string) => chapter.mainTypes.find((t) => t.category === name)!;

  it('has the figure, the change from last year and the range judgement per main offence type', () => {
    expect(type('Vinning')).toMatchObject({ value: 87, change: -123, variation: { position: 'within', min: 84, max: 210 } });
    expect(type('Narkotika')).toMatchObject({ value: 18, change: 0, variation: { position: 'within' } });
    expect(type('Vold')).toMatchObject({ value: 69, change: -5, variation: { position: 'within' } });
    expect(type('Hensynsløs adferd/Personforfølgelse').variation?.position).toBe('above');
    expect(chapter.mainTypes.map((t) => t.category)).not.toContain('Butikktyveri');
    expect(chapter.total).toEqual({ value: 268, previous: 388, change: -120 });
  });

  it('keeps the three tables in the seed shape: eight years, the total last, both age bands', () => {
    expect(chapter.offences.years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(chapter.offences.rows.at(-1)?.category).toBe('Total');
    expect(chapter.offences.rows.map((r) => r.category).slice(0, 2)).toEqual(['Annen', 'Bæring av kniv/annet våpen']);
    const young = chapter.byAge.find((t) => t.band === '10-14')!;
    expect(young.rows.find((r) => r.category === 'Vold')).toMatchObject({ values: [9, 5, 4, 9, 14, 18, 27, 42], change: 15 });
    expect(chapter.persons.rows.map((r) => `${r.gender} ${r.band}`)).toEqual([
      'girls 10-17',
      'girls 10-14',
      'girls 15-17',
      'boys 10-17',
      'boys 10-14',
      'boys 15-17',
      'all 10-17',
      'all 10-14',
      'all 15-17',
    ]);
    expect(chapter.personMarks.flat().every((m) => m === 'shown')).toBe(true);
  });
});

describe('the update that opens a meeting', () => {
  const monthly = (category: string, year: number, values: number[]): PoliceFigure[] =>
    values.map((value, i) => ({ table: 'monthly', year, month: i + 1, band: '10-17', gender: 'all', category, order: 0, value }));

  it('compares the latest month and the year to date with last year, and names the three largest changes', () => {
    const figures = [
      ...monthly('Total', 2024, [20, 22, 25, 30]),
      ...monthly('Total', 2025, [25, 20, 31]),
      ...monthly('Vinning', 2024, [10, 10, 10]),
      ...monthly('Vinning', 2025, [4, 5, 6]),
      ...monthly('Vold', 2024, [3, 3, 3]),
      ...monthly('Vold', 2025, [5, 6, 7]),
      ...monthly('Narkotika', 2024, [1, 1, 1]),
      ...monthly('Narkotika', 2025, [1, 1, 2]),
      ...monthly('Trafikk', 2024, [2, 2, 2]),
      ...monthly('Trafikk', 2025, [2, 2, 2]),
    ];
    const u = policeUpdate(figures, { year: 2025, month: 5 })!;
    expect(u.latest).toEqual({ year: 2025, month: 3, value: 31, previous: 25, change: 6 });
    expect(u.yearToDate).toEqual({ year: 2025, month: 3, value: 76, previous: 67, change: 9 });
    expect(u.changes.map((c) => [c.category, c.change])).toEqual([
      ['Vinning', -15],
      ['Vold', 9],
      ['Narkotika', 1],
    ]);
    expect(u.changesBasis).toEqual({ kind: 'yearToDate', year: 2025, month: 3 });
  });

  it('falls back to the last whole year by offence type when months come without types', () => {
    const u = policeUpdate(SEED, { year: 2025, month: 2 })!;
    expect(u.latest).toBeUndefined();
    expect(u.changesBasis).toEqual({ kind: 'year', year: 2024 });
    expect(u.changes.map((c) => [c.category, c.change])).toEqual([
      ['Vinning', -123],
      ['Bæring av kniv/annet våpen', -11],
      // Ran, Trafikk and Vold all changed by 5: the tie goes by name.
      ['Ran', -5],
    ]);
  });
});

describe("the digest's police section", () => {
  it('shows the last year by main type and suspects by gender × age band, small counts suppressed', () => {
    const few: PoliceFigure[] = [
      ...SEED.filter((f) => f.table !== 'persons'),
      { table: 'persons', year: 2024, month: 0, band: '10-14', gender: 'girls', category: '', order: 0, value: 2 },
      { table: 'persons', year: 2024, month: 0, band: '15-17', gender: 'girls', category: '', order: 0, value: 7 },
      { table: 'persons', year: 2024, month: 0, band: '10-14', gender: 'boys', category: '', order: 0, value: 9 },
      { table: 'persons', year: 2024, month: 0, band: '15-17', gender: 'boys', category: '', order: 0, value: 12 },
    ];
    const d = policeDigest(few, '2025-01', 3)!;
    expect(d.basis).toEqual({ kind: 'year', year: 2024 });
    expect(d.rows[0]).toMatchObject({ category: 'Vinning', value: 87, change: -123 });
    expect(d.total).toEqual({ value: 268, previous: 388, change: -120 });
    expect(d.persons?.values).toEqual([
      [2, 7],
      [9, 12],
    ]);
    expect(d.persons?.marks[0]).toEqual(['small', 'hidden']);
  });
});
