import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/guard';
import { found } from './helpers';

describe('screenText: social-media handles', () => {
  it.each([
    ['@navn.2011 på TikTok legger ut slåsskamper.', '@navn.2011'],
    ['Kontoen @solo_boi09 selger vape.', '@solo_boi09'],
    ['Hun er @jenny.hemmelig på insta.', '@jenny.hemmelig'],
    ['The account @drip.dealer.09 on Instagram advertises weed.', '@drip.dealer.09'],
    ['snap: mrsnus2010 – han selger til de yngste', 'mrsnus2010'],
    ['brukernavnet hans på discord er shadowblade_07', 'shadowblade_07'],
    ['His username is night.rider_99 on Telegram.', 'night.rider_99'],
  ])('finds the handle in %s', (text, handle) => {
    expect(found(text, 'handle')).toEqual([handle]);
  });

  it.each([
    'Politiet svarer ungdom på Instagram (@politiet) hver onsdag.',
    'Følg @ungdomsklubben_vest for program.',
    'Møt oss @ Myrvoll senter fredag kl. 19!',
    'Send spørsmål til post@kommune.invalid.',
    'snap: ja, de bruker mest Snap.',
    'Discord er populært blant de yngste.',
  ])('lets %s pass as no handle', (text) => {
    expect(found(text, 'handle')).toEqual([]);
  });

  it('reports an e-mail address as e-mail, not as a handle', () => {
    expect(screenText('Skriv til jonas.b@gmail.com.').findings.map((f) => f.kind)).toEqual(['email']);
  });
});

describe('screenText: vehicle registration plates', () => {
  it.each([
    ['Bil med skilt EL 48213 står ved skolen.', 'EL 48213'],
    ['reg.nr BT71420, svart Golf', 'BT71420'],
    ['En hvit varebil, skilt DN 12 345, delte ut snus.', 'DN 12 345'],
    ['noen noterte bilskiltet: kj 55102', 'kj 55102'],
    ['A car with plate AB-12345 picked up two girls.', 'AB-12345'],
    ['Mopeden hans har skiltnummer ZX 30917.', 'ZX 30917'],
  ])('finds the plate in %s', (text, plate) => {
    expect(found(text, 'plate')).toEqual([plate]);
  });

  it.each([
    'Saksnummer AB 12345 er lukket.',
    'Biler med utenlandske skilt er sett ved skolen.',
    'Politiet kontrollerer mopeder og EPA-traktorer i sentrum.',
    'Postnummer 1350 og 12345 elever i fylket.',
  ])('lets %s pass', (text) => {
    expect(found(text, 'plate')).toEqual([]);
  });
});
