import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/guard';
import { found } from './helpers';

const names = (text: string): string[] => found(text, 'personName');

describe('screenText: names after a role word (a)', () => {
  it.each([
    ['Eleven Jonas i 9B selger hasj.', 'Jonas'],
    ['Gutten Mohammed blir rekruttert.', 'Mohammed'],
    ['Jenta Nora deler bilder.', 'Nora'],
    ['Hun heter Aisha og blir truet.', 'Aisha'],
    ['Sønnen Emil bærer kniv.', 'Emil'],
    ['Ungdommen Kacper er kjent for politiet.', 'Kacper'],
    ['En jente kalt Maja henger med eldre gutter.', 'Maja'],
    ['The student Liam posted threats.', 'Liam'],
    ['A boy named Jakub was recruited.', 'Jakub'],
    ['His name is Mustafa.', 'Mustafa'],
    ['Eleven, Isak, er mistenkt.', 'Isak'],
  ])('%s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('flags names that are also words once a role word introduces them', () => {
    expect(names('Gutten heter Per og er 14 år.')).toEqual(['Per']);
    expect(names('Jenta heter Liv og bor på Rykkinn.')).toEqual(['Liv']);
    expect(names('En jente som heter Mai blir mobbet.')).toEqual(['Mai']);
  });

  it('flags an unknown word after a person and a naming verb, but not after a thing', () => {
    expect(names('Hun kalles «Sussi» på nett.')).toEqual(['Sussi']);
    expect(names('Eleven heter Kornelius.')).toEqual(['Kornelius']);
    expect(names('Tilbudet heter Fritidskassa.')).toEqual([]);
    expect(names('An app called Wizz is used by adults.')).toEqual([]);
    expect(names('Ungdommen Snapchat-gruppa har 200 medlemmer.')).toEqual([]);
  });
});

describe('screenText: given name followed by a surname (b)', () => {
  it.each([
    ['Mustafa Hussain ble tatt med kniv.', 'Mustafa Hussain'],
    ['Minh Nguyen har ikke møtt.', 'Minh Nguyen'],
    ['Per Hansen har klaget.', 'Per Hansen'],
    ['Tor Erik Lunde har truet elever.', 'Tor Erik Lunde'],
    ['Nikola Kowalski has stopped coming.', 'Nikola Kowalski'],
    ["Thi Nguyen's family asked for an interpreter.", 'Thi Nguyen'],
  ])('%s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('flags a known surname after a family word', () => {
    expect(names('Familien Nguyen ønsker tolk.')).toEqual(['Nguyen']);
  });
});

describe('screenText: names in a person-describing context (c)', () => {
  it.each([
    ['Ola (15) selger hasj.', ['Ola']],
    ['Bjørn (17) er mistenkt.', ['Bjørn']],
    ['15 år gamle Noah var med på ranet.', ['Noah']],
    ['We worry about 14-year-old Khadija.', ['Khadija']],
    ['Emma og Per i 10B deler bilder.', ['Emma', 'Per']],
    ['Hassan og Amir ble stoppet.', ['Hassan', 'Amir']],
    ["Sofie's mother called.", ['Sofie']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('screenText: ordinary trend text passes', () => {
  it.each([
    'Per i dag har vi ingen meldinger om kniv.',
    '12 elever per uke oppsøker helsesykepleier.',
    'Mai og juni er høysesong for fester.',
    'Liv og helse er tema på foreldremøtet.',
    'Vår erfaring er at ungdom samles på kjøpesentrene.',
    'Storm og uvær stengte klubben. Sol og varme ga mye folk på stranda.',
    'Bjørn og ulv er ikke tema.',
    'May is the busiest month. Will the board decide? Mark the date.',
    'Per capita, Bærum has fewer reports than Oslo.',
    'Ola og Kari Nordmann er ikke målgruppen.',
    'Karikaturer av profeten Muhammed skapte reaksjoner.',
    'Uro på Karl Johans gate og ved St. Olavs plass.',
    'Unge handler vape på Finn og betaler med Vipps.',
    'Områderettet innsats på Emma Hjorth og i lokalene til Emma kafe.',
  ])('%s', (text) => {
    expect(screenText(text)).toEqual({ ok: true, findings: [] });
  });

  it('lets places, services, organisations and apps pass', () => {
    const text =
      'Sandvika, Bekkestua, Rykkinn, Fornebu, Oslo, NAV, PPT, Røde Kors, Kirkens Bymisjon, Snapchat, TikTok, ' +
      'Instagram, Discord, Utekontakten, Politiet, Barnevernet, Helsestasjonen, Ungdomsklubben, Oslo Sporveier, ' +
      'Kiwi, Rema 1000, Rud videregående skole.';
    expect(screenText(text).findings).toEqual([]);
  });

  it('does not carry a role word across a line break into a heading', () => {
    expect(names('Tilbud for unge og ungdommen\nSkoletiltak\nMiljøbaser på skolene.')).toEqual([]);
  });
});

describe('screenText: positions', () => {
  it('reports start and end offsets that slice out the finding', () => {
    const text = 'Mor til Sara, tlf 912 34 567, fnr 03040941214.';
    const result = screenText(text);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.kind)).toEqual(['personName', 'phone', 'nationalId']);
    for (const f of result.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('screenText: methods, brands, books and institutions named after a person', () => {
  it.each([
    'Barnevernet bruker Marte Meo i veiledning av foreldre.',
    'Falske Hugo Boss-klær og Michael Kors-vesker selges på Snapchat.',
    'Harry Potter-kvelden på biblioteket var full.',
    'Fritidsklubben Tiril har åpent hver fredag.',
    'Kafé Mina på Bekkestua er et møtested for unge.',
    'Leo Club Sandvika arrangerer innsamling.',
    'Klubb Ella er et nytt tilbud, og tilbudet heter Ida på Fornebu.',
    'Barnehagen Emma og tiltaket Oda samarbeider.',
    'Café Mina is popular with young people.',
  ])('lets %s pass', (text) => {
    expect(screenText(text)).toEqual({ ok: true, findings: [] });
  });

  it('still flags a person noun before the name and a relative clause after it', () => {
    expect(names('Eleven Tiril har sluttet.')).toEqual(['Tiril']);
    expect(names('Skolen Emma går på har meldt bekymring.')).toEqual(['Emma']);
    expect(names('Appen Emma bruker er full av reklame.')).toEqual(['Emma']);
    expect(names('Klubben Ahmed trener i, har utestengt ham.')).toEqual(['Ahmed']);
    expect(names('The school Emma attends has reported.')).toEqual(['Emma']);
    expect(names('Jenta på fritidsklubben Tiril heter Sara.')).toEqual(['Sara']);
  });

  // The measure's responsible field asks for a service or role ("Ansvarlig tjeneste eller rolle"):
  // a first name there names a person, who is as identifiable as anyone else in the minutes.
  it('flags a first name given as the one responsible', () => {
    expect(names('Ansvarlig: Ali')).toEqual(['Ali']);
    expect(names('Ali')).toEqual(['Ali']);
    expect(screenText('Ansvarlig: Utekontakten').ok).toBe(true);
  });
});
