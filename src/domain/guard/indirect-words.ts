/**
 * The words indirect.ts reads a text with: who the text is about (one young person, an adult, a
 * pair of siblings), and the phrases that narrow a group down to one. Norwegian Bokmål and English,
 * stored lower-case; every pattern is bounded so that matching stays linear in the text's length.
 */
const words = (s: string): string[] => s.trim().split(/\s+/);
/** Alternation of words, longest first so that "lillebroren" wins over "broren". */
const alt = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).join('|');

/**
 * Word boundaries that know æøå (JavaScript's \b does not). The patterns matched over a whole text
 * leave out the leading boundary: a look-behind at the start keeps the regular-expression engine from
 * skipping ahead to the characters a match can start with, which made it several times slower.
 * `spansOf` (indirect-people.ts) drops matches that do not start a word instead.
 */
export const B = String.raw`(?<![\p{L}\d])`;
const E = String.raw`(?![\p{L}\d])`;

// One young person, definite: a name for them that needs no article. "eleven" is also English
// for 11: followed by an English plural it is the number (see indirect.ts).
const YOUNG_DEFINITE = words(`gutten jenta jenten eleven ungdommen tenåringen barnet sønnen datteren dattera broren søsteren
  søstera lillebroren storebroren lillesøsteren lillesøstera storesøsteren storesøstera fetteren kusinen niesen nevøen
  barnebarnet stesønnen stedatteren kameraten kompisen venninnen venninna kjæresten medeleven russen`);
// One young person, indefinite: counts with an article ("en gutt", "ei jente", "a boy", "one pupil").
const YOUNG_INDEFINITE = words(`gutt jente elev ungdom tenåring barn sønn datter bror søster kamerat kompis venninne
  boy girl pupil student teenager youngster kid child son daughter brother sister schoolboy schoolgirl`);
/** A young person's noun in the definite form: counts alone. */
export const YOUNG_DEFINITE_SET: ReadonlySet<string> = new Set(YOUNG_DEFINITE);
/** A young person's noun in the indefinite form: counts after an article, maybe an adjective between. */
export const YOUNG_INDEFINITE_SET: ReadonlySet<string> = new Set(YOUNG_INDEFINITE);
export const ARTICLES: ReadonlySet<string> = new Set(words('en ei én ett et a an one the this that his her their denne dette'));
export const ADJECTIVES: ReadonlySet<string> = new Set(words('ny nye ung unge annen eldre yngre new young older younger certain'));
/** "en av guttene", "one of the boys": one of a group is one person. */
export const ONE: ReadonlySet<string> = new Set(words('en ei én one'));
export const OF: ReadonlySet<string> = new Set(words('av of'));
export const THE: ReadonlySet<string> = new Set(words('de the'));
export const YOUNG_PLURAL: ReadonlySet<string> = new Set(words('guttene jentene elevene ungdommene boys girls pupils students'));

/** Singular and plural words for an adult: a pronoun after them is about the adult, not a pupil. */
const ADULT_WORDS = words(`rektor rektoren lærer læreren lærerne kontaktlærer kontaktlæreren helsesykepleier helsesykepleieren
  helsesøster helsesøsteren miljøterapeut miljøterapeuten miljøarbeider miljøarbeideren utekontakt utekontakten
  ungdomskontakt ungdomskontakten politikontakt politikontakten politibetjent politibetjenten betjent betjenten politiet
  politimann politimannen politikvinne politikvinnen politiadvokat trener treneren ordfører ordføreren koordinator
  koordinatoren saksbehandler saksbehandleren leder lederen sjef sjefen inspektør inspektøren sosiallærer sosiallæreren
  rådgiver rådgiveren psykolog psykologen lege legen sykepleier sykepleieren mor moren mora far faren mamma mammaen pappa
  pappaen forelder forelderen foreldre foreldrene bestemor bestemoren bestefar bestefaren onkel onkelen tante tanten
  nabo naboen vekter vekteren ansatt ansatte fagarbeider fagarbeideren ungdomsarbeider ungdomsarbeideren assistent
  assistenten barnevernet kurator kuratoren vaktmester vaktmesteren imam imamen prest presten
  teacher headteacher principal nurse officer police coach counsellor counselor mother father mum mom dad parent
  manager coordinator worker staff caseworker psychologist doctor`);
