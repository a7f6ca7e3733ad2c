/**
 * Surnames common in Norway (SSB top list plus frequent surnames in immigrant families). Used to
 * recognise "given name + surname" and "familien Nguyen", never to flag a surname on its own.
 */
const words = (s: string): string[] =>
  s
    .trim()
    .split(/\s+/)
    .map((w) => w.toLowerCase());

/** Norwegian surnames: patronymics and farm names (which are also place names: Berg, Lund, Strand). */
const NORWEGIAN = words(`
  Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen
  Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Jakobsen Dahl Jørgensen Halvorsen Henriksen
  Lund Sørensen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken
  Kristoffersen Mathisen Lie Amundsen Rasmussen Lunde Solheim Berge Moe Nygård Bakke Kristensen
  Fredriksen Holm Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre Hanssen
  Haugland Thomassen Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning Arnesen Antonsen Næss Vik Haug
  Ellingsen Thorsen Edvardsen Birkeland Isaksen Gulbrandsen Ruud Aasen Strøm Myklebust Tangen Ødegård
  Eliassen Helland Bøe Jenssen Aune Mikkelsen Tveit Brekke Abrahamsen Madsen Hovland Lorentzen Engen
  Wold Fossum Bråten Kvam Nordby Dale Sunde
  `);

/** Frequent surnames in immigrant families in Norway, and English ones for English input. */
export const OTHER_SURNAMES: ReadonlySet<string> = new Set(
  words(`
  Nguyen Tran Pham Le Hoang Vu Vo Dang Bui Do Ngo Duong Ly
  Khan Hussain Hussein Ahmed Ali Mohamed Mohammed Mohamud Hassan Abdi Abdullahi Farah Warsame Osman Omar
  Ibrahim Yusuf Jama Nur Aden Hersi Haji Iqbal Akhtar Butt Malik Shah Raza Rehman Chaudhry Mirza Javed
  Aslam Hussaini Rahimi Ahmadi Hosseini Mohammadi Karimi Sultani Azizi Haidari Yilmaz Kaya Demir Celik
  Sahin Yildiz Nowak Kowalski Kowalska Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Lewandowski
  Zieliński Szymański Woźniak Dąbrowski Kaczmarek Mazur Krawczyk Kazlauskas Petrauskas Jankauskas Hodžić
  Hadžić Kovačević Begić Tesfay Tesfaye Gebremedhin Gebru Haile Tekle Berhane Kidane Mehari Yohannes
  Ghebremariam Abraha Smith Jones Brown Taylor Williams Wilson Johnson Davies Evans Thomas Walker
  `),
);

export const SURNAMES: ReadonlySet<string> = new Set([...NORWEGIAN, ...OTHER_SURNAMES]);

/**
 * Endings that make a capitalised word a surname rather than a place or a thing: patronymics after a
 * consonant (Bergersen, Svensson, Jackson – not the nouns "Hendelsen", "Undersøkelsen", "Prisen",
 * "Bussen", "Person"; the "-ssen" names are in the lists) and Slavic, Central Asian, Caucasian,
 * Turkish, Persian, Pashto, Romanian, Greek and Spanish surnames (Kowalski, Petrov, Rahimova,
 * Shevchenko, Horvatović, Yılmazoğlu, Rostamzadeh, Yousafzai, Popescu, Papadopoulos, Fernandez).
 * "-ov"/"-ev" need a stem of three letters ("Petrov", not "Lov"); "Behov" and "Skrev" are words.
 */
export const STRONG_SURNAME_ENDING =
  /(?:(?<![aeiouyæøås]|el|per)s?s(?:en|on)|ski|ska|cki|cka|wicz|czyk|czak|ović|ovic|ević|evic|ić|oglu|oğlu|zadeh|pour|\p{L}{3}(?<!beh|skr|str)(?:ov|ova|ev|eva|yev|yeva)|enko|chuk|shvili|dze|yan|zai|escu|poulos|\p{L}{4}ez)$/u;

/**
 * Word endings typical of Norwegian, Swedish, Slavic, Turkish and Persian surnames, including the farm
 * names that are also places. Only used right after a known given name, where a capitalised word with
 * such an ending is almost certainly a surname.
 */
export const SURNAME_ENDING = /(?:stad|rud|dal|vik|land|berg|heim|bakken|haug|haugen|strand|lie|nes|gård|gaard|seth|bø)$/;
