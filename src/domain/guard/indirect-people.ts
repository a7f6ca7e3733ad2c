import {
  ADULT,
  AGE_AFTER_PERSON,
  ENGLISH_ELEVEN,
  EXACT_AGE,
  GENERIC,
  GENERIC_AFTER,
  PRONOUN,
  SERVICE_AFTER_PRONOUN,
  SIBLINGS,
  YOUNG_PERSON,
} from './indirect-words';

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

/** All matches of a global pattern as spans, with the match. */
export const spansOf = (text: string, re: RegExp): (Span & { m: RegExpExecArray })[] =>
  [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, m }));

const youthAge = (age: string | undefined): boolean => age !== undefined && Number(age) >= 6 && Number(age) <= 25;
const agedAt = (text: string, end: number): boolean => {
  const m = AGE_AFTER_PERSON.exec(text.slice(end, end + 16));
  return !!m && youthAge(m[1] ?? m[2] ?? m[3]);
};

/** The people a text speaks of, in order: young singular persons, adults, and third-person pronouns. */
function mentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const s of spansOf(text, YOUNG_PERSON)) {
    if (/eleven$/i.test(s.m[0]) && ENGLISH_ELEVEN.test(text.slice(s.end, s.end + 12))) continue;
    out.push({ start: s.start, end: s.end, who: 'young', aged: agedAt(text, s.end) });
  }
  for (const s of spansOf(text, EXACT_AGE)) if (youthAge(s.m[1])) out.push({ start: s.start, end: s.end, who: 'young', aged: true });
  // A capitalised word with an age in brackets or after a comma: "Bjørn (17)", "Brynjulf, 15 år" – not
  // in a list of counts ("Skui (12), Hosle (4), Tanum (9)").
  const countList = [...text.matchAll(/\p{Lu}[\p{L}-]{0,30}\s?\(\s?\d{1,4}\s?\)/gu)].length >= 3;
  for (const m of countList ? [] : text.matchAll(/(?<![\p{L}])\p{Lu}\p{Ll}{1,20}(?=\s?\(\s?\d{1,2}\s?\)|,\s?\d{1,2}\s?år)/gu)) {
    const end = m.index + m[0].length;
    if (agedAt(text, end)) out.push({ start: m.index, end, who: 'young', aged: true });
  }
  for (const s of spansOf(text, ADULT)) out.push({ start: s.start, end: s.end, who: 'adult', aged: false });
  for (const s of spansOf(text, PRONOUN)) {
    const professional = SERVICE_AFTER_PRONOUN.test(text.slice(s.end, s.end + 30));
    out.push({ start: s.start, end: s.end, who: professional ? 'adult' : 'pronoun', aged: agedAt(text, s.end) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The young people a text is about, per sentence: a pronoun counts when the person last named
 * before it was young, or when none was ("Han går i 10B …"); after an adult ("Rektor sier han …") it
 * is about the adult. Generic persons ("hvis en elev …") do not count.
 */
export function youngPeople(sentences: Sentences): { young: PerSentence<Mention>; siblings: PerSentence<Span> } {
  const text = sentences.text;
  const young: Mention[] = [];
  let last: Mention['who'] | undefined;
  for (const m of mentions(text)) {
    if (m.who !== 'pronoun') last = m.who;
    if (m.who === 'adult' || (m.who === 'pronoun' && last === 'adult') || sentences.isGeneric(m)) continue;
    young.push(m);
  }
  const siblings = spansOf(text, SIBLINGS).filter((s) => !sentences.isGeneric(s));
  return { young: sentences.group(young), siblings: sentences.group(siblings) };
}

export { youthAge };
