import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/guard';
import { found } from './helpers';

const names = (text: string): string[] => found(text, 'personName');

describe('screenText: a given name missing from the list, told by what follows it (d)', () => {
  it.each([
    ['Kornelius Bergersen har truet yngre elever.', ['Kornelius Bergersen']],
    ['Daler Rahimov selger vape på skolen.', ['Daler Rahimov']],
    ['Aleksandr Petrov (16) er tatt med kniv.', ['Aleksandr Petrov']],
    ['Oleksandr Shevchenko has stopped coming to school.', ['Oleksandr Shevchenko']],
    ['Arman Petrosyan og Levan Beridze ble stoppet av politiet.', ['Arman Petrosyan', 'Levan Beridze']],
    ['Tarjei Haakonsen har sluttet på fotballen.', ['Tarjei Haakonsen']],
    ['Gjermund Johannessen har ikke møtt på skolen.', ['Gjermund Johannessen']],
    ['Wahid Yousafzai was threatened at the station.', ['Wahid Yousafzai']],
    ['Brynjulf Moe-Hansen er bekymret.', ['Brynjulf Moe-Hansen']],
    ['Timur Nguyen har fått trusler.', ['Timur Nguyen']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['Vi er bekymret for Kornelius, 15 år, som har sluttet på trening.', ['Kornelius']],
    ['Timur (16 år) er mistenkt for ran.', ['Timur']],
    ['16-årige Daler har flyttet hjemmefra.', ['Daler']],
    ['Timur (16) sier han blir truet.', ['Timur']],
    ['Mor til Timur (16) ringte.', ['Timur']],
    ['Yaroslav Dragomir (15) says he was threatened with a knife.', ['Yaroslav Dragomir']],
  ])('with an age: %s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'Både Hansen og Olsen-skolen deltar.',
    'Utover Ungdataundersøkelsen finnes det andre undersøkelser.',
    'Den Svenske Motstandsrørelsen rekrutterer på nett.',
    'Etter Hendelsen i høst er det færre meldinger.',
    'Særskilte Behov er tema på foreldremøtet.',
    'Contact Person for the project is the SLT coordinator.',
    'Sandvika Storsenter og Holmen Strand har fått vektere.',
    'Netflix-serien Skam (16) er populær.',
    'Ungdomsrådet (15) møttes i rådhuset.',
    'Russ (19) feirer i mai, og Aftenposten Junior (12) skriver om vape.',
    'Skui (12), Hosle (4) og Tanum (9) har flest saker.',
    'Ran (14) og vold (23) økte mest.',
    'Jackson-dansen var populær på klubben.',
    'Young Norwegian adults drink less than before.',
    'Linje Bussen går hver time fra Sandvika.',
  ])('lets %s pass', (text) => {
    expect(screenText(text)).toEqual({ ok: true, findings: [] });
  });

  it('takes no person noun for a given name ("Gutten Mohammed" names Mohammed only)', () => {
    expect(names('Gutten Mohammed blir rekruttert.')).toEqual(['Mohammed']);
    expect(names('Jenta Khadija Warsame blir truet.')).toEqual(['Khadija Warsame']);
  });
});
