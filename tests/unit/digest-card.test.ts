import { describe, expect, it } from 'vitest';
import { suppressTable, type TrendLine } from '../../src/domain/digest';
import { groupCross, groupLines, keepLargest } from '../../src/domain/digest-grouping';
import { CARD_BUDGET } from '../../src/views/agenda';
import { digestCard } from '../../src/views/digest';
import { cardNodes, tableTexts, tableUnder } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import { sampleAreas, sampleBodies, sampleCount, sampleDigest } from '../support/digest-sample';
import { cardTexts } from '../support/harness';

type Node = Record<string, unknown>;
const bytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');
const CROSS = 'Innsatsområde fordelt på organ';
const SHORTENED = /^Rapporten er forkortet for å få plass i Teams/;
const BOARD_VIEW = { ack: { count: 3, total: 9 }, canAck: true, canSend: false } as const;
const COORDINATOR_VIEW = {
  ack: { count: 0, total: 25 },
  coordinator: { notSent: false, notAcked: sampleBodies(25).map((b, i) => `Styremedlem ${i} fra ${b.label}`) },
  canAck: false,
  canSend: true,
} as const;

/**
 * The focus area × body table as shown must keep the «<3» rules against the counts it stands
 * for (computed here from the sample's own pattern, not from the code under test): a 1 or 2 is
 * never shown, every shown number is the true count, and no row or column has a single
 * suppressed cell.
 */
function expectSuppressionHolds(card: unknown, nBodies: number, nAreas: number): number {
  const rows = tableUnder(card, CROSS);
  if (!rows) return 0;
  const bodies = sampleBodies(nBodies);
  const areas = sampleAreas(nAreas);
  const header = rows[0]!.slice(1);
  const shownIdx = header.map((label) => bodies.findIndex((b) => b.label === label));
  const monthCount = (bi: number): number => areas.reduce((s, _, ai) => s + sampleCount(ai, bi, 5), 0);
  const others = bodies.map((_, bi) => bi).filter((bi) => !shownIdx.includes(bi) && monthCount(bi) > 0);
  let small = 0;
  const marks = rows.slice(1).map((row) => {
    const ai = areas.findIndex((a) => a.label === row[0]);
    return row.slice(1).map((text, j) => {
      const raw = shownIdx[j]! >= 0 ? sampleCount(ai, shownIdx[j]!, 5) : others.reduce((s, bi) => s + sampleCount(ai, bi, 5), 0);
      if (raw === 1 || raw === 2) {
        expect(text).toBe('<3');
        small++;
      } else expect([String(raw), ':']).toContain(text);
      return text === '<3' || text === ':';
    });
  });
  if (header.some((h) => /^Andre \(\d+ organer\)$/.test(h))) expect(header.at(-1)).toBe(`Andre (${others.length} organer)`);
  const lines = [...marks, ...header.map((_, j) => marks.map((r) => r[j]!))];
  for (const line of lines) {
    const n = line.filter(Boolean).length;
    expect(n === 0 || n >= 2 || line.length === 1).toBe(true);
  }
  return small;
}

