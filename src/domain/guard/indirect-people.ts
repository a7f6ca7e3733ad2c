import {
  ADJECTIVES,
  AGE_AFTER_PERSON,
  ARTICLES,
  ENGLISH_ELEVEN,
  EXACT_AGE,
  GENERIC,
  GENERIC_AFTER,
  isAdultWord,
  OF,
  ONE,
  PRONOUNS,
  SERVICE_AFTER_PRONOUN,
  SIBLING_COUNT,
  SIBLINGS,
  SIBLINGS_AFTER,
  THE,
  YOUNG_DEFINITE_SET,
  YOUNG_INDEFINITE_SET,
  YOUNG_PLURAL,
} from './indirect-words';
import type { Token } from './tokens';

/**
 * Who a text is about, sentence by sentence: one young person («en gutt», «eleven», «jenta (16)», a
 * pronoun that is not about an adult just named), or a pair of siblings. Used by indirect.ts.
 */

export interface Span {
  start: number;
  end: number;
}
interface Mention extends Span {
  who: 'young' | 'adult' | 'pronoun';
  /** An exact age said of this person: "jenta (16)", "en 12-åring". */
  aged: boolean;
}

/** Spans per sentence index; sentences without any are absent. */
export type PerSentence<T> = Map<number, T[]>;

/** The sentences of a text: the index of the sentence each character is in. */
export class Sentences {
  private readonly of: Int32Array;

