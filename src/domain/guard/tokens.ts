/** A word in the screened text with its position and the characters between it and the previous word. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  gapBefore: string;
}

// Letters with inner hyphens/apostrophes, so "Anne-Lise" and "Sofie's" are one word each.
const WORD = /\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*/gu;

/** Splits text into words; digits and punctuation end up in `gapBefore`. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    out.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length, gapBefore: text.slice(previousEnd, start) });
    previousEnd = start + m[0].length;
  }
  return out;
}

/** Capitalised like a proper name ("Emma"), not an acronym ("NAV", "MOT") and not a single letter. */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word);
}

/** Only spaces between two words: they can form one name ("Tor Erik Lunde"). */
export function isSpaceGap(gap: string): boolean {
  return /^[ \t]+$/.test(gap);
}
