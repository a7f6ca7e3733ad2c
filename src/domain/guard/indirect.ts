import { type PerSentence, Sentences, type Span, spansOf, youngPeople, youthAge } from './indirect-people';
import {
  AGE_GROUP,
  AT_PLACE_AFTER,
  DWELLING,
  GROUP_BEFORE,
  IS_AGE,
  KIN_SET,
  LEADER_AFTER_KIN,
  NOT_PLACES,
  ONE_OF_BEFORE,
  ONE_WORD_SCHOOL,
  PLACE,
  ROLE_ARTICLE,
  SCHOOL_CLASS,
  SCHOOL_NAME_BEFORE,
  SCHOOL_WORD,
  SCHOOL_YEAR,
  SMALL_GROUP,
  TO,
  UNIQUE,
  UNIQUE_BEFORE,
  UNIQUE_ROLE_SET,
  YOUNG_ROLE,
} from './indirect-words';
import { Coverage } from './spans';
import type { Token } from './tokens';
import type { Finding, IndirectFeature } from './types';

/**
 * Indirect identification (forvaltningsloven § 13 a no. 2: shared only "with all individualising
 * features removed"): a text with no name or number that still singles out one young person by
 * combining what it says. The text must be about one young person — a singular person word («en
 * gutt», «eleven», «jenta (16)»), a pronoun that is not about an adult just named, «den eneste», a
 * role one person holds — and in the same sentence name a feature that narrows the group to one: a
 * class, a named school with a year, an exact age with a place or small group, a relation to a role
 * one person holds, being the only one of a kind in a group, or where they live. Texts about groups
 * («flere elever på 9. trinn ved to skoler», «gutter 15–17 år») have no such person and pass, and so
 * do sentences about any person («hvis en elev …», «hver elev …»).
 */

/** The first span (of spans sorted by start) that starts at or after `at`, by binary search. */
function firstFrom<T extends Span>(sorted: readonly T[], at: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/** A place after a preposition that is small enough to narrow a group: not a country, city, app or month. */
function places(text: string): Span[] {
  return spansOf(text, PLACE)
    .filter((s) => !NOT_PLACES.has((s.m[1] ?? '').toLowerCase()))
    .map((s) => ({ start: s.end - (s.m[1] ?? '').length, end: s.end }));
}

/** Schools by name: the school word found first, its name read backwards from it (a bounded stretch). */
function namedSchools(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(SCHOOL_WORD)) {
    const word = /[\p{L}-]{1,40}$/u.exec(text.slice(Math.max(0, m.index - 40), m.index + m[0].length))?.[0] ?? '';
    if (m[0] === 'skolen' && ONE_WORD_SCHOOL.test(word)) {
      out.push({ start: m.index + m[0].length - word.length, end: m.index + m[0].length });
      continue;
    }
    if (m.index > 0 && /[\p{L}\d]/u.test(text[m.index - 1] ?? '')) continue;
    const name = SCHOOL_NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 64), m.index));
    if (name) out.push({ start: m.index - name[0].length, end: m.index + m[0].length });
  }
  return out;
}

/** A class or year, extended by the school named right after it: "8B på Lindeberg skole", "9. klasse på Holtåsen". */
function withSchool(text: string, span: Span, schools: readonly Span[]): Span & { school: boolean } {
  const school = firstFrom(schools, span.end);
  if (school && school.start - span.end <= 5) return { start: span.start, end: school.end, school: true };
  const at = AT_PLACE_AFTER.exec(text.slice(span.end, span.end + 40));
  if (at && !NOT_PLACES.has((at[1] ?? '').toLowerCase())) return { start: span.start, end: span.end + at[0].length, school: true };
  return { ...span, school: false };
}

/**
 * A relation to someone in a role one person holds: «broren til treneren», «sønnen til rektor»,
 * «sønnen til daglig leder», «ordførerens nevø», «the coach's son», «the son of the mayor».
 */