const ADULT_SET: ReadonlySet<string> = new Set(ADULT_WORDS);
const ADULT_ENDINGS = words('lederen koordinatoren kontakten terapeuten sykepleieren arbeideren rådgiveren betjenten konsulenten læreren lærerne');
/**
 * A word for an adult: one of the words above, or a title ending like one ("avdelingslederen",
 * "SLT-koordinatoren"). Checked word by word: a pattern with a free-length stem before the endings
 * was tried at every letter of the text.
 */
export function isAdultWord(lower: string): boolean {
  return ADULT_SET.has(lower) || (lower.length > 8 && ADULT_ENDINGS.some((e) => lower.endsWith(e)));
}

/** Third-person singular pronouns ("her" is Norwegian for "here", so only "she"/"he" in English). */
export const PRONOUNS: ReadonlySet<string> = new Set(words('han hun ham henne hennes he she him'));

/** "han fra politiet", "hun på helsestasjonen": a pronoun placed in a service is a professional. */
export const SERVICE_AFTER_PRONOUN =
  /^\s(?:fra|på|hos|i|from|at)\s(?:politiet|skolen|barnevernet|nav|ppt|bup|helsestasjonen|kommunen|klubben|fritidsklubben|utekontakten|ungdomsteamet|the\spolice|the\sschool)(?![\p{L}])/iu;

/** Two or more siblings: "tvillingene", "brødrene"; or after a number: "to brødre", "the twins". */
export const SIBLINGS: ReadonlySet<string> = new Set(words('tvillingene tvillingbrødrene tvillingsøstrene søsknene brødrene søstrene'));
export const SIBLINGS_AFTER: ReadonlySet<string> = new Set(words('brødre søstre søsken tvillinger brothers sisters siblings twins'));
export const SIBLING_COUNT: ReadonlySet<string> = new Set(words('to tre two three the twin'));

// Kinship words for one person, and roles that only one person holds where the text is written.
const KIN = words(`sønn sønnen datter datteren dattera bror broren søster søsteren søstera lillebror lillebroren storebror
  storebroren lillesøster lillesøsteren lillesøstera storesøster storesøsteren storesøstera niese niesen nevø nevøen
  fetter fetteren kusine kusinen barnebarn barnebarnet stesønn stesønnen stedatter stedatteren halvbror halvbroren
  halvsøster halvsøsteren tvillingbror tvillingbroren tvillingsøster tvillingsøsteren kjæreste kjæresten`);
const KIN_EN = words(`son daughter brother sister niece nephew cousin grandson granddaughter stepson stepdaughter
  girlfriend boyfriend`);
const UNIQUE_ROLES = words(`treneren trener ordføreren ordfører varaordføreren rektor rektoren inspektøren avdelingslederen
  kontaktlæreren miljøterapeuten helsesykepleieren helsesøsteren presten soknepresten imamen pastoren rabbineren
  lensmannen politimesteren stasjonssjefen politistasjonssjefen kommunedirektøren rådmannen kommunelegen styrelederen
  lederen eieren sjefen butikksjefen vaktmesteren bussjåføren klubblederen ungdomsarbeideren utekontakten
  koordinatoren slt-koordinatoren politikontakten biskopen dommeren`);
const UNIQUE_ROLES_EN = words(`coach mayor headteacher headmaster headmistress principal priest vicar imam pastor rabbi
  owner manager chairman chair leader caretaker janitor teacher sheriff`);
export const KIN_SET: ReadonlySet<string> = new Set([...KIN, ...KIN_EN]);
/** A role only one person holds where the text is written: "treneren", "ordføreren", "rektor", "the coach". */
export const UNIQUE_ROLE_SET: ReadonlySet<string> = new Set([...UNIQUE_ROLES, ...UNIQUE_ROLES_EN]);
/**
 * Roles of two words: "daglig leder", "ungdomsrådets leder", "lederen av klubben" — a leader of
 * something named is one person. Read by indirect.ts after a kinship word and "til".
 */
