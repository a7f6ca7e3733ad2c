import { describe, expect, it } from 'vitest';
import { found } from './helpers';

describe('screenText: e-mail addresses', () => {
  it('finds ordinary, Norwegian-letter and "(at)" addresses', () => {
    expect(found('Skriv til ola.hansen1999@gmail.com i dag.', 'email')).toEqual(['ola.hansen1999@gmail.com']);
    expect(found('Fra kjersti.dahl@bærum.no.', 'email')).toEqual(['kjersti.dahl@bærum.no']);
    expect(found('Bruker m.johansen(at)gmail.com.', 'email')).toEqual(['m.johansen(at)gmail.com']);
  });

  it.each([
    ['Skriv til per (at) example (dot) com.', 'per (at) example (dot) com'],
    ['Skriv til per[at]example[dot]com.', 'per[at]example[dot]com'],
    ['Kontakt ola.hansen [at] gmail.com i dag.', 'ola.hansen [at] gmail.com'],
    ['Kontakt ola.hansen @ gmail.com i dag.', 'ola.hansen @ gmail.com'],
    ['Write to ali {at} yahoo {dot} co {dot} uk.', 'ali {at} yahoo {dot} co {dot} uk'],
    ['Hun skriver fra jenta (krøllalfa) hotmail (punktum) com.', 'jenta (krøllalfa) hotmail (punktum) com'],
  ])('finds the dodged address in %s', (text, address) => {
    expect(found(text, 'email')).toEqual([address]);
  });

  it('lets English "at" and "dot" and an @ before a place pass', () => {
    expect(found('We met at school dot com style events.', 'email')).toEqual([]);
    expect(found('Vi møtes @ Sandvika kl 18.', 'email')).toEqual([]);
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
    ['Han bor i Storgt. 5 nå.', 'Storgt. 5'],
    ['Han bor i Storgt.5 nå.', 'Storgt.5'],
    ['Han bor i Storgt 5 nå.', 'Storgt 5'],
    ['Fest i Kirkevn. 3B i helgen.', 'Kirkevn. 3B'],
    ['Hun bor i Kirkeveien nr 3.', 'Kirkeveien nr 3'],
    ['Hun bor i Kirkeveien nr. 3.', 'Kirkeveien nr. 3'],
    ['Salg fra Storgata nummer 12.', 'Storgata nummer 12'],
    ['Fest i Thorvald Meyers gt 12.', 'Thorvald Meyers gt 12'],
    ['Fest i Thorvald Meyers gt. 12.', 'Thorvald Meyers gt. 12'],
    ['They met at Elm Road no. 4.', 'Elm Road no. 4'],
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
    'Det er sagt 3 ganger. Sagt 3 ganger er nok.',
    'Langt 5 km unna, trygt 4 av 5 netter.',
    'Kapittel nr 3 i planen gjelder trinn nr. 8 og 9.',
    'Det har vært uro i Storgata nr 3 ganger i høst.',
  ])('lets %s pass', (text) => {
    expect(found(text, 'address')).toEqual([]);
  });
});
