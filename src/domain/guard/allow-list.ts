/**
 * Capitalised words that are never a person in SLT texts: places, services, organisations, apps,
 * month and weekday names. Stored lower-case. A word here that is also a given name ("Mai", "Finn",
 * "Victoria") is only taken as a name after a role word such as "heter" or "jenta".
 */
const words = (s: string): string[] =>
  s
    .trim()
    .split(/\s+/)
    .map((w) => w.toLowerCase());

export const ALLOWED_WORDS: ReadonlySet<string> = new Set(
  words(`
  januar februar mars april mai juni juli august september oktober november desember
  january february march may june july october december jan feb mar apr jun jul aug sep sept okt oct nov des dec
  mandag tirsdag onsdag torsdag fredag lørdag søndag man tir tirs ons tor tors fre lør søn
  monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
  påske jul pinse ramadan eid halloween nyttår nyttårsaften julaften russetid sankthans olsok
  easter christmas
  bærum baerum sandvika bekkestua rykkinn fornebu oslo asker stabekk lysaker høvik blommenholm jar
  kolsås haslum eiksmarka bærums verk lommedalen vøyenenga bekkestua hosle østerås grav valler rud
  nadderud hundsund kadettangen kalvøya snarøya tanum gjettum dønski billingstad slependen
  majorstuen frogner grünerløkka grønland tøyen stovner furuset grorud romsås holmlia mortensrud vestli
  groruddalen søndre nordstrand bjerke alna sagene gamle lillestrøm drammen lørenskog skedsmo ski moss
  bergen trondheim stavanger kristiansand tromsø fredrikstad sarpsborg sandnes bodø ålesund tønsberg
  hamar lillehammer gjøvik molde harstad norge norway viken akershus buskerud østfold vestfold innlandet
  sverige sweden danmark denmark europa europe midtøsten syria somalia eritrea polen poland litauen
  afghanistan irak iraq iran pakistan tyrkia turkey ukraina ukraine russland vietnam
  nav ppt bup barnevernet barnevern politiet politi kripos pst ungdata nova kfi kråd udir helsedirektoratet
  utekontakten utekontakt helsestasjonen helsestasjon helsesykepleier ungdomsklubben ungdomsklubb
  fritidsklubben oppfølgingstjenesten ot salto mot rusken natteravnene frelsesarmeen frivilligsentralen
  røde kors kirkens bymisjon sos mental helse redd barna blå alarmtelefonen statsforvalteren fylkeskommunen
  kommunen rådhuset rådmannen ordføreren konfliktrådet støttesenter bufetat bufdir imdi
  sporveier ruter vy bane nor kiwi rema coop extra meny joker spar bunnpris obs europris normal
  vinmonopolet narvesen mcdonalds burger king max peppes storsenter amfi finn vipps
  snapchat snap tiktok instagram insta discord telegram whatsapp signal facebook messenger youtube
  twitch roblox fortnite minecraft wizz yubo bereal tinder reddit twitter x teams visma inschool vigilo
  google apple iphone android netflix spotify playstation xbox
  red cross church city mission save children police
  `),
);

/** Words before a given name that make it a title or a place rather than a person ("profeten Muhammed"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  words(`profeten profet prophet kong king dronning queen prins prinsesse prince princess st sankt saint
  san santa jomfru virgin pave pope hellige holy`),
);

/**
 * Multi-word places and stock phrases that contain a given name but are not a person: neighbourhoods
 * named after people ("områderettet innsats på Emma Hjorth"), the Norwegian "John Doe"s, and methods,
 * brands and books named after a person.
 * Municipality-specific places belong in configuration eventually; these are the common Bærum ones.
 */
export const ALLOWED_PHRASES: readonly string[] = [
  'Emma Hjorth',
  'Emma Hjort',
  'Marie Plahte',
  'Ola Nordmann',
  'Kari Nordmann',
  'Navn Navnesen',
  // A method in child welfare and two brands and a book that young people talk about.
  'Marte Meo',
  'Hugo Boss',
  'Michael Kors',
  'Harry Potter',
  'Emil i Lønneberget',
  'Ronja Røverdatter',
];