  /** Split at . ! ? before a capital letter (not "9. trinn", "kl. 21"), at line breaks and at ";". */
  constructor(readonly text: string) {
    this.of = new Int32Array(text.length + 1);
    let sentence = 0;
    let from = 0;
    for (const m of text.matchAll(/(?<![.!?])[.!?]+(?![.!?])(?=\s{1,5}[\p{Lu}«"“(])|(?<![!?])[!?]+(?![!?])(?=\s)|\n|;/gu)) {
      const end = m.index + m[0].length;
      this.of.fill(sentence, from, end);
      sentence++;
      from = end;
    }
    this.of.fill(sentence, from);
  }

  /** The sentence index of the character at `at`. */
  at(at: number): number {
    return this.of[at] ?? 0;
  }

  /** Groups spans by sentence. */
  group<T extends Span>(spans: Iterable<T>): PerSentence<T> {
    const out: PerSentence<T> = new Map();
    for (const s of spans) {
      const i = this.at(s.start);
      const list = out.get(i);
      if (list) list.push(s);
      else out.set(i, [s]);
    }
    return out;
  }

  /**
   * True when a word before the span in its sentence ("hvis en elev …", "hver elev …", "alle") or
   * right after it ("en elev per klasse") makes the person any person, not one.
   */
  isGeneric(span: Span): boolean {
    let from = span.start;
    const sentence = this.at(span.start);
    while (from > 0 && this.at(from - 1) === sentence && span.start - from < 200) from--;
    return GENERIC.test(this.text.slice(from, span.start)) || GENERIC_AFTER.test(this.text.slice(span.end, span.end + 40));
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** All matches of a global pattern that start a word, as spans with the match (see B in indirect-words.ts). */
export function spansOf(text: string, re: RegExp): (Span & { m: RegExpExecArray })[] {
  const out: (Span & { m: RegExpExecArray })[] = [];
  for (const m of text.matchAll(re)) {
    if (m.index > 0 && LETTER_OR_DIGIT.test(text[m.index - 1] ?? '')) continue;
    out.push({ start: m.index, end: m.index + m[0].length, m });
  }
  return out;
}

const youthAge = (age: string | undefined): boolean => age !== undefined && Number(age) >= 6 && Number(age) <= 25;
/** The length of an exact age right after a person ("jenta (16)", "en ungdom på 17 år"), or 0. */
const ageAfter = (text: string, end: number): number => {
  const m = AGE_AFTER_PERSON.exec(text.slice(end, end + 16));
  return m && youthAge(m[1] ?? m[2] ?? m[3]) ? m[0].length : 0;
};
const agedAt = (text: string, end: number): boolean => ageAfter(text, end) > 0;

/** Word i follows word i - 1 with only a space between. */
const after = (tokens: readonly Token[], i: number, words: ReadonlySet<string>): boolean => {
  const previous = tokens[i - 1];
  return !!previous && words.has(previous.lower) && tokens[i]!.gapBefore === ' ';
};

/**
 * The people a text speaks of, in order: young singular persons («gutten», «en ny elev», «en av
 * jentene», «en 12-åring», «Bjørn (17)»), adults («rektor», «helsesykepleieren») and third-person
 * pronouns. Read word by word with set look-ups: the word lists as patterns were tried at every
 * character of the text.
 */
function mentions(text: string, tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  // A capitalised word with an age in brackets or after a comma ("Bjørn (17)", "Brynjulf, 15 år") is a
  // person – not in a list of counts ("Skui (12), Hosle (4), Tanum (9)").
  const countList = [...text.matchAll(/\p{Lu}[\p{L}-]{0,30}\s?\(\s?\d{1,4}\s?\)/gu)].length >= 3;
  tokens.forEach((t, i) => {
    // The person with the age said of them, so that a finding quotes both: «en ungdom på 17 år».
    const young = (start: number): void => {
      const age = ageAfter(text, t.end);
      out.push({ start, end: t.end + age, who: 'young', aged: age > 0 });
    };
    if (YOUNG_DEFINITE_SET.has(t.lower)) {
      if (t.lower !== 'eleven' || !ENGLISH_ELEVEN.test(text.slice(t.end, t.end + 12))) young(t.start);
    } else if (YOUNG_INDEFINITE_SET.has(t.lower)) {
      if (after(tokens, i, ARTICLES)) young(tokens[i - 1]!.start);
      else if (after(tokens, i, ADJECTIVES) && after(tokens, i - 1, ARTICLES)) young(tokens[i - 2]!.start);
    } else if (YOUNG_PLURAL.has(t.lower)) {
      const j = after(tokens, i, THE) ? i - 1 : i;
      if (after(tokens, j, OF) && after(tokens, j - 1, ONE)) young(tokens[j - 2]!.start);
    } else if (isAdultWord(t.lower)) {
      out.push({ start: t.start, end: t.end, who: 'adult', aged: false });
    } else if (PRONOUNS.has(t.lower)) {
      const professional = SERVICE_AFTER_PRONOUN.test(text.slice(t.end, t.end + 30));
      out.push({ start: t.start, end: t.end, who: professional ? 'adult' : 'pronoun', aged: agedAt(text, t.end) });
    } else if (t.cap && !countList && /^(?:\s?\(\s?\d|,\s?\d{1,2}\s?år)/u.test(text.slice(t.end, t.end + 10)) && agedAt(text, t.end)) {
      out.push({ start: t.start, end: t.end, who: 'young', aged: true });
    }
  });
  for (const s of spansOf(text, EXACT_AGE)) if (youthAge(s.m[1])) out.push({ start: s.start, end: s.end, who: 'young', aged: true });
  return out.sort((a, b) => a.start - b.start);
}

/** Two or more siblings: "tvillingene", "to brødre", "the twins". */
function siblingsIn(tokens: readonly Token[]): Span[] {
  const out: Span[] = [];
  tokens.forEach((t, i) => {
    if (SIBLINGS.has(t.lower)) out.push({ start: t.start, end: t.end });
    else if (SIBLINGS_AFTER.has(t.lower) && after(tokens, i, SIBLING_COUNT)) out.push({ start: tokens[i - 1]!.start, end: t.end });
  });
  return out;
}

/**
 * The young people a text is about, per sentence: a pronoun counts when the person last named
 * before it was young, or when none was ("Han går i 10B …"); after an adult ("Rektor sier han …") it
 * is about the adult. Generic persons ("hvis en elev …") do not count.
 */
export function youngPeople(sentences: Sentences, tokens: readonly Token[]): { young: PerSentence<Mention>; siblings: PerSentence<Span> } {
  const text = sentences.text;
  const young: Mention[] = [];
  let last: Mention['who'] | undefined;
  for (const m of mentions(text, tokens)) {
    if (m.who !== 'pronoun') last = m.who;
    if (m.who === 'adult' || (m.who === 'pronoun' && last === 'adult') || sentences.isGeneric(m)) continue;
    young.push(m);
  }
  const siblings = siblingsIn(tokens).filter((s) => !sentences.isGeneric(s));
  return { young: sentences.group(young), siblings: sentences.group(siblings) };
}

export { youthAge };