function relations(text: string, tokens: readonly Token[]): Span[] {
  const out: Span[] = [];
  const spaced = (i: number): boolean => tokens[i]?.gapBefore === ' ';
  tokens.forEach((t, i) => {
    if (KIN_SET.has(t.lower) && TO.has(tokens[i + 1]?.lower ?? '') && spaced(i + 1) && spaced(i + 2)) {
      const role = ROLE_ARTICLE.has(tokens[i + 2]?.lower ?? '') && spaced(i + 3) ? tokens[i + 3] : tokens[i + 2];
      const leader = LEADER_AFTER_KIN.exec(text.slice(t.end, t.end + 80));
      if (leader) out.push({ start: t.start, end: t.end + leader[0].length });
      else if (role && UNIQUE_ROLE_SET.has(role.lower)) out.push({ start: t.start, end: role.end });
      return;
    }
    const next = tokens[i + 1];
    if (!next || !spaced(i + 1) || !KIN_SET.has(next.lower)) return;
    // "ordførerens", "rektors", "coach's".
    const stem = t.lower.replace(/(?:['’]s|s)$/, '');
    if (stem !== t.lower && UNIQUE_ROLE_SET.has(stem)) out.push({ start: t.start, end: next.end });
  });
  return out;
}

const has = <T>(map: PerSentence<T>, sentence: number): boolean => (map.get(sentence)?.length ?? 0) > 0;

/** Finds the features that single out one young person; each is a finding of kind `indirect`. */
export function findIndirect(text: string, tokens: readonly Token[], taken: Coverage): Finding[] {
  const sentences = new Sentences(text);
  const { young, siblings } = youngPeople(sentences, tokens);
  const out: Finding[] = [];
  const mine = new Coverage(text.length);
  // A feature of two parts (an age and a place) counts only when neither part is already a finding of
  // its own: "en 16-åring i Markveien 14 b" is refused for the address.
  const add = (feature: IndirectFeature, ...spans: Span[]): void => {
    if (spans.some((s) => taken.overlaps(s.start, s.end) || mine.overlaps(s.start, s.end))) return;
    for (const s of spans) {
      mine.add(s.start, s.end);
      out.push({ kind: 'indirect', feature, start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    }
  };
  const about = (span: Span): boolean => has(young, sentences.at(span.start));
  // "flere i 9B", "kontaktlæreren i 9C": the class is a group's or an adult's – but "en av elevene i 9C" is one.
  const ofAGroup = (span: Span): boolean => {
    const before = text.slice(Math.max(0, span.start - 48), span.start);
    return GROUP_BEFORE.test(before) && !ONE_OF_BEFORE.test(before);
  };
  const aboutAny = (span: Span): boolean => about(span) || has(siblings, sentences.at(span.start));

  // Features that are themselves about one person: a relation, a role, being the only one.
  for (const s of relations(text, tokens)) if (!sentences.isGeneric(s)) add('relation', s);
  for (const s of spansOf(text, YOUNG_ROLE)) if (!sentences.isGeneric(s)) add('role', s);
  const groups = sentences.group(spansOf(text, SMALL_GROUP));
  for (const s of spansOf(text, UNIQUE)) {
    const before = UNIQUE_BEFORE.exec(text.slice(Math.max(0, s.start - 12), s.start));
    if (before?.[1] || (before?.[2]?.toLowerCase() === 'det' && s.m[1])) continue;
    const start = s.start - (before?.[0].length ?? 0);
    const group = firstFrom(groups.get(sentences.at(s.start)) ?? [], s.start);
    if (group && !sentences.isGeneric(s)) add('unique', { start, end: group.end });
  }

  // Features that narrow a text about one young person (or a pair of siblings) down to them.
  const schools = namedSchools(text);
  const schoolsBySentence = sentences.group(schools);
  for (const s of spansOf(text, SCHOOL_CLASS)) {
    const label = s.m[1] ?? s.m[2] ?? '';
    const at = s.start + s.m[0].indexOf(label);
    const span = { start: at, end: at + label.length };
    if (aboutAny(span) && !ofAGroup(span)) add('schoolClass', withSchool(text, span, schools));
  }
  for (const s of spansOf(text, SCHOOL_YEAR)) {
    if (!aboutAny(s) || ofAGroup(s)) continue;
    const span = withSchool(text, s, schools);
    const named = schoolsBySentence.get(sentences.at(s.start))?.[0];
    if (span.school) add('schoolYear', span);
    else if (named) add('schoolYear', s, named);
  }
  const placesBySentence = sentences.group(places(text));
  const teams = sentences.group(spansOf(text, AGE_GROUP));
  const statedAges = sentences.group(spansOf(text, IS_AGE).filter((s) => youthAge(s.m[1])));
  for (const [sentence, people] of young) {
    const person = people.find((m) => m.aged) ?? statedAges.get(sentence)?.[0];
    const where = placesBySentence.get(sentence)?.[0] ?? teams.get(sentence)?.[0];
    if (person && where) add('ageAndPlace', person, where);
  }
  for (const s of spansOf(text, DWELLING)) if (about(s)) add('dwelling', s);
  return out.sort((a, b) => a.start - b.start);
}
