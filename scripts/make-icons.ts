/**
 * Draws the two Teams app icons into appPackage/ (run: `npm run build && node dist/scripts/make-icons.js`).
 *
 * The icons are plain geometry — three rounded bars stacked as a pyramid, one per SLT level
 * (youth team, coordination group, board) — so they are generated rather than drawn by hand:
 * anyone can change a colour or a size here and get the same PNGs back byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { repoRoot } from '../src/paths';

/** Dark teal; also the manifest's `accentColor`, so the icon blends into its tile. */
export const ACCENT_COLOR = '#0B5563';

/** A rounded rectangle in pixel coordinates; `r` is the corner radius. */
interface Bar {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly r: number;
}

type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
/** Subsamples per axis for anti-aliased edges. */
const SUPERSAMPLE = 4;

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function insideBar(x: number, y: number, b: Bar): boolean {
  if (x < b.x || x > b.x + b.w || y < b.y || y > b.y + b.h) return false;
  // Distance from the nearest corner centre decides the rounded corners.
  const cx = Math.min(Math.max(x, b.x + b.r), b.x + b.w - b.r);
  const cy = Math.min(Math.max(y, b.y + b.r), b.y + b.h - b.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= b.r ** 2;
}

/** Share (0–1) of a pixel's area covered by any of the bars. */
function coverage(px: number, py: number, bars: readonly Bar[]): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = px + (sx + 0.5) / SUPERSAMPLE;
      const y = py + (sy + 0.5) / SUPERSAMPLE;
      if (bars.some((b) => insideBar(x, y, b))) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

/** Three centred bars, narrowest on top, for an icon of `size` pixels. */
function pyramid(size: number, widths: readonly number[], height: number, gap: number): Bar[] {
  const total = widths.length * height + (widths.length - 1) * gap;
  const top = (size - total) / 2;
  return widths.map((w, i) => ({ x: (size - w) / 2, y: top + i * (height + gap), w, h: height, r: height / 2 }));
}

/** The 192×192 full-colour icon: white bars on a dark-teal square. */
export function renderColorIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  const bg = hexToRgb(ACCENT_COLOR);
  const bars = pyramid(size, [56, 88, 120], 22, 14);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, bars);
      const i = (y * size + x) * 4;
      for (let ch = 0; ch < 3; ch++) png.data[i + ch] = Math.round(bg[ch]! * (1 - c) + WHITE[ch]! * c);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** The 32×32 outline icon: the same bars in white on transparent (Teams requires exactly that). */
export function renderOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  const bars = pyramid(size, [10, 18, 26], 4, 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * coverage(x, y, bars));
    }
  }
  return png;
}

/** Writes color.png and outline.png into `dir` and returns their paths. */
export function writeIcons(dir: string): string[] {
  const out = [
    ['color.png', renderColorIcon()],
    ['outline.png', renderOutlineIcon()],
  ] as const;
  return out.map(([name, png]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
    return file;
  });
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(repoRoot(__dirname), 'appPackage');
  for (const file of writeIcons(dir)) console.log(`wrote ${file}`);
}
