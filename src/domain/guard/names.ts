import { ALLOWED_PHRASES, ALLOWED_WORDS, TITLE_WORDS } from './allow-list';
import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES } from './given-names';
import { classifyLower, isLowerCaseNameInContext, type NameClass } from './lowercase-names';
import {
  ABOUT_A_PERSON,
  AGE_AFTER,
  AGE_BEFORE,
  CONJUNCTIONS,
  COUNT_LIST,
  FAMILY_WORDS,
  INSTITUTIONS,
  MAIN_VERBS,
  NAMING_VERBS,
  PERSON_NOUNS,
  PLACE_AFTER,
  PLACE_ENDING,
  PREPOSITIONS,
  PRONOUNS,
  RELATIONS,
  ROLE_GAP,
  SENTENCE_WORDS,
  STRICT_AGE_AFTER,
  YOUTH_AGE,
} from './name-context';
import { Coverage } from './spans';
import { OTHER_SURNAMES, STRONG_SURNAME_ENDING, SURNAME_ENDING, SURNAMES } from './surnames';
import { isCapitalised, isSpaceGap, remember, type Token, tokenize } from './tokens';
import { type Finding, finding } from './types';

/** The given-name class of a word, trying possessive forms ("Sofie's", "Emils"). */
function classify(word: string): NameClass | null {
  const lower = word.toLowerCase();
  const parts = lower.split('-');
  if (parts.length > 1) {
    // "Anne-Lise", "Al-Amin"; but "Eid-feiringen" or "Oslo-gutta" are not names.
    if (!word.split('-').every(isCapitalised) || parts.some((p) => ALLOWED_WORDS.has(p))) return null;
    const classes = parts.map((p) => classify(p));
    if (classes.includes('strong')) return 'strong';
    return classes.includes('ambiguous') ? 'ambiguous' : null;
  }
  const base = lower.replace(/['’]s$/, '');
  for (const candidate of [base, base.endsWith('s') ? base.slice(0, -1) : '']) {
    if (!candidate) continue;
    const isName = GIVEN_NAMES.has(candidate) || AMBIGUOUS_GIVEN_NAMES.has(candidate);
    if (!isName) continue;
    // The bare "-s" genitive only for names that are not words: "Pers" or "Mais" stay unflagged.
    if (candidate !== base && (AMBIGUOUS_GIVEN_NAMES.has(candidate) || ALLOWED_WORDS.has(candidate))) continue;
    return ALLOWED_WORDS.has(candidate) || AMBIGUOUS_GIVEN_NAMES.has(candidate) ? 'ambiguous' : 'strong';
  }
  return null;
}

const bare = (t: Token): string => remember(t, 'bare', () => t.lower.replace(/['’]s$/, ''));
/** classify() of a word, worked out once per word. */
const classOf = (t: Token): NameClass | null => {
  const c = remember(t, 'nameClass', () => classify(t.text) ?? 'none');
  return c === 'none' ? null : c;
};
/** classifyLower() of a word, worked out once per word. */
const lowerClassOf = (t: Token): NameClass | null => {
  const c = remember(t, 'lowerClass', () => classifyLower(t.text) ?? 'none');
  return c === 'none' ? null : c;
};
// "Moe-Hansen" is one surname; "Jackson-dansen" is a dance.
const isNameShaped = (t: Token): boolean => remember(t, 'nameShaped', () => t.text.split('-').every(isCapitalised));
const isSurname = (t: Token): boolean => remember(t, 'surname', () => surname(t));
const surname = (t: Token): boolean =>
  isNameShaped(t) && !ALLOWED_WORDS.has(bare(t)) && (SURNAMES.has(bare(t)) || SURNAME_ENDING.test(bare(t)) || STRONG_SURNAME_ENDING.test(bare(t)));
// After an unknown word only a surname that is not also a place: "Kornelius Bergersen", "Daler Rahimov",
// "Timur Nguyen"; not the farm names ("Skui Berg", "Holmen Strand") that name places as often as people.
const isClearSurname = (t: Token): boolean =>
  isNameShaped(t) &&
  !ALLOWED_WORDS.has(bare(t)) &&
  (OTHER_SURNAMES.has(bare(t)) || STRONG_SURNAME_ENDING.test(bare(t)) || (SURNAMES.has(bare(t)) && /s[eo]n$/.test(bare(t))));
// "Snapchat-gruppa" or "Oslo-gutta" after a role word are compounds, not names.
const isUnknownCapitalised = (t: Token): boolean => remember(t, 'unknownCapitalised', () => unknownCapitalised(t));
const unknownCapitalised = (t: Token): boolean =>
  t.text.length > 1 &&
  t.text.split('-').every(isCapitalised) &&
  !bare(t)
    .split('-')
    .some((p) => ALLOWED_WORDS.has(p)) &&
  !TITLE_WORDS.has(t.lower);

/**
 * What the words before token i say about it: `strong` when they make it a person's name ("eleven",
 * "mor til", "hun heter"), `weak` when only a known name is one ("tilbudet heter"); `byVerb` when a
 * naming verb did it, which is the only trigger strong enough for a lower-case "per" or "liv".
 */
interface Role {
  strength: 'strong' | 'weak';
  byVerb: boolean;
}

function roleBefore(tokens: readonly Token[], i: number): Role | null {
  const current = tokens[i];
  const previous = tokens[i - 1];
  if (!current || !previous || !ROLE_GAP.test(current.gapBefore)) return null;
  if (PERSON_NOUNS.has(previous.lower)) return { strength: 'strong', byVerb: false };
  if (RELATIONS.has(previous.lower)) {
    const noun = tokens[i - 2];
    return noun && PERSON_NOUNS.has(noun.lower) && isSpaceGap(previous.gapBefore) ? { strength: 'strong', byVerb: false } : null;
  }
  if (!NAMING_VERBS.has(previous.lower)) return null;
  // "is"/"er" only as "his name is", "navnet (hans) er".
  if (previous.lower === 'is' || previous.lower === 'er') {
    const before = tokens.slice(Math.max(0, i - 4), i - 1).map((t) => t.lower);
    if (!before.includes('name') && !before.includes('navnet') && !before.includes('navn')) return null;
  }
  const window = tokens.slice(Math.max(0, i - 5), i - 1);
  const person = window.some((t) => PERSON_NOUNS.has(t.lower) || PRONOUNS.has(t.lower));
  return { strength: person ? 'strong' : 'weak', byVerb: true };
}

/**
 * "skolen Emma går på har meldt", "appen Emma bruker er full av reklame": a verb after the name and a
 * second, finite one soon after in the same sentence make the name the subject of a relative clause,
 * so a person. "Fritidsklubben Tiril har åpent hver fredag" and "Kafé Mina på Bekkestua er …" are not.
 */
function startsRelativeClause(tokens: readonly Token[], i: number): boolean {
  const verb = tokens[i + 1];
  if (!verb || !/^\p{Ll}/u.test(verb.text) || PREPOSITIONS.has(verb.lower) || CONJUNCTIONS.has(verb.lower)) return false;
  if (/[.!?;\n]/.test(verb.gapBefore)) return false;
  for (const t of tokens.slice(i + 2, i + 4)) {
    if (/[.!?;\n]/.test(t.gapBefore)) return false;
    if (MAIN_VERBS.has(t.lower)) return true;
  }
  return false;
}

/**
 * Title before ("profeten Muhammed", "St. Olavs"), an institution before ("Fritidsklubben Tiril", "Kafé
 * Mina", "tilbudet heter Ida") or a street/institution after ("Karl Johans gate", "Leo Club").
 */
function isTitleOrPlace(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  return remember(t, 'titleOrPlace', () => titleOrPlace(tokens, i));
}

function titleOrPlace(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  const current = tokens[i];
  if (previous && TITLE_WORDS.has(previous.lower)) return true;
  if (previous && current && isSpaceGap(current.gapBefore)) {
    if (INSTITUTIONS.has(previous.lower) && !startsRelativeClause(tokens, i)) return true;
    const beforeVerb = tokens[i - 2];
    if (NAMING_VERBS.has(previous.lower) && beforeVerb && INSTITUTIONS.has(beforeVerb.lower)) return true;
  }
  for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
    const t = tokens[j];
    if (!t || !isSpaceGap(t.gapBefore)) return false;
    if (PLACE_AFTER.has(t.lower) || PLACE_ENDING.test(t.lower)) return true;
    if (!t.cap) return false;
  }
  return false;
}

function hasAgeContext(text: string, t: Token): boolean {
  return AGE_AFTER.test(text.slice(t.end, t.end + 24)) || AGE_BEFORE.test(text.slice(Math.max(0, t.start - 24), t.start));
}

/**
 * An age right after an unknown word: "(16 år)", ", 15 år", or before it: "16-årige". A bare "(16)"
 * also names ratings, counts and series ("Skam (16)", "Ungdomsrådet (15)"), so it counts only after a
 * word of four letters or more, for a young person's age, in a text about a person (a pronoun or a
 * person noun: "Timur (16) sier han …", "… mor til Timur (16)"), and not in a list of counts
 * ("Skui (12), Hosle (4), Tanum (9)").
 */
function hasStrictAge(text: string, t: Token, facts: TextFacts): boolean {
  if (AGE_BEFORE.test(text.slice(Math.max(0, t.start - 24), t.start))) return true;
  const m = STRICT_AGE_AFTER.exec(text.slice(t.end, t.end + 24));
  if (!m) return false;
  const bareAge = m.groups?.bare;
  if (bareAge === undefined) return true;
  const age = Number(bareAge);
  if (t.text.length < 4 || age < YOUTH_AGE.min || age > YOUTH_AGE.max) return false;
  return facts.aboutAPerson && !facts.countList;
}

/** What the whole text says, computed once per text rather than once per word. */
interface TextFacts {
  /** A pronoun or person noun anywhere in the text. */
  aboutAPerson: boolean;
  /** Three or more "Word (n)": a table of counts. */
  countList: boolean;
}

/** A capitalised word that could be a given name missing from the list ("Kornelius", "Daler"). */
const couldBeName = (t: Token | undefined): t is Token =>
  !!t &&
  t.text.length >= 3 &&
  isUnknownCapitalised(t) &&
  classOf(t) === null &&
  !SURNAMES.has(t.lower) &&
  ![SENTENCE_WORDS, PERSON_NOUNS, FAMILY_WORDS, PRONOUNS, NAMING_VERBS, INSTITUTIONS].some((words) => words.has(t.lower));

/**
 * Rule (d): an unknown capitalised word is a given name when a clear surname follows ("Kornelius
 * Bergersen", "Daler Rahimov") or an age does ("Timur (16)", "Aleksandr Petrov (16)").
 */
function isUnknownNameAt(text: string, tokens: readonly Token[], i: number, facts: TextFacts): boolean {
  const t = tokens[i];
  if (!couldBeName(t) || isTitleOrPlace(tokens, i)) return false;
  if (hasStrictAge(text, t, facts)) return true;
  const next = tokens[i + 1];
  if (!next || !isSpaceGap(next.gapBefore)) return false;
  return isClearSurname(next) || (couldBeName(next) && hasStrictAge(text, next, facts));
}

/** Whether token i is a person's name in its context (rules (a) role, (b) surname, (c) context). */
function isNameAt(text: string, tokens: readonly Token[], i: number, facts: TextFacts): boolean {
  const t = tokens[i];
  if (!t || t.text.length < 2) return false;
  const cls = t.cap ? classOf(t) : null;
  const role = roleBefore(tokens, i);
  // A person noun or "hun heter" wins over a place: "eleven Tiril" is a girl, "fritidsklubben Tiril" a club.
  if (role?.strength !== 'strong' && isTitleOrPlace(tokens, i)) return false;
  if (role && cls) return true;
  if (role?.strength === 'strong') {
    if (isUnknownCapitalised(t)) return true;
    // Lower case only after a strong trigger: "eleven ahmed", "mor til jonas"; "per"/"liv" only after
    // "heter"/"kalles" ("jenta heter liv"), never after a noun ("kostnaden for eleven per år").
    const lower = lowerClassOf(t);
    if (lower === 'strong' || (lower === 'ambiguous' && role.byVerb)) return true;
  }
  const next = tokens[i + 1];
  if (cls === 'strong') return !isTitleOrPlace(tokens, i);
  if (cls === 'ambiguous') return (next !== undefined && isSpaceGap(next.gapBefore) && isSurname(next)) || hasAgeContext(text, t);
  if (cls === null && isUnknownNameAt(text, tokens, i, facts)) return true;
  if (!t.cap && !isTitleOrPlace(tokens, i) && isLowerCaseNameInContext(text, tokens, i)) return true;
  const previous = tokens[i - 1];
  if (isSurname(t) && previous && FAMILY_WORDS.has(previous.lower) && isSpaceGap(t.gapBefore)) return true;
  return isSurname(t) && next?.lower === 'family' && isSpaceGap(next.gapBefore);
}

/**
 * Marks ambiguous names next to a flagged name: "Emma og Per", "Tor Erik" (given-name pairs), and a
 * lower-case name next to a lower-case one ("eleven ahmed og fatima").
 */
function spreadToNeighbours(tokens: readonly Token[], flagged: boolean[], free: readonly boolean[]): void {
  const spreadsTo = (i: number): boolean => {
    const t = tokens[i];
    if (!t || flagged[i] || !free[i] || isTitleOrPlace(tokens, i)) return false;
    const capitalised = t.cap;
    if (capitalised ? classOf(t) === null : lowerClassOf(t) !== 'strong') return false;
    const linked = (j: number, k: number): boolean => {
      const a = tokens[Math.min(j, k)];
      const b = tokens[Math.max(j, k)];
      if (!a || !b || !flagged[j]) return false;
      if (!capitalised && tokens[j]?.cap) return false;
      if (Math.abs(j - k) === 1) return /^\s*[,&]?\s*$/.test(b.gapBefore) && b.gapBefore.length > 0;
      const middle = tokens[Math.min(j, k) + 1];
      return !!middle && CONJUNCTIONS.has(middle.lower) && isSpaceGap(middle.gapBefore) && isSpaceGap(b.gapBefore);
    };
    return linked(i - 1, i) || linked(i + 1, i) || linked(i - 2, i) || linked(i + 2, i);
  };
  // A work list rather than passes over all tokens until nothing changes: a long chain of names
  // ("Per og Liv og Mai og …") would otherwise cost one pass per name.
  const queue = flagged.flatMap((f, i) => (f ? [i] : []));
  for (let j = queue.pop(); j !== undefined; j = queue.pop()) {
    for (const i of [j - 2, j - 1, j + 1, j + 2]) {
      if (!spreadsTo(i)) continue;
      flagged[i] = true;
      queue.push(i);
    }
  }
}

const PHRASES = new RegExp(`(?<!\\p{L})(?:${ALLOWED_PHRASES.join('|').replace(/ /g, '\\s+')})(?!\\p{L})`, 'giu');

/** Finds personal names, skipping text already covered by other findings (e-mail, address). */
export function findPersonNames(text: string, taken: Coverage = new Coverage(text.length), tokens: readonly Token[] = tokenize(text)): Finding[] {
  const allowed = new Coverage(text.length);
  for (const m of text.matchAll(PHRASES)) allowed.add(m.index, m.index + m[0].length);
  const facts: TextFacts = { aboutAPerson: ABOUT_A_PERSON.test(text), countList: [...text.matchAll(COUNT_LIST)].length >= 3 };
  // Words inside an e-mail, address or allowed phrase are not names; they stay in the token list so
  // the gaps between words stay right.
  const free = tokens.map((t) => !taken.overlaps(t.start, t.end) && !allowed.overlaps(t.start, t.end));
  const flagged = tokens.map((_, i) => free[i] === true && isNameAt(text, tokens, i, facts));
  spreadToNeighbours(tokens, flagged, free);
  // A flagged given name takes a following surname into the same finding ("Mustafa Hussain").
  tokens.forEach((t, i) => {
    const previous = tokens[i - 1];
    if (flagged[i] || !free[i] || !previous || !flagged[i - 1] || !isSpaceGap(t.gapBefore)) return;
    if (isSurname(t) || (isUnknownCapitalised(t) && classOf(previous) === 'strong')) flagged[i] = true;
  });
  const out: Finding[] = [];
  tokens.forEach((t, i) => {
    if (!flagged[i]) return;
    const last = out[out.length - 1];
    const end = t.end - (/['’]s$/.test(t.text) ? 2 : 0);
    if (last && flagged[i - 1] && isSpaceGap(t.gapBefore)) out[out.length - 1] = finding('personName', text, last.start, end);
    else out.push(finding('personName', text, t.start, end));
  });
  return out;
}
