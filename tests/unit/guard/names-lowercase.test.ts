import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/guard';
import { found } from './helpers';

const names = (text: string): string[] => found(text, 'personName');

describe('screenText: lower-case names after a role word', () => {
  it.each([
    ['eleven ahmed selger hasj', ['ahmed']],
    ['jenta i 9b heter fatima', ['fatima']],
    ['mor til jonas ringte skolen', ['jonas']],
    ['Faren til zainab vil ha møte.', ['zainab']],
    ['the boy omar sells vapes', ['omar']],
    ['The mother of sofie called.', ['sofie']],
    ['eleven ahmed og fatima i 10b', ['ahmed', 'fatima']],
    ['far til anne-lise har klaget', ['anne-lise']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('takes a lower-case name that is also a word only after "heter"/"kalles" with a person', () => {
    expect(names('gutten heter per og er 14 år')).toEqual(['per']);
    expect(names('søsteren hennes heter liv')).toEqual(['liv']);
    expect(names('han kalles kim på skolen')).toEqual(['kim']);
    expect(names('jenta heter lene')).toEqual(['lene']);
  });

  it('also takes a capitalised name that is also a word after "mor til"', () => {
    expect(names('Mor til Per ringte i går.')).toEqual(['Per']);
  });

  it.each([
    'Kostnaden er 12 000 kr for eleven per år.',
    'Snittet er én melding for hver gutt per klasse og hver jente per trinn.',
    'Både gutten og jenta, per i dag uten tiltak, fikk tilbud om samtale.',
    'Vi har 12 elever per uke hos helsesykepleier.',
    'Eleven endre atferden sin, sa læreren – ikke lett.',
    'Gutten tore ikke si fra før i høst.',
    'Moren til eleven sa at det var fest i mai.',
    'Sønnen til naboen og venn til mange – ingen navn her.',
    'Kampanjen heter liv laga og handler om psykisk helse.',
    'Møtet med far til en av elevene er tor. 12. juni.',
    'Broren til liv er ikke en setning vi forventer, men «liv» er et ord.',
    'Each pupil per year costs NOK 4 000; every kid per class gets follow-up.',
    'The mother of two asked for more activities in may.',
    'Eleven mina venner snakker om er ikke navngitt.',
  ])('lets %s pass', (text) => {
    expect(screenText(text)).toEqual({ ok: true, findings: [] });
  });
});

describe('screenText: lower-case names in person contexts', () => {
  it.each([
    ['det gjelder for emil på 15 som nesten ikke kommer', ['emil']],
    ['sara (14) har sluttet å komme på klubben', ['sara']],
    ['ahmed sa at han ble truet med kniv', ['ahmed']],
    ['vi har snakket med jonas, 16 år, om hvem som selger', ['jonas']],
    ['nora har fortalt helsesykepleier om press', ['nora']],
    ['Vet noen om sofie fortsatt bor hjemme?', ['sofie']],
    ['oliver og en kompis ble tatt for nasking', ['oliver']],
    ['we spoke to yusuf who says older boys pay him', ['yusuf']],
    ['emma, 15, has been missing since friday', ['emma']],
    ['vi snakket med fatima i går', ['fatima']],
    ['Vi møtte jonas ved stasjonen.', ['jonas']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'Ungdommene sier charlie er lett å få tak i på fester.',
    'Mopeden fikk ny aksel som ble montert i går.',
    'Vi må vera forsiktige med å konkludere, sa læreren.',
  ])('lets a lower-case given name that is also an everyday word pass: %s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('screenText: places, shops and funds named after a person', () => {
  it.each([
    'Kjøpesenteret Olav Brekke-senteret har ansatt egne vektere.',
    'Det er mye uro på Anders Lie-senteret etter stengetid.',
    'Johan Bergs minnefond har delt ut stipend til to fritidsklubber.',
    'Petter Moen-hallen er stengt i høstferien.',
    'Vi har søkt midler fra Kari Moes fond.',
    'Ungdom henger ved Karen Lunds plass etter at kafeen stengte.',
    'Stiftelsen Ragnhild Berg gir støtte til sommeraktiviteter.',
  ])('lets %s pass', (text) => {
    expect(screenText(text)).toEqual({ ok: true, findings: [] });
  });
});
