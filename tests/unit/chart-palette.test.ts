import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../src/views/digest';
import { closestPair, contrast } from '../support/colour-vision';

/**
 * The charts' colours stay apart for colour-blind readers (issue 18: «two series … in nearly the
 * same colour»). Measured with a simulation of protan, deutan and tritan vision and CIEDE2000.
 */

/** Teams' named chart colours as its chart renderer draws them (the Agents Playground 0.2.28 bundles the same renderer). */
const TEAMS: Record<string, string> = {
  good: '#107c10',
  categoricalBlue: '#2461ca',
  categoricalTeal: '#00b7c3',
  divergingRed: '#d33f4c',
  divergingLightRed: '#e37d81',
  divergingGray: '#4b5356',
  sequential1: '#333357',
  sequential2: '#4f52b2',
  sequential3: '#5b5fc7',
  sequential4: '#7f85f5',
  sequential5: '#9299f7',
  sequential6: '#aab1fa',
  sequential7: '#c5cbfa',
  sequential8: '#dce0fa',
};

describe("the digest card's line colours (Teams' named chart colours)", () => {
  it('are eight different colours Teams knows', () => {
    expect(new Set(CHART_COLORS).size).toBe(8);
    for (const c of CHART_COLORS) expect(TEAMS[c], c).toBeDefined();
  });

  it('stay at least 9.3 apart for every kind of vision (the first four at least 14), where Teams’ own default is about 5', () => {
    const hex = CHART_COLORS.map((c) => TEAMS[c]!);
    expect(closestPair(hex).distance).toBeGreaterThanOrEqual(9.3);
    expect(closestPair(hex.slice(0, 4)).distance).toBeGreaterThanOrEqual(14);
    // Without colours named, Teams draws a line chart in its sequential palette: the trouble reported.
    const sequential = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => TEAMS[`sequential${i}`]!);
    expect(closestPair(sequential.slice(0, 3)).distance).toBeLessThan(6);
  });

  it('keep some contrast on both the light and the dark Teams theme', () => {
    for (const c of CHART_COLORS) {
      expect(contrast(TEAMS[c]!, '#ffffff'), c).toBeGreaterThanOrEqual(2);
      expect(contrast(TEAMS[c]!, '#292929'), c).toBeGreaterThanOrEqual(1.8);
    }
  });
});

describe("the tab's series colours (src/tab/tab.css)", () => {
  const css = fs.readFileSync(path.resolve(__dirname, '../../src/tab/tab.css'), 'utf8');
  /** The --series-0 … 7 of a theme's block. */
  const palette = (selector: string): string[] => {
    const block = css.slice(css.indexOf(selector), css.indexOf('}', css.indexOf(selector)));
    return Array.from({ length: 8 }, (_, i) => new RegExp(`--series-${i}: (#[0-9a-f]{6})`, 'i').exec(block)?.[1] ?? '');
  };

  it('are the Okabe–Ito colours in the light theme, at least 10 apart for every kind of vision', () => {
    const light = palette("[data-theme='default']");
    expect(light).toEqual(['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#242424', '#f0e442']);
    expect(closestPair(light).distance).toBeGreaterThanOrEqual(10);
  });

  it('stay at least 10 apart in the dark theme, each with 3:1 contrast on its background', () => {
    const dark = palette("[data-theme='dark']");
    expect(closestPair(dark).distance).toBeGreaterThanOrEqual(10);
    for (const c of dark) expect(contrast(c, '#292929'), c).toBeGreaterThanOrEqual(3);
  });
});
