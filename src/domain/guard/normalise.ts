/**
 * The guard screens a normalised copy of the text, because the characters people paste from
 * documents, phones and web pages can hide an identifier from patterns written for plain ASCII:
 * "150309\u00a012311" (no-break space), "912\u202f34\u202f567" (narrow no-break space),
 * "1503\u200b0912311" (zero-width space), "Jo\u00adnas" (soft hyphen), "１５０３０９…" (full-width
 * digits) or "912   34 567" (a run of spaces). Findings are mapped back to the original offsets, so
 * the parts named to the user are their own characters, exactly as typed.
 */

/** The normalised text and, per UTF-16 unit of it, the original range it came from. */
export interface Normalised {
  text: string;
  /** Original start offset of each unit of `text`. */
  from: number[];
  /** Original end offset (exclusive) of each unit of `text`. */
  to: number[];
  /** The text needed no change: `from` and `to` are left empty and every offset is its own. */
  identity?: boolean;
}

// Invisible format characters (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks):
// they carry nothing a reader sees, and only split what the patterns should match.
const INVISIBLE = /\p{Cf}/gu;
// NFKC leaves the hyphen (U+2010) and the non-breaking hyphen (U+2011) alone; they are the hyphen's
// counterpart to the no-break space and read as "-".
const HYPHENS = /[\u2010\u2011]/g;

// Anything the slow path below would change; text without it (most text) is already normal.
const NEEDS_WORK = /[\p{Cf}\p{M}\u2010\u2011\u2028\u2029\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}/u;
// A base character and the combining marks after it: NFKC may compose them ("e" + U+0301 → "é"),
// so they are normalised together and map back to the whole cluster.
const CLUSTER_AT = /\P{M}\p{M}*|\p{M}+/suy;
const MARK = /\p{M}/u;

/**
 * Characters NFKC leaves as they are and that need no other change: printable ASCII, line breaks,
 * and the Latin-1 letters (À–ÿ), unless a combining mark follows.
 */
function isPlain(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const plain = (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || (c >= 0xc0 && c <= 0xff);
  if (!plain) return false;
  const next = text.charCodeAt(i + 1);
  return !(next >= 0x300 && MARK.test(text[i + 1] ?? ''));
}

/**
 * NFKC, every Unicode space as ' ', runs of spaces/tabs as one ' ', invisible characters removed.
 * Linear in the length: plain characters are copied as they are, only the others are normalised one
 * cluster at a time, and the pieces are joined once.
 */
export function normalise(original: string): Normalised {
  if (!NEEDS_WORK.test(original) && original.normalize('NFKC') === original) return identity(original);
  const from: number[] = [];
  const to: number[] = [];
  const pieces: string[] = [];
  let lastWasSpace = false;
  let i = 0;
  while (i < original.length) {
    if (isPlain(original, i)) {
      const unit = original[i]!;
      if (unit === ' ' && lastWasSpace) to[to.length - 1] = i + 1;
      else {
        lastWasSpace = unit === ' ';
        from.push(i);
        to.push(i + 1);
        pieces.push(unit);
      }
      i++;
      continue;
    }
    CLUSTER_AT.lastIndex = i;
    const cluster = CLUSTER_AT.exec(original)?.[0] ?? original[i]!;
    const start = i;
    const end = i + cluster.length;
    const piece = cluster
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      .replace(HYPHENS, '-')
      .replace(/\p{Zs}|\t/gu, ' ');
    for (const unit of piece.replace(/[\u2028\u2029]/g, '\n')) {
      // A space after a space: widen the previous space to cover this one as well.
      if (unit === ' ' && lastWasSpace) {
        to[to.length - 1] = end;
        continue;
      }
      lastWasSpace = unit === ' ';
      for (let k = 0; k < unit.length; k++) {
        from.push(start);
        to.push(end);
      }
      pieces.push(unit);
    }
    i = end;
  }
  return { text: pieces.join(''), from, to };
}

/** Text that needed nothing: offsets map to themselves, so no table is built. */
function identity(text: string): Normalised {
  return { text, from: [], to: [], identity: true };
}

/** The original range of [start, end) in the normalised text. */
export function originalRange(n: Normalised, start: number, end: number): { start: number; end: number } {
  if (n.identity) return { start, end: Math.max(start, end) };
  if (end <= start) {
    const at = n.from[start] ?? n.to[n.to.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: n.from[start] ?? 0, end: n.to[end - 1] ?? 0 };
}
