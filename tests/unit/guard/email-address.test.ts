import { describe, expect, it } from 'vitest';
import { found } from './helpers';

describe('screenText: e-mail addresses', () => {
  it('finds ordinary, Norwegian-letter and "(at)" addresses', () => {
    expect(found('Skriv til ola.hansen1999@gmail.com i dag.', 'email')).toEqual(['ola.hansen1999@gmail.com']);
    expect(found('Fra kjersti.dahl@bærum.no.', 'email')).toEqual(['kjersti.dahl@bærum.no']);
    expect(found('Bruker m.johansen(at)gmail.com.', 'email')).toEqual(['m.johansen(at)gmail.com']);
  });

  it('lets a web address pass', () => {
    expect(found('Se www.baerum.kommune.no/slt.', 'email')).toEqual([]);
  });

  it('does not report the name part of an address as a personal name as well', () => {
    expect(found('Kontakt fatima.ali@online.no.', 'personName')).toEqual([]);
  });
});

describe('screenText: street addresses', () => {
  it.each([
    ['Uro i Storgata 12 i helgen.', 'Storgata 12'],
    ['Han bor i Kirkeveien 3B.', 'Kirkeveien 3B'],
    ['Fest i Markveien 14 b endte med politiet.', 'Markveien 14 b'],
    ['Leiligheten i Bjørnegårdsvingen 5, 1338 Sandvika.', 'Bjørnegårdsvingen 5, 1338 Sandvika'],
    ['Adressen er Olav Kyrres gate 20.', 'Olav Kyrres gate 20'],
    ['De møtes i Gamle Ringeriksvei 33.', 'Gamle Ringeriksvei 33'],
    ['Fest i Løkkeåsen 21 og Eikelia 14.', 'Løkkeåsen 21'],
    ['The party was at Elm Road 24.', 'Elm Road 24'],
    ['Neighbours at 7 Baker Street complained.', '7 Baker Street'],
  ])('finds %s', (text, address) => {
    expect(found(text, 'address')[0]).toBe(address);
  });

  it.each([
    'Ungdom henger ved Kirkeveien om kveldene.',
    'Mye uro i Sandvika og på Bekkestua.',
    'Det har vært slåsskamper i Storgata 3 ganger siden skolestart.',
    'Butikktyverier på Rema 1000 og Kiwi.',
    'Steinkasting mot biler langs E18 og Ring 3.',
    'Uro på Karl Johans gate etter kampen.',
    'Ungdomsteam 16-23 og trinn 8 møtes i uke 42.',
  ])('lets %s pass', (text) => {
    expect(found(text, 'address')).toEqual([]);
  });
});
