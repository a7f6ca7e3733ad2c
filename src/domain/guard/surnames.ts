/**
 * Surnames common in Norway (SSB top list plus frequent surnames in immigrant families). Used to
 * recognise "given name + surname" and "familien Nguyen", never to flag a surname on its own.
 */
const words = (s: string): string[] => s.trim().split(/\s+/).map((w) => w.toLowerCase());

export const SURNAMES: ReadonlySet<string> = new Set(
  words(`
  Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen
  Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Jakobsen Dahl Jørgensen Halvorsen Henriksen
  Lund Sørensen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken
  Kristoffersen Mathisen Lie Amundsen Rasmussen Lunde Solheim Berge Moe Nygård Bakke Kristensen
  Fredriksen Holm Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre Hanssen
  Haugland Thomassen Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning Arnesen Antonsen Næss Vik Haug
  Ellingsen Thorsen Edvardsen Birkeland Isaksen Gulbrandsen Ruud Aasen Strøm Myklebust Tangen Ødegård
  Eliassen Helland Bøe Jenssen Aune Mikkelsen Tveit Brekke Abrahamsen Madsen Hovland Lorentzen Engen
  Wold Fossum Bråten Kvam Nordby Dale Sunde Nguyen Tran Pham Le Hoang Vu Vo Dang Bui Do Ngo Duong Ly
  Khan Hussain Hussein Ahmed Ali Mohamed Mohammed Mohamud Hassan Abdi Abdullahi Farah Warsame Osman Omar
  Ibrahim Yusuf Jama Nur Aden Hersi Haji Iqbal Akhtar Butt Malik Shah Raza Rehman Chaudhry Mirza Javed
  Aslam Hussaini Rahimi Ahmadi Hosseini Mohammadi Karimi Sultani Azizi Haidari Yilmaz Kaya Demir Celik
  Sahin Yildiz Nowak Kowalski Kowalska Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Lewandowski
  Zieliński Szymański Woźniak Dąbrowski Kaczmarek Mazur Krawczyk Kazlauskas Petrauskas Jankauskas Hodžić
  Hadžić Kovačević Begić Tesfay Tesfaye Gebremedhin Gebru Haile Tekle Berhane Kidane Mehari Yohannes
  Ghebremariam Abraha Smith Jones Brown Taylor Williams Wilson Johnson Davies Evans Thomas Walker
  `),
);

/**
 * Word endings typical of Norwegian, Swedish, Slavic, Turkish and Persian surnames. Only used right
 * after a given name, where a capitalised word with such an ending is almost certainly a surname.
 */
export const SURNAME_ENDING =
  /(?:sen|ssen|son|sson|stad|rud|dal|vik|land|berg|heim|bakken|haug|haugen|strand|lie|nes|gård|gaard|seth|bø|ski|ska|cki|wicz|czyk|ović|ovic|ić|oglu|oğlu|zadeh|pour)$/;