describe("the digest card within Teams' size limit", () => {
  const cases: [number, number, number][] = [
    [1, 7, 4],
    [3, 7, 4],
    [8, 7, 4],
    [25, 7, 4],
    [3, 20, 30],
    [8, 20, 30],
    [25, 7, 30],
    [25, 20, 30],
  ];
  for (const [nBodies, nAreas, listLength] of cases) {
    it(`${nBodies} bodies, ${nAreas} focus areas, lists of ${listLength}: within budget, valid 1.5, suppression holds on what is shown`, async () => {
      const content = await sampleDigest({ bodies: nBodies, areas: nAreas, listLength });
      for (const view of [BOARD_VIEW, COORDINATOR_VIEW]) {
        const card = digestCard('nb', content, view);
        expect(bytes(card)).toBeLessThanOrEqual(CARD_BUDGET);
        expect(validateCard(card)).toEqual([]);
        expect(JSON.stringify(card)).not.toContain('${');
        expectSuppressionHolds(card, nBodies, nAreas);
      }
    });
  }

  it("leaves a small network's card whole, and says so when it had to shorten one", async () => {
    const small = digestCard('nb', await sampleDigest({ bodies: 3, listLength: 2 }), BOARD_VIEW);
    expect(cardTexts(small).some((t) => SHORTENED.test(t))).toBe(false);
    expect(tableUnder(small, CROSS)![0]).toHaveLength(4);
    const big = digestCard('nb', await sampleDigest({ bodies: 25 }), BOARD_VIEW);
    expect(cardTexts(big).find((t) => SHORTENED.test(t))).toContain('fanen «SLT-oversikt»');
    const en = digestCard('en', await sampleDigest({ bodies: 25 }), BOARD_VIEW);
    expect(cardTexts(en).some((t) => /^This digest is shortened to fit in Teams/.test(t))).toBe(true);
    expect(bytes(en)).toBeLessThanOrEqual(CARD_BUDGET);
  });

  it("shortens step by step: first the bodies of the area × body table, keeping the chart's full fallback table", async () => {
    const card = digestCard('nb', await sampleDigest({ bodies: 10, areas: 4, listLength: 0 }), BOARD_VIEW);
    expect(cardTexts(card).some((t) => SHORTENED.test(t))).toBe(true);
    const header = tableUnder(card, CROSS)![0]!;
    expect(header.at(-1)).toMatch(/^Andre \(\d+ organer\)$/);
    expect(header.length).toBeLessThan(1 + 10);
    expect(tableUnder(card, 'Trender per innsatsområde, siste seks måneder (tabell)')![0]).toHaveLength(7);
    expect(tableUnder(card, 'Per organ')).toHaveLength(1 + 10);
    expect(expectSuppressionHolds(card, 10, 4)).toBeGreaterThan(0);
  });

  it('for 25 bodies also sums the smallest bodies in the tables and cuts the lists with «… og n til»', async () => {
    const card = digestCard('nb', await sampleDigest({ bodies: 25, listLength: 30 }), BOARD_VIEW);
    const texts = cardTexts(card);
    expect(texts.some((t) => /^… og \d+ til$/.test(t))).toBe(true);
    const perBody = tableUnder(card, 'Per organ');
    if (perBody) expect(perBody.at(-1)![0]).toMatch(/^Andre \(\d+ organer\)$/);
    const fallback = cardNodes(card).find((n) => n.type === 'Chart.Line')!.fallback as Node;
    const table = (fallback.items as Node[]).find((i) => i.type === 'Table');
    // Either the latest three months or, at the last step, a pointer to the tab instead of the table.
    if (table) expect(tableTexts(table)[0]).toEqual(['Innsatsområde', 'aug', 'sep', 'okt']);
    else expect(cardTexts(fallback)).toContain('Tallene per måned står i fanen «SLT-oversikt» under Trender.');
  });
});

describe('grouping a breakdown', () => {
  it('keeps the largest in their own order and never groups a single leftover', () => {
    expect(keepLargest([1, 5, 3, 4], 2, (n) => n)).toEqual({ kept: [5, 4], rest: [1, 3] });
    expect(keepLargest([1, 5, 3], 2, (n) => n)).toEqual({ kept: [1, 5, 3], rest: [] });
    expect(keepLargest([2, 2, 2, 2], 1, (n) => n).kept).toEqual([2]);
  });

  it('sums the change figures of the lines it groups', () => {
    const line = (id: string, count: number, previous: number, average3: number): TrendLine => ({
      id,
      label: id,
      count,
      previous,
      average3,
      changePrevious: count - previous,
      changeAverage: count - average3,
    });
    const out = groupLines([line('a', 9, 3, 4), line('b', 1, 2, 0.3), line('c', 2, 0, 1.7)], 1, (n) => `Andre (${n})`);
    expect(out.map((l) => l.label)).toEqual(['a', 'Andre (2)']);
    expect(out[1]).toMatchObject({ count: 3, previous: 2, average3: 2, changePrevious: 1, changeAverage: 1 });
  });

  it('decides suppression again after grouping: a sum of small cells may be shown, a small sum is suppressed', () => {
    // Bodies: x (large), y and z (small); the full table suppresses y and z in row 0.
    const cross = {
      areas: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      bodies: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
        { id: 'z', label: 'Z' },
        { id: 'w', label: 'W' },
      ],
      values: [
        [9, 2, 2, 0],
        [8, 5, 0, 1],
      ],
    };
    const grouped = groupCross({ ...cross, marks: suppressTable(cross.values, 3) }, 1, 3, (n) => `Andre (${n})`);
    expect(grouped.bodies.map((b) => b.label)).toEqual(['X', 'Andre (3)']);
    expect(grouped.values).toEqual([
      [9, 4],
      [8, 6],
    ]);
    expect(grouped.marks.flat().every((m) => m === 'shown')).toBe(true);
    const tiny = groupCross(
      {
        ...cross,
        values: [
          [9, 1, 0, 0],
          [8, 5, 0, 1],
        ],
        marks: suppressTable(
          [
            [9, 1, 0, 0],
            [8, 5, 0, 1],
          ],
          3,
        ),
      },
      1,
      3,
      (n) => `Andre (${n})`,
    );
    expect(tiny.values).toEqual([
      [9, 1],
      [8, 6],
    ]);
    expect(tiny.marks[0]).toEqual(['hidden', 'small']);
  });
});