export const LEADER_AFTER_KIN =
  /^\s(?:til|av|of)\s(?:(?:daglig|styrets|klubbens|skolens|lagets|rådets|\p{L}{2,30}s)\sleder|lederen\s(?:av|for|i|på)\s[\p{L}-]{2,30}|(?:the\s)?(?:head|leader|chair|manager)\sof\sthe\s[\p{L}-]{2,30})(?![\p{L}])/iu;
/** "til treneren", "av rektor", "of the mayor": the word between a kinship word and the role. */
export const TO: ReadonlySet<string> = new Set(words('til av of'));
export const ROLE_ARTICLE: ReadonlySet<string> = new Set(words('den vår deres the'));

/**
 * Roles among young people that one person holds. The captain and the keeper need the team
 * ("kapteinen på J16"); the others name one person wherever they stand.
 */
export const YOUNG_ROLE = new RegExp(
  String.raw`(?:lagkapteinen|lagkaptein|russepresidenten|russepresident|russeformannen|elevrådslederen|elevrådsleder|elevrådets\sleder|lederen\s(?:av|for|i)\selevrådet|leder\s(?:av|for|i)\selevrådet|tillitseleven|head\s(?:boy|girl)|class\spresident|student\scouncil\s(?:president|leader|chair)|russ\spresident|team\scaptain|(?:kapteinen|keeperen|målvakten)\s(?:på|til|for|i)\s[\p{L}\d-]{2,30}|(?:the\s)?(?:captain|goalkeeper)\sof\sthe\s[\p{L}\d\s-]{2,30}?(?:team|squad|side))${E}`,
  'giu',
);

// "den eneste jenta med somalisk bakgrunn", "eneste elev fra Eritrea", "den eneste som bruker hijab",
// "the only Afghan boy", "den yngste på laget": then a small group must follow in the sentence.
const ONLY = '(?:eneste|only|yngste|eldste|youngest|oldest)';
const PERSON_AFTER_ONLY = `(?:jenta|jente|jenten|gutten|gutt|eleven|elev|ungdommen|ungdom|barnet|tenåringen|minoritetseleven|boy|girl|pupil|student|kid|child|one|teenager)`;
/**
 * "eneste jenta med somalisk bakgrunn", "eneste som bruker hijab", "only Afghan boy", "yngste på laget".
 * The word before it is read by indirect.ts: not after "ikke"/"not" ("hun er ikke den eneste som …"
 * speaks of several), and "det eneste med …" is a thing, so after "det" only a person word counts.
 */
export const UNIQUE = new RegExp(
  String.raw`${ONLY}\s(?:(som|who|på|i|in|on|med|uten|fra|with|without|from)|(?:[\p{L}-]{2,20}\s){0,3}?${PERSON_AFTER_ONLY})${E}`,
  'giu',
);
/** What may stand before "eneste": "den", "the", "er", "som". */
export const UNIQUE_BEFORE = /(?<![\p{L}\d])(?:(ikke|not)\s)?(?:(den|det|the|som|er|is)\s)?$/iu;

/** The small groups "the only one" is counted in: a class, a year group, a team, a school. */
export const SMALL_GROUP = new RegExp(
  String.raw`(?:i|på|ved|in|at|on|of)\s(?:the\s|his\s|her\s|sin\s|sitt\s)?(?:klassen|klasse|trinnet|skolen|laget|gruppa|gruppen|klubben|avdelingen|bygda|kullet|troppen|koret|korpset|[\p{L}]{2,20}(?:klassen|klubben|gruppa|gruppen|troppen|koret|korpset)|[\p{L}\d]{1,20}-?laget|class|year\s\d{1,2}|grade|school|team|squad|club|group|village|\d{1,2}\s?[A-Ha-h]|\d{1,2}\.\s?(?:trinn|klasse))${E}`,
  'giu',
);

/** The groups an exact age singles one person out in: "en 12-åring på laget", "the 16-year-old in 9B". */
export const AGE_GROUP = new RegExp(
  String.raw`(?:i|på|in|on)\s(?:the\s|his\s|her\s)?(?:klassen|laget|gruppa|gruppen|troppen|koret|korpset|[\p{L}]{2,20}(?:klassen|klubben|gruppa|gruppen|troppen|koret|korpset)|[\p{L}\d]{1,20}-?laget|class|team|squad|\d{1,2}\s?[A-Ha-h])${E}`,
  'giu',
);

