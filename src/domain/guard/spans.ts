/**
 * Which characters of the screened text earlier findings already cover. A mask instead of a list,
 * so asking "does [start, end) overlap anything?" costs the length of the range, not the number of
 * findings: a text full of phone numbers would otherwise make every later check scan them all.
 */
export class Coverage {
  private readonly mask: Uint8Array;

  constructor(length: number) {
    this.mask = new Uint8Array(length + 1);
  }

  /** True when any character of [start, end) is covered. */
  overlaps(start: number, end: number): boolean {
    for (let i = Math.max(0, start); i < end && i < this.mask.length; i++) if (this.mask[i]) return true;
    return false;
  }

  /** Marks [start, end) as covered. */
  add(start: number, end: number): void {
    this.mask.fill(1, Math.max(0, start), Math.min(end, this.mask.length));
  }
}
