/**
 * The words around a word that make it a person's name or rule that out. Stored lower-case; used
 * by names.ts.
 */
const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

// Nouns for a person: a name right after them is that person ("eleven Jonas", "the boy Omar").
// Not the mass nouns "ungdom"/"unge": "tilbud for ungdom Skoletiltak" is a heading, not a name.
export const PERSON_NOUNS = set(`eleven gutten gutt jenta jente ungdommen sønnen sønn datteren datter
  broren bror søsteren søster lillebroren storebroren lillesøsteren storesøsteren lillebror storebror
  lillesøster storesøster kameraten kompisen venninnen vennen venn kjæresten moren mora mor faren far
  mammaen pappaen mamma pappa stefaren stemoren fetteren kusinen naboen åringen
  student pupil boy girl son daughter brother sister teenager friend boyfriend girlfriend mother father mum
  mom dad cousin youngster kid child`);
export const PRONOUNS = set('han hun he she his her hans hennes');
// Verbs that introduce a name. Also used for things ("tilbudet heter Fritidskassa"), so an unknown word
// after them counts as a name only when a person word or pronoun comes just before the verb.
export const NAMING_VERBS = set('heter kalt kalles kaller named called nicknamed is er');
// "mor til Jonas", "the mother of Jonas": a person noun, then one of these, then the name.
export const RELATIONS = set('til of');
export const FAMILY_WORDS = set('familien family brødrene søstrene søsknene fru herr mr mrs ms miss');
export const CONJUNCTIONS = set('og and eller or');
// A name followed by one of these is a street or an institution named after someone ("Karl Johans gate").
export const PLACE_AFTER = set(`gate gata gaten gt vei veien veg vegen plass plassen allé alle street road avenue
  lane square skole skule school gymnas videregående vgs barnehage kirke kirken church hospital sykehus
  senter center centre stasjon station park parken hus huset house hall hallen stiftelse fond prisen
  kafe kafé cafe café fritidshus fritidsklubb fritidsklubben ungdomshus bibliotek moské moskeen mosque`);

/**
 * Given names that are also everyday lower-case words ("endre" = to change, "tore" = to dare, "iver"
 * = zeal, "lene" = to lean, "trang" = narrow, "harry" = tacky, "lily", "daisy", "robin"). People
 * often write names in lower case in chat ("eleven ahmed"), so after a role word a lower-case word
 * from the given-name list is a name, except these.
 */
export const EVERYDAY_WORDS = set(`endre tore iver snorre lene lise tilde luka roger aria linnea birk mille
  dina mina sina sanna vilja vilde synne sander jan eli tim trang harry mason lily poppy daisy harper
  robin`);

// Same line only: a role word at the end of one line and a heading on the next are unrelated.
export const ROLE_GAP = /^[ \t,:«»"“”‘'’]*$/;
export const AGE_AFTER = /^\s*(?:\(\s*\d{1,2}\s*(?:år|years?|y\.?o\.?)?\s*\)|,\s*\d{1,2}\s*(?:år|years?\b)|\s(?:på|aged)\s+\d{1,2}\b)/iu;
export const AGE_BEFORE = /\d{1,2}\s*(?:år\s+gamle|-?årige|-year-old|year-old|years?\s+old)\s*$/iu;
