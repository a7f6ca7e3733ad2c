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
  kafe kafé cafe café fritidshus fritidsklubb fritidsklubben ungdomshus bibliotek moské moskeen mosque
  club klubb klubben il fk`);
// Endings of a word after a name that make the name a place, shop, centre, foundation or programme
// named after a person: "Olav Brekke-senteret", "Anders Lie-senteret", "Johan Bergs minnefond",
// "Petter Moen-hallen", "Ida Holm-modellen".
export const PLACE_ENDING =
  /(?:senter|senteret|sentret|hallen|huset|parken|plassen|skolen|fond|fondet|legat|legatet|stiftelse|stiftelsen|prisen|stipend|stipendet|programmet|prosjektet|modellen|metoden|arena|arenaen|bygget|gården|stadion|banen|kirken|biblioteket|kvartalet|tunet|minne|butikken|kiosken|bakeriet|kafeen|kaféen)$/;
// An institution noun before a name makes it the institution's name: "Fritidsklubben Tiril", "Kafé Mina",
// "Barnehagen Emma", "tiltaket Ida". A person noun still wins ("eleven Tiril"), and so does a relative
// clause ("skolen Emma går på har meldt"). English puts such names first ("the Leo project") and drops
// "that" ("the school Emma attends"), so only "café" counts there.
export const INSTITUTIONS = set(`fritidsklubben fritidsklubb ungdomsklubben ungdomsklubb klubben klubb kafé kafe
  café cafe kaféen kafeen skolen skole barnehagen barnehage senteret senter huset prosjektet prosjekt
  tiltaket tiltak tilbudet tilbud stiftelsen stiftelse foreningen forening idrettslaget laget koret bandet
  butikken restauranten appen programmet metoden kampanjen gården gruppa gruppen kanalen`);
// Finite verbs that start the main clause after a relative clause: "skolen Emma går på HAR meldt".
export const MAIN_VERBS = set('har hadde er var blir ble vil skal kan må bør sier sa melder meldte mener viser');
export const PREPOSITIONS = set('på i til ved hos med fra for av om over under mot');

/**
 * Given names that are also everyday lower-case words ("endre" = to change, "tore" = to dare, "iver"
 * = zeal, "lene" = to lean, "trang" = narrow, "harry" = tacky, "lily", "daisy", "robin"). People
 * often write names in lower case in chat ("eleven ahmed"), so after a role word a lower-case word
 * from the given-name list is a name, except these.
 */
export const EVERYDAY_WORDS = set(`endre tore iver snorre lene lise tilde luka roger aria linnea birk mille
  dina mina sina sanna vilja vilde synne sander jan eli tim trang harry mason lily poppy daisy harper
  robin vera lea aksel signe helge charlie`);

// Same line only: a role word at the end of one line and a heading on the next are unrelated.
export const ROLE_GAP = /^[ \t,:«»"“”‘'’]*$/;
export const AGE_AFTER = /^\s*(?:\(\s*\d{1,2}\s*(?:år|years?|y\.?o\.?)?\s*\)|,\s*\d{1,2}\s*(?:år|years?\b)|\s(?:på|aged)\s+\d{1,2}\b)/iu;
export const AGE_BEFORE = /\d{1,2}\s*(?:år\s+gamle|-?årige|-year-old|year-old|years?\s+old)\s*$/iu;

/**
 * Words that are capitalised at the start of a sentence or in a heading and are never a given name.
 * An unknown capitalised word is only taken for a name when a surname or an age follows it
 * ("Kornelius Bergersen", "Timur (16)"); these stay out of that rule ("Både Hansen og …", "The
 * Johnsons").
 */
export const SENTENCE_WORDS = set(`i på fra til med mot ved hos om av for etter før under over mellom blant
  rundt langs uten innen ifølge utover innenfor utenfor gjennom omkring foran bak siden fordi selv likevel
  derfor dermed samtidig først deretter angående vedrørende tross
  både også men og eller som når hvis da nå der her dette denne disse den det
  de en et ei alle flere mange noen ingen hver hele begge vår våre vårt min mitt mine din ditt dine deres
  jeg du vi dere han hun ikke bare kun særlig spesielt gjelder sak saken tema tiltak møte status ny nye
  nytt gamle store lille nedre øvre søndre nordre vestre østre ytre indre gml sankt
  the a an in on at from to with by for of and or but this that these those all many some several no both
  through within outside beyond across among after before since because however therefore meanwhile
  also only our their his her my your we they he she it new old young north south east west upper lower
  dear hi hello re fw fwd`);
// Ages of the children and young people SLT is about; a bare "(n)" outside this range is a count.
export const YOUTH_AGE = { min: 10, max: 25 } as const;
// "Kornelius (16)", "Kornelius (16 år)", "Kornelius, 15 år", "Daler, aged 15": the explicit forms.
export const STRICT_AGE_AFTER =
  /^\s*(?:\(\s*(?<bare>\d{1,2})\s*\)|\(\s*\d{1,2}\s*(?:år|years?|y\.?o\.?)\s*\)|,\s*(?:\d{1,2}\s*(?:år|years?)\b|aged\s+\d{1,2}\b))/iu;
// A text about a person: a personal pronoun (not "her", Norwegian "here", nor "hans", also a name) or
// a person noun ("gutten", "mor").
export const ABOUT_A_PERSON = new RegExp(String.raw`(?<!\p{L})(?:han|hun|ham|henne|hennes|he|she|him|his|${[...PERSON_NOUNS].join('|')})(?!\p{L})`, 'iu');
// A text listing three or more "Word (n)" is a table of counts ("Skui (12), Hosle (4), Tanum (9)").
export const COUNT_LIST = /\p{Lu}[\p{L}-]{1,30}\s{0,3}\(\s{0,3}\d{1,6}\s{0,3}\)/gu;
