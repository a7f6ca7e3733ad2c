import { ALLOWED_WORDS } from './allow-list';
import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES } from './given-names';
import { AGE_AFTER, EVERYDAY_WORDS } from './name-context';
import { isSpaceGap, type Token } from './tokens';

/**
 * Given names typed in lower case, as people write in chat: «sara (14) har sluttet», «ahmed sa at
 * …», «emil på 15», «vi snakket med yusuf who says …». A lower-case given name that is not also an
 * everyday word is taken for a person when the words around it make it one: an age, a verb of saying
 * or doing, a relative pronoun or «og en kompis» after it, or «møtte», «snakket med» before it.
 */

export type NameClass = 'strong' | 'ambiguous';

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/**
 * The given-name class of a lower-case word ("ahmed", "anne-lise"), or null. Names that are also
 * everyday words stay out: "endre" is "to change" far more often than it is Endre.
 */
export function classifyLower(word: string): NameClass | null {
  if (!/^\p{Ll}+(?:-\p{Ll}+)*$/u.test(word)) return null;
  const parts = word.split('-');
  const isName = (p: string): boolean => GIVEN_NAMES.has(p) || AMBIGUOUS_GIVEN_NAMES.has(p);
  const isClear = (p: string): boolean => GIVEN_NAMES.has(p) && !EVERYDAY_WORDS.has(p) && !ALLOWED_WORDS.has(p);
  if (!parts.every(isName)) return null;
  return parts.some(isClear) ? 'strong' : 'ambiguous';
}

// What a person does in a report: says, writes, threatens, sells, comes, goes … (and the auxiliaries
// that start such a verb: "nora har fortalt", "ibrahim er sett").
const VERBS = set(`sa sier sagt fortalte forteller fortalt skrev skriver skrevet mente mener ringte ringer kom kommer
  gikk går dro drar fikk får ble blir er var har hadde vil ville skal skulle kan kunne må måtte truet truer slo slår
  stjal stjeler solgte selger kjøpte kjøper røyker røykte drikker drakk ruser ruset nektet nekter rømte rømmer løp
  sendte sender delte deler filmet filmer postet poster mobber mobbet sloss slåss skulker skulket bor bodde henger
  jobber spiller bruker brukte tok tar ga gir viste viser lovet ba ber spurte spør svarte svarer sitter satt står sto
  havnet endte begynte begynner sluttet slutter møtte møter traff treffer tilbød tilbyr rekrutterer rekrutterte
  presser presset frakter fraktet oppsøker oppsøkte hevder hevdet innrømmet innrømmer forsvant mangler manglet uteble
  said says told tells wrote writes called calls came comes went goes got gets was is has had threatened threatens hit
  hits stole steals sold sells bought buys smokes smoked drinks drank ran runs sent sends shared shares posted posts
  filmed lives lived refused refuses admitted admits claims claimed started starts stopped stops met meets asked asks
  took takes gave gives offered offers recruits recruited carries carried`);
// Words that may stand between the name and its verb: "sofie fortsatt bor hjemme", "ahmed ikke kom".
const ADVERBS = set(`fortsatt også ikke nå visst alltid ofte igjen aldri bare kanskje egentlig nettopp plutselig
  still also not now never always often again just apparently reportedly allegedly`);
const RELATIVES = set('som who');
// "oliver og en kompis", "maja og venninnen hennes": a second person joined to the name.
const COMPANIONS = set(`kompis kompisen kompiser venn vennen venner venninne venninnen venninna venninner kamerat
  kameraten kamerater kjæreste kjæresten bror broren søster søsteren lillebror lillebroren storebror storebroren
  friend friends brother sister boyfriend girlfriend`);
const ARTICLES = set('en ei et a an his her hans hennes sin sitt noen some two to');
// "møtte jonas", "snakket med fatima", "spoke to yusuf": a verb of meeting or talking before the name.
const MET = set('møtte traff ringte kontaktet besøkte hentet met called contacted visited');
const TALKED = set('snakket pratet snakker prater samtalte spoke talked speaks talks');
const WITH = set('med with to');
// "amalie 13 år", "emma, 15, has …": a bare age right after the name.
const BARE_AGE_AFTER = /^(?:\s\d{1,2}\s?(?:år|years?)(?![\p{L}])|,\s?\d{1,2},)/iu;

/** True when lower-case token i is a given name that the words after it make a person. */
export function isLowerCaseNameInContext(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.text.length < 3 || classifyLower(t.text) !== 'strong') return false;
  const after = text.slice(t.end, t.end + 24);
  if (AGE_AFTER.test(after) || BARE_AGE_AFTER.test(after)) return true;
  const before = tokens[i - 1];
  if (before && isSpaceGap(t.gapBefore)) {
    if (MET.has(before.lower)) return true;
    const verb = tokens[i - 2];
    if (WITH.has(before.lower) && verb && isSpaceGap(before.gapBefore) && TALKED.has(verb.lower)) return true;
  }
  const next = tokens[i + 1];
  if (!next) return false;
  if (RELATIVES.has(next.lower) && /^,?\s$/.test(next.gapBefore)) return true;
  if (!isSpaceGap(next.gapBefore)) return false;
  if (VERBS.has(next.lower)) return true;
  const then = tokens[i + 2];
  if (ADVERBS.has(next.lower) && then && isSpaceGap(then.gapBefore) && VERBS.has(then.lower)) return true;
  if (next.lower !== 'og' && next.lower !== 'and') return false;
  const companion = then && ARTICLES.has(then.lower) ? tokens[i + 3] : then;
  return !!companion && isSpaceGap(companion.gapBefore) && COMPANIONS.has(companion.lower);
}
