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
