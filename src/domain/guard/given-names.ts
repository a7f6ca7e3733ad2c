/**
 * Given names common in Norway (SSB top lists across generations, plus names common in families with
 * Somali, Arabic, Pakistani, Afghan/Persian, Kurdish, Turkish, Polish, Lithuanian, Balkan, Eritrean/
 * Ethiopian and Vietnamese background), and English names for English-language input.
 * Stored lower-case; matching is on capitalised words only.
 */
const words = (s: string): string[] =>
  s
    .trim()
    .split(/\s+/)
    .map((w) => w.toLowerCase());

/**
 * Names that are not also everyday words, places or brands: a capitalised occurrence is taken to be a
 * person, because trend texts have no other reason to contain them.
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  words(`
  Noah Oliver William Jakob Jacob Emil Lukas Lucas Isak Isaac Filip Philip Aksel Axel Liam Theodor Teodor
  Henrik Johannes Elias Matheo Mateo Olav Ludvig Ludvik Magnus Tobias Mathias Matias Sander Kasper
  Casper Jonas Leon Håkon Haakon Theo Teo Alexander Aleksander Benjamin Olai Sverre Johan Kristian Christian
  Markus Marcus Martin Mikkel Nikolai Nicolai Sebastian Sigurd Vetle Victor Viktor Edvard Ulrik Birk Brage
  Eskil Sondre Tiago Jens Odin Gustav Hugo Jonathan Daniel David Adrian Andreas Anders Thomas Tomas Fredrik
  Eirik Erik Espen Kjetil Lars Morten Ole Petter Pål Rolf Stian Sindre Simen Sivert Torstein Trygve Vegard
  Vidar Øystein Øyvind Ørjan Jørgen Jon Knut Kåre Gunnar Harald Helge Halvor Ingvar Ivar Jan Jarle Joakim
  Jostein Kenneth Kristoffer Lasse Leif Marius Mats Nils Oskar Oscar Robin Roger Sigve Snorre Steinar Svein
  Terje Thor Trond Truls Arne Asbjørn Bjørnar Einar Elling Endre Erlend Frode Geir Gaute Henning Herman
  Hallvard Jørn Kjell Mads Mikael Michael Ove Peder Preben Ragnar Reidar Richard Runar Simon Sturla Sveinung
  Tore Torbjørn Tord Torgeir Ulf Vebjørn Vemund Yngve Åsmund Amund Anton Arvid Audun Bendik Eivind Erling
  Felix Gabriel Georg Jesper Julian Kevin Lauritz Leo Loke Mattis Milo Nathan Nikolas Nicolas Patrick
  Rasmus Samuel Sigmund Syver Tim Tinius Trym Olve Iver Aron Aleksandar Ruben Amandus Severin
  Nora Norah Emma Ella Olivia Sofie Sophie Leah Lea Maja Maia Ingrid Frida Sara Sarah Astrid Selma Emilie
  Hedda Ellinor Alma Amalie Tiril Thea Ida Sofia Aurora Anna Eva Mia Hanna Hannah Ada Iben Vilde Marie Julie
  Linnea Jenny Mathilde Signe Tuva Ronja Oda Sigrid Hedvig Celine Kaja Mille Malin Marte Martine Maria Mina
  Nathalie Natalie Pernille Ragnhild Silje Solveig Stine Synne Thale Tonje Vilja Hanne Agnes Andrea Anne
  Anette Benedicte Birgitte Camilla Cecilie Charlotte Elin Elise Ellen Emily Eline Elisabeth Eirin Guro Heidi
  Helene Henriette Hilde Ingvild Inger Iselin Janne Jorunn Julia Karen Karoline Caroline Katrine Kine Kristin
  Kristine Lene Lise Mari Marianne Marit Nina Randi Rikke Ruth Sandra Sanna Sissel Sunniva Susanne Torill
  Trine Turid Unni Vigdis Wenche Åse Isabella Isabel Tilde Ylva Alva Alicia Amanda Amelia Amelie Aria Asta
  Ebba Ellie Emilia Erle Evelyn Fia Hermine Idun Ina Isa Lilly Lina Linn Luna Madelen Marta Martha Miriam
  Nellie Olea Othilie Ragna Rebekka Selina Sienna Stella Tia Una Vanja Vera Wilma Eli Kornelia Josefine
  Mohammed Muhammad Mohammad Mohamed Muhammed Mohamad Ahmed Ahmad Ali Hassan Hussein Hussain Omar Umar
  Yusuf Yousef Youssef Ibrahim Ismail Mustafa Mustafe Hamza Amir Bilal Khalid Tariq Zain Zaid Adnan Usman
  Imran Faisal Saad Yasin Yassin Idris Ayoub Ilyas Younes Anas Rayan Adam Samir Karim Nabil Walid Mahmoud
  Abdullah Abdul Hamid Rashid Jamal Nasir Aziz Amin Yahya Zakaria Suleiman Sulaiman Ayman Haider Mehdi Reza
  Hossein Arash Farhad Dariush Arian Sina Dilan Emre Mehmet Elif Zeynep Abdi Abdirahman Abdullahi Abdulkadir
  Abdiaziz Abdiqani Abdikarim Mohamud Mahad Liban Guled Hodan Ayan Ayaan Deeqa Fadumo Hibo Ifrah Sahra Muna
  Nasra Idil Ilhan Hawa Sumaya Sumaia Fatima Fatma Aisha Aicha Ayesha Zainab Zeinab Maryam Mariam Khadija
  Khadijah Amina Aminah Yasmin Yasmine Jasmin Samira Hana Leila Layla Laila Nadia Noor Nour Salma Safa Marwa
  Asma Iman Amira Rania Dina Malak Hiba Huda Sana Safiya Zahra Inaya Aya Alia Alya Aaliyah Hafsa Hajar
  Ikram Mona Parisa Shirin Nazanin Roza Rojin Shilan Ariana Sahar Ayse Esra Merve
  Jakub Kacper Szymon Mateusz Bartosz Michał Michal Wiktor Oliwia Zuzanna Lena Zofia Natalia Wiktoria
  Aleksandra Kamil Dawid Piotr Paweł Pawel Tomasz Krzysztof Łukasz Lukasz Agnieszka Katarzyna Magdalena
  Matas Domantas Gabija Ugnė Emilija Austėja Nikola Stefan Luka Marko Amar Emir Lejla Amra Emina Dino Haris
  Ajla Adis Edin Jasmina Tigist Senait Dawit Yonas Mehari Selam Meron Filmon Merhawi Yordanos Semhar
  Winta Saron Biniam Robel Yohannes Helen Eden Abel Tesfay Mulu Hiwot Rahel Thi Minh Linh Anh Tuan Huong Hoa
  Trang Duc Quang Khanh Phuong Thanh Thuy Ngoc Hieu Huy Bao Quynh
  James Henry Ethan Harry George Charlie Alfie Joshua Isla Ava Lily Freya Jessica Chloe Poppy Sophia Mason
  Logan Lucy Evie Millie Daisy Harper Jayden Tyler Ryan Kyle Connor Megan Hailey
  `),
);

/**
 * Names that are also ordinary words, months, places or brands ("per uke", "Mai", "Liv og helse",
 * "Storm", "Sol", "Bjørn", "Will", "Finn"). They count as a person only with a supporting context:
 * a role word before them, a surname after them, an age, or a neighbouring name.
 */
export const AMBIGUOUS_GIVEN_NAMES: ReadonlySet<string> = new Set(
  words(`
  Per Mai Liv Vår Sol Tor Bjørn Rose May Ola Kari Storm Dag Siv Lin Ben Stein Rune Line Mette Hege Tone Bo
  Are Ane Even Frank Mark Will Grace Hope Faith June April August Juni Summer Sunny Dawn Guy Nick Pat Jack
  Bill Art Ray Rob Sue Said An Long Ha Nam Hung Van Lan Thu Max Fred Roar Stig Odd Kai Hans Live Lykke Saga
  Frøya Milan Rana Zara Sami Siri Finn Iris Nova Victoria Ruby Amber Jade Ivy Kim Ask Ari
  `),
);
