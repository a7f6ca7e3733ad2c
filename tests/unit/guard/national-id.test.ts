import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNationalId } from '../../../src/domain/guard';
import { found, makeNationalId } from './helpers';

describe('isValidNationalId', () => {
  it('accepts numbers whose two mod-11 check digits hold', () => {
    expect(isValidNationalId('03040941214')).toBe(true);
    expect(isValidNationalId(makeNationalId('170208'))).toBe(true);
  });

  it('rejects a random 11-digit number and a wrong last digit', () => {
    expect(isValidNationalId('12345678901')).toBe(false);
    expect(isValidNationalId('24100123456')).toBe(false);
    expect(isValidNationalId('03040941215')).toBe(false);
  });

  it('rejects a number with a correct checksum but an impossible date', () => {
    // 31st of February: check digits computed, date part impossible.
    expect(isValidNationalId(makeNationalId('310208'))).toBe(false);
    expect(isValidNationalId(makeNationalId('001308'))).toBe(false);
  });

  it('accepts D-numbers (day + 40), H-numbers (month + 40) and Tenor test numbers (month + 80)', () => {
    expect(isValidNationalId(makeNationalId('430507'))).toBe(true);
    expect(isValidNationalId(makeNationalId('154509'))).toBe(true);
    expect(isValidNationalId(makeNationalId('228310'))).toBe(true);
    expect(isValidNationalId(makeNationalId('728310'))).toBe(false); // day 72 - 40 = 32
  });

  it('never accepts a single-digit change of a valid number (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (d, m, y, pos, delta) => {
          const id = makeNationalId(`${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}`);
          expect(isValidNationalId(id)).toBe(true);
          const digits = [...id].map(Number);
          digits[pos] = ((digits[pos] ?? 0) + delta) % 10;
          expect(isValidNationalId(digits.join(''))).toBe(false);
        },
      ),
    );
  });
});

describe('screenText: national identity numbers', () => {
  it('finds them with and without a space after the date part', () => {
    expect(found('Fnr 03040941214 gjelder ungdom på 15.', 'nationalId')).toEqual(['03040941214']);
    expect(found('Fnr 030409 41214 gjelder ungdom på 15.', 'nationalId')).toEqual(['030409 41214']);
  });

  it('finds a D-number and reports it as one', () => {
    const id = makeNationalId('610809', 811);
    expect(found(`D-nummer ${id.slice(0, 6)} ${id.slice(6)}.`, 'dNumber')).toEqual([`${id.slice(0, 6)} ${id.slice(6)}`]);
    expect(found(`D-nummer ${id.slice(0, 6)} ${id.slice(6)}.`, 'nationalId')).toEqual([]);
  });

  it('lets 11-digit case numbers with a wrong checksum pass', () => {
    expect(screenText11('Saksnummer 24100123456 gjelder hærverk.')).toBe(true);
    expect(screenText11('Referanse 31129912345 fra politiet.')).toBe(true);
  });

  it('does not pick 11 digits out of a longer number', () => {
    expect(found('Ref 903040941214 og 030409412149.', 'nationalId')).toEqual([]);
  });
});

function screenText11(text: string): boolean {
  return found(text, 'nationalId').length === 0 && found(text, 'phone').length === 0;
}

describe('screenText: identity numbers in the groupings people type', () => {
  const id = makeNationalId('140310', 512); // 140310 + five digits, both check digits valid
  const [dd, mm, yy, rest] = [id.slice(0, 2), id.slice(2, 4), id.slice(4, 6), id.slice(6)];
  it.each([
    ['a birth date with dots', `${dd}.${mm}.${yy} ${rest}`],
    ['a birth date with a four-digit year', `${dd}.${mm}.20${yy} ${rest}`],
    ['a birth date and a hyphen', `${dd}.${mm}.${yy}-${rest}`],
    ['pairs', `${dd} ${mm} ${yy} ${rest}`],
    ['pairs and threes', `${dd} ${mm} ${yy} ${rest.slice(0, 3)} ${rest.slice(3)}`],
    ['groups of three', `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6, 9)} ${id.slice(9)}`],
    ['the date part whole, then three and two', `${id.slice(0, 6)} ${rest.slice(0, 3)} ${rest.slice(3)}`],
    ['«pnr.» between date and individual number', `${dd}.${mm}.${yy}, pnr. ${rest}`],
    ['«og har personnummer» between date and individual number', `${dd}.${mm}.20${yy} og har personnummer ${rest}`],
  ])('finds one written as %s', (_, written) => {
    expect(found(`Gjelder ungdom ${written} som har skulket.`, 'nationalId')).toEqual([written]);
  });

  it.each(['fnr:', 'personnr.', 'f.nr', 'født', 'Fødselsnummer'])('finds one after «%s» even when more digits follow', (cue) => {
    const written = `${id.slice(0, 6)} ${rest}`;
    expect(found(`${cue} ${written} 912 34 567`, 'nationalId')).toEqual([written]);
  });

  it('finds a D-number in groups and reports it as a D-number', () => {
    const d = makeNationalId('540310', 513);
    const written = `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 9)} ${d.slice(9)}`;
    expect(found(`D-nr: ${written} – gutten bor på mottaket.`, 'dNumber')).toEqual([written]);
  });

  it('lets grouped numbers with a wrong check digit pass', () => {
    const wrong = `${id.slice(0, 10)}${(Number(id[10]) + 1) % 10}`;
    expect(found(`Sak ${wrong.slice(0, 3)} ${wrong.slice(3, 6)} ${wrong.slice(6, 9)} ${wrong.slice(9)}.`, 'nationalId')).toEqual([]);
  });

  it('leaves a valid number alone inside a longer row of digit groups, and a bank account', () => {
    expect(found(`Tabell: 12 ${id.slice(0, 6)} ${rest} 44 51`, 'nationalId')).toEqual([]);
    expect(found(`Konto ${id.slice(0, 4)} ${id.slice(4, 6)} ${rest}.`, 'nationalId')).toEqual([]);
  });
});
