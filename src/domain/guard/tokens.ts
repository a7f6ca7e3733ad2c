/** A word in the screened text with its position and the characters between it and the previous word. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  gapBefore: string;
  /** Capitalised like a proper name (see isCapitalised). */
  cap: boolean;
  /** What names.ts has worked out about the word, kept so that it is worked out once per word. */
  memo: {
    titleOrPlace?: boolean;
    nameShaped?: boolean;
    unknownCapitalised?: boolean;
    surname?: boolean;
    bare?: string;
    /** Given-name class of the word as written (capitalised) or in lower case; null when none. */
    nameClass?: 'strong' | 'ambiguous' | 'none';
    lowerClass?: 'strong' | 'ambiguous' | 'none';
  };
}

// Letters with inner hyphens/apostrophes, so "Anne-Lise" and "Sofie's" are one word each.
const WORD = /\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*/gu;

type Memo = Token['memo'];

/** What has been worked out about a word, working it out the first time it is asked for. */
export function remember<K extends keyof Memo>(t: Token, key: K, work: () => NonNullable<Memo[K]>): NonNullable<Memo[K]> {
  const known = t.memo[key];
  if (known !== undefined) return known as NonNullable<Memo[K]>;
  const value = work();
  t.memo[key] = value;
  return value;
}

/** Splits text into words; digits and punctuation end up in `gapBefore`. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const word = m[0];
    out.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      gapBefore: text.slice(previousEnd, start),
      cap: isCapitalised(word),
      memo: {},
    });
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