/** A class: "i 8B", "fra 10a", "klasse 9C", "class 9D", "8B-klassen". */
export const SCHOOL_CLASS = new RegExp(
  String.raw`(?:(?:[Ii]|[Ff]ra|[Pp]å|[Vv]ed|[Kk]lasse|[Kk]lassen|[Ii]n|[Ff]rom|[Cc]lass|of)\s((?:[1-9]|1[0-3])(?:[A-Ha-h]|\s[A-H]))${E}|((?:[1-9]|1[0-3])[A-Ha-h])-(?:klassen|klasse|elev|eleven))`,
  'gu',
);
/**
 * Who a class or year belongs to when a word for a group or an adult stands right before it: "flere i
 * 9B", "elevene i 8A", "kontaktlæreren i 9C", "lærerne på 10. trinn". Then the class is not the pupil's.
 */
export const ONE_OF_BEFORE = /(?<![\p{L}\d])(?:en|ei|én|one)\s(?:av|of)\s(?:de\s|the\s)?[\p{L}-]{2,30}\s(?:i|fra|på|ved|in|from|at|on)\s$/iu;
export const GROUP_BEFORE = new RegExp(
  String.raw`${B}(?:flere|noen|mange|alle|begge|de|dem|andre|resten|halvparten|elevene|elever|guttene|gutter|jentene|jenter|ungdommene|ungdommer|klassene|foreldrene|foresatte|several|some|many|all|both|others|pupils|students|boys|girls|parents|${alt(ADULT_WORDS)}|[\p{L}-]{0,20}(?:${alt(ADULT_ENDINGS)}))\s(?:i|fra|på|ved|in|from|at|on)\s$`,
  'iu',
);

/** A year: "9. trinn", "8. klasse", "vg2", "year 10", "9th grade", "en 8.-klassing". */
export const SCHOOL_YEAR = new RegExp(
  String.raw`(?:\d{1,2}\.\s?(?:trinn|klasse|klassetrinn|årstrinn)|\d{1,2}\.-klassingen|\d{1,2}\.-klassing|vg\s?[1-3]|year\s\d{1,2}|grade\s\d{1,2}|\d{1,2}(?:st|nd|rd|th)\sgrade)${E}`,
  'giu',
);
/** The word for a school after its name: "Lindeberg skole", "Nordvik vgs", "Nordvik lower secondary". */
export const SCHOOL_WORD =
  /(?:skolen|skole|skule|ungdomsskole|barneskole|videregående(?:\sskole)?|vgs|v\.g\.s\.|gymnas|kulturskole|school|lower\ssecondary|upper\ssecondary|secondary|high\sschool|academy)(?![\p{L}\d])/gu;
/** The name right before a school word: one or two capitalised words ("Holtåsen", "Nye Lindeberg"). */
export const SCHOOL_NAME_BEFORE = /(?<![\p{L}\d])\p{Lu}[\p{L}-]{1,30}(?:\s\p{Lu}[\p{L}-]{1,30})?\s$/u;
/** A school named in one word: "Lindebergskolen". */
export const ONE_WORD_SCHOOL = /^\p{Lu}\p{L}{2,30}skolen$/u;

/** "på Holtåsen" right after a year or class: the school the pupil goes to. */
export const AT_PLACE_AFTER = /^\s(?:på|ved|at)\s(\p{Lu}[\p{L}-]{1,30})/u;

/** An exact age: "13 år gammel", "en 12-åring", "15-åringen", "a 15-year-old", "16-årige". */
export const EXACT_AGE = new RegExp(
  String.raw`(?<![\d–-]\s?|\d\s?[–-]\s?)(\d{1,2})\s?(?:år\sgammel|år\sgamle(?=\s\p{Lu}|\s(?:gutten|jenta|eleven))|-?åringen|-?åring(?!er)|-årige(?=\s\p{Lu})|-year-old(?!s)|\syears?\sold|\s?år(?=\s?[),]))${E}`,
  'giu',
);
/** An age right after a person or name: "jenta (16)", "gutten på 14", "Brynjulf, 15 år", "aged 15". */
export const AGE_AFTER_PERSON =
  /^(?:\s?\(\s?(\d{1,2})\s?(?:år)?\s?\)|,\s?(\d{1,2})\s?år|\s(?:på|aged)\s(\d{1,2})(?![\d–-]|\s?[–-]\s?\d|\s(?:dager|uker|måneder|ganger|timer|minutter|days|weeks|months|times))(?:\s(?:år|years)(?![\p{L}]))?)/iu;
