import { describe, expect, it } from 'vitest';
import type { TrendLine } from '../../src/domain/digest';
import { groupLines, keepLargest } from '../../src/domain/digest-grouping';
import { CARD_BUDGET } from '../../src/views/agenda';
import { CHART_COLORS, chartTop, digestCard, sameLines } from '../../src/views/digest';
import { cardNodes, tableTexts, tableUnder } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import { sampleAreas, sampleBodies, sampleCount, sampleDigest } from '../support/digest-sample';
import { cardTexts } from '../support/harness';

type Node = Record<string, unknown>;
const bytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');
const SHORTENED = /^Rapporten er forkortet for å få plass i Teams/;
const BOARD_VIEW = { ack: { count: 3, total: 9 }, canAck: true, canSend: false } as const;
const COORDINATOR_VIEW = {
  ack: { count: 0, total: 25 },
  coordinator: { notSent: false, notAcked: sampleBodies(25).map((b, i) => `Styremedlem ${i} fra ${b.label}`) },
  canAck: false,
  canSend: true,
} as const;

/**
 * The one rule for small counts (docs/digest-and-annual-report.md, «Statistical form»): every
 * trend count on the card is a count by one characteristic and is shown exactly — the per-area
 * table, «Mest økende» and the chart (and its fallback table) give the same number for the same
 * area, computed here from the sample's own pattern, not from the code under test. No trend
 * count is shown as «<3», and nothing breaks the trends down by area and body at once.
 */
function expectOneRule(card: unknown, nBodies: number, nAreas: number): void {
  const areas = sampleAreas(nAreas);
  const month = (ai: number, m: number): number => sampleBodies(nBodies).reduce((s, _, bi) => s + sampleCount(ai, bi, m), 0);
  const perArea = tableUnder(card, 'Per innsatsområde')!;
  for (const row of perArea.slice(1)) {
    const ai = areas.findIndex((a) => a.label === row[0]);
    if (ai >= 0) expect(row[1], row[0]).toBe(String(month(ai, 5)));
    expect(row[1]).toMatch(/^\d+$/);
  }
  const rising = (cardNodes(card).find((n) => Array.isArray(n.items) && (n.items as Node[])[0]?.text === 'Mest økende')!.items as Node[]).slice(1);
  for (const line of rising.map((l) => String(l.text)).filter((t) => t.includes(':'))) {
    const ai = areas.findIndex((a) => line.startsWith(`${a.label}:`));
    expect(line).toMatch(new RegExp(`^.+: ${month(ai, 5)} \\(`));
  }
  const chart = cardNodes(card).find((n) => n.type === 'Chart.Line')!;
  for (const line of chart.data as { legend: string; values: { y: number }[] }[]) {
    const ai = areas.findIndex((a) => a.label === line.legend);
    if (ai >= 0) expect(line.values.map((v) => v.y)).toEqual([0, 1, 2, 3, 4, 5].map((m) => month(ai, m)));
  }
  const texts = cardTexts(card);
  expect(texts).not.toContain('<3');
  expect(texts).not.toContain(':');
  expect(texts.join('\n')).not.toContain('Innsatsområde fordelt på organ');
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
    it(`${nBodies} bodies, ${nAreas} focus areas, lists of ${listLength}: within budget, valid 1.5, every trend count exact and the same everywhere`, async () => {
      const content = await sampleDigest({ bodies: nBodies, areas: nAreas, listLength });
      for (const view of [BOARD_VIEW, COORDINATOR_VIEW]) {
        const card = digestCard('nb', content, view);
        expect(bytes(card)).toBeLessThanOrEqual(CARD_BUDGET);
        expect(validateCard(card)).toEqual([]);
        expect(JSON.stringify(card)).not.toContain('${');
        expectOneRule(card, nBodies, nAreas);
      }
    });
  }

  it("leaves a small network's card whole, and says so when it had to shorten one", async () => {
    const small = digestCard('nb', await sampleDigest({ bodies: 3, listLength: 2 }), BOARD_VIEW);
    expect(cardTexts(small).some((t) => SHORTENED.test(t))).toBe(false);
    expect(tableUnder(small, 'Trender per innsatsområde, siste seks måneder (tabell)')![0]).toHaveLength(7);
    const big = digestCard('nb', await sampleDigest({ bodies: 25 }), BOARD_VIEW);
    expect(cardTexts(big).find((t) => SHORTENED.test(t))).toContain('fanen «SLT-oversikt»');
    const en = digestCard('en', await sampleDigest({ bodies: 25 }), BOARD_VIEW);
    expect(cardTexts(en).some((t) => /^This digest is shortened to fit in Teams/.test(t))).toBe(true);
    expect(bytes(en)).toBeLessThanOrEqual(CARD_BUDGET);
  });

  it("shortens step by step: first the chart's fallback table to three months, keeping every body in the tables", async () => {
    const card = digestCard('nb', await sampleDigest({ bodies: 10, areas: 7, listLength: 0 }), BOARD_VIEW);
    expect(cardTexts(card).some((t) => SHORTENED.test(t))).toBe(true);
    expect(tableUnder(card, 'Trender per innsatsområde, siste 3 måneder (tabell)')![0]).toEqual(['Innsatsområde', 'aug', 'sep', 'okt']);
    expect(tableUnder(card, 'Per organ')).toHaveLength(1 + 10);
    expectOneRule(card, 10, 7);
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
});

describe("the digest's line chart in Teams", () => {
  it('gives every line its own colour from a list that stays apart for colour-blind readers, and whole-number ticks', async () => {
    const card = digestCard('nb', await sampleDigest({ bodies: 3, areas: 7 }), BOARD_VIEW);
    const chart = cardNodes(card).find((n) => n.type === 'Chart.Line')!;
    const lines = chart.data as { color: string }[];
    expect(lines.map((l) => l.color)).toEqual(CHART_COLORS.slice(0, 7));
    expect(chart.yMin).toBe(0);
    // Teams divides the axis into four: a multiple of 4 makes every tick a whole number.
    expect(Number(chart.yMax) % 4).toBe(0);
    expect(Number(chart.yMax)).toBeGreaterThanOrEqual(Math.max(...(chart.data as { values: { y: number }[] }[]).flatMap((l) => l.values.map((v) => v.y))));
    expect([0, 1, 3, 4, 5, 8, 9, 15].map(chartTop)).toEqual([4, 4, 4, 4, 8, 8, 12, 16]);
  });

  it('names the lines that lie on top of each other (the same count every month)', async () => {
    expect(sameLines([{ values: [0, 1, 1] }, { values: [0, 1, 1] }, { values: [1, 1, 1] }, { values: [0, 0, 0] }, { values: [0, 0, 0] }])).toEqual([
      [{ values: [0, 1, 1] }, { values: [0, 1, 1] }],
    ]);
    const content = await sampleDigest({ bodies: 3, areas: 3 });
    const [a, b, c] = content.trends.chart.series;
    const twins = { ...content, trends: { ...content.trends, chart: { ...content.trends.chart, series: [a!, { ...b!, values: a!.values }, c!] } } };
    expect(cardTexts(digestCard('nb', twins, BOARD_VIEW))).toContain(`Samme tall alle månedene, så linjene ligger oppå hverandre: ${a!.label} og ${b!.label}.`);
    expect(cardTexts(digestCard('nb', content, BOARD_VIEW)).some((t) => t.startsWith('Samme tall alle månedene'))).toBe(false);
  });
});
