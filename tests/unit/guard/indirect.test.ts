import { describe, expect, it } from 'vitest';
import { type IndirectFeature, screenText } from '../../../src/domain/guard';

/** The features found, as "feature «text»". */
const features = (text: string): string[] =>
  screenText(text)
    .findings.filter((f) => f.kind === 'indirect')
    .map((f) => `${f.feature} «${f.text}»`);
const kinds = (text: string): IndirectFeature[] => [
  ...new Set(
    screenText(text)
      .findings.filter((f) => f.kind === 'indirect')
      .map((f) => f.feature!),
  ),
];

describe('screenText: indirect identification of one young person', () => {
  it('finds school and class, naming both', () => {
    expect(features('En elev i 8B på Lindeberg skole blir utestengt fra alle gruppechatter.')).toEqual(['schoolClass «8B på Lindeberg skole»']);
    expect(features('Hun går i 10b og har ikke vært hjemme siden fredag.')).toEqual(['schoolClass «10b»']);
  });

  it('finds a named school with a year, but not a year alone', () => {
    expect(kinds('Eleven i 8. klasse på Furuholmen skole blir mobbet hver dag.')).toEqual(['schoolYear']);
    expect(kinds('A student at Lindeberg school in year 8 is being bullied.')).toEqual(['schoolYear']);
    expect(kinds('En jente i 8. klasse forteller at hun blir presset.')).toEqual([]);
  });

  it('finds an exact age with a place or a small group', () => {
    expect(features('En 13 år gammel gutt fra Tjernlia ble ranet.')).toEqual(['ageAndPlace «13 år gammel»', 'ageAndPlace «Tjernlia»']);
    expect(kinds('jenta (16) fra Vestmyra er tilbake på skolen')).toEqual(['ageAndPlace']);
    expect(kinds('Han er 15 år og bor på Kroksund.')).toEqual(['ageAndPlace']);
    expect(kinds('Det er en 12-åring på laget som blir presset.')).toEqual(['ageAndPlace']);
  });

  it('finds a relation to someone in a role only one person holds', () => {
    expect(features('Broren til treneren selger hasj etter treningene.')).toEqual(['relation «Broren til treneren»']);
    expect(kinds('Ordførerens nevø var blant de pågrepne.')).toEqual(['relation']);
    expect(kinds("The coach's son has been seen dealing.")).toEqual(['relation']);
    expect(kinds('Sønnen til daglig leder på klubben selger snus.')).toEqual(['relation']);
    expect(kinds('Lillebroren til ungdomsrådets leder er rekruttert.')).toEqual(['relation']);
    expect(kinds('Broren til en av lederne på klubben var med.')).toEqual([]);
  });

  it('finds the only one of a kind in a small group', () => {
    expect(kinds('Den eneste jenta med somalisk bakgrunn på trinnet får kommentarer.')).toEqual(['unique']);
    expect(kinds('He is the only Afghan boy in his class.')).toEqual(['unique']);
    expect(kinds('Den yngste på laget blir presset til å frakte ting.')).toEqual(['unique']);
    expect(kinds('Hun er den eneste jenta på gutteklubben og blir trakassert.')).toEqual(['unique']);
  });

  it('finds a role only one young person holds', () => {
    expect(kinds('Russepresidenten på Nordvik vgs er anmeldt for vold.')).toEqual(['role']);
    expect(kinds('Lagkapteinen på J16 har fått trusler.')).toEqual(['role']);
  });

  it('finds twins or siblings in a named class', () => {
    expect(kinds('Tvillingene i 6A på Bjørkelia er mye alene hjemme.')).toEqual(['schoolClass']);
  });

  it('finds where one young person lives, described so it can be found', () => {
    expect(kinds('Jenta som bor i den gule blokka ved Kiwi er ute hver natt.')).toEqual(['dwelling']);
    expect(kinds('han som bor over butikken på Rognstad har begynt å selge')).toEqual(['dwelling']);
    expect(kinds('Hun bor i Kirkeveien og går på ungdomsskolen.')).toEqual(['dwelling']);
  });

  it('takes one of a group in a class for one person', () => {
    expect(kinds('En av elevene i 9C har begynt å skulke.')).toEqual(['schoolClass']);
    expect(kinds('To av elevene i 9C har begynt å skulke.')).toEqual([]);
  });

  it('quotes the person with the age said of them', () => {
    expect(features('Vi har en ungdom på 17 år fra Kroksund som trenger hjelp.')).toEqual(['ageAndPlace «en ungdom på 17 år»', 'ageAndPlace «Kroksund»']);
  });

  it('takes a pronoun for a young person unless an adult was just named', () => {
    expect(kinds('Han går i 9A.')).toEqual(['schoolClass']);
    expect(kinds('Kontaktlæreren i 9C sier hun ønsker et opplegg om rus.')).toEqual([]);
    expect(kinds('Rektor på Lindeberg skole sier han ser mer snus på 9. trinn.')).toEqual([]);
  });

  it.each([
    'Flere elever på 9. trinn ved to skoler forteller om press for å selge snus.',
    'Gutter 15–17 år samles i sentrum fredagskveld.',
    'Elevene i 9B og 10C har hatt flere konflikter på nett.',
    'Han sier at flere i 9B har prøvd snus.',
    'Hvis en elev forteller om vold hjemme, skal kontaktlærer melde fra.',
    'Hver elev på 8. trinn ved Lindeberg skole får tilbud om samtale.',
    'Russepresidentene på de tre skolene har fått informasjon.',
    'Den eneste fritidsklubben i bydelen holder åpent to kvelder i uka.',
    'Hun er ikke den eneste i klassen som har opplevd dette.',
    'Sønnen til naboen og venn til mange – ingen navn her.',
    'Mange 14-åringer fra Tjernlia bruker mer tid på Discord.',
    'Serien Skam (16) har fått nytt liv på TikTok blant elever i 8. trinn.',
    'Fest hos noen 16-åringer i helgen endte med politiet.',
  ])('lets a text about a group or any person pass: %s', (text) => {
    expect(screenText(text)).toEqual({ ok: true, findings: [] });
  });

  it('does not report an address twice: a structured finding wins over the same place as a feature', () => {
    expect(screenText('Fest hos en 16-åring i Markveien 14 b endte med politiet.').findings.map((f) => f.kind)).toEqual(['address']);
  });
});