/** "… og er 15 år": the age of the sentence's person. */
export const IS_AGE = new RegExp(String.raw`(?:er|is)\s(\d{1,2})\s(?:år|years)(?!\s?[–-])${E}`, 'giu');
/** A place after a preposition: "fra Tjernlia", "ved Myrvoll senter", "from Solåsen". */
export const PLACE = /(?:fra|på|i|ved|utenfor|bak|rundt|nær|mellom|from|in|at|near|outside|around)\s(\p{Lu}[\p{L}-]{1,30})/gu;

/** Where someone lives, described so it can be found: a building, a street without number, "over the shop". */
const DWELLING_NOUN = `(?:blokka|blokken|huset|rekkehuset|leiligheten|leiligheta|oppgangen|kjelleren|kjellerleiligheten|hybelen|tomannsboligen|eneboligen|bygget|block|house|flat|apartment|basement)`;
const LOCATOR = `(?:ved|nederst|øverst|bak|over|under|overfor|nær|rett|midt|innerst|ytterst|by|next|near|behind|above|below|opposite)`;
const STREET = String.raw`\p{Lu}[\p{L}-]{1,30}(?:gata|gaten|gate|veien|vegen|vei|veg|stien|alléen|allé|terrassen|svingen|kroken)`;
export const DWELLING = new RegExp(
  String.raw`(?:(?:i|på|in|at)\s(?:den\s|det\s|the\s)?(?:[\p{L}-]{2,20}\s)?${DWELLING_NOUN}\s${LOCATOR}${E}|(?:bor|bodde|lives|lived|living)\s(?:rett\s)?(?:over|under|overfor|ved\ssiden\sav|above|below|opposite|next\sdoor\sto)\s(?:den\s|det\s|the\s)?[\p{L}-]{2,30}|(?:bor|bodde|lives|lived)\s(?:i|in)\s${STREET})${E}(?!\s?\d)`,
  'giu',
);

/** Words before a person in a sentence that make it any person, not one: "hvis en elev", "hver elev". */
export const GENERIC = new RegExp(`${B}(?:hvis|dersom|når|enhver|hver|hvert|alle|ingen|if|when|whenever|every|each|any|no)${E}`, 'iu');
/** Words right after a person that make it any person: "en elev per klasse", "one pupil from each class". */
export const GENERIC_AFTER = new RegExp(
  String.raw`^\s(?:[\p{L}-]{1,20}\s){0,2}?(?:per|fra\shver|i\shver|på\shver|ved\shver|from\seach|in\seach|in\severy)${E}`,
  'iu',
);

/** "eleven" followed by an English plural is the number eleven. */
export const ENGLISH_ELEVEN = /^\s(?:pupils|students|boys|girls|people|young|cases|reports|incidents|times|years|of|more|new|per)(?![\p{L}])/iu;

/**
 * Capitalised words after a preposition that are no small place: countries, big cities and regions,
 * apps, services and organisations, months and weekdays.
 */
export const NOT_PLACES: ReadonlySet<string> = new Set(
  words(`norge norway sverige sweden danmark denmark europa europe afrika africa asia asia midtøsten syria somalia eritrea
  polen poland litauen afghanistan irak iraq iran pakistan tyrkia turkey ukraina ukraine russland vietnam
  oslo bergen trondheim stavanger kristiansand tromsø drammen fredrikstad sarpsborg sandnes bodø ålesund tønsberg
  bærum asker viken akershus buskerud østfold vestfold innlandet vestland rogaland agder nordland troms finnmark
  kommunen bydelen fylket landet sentrum byen
  snap snapchat tiktok instagram insta discord telegram whatsapp signal facebook messenger youtube twitch roblox fortnite
  minecraft wizz yubo bereal tinder reddit twitter teams visma vigilo google
  nav ppt bup barnevernet politiet ungdata udir ot salto mot
  januar februar mars april mai juni juli august september oktober november desember
  january february march may june july october december
  mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday friday saturday sunday
  jul påske ramadan eid year grade class`),
);
