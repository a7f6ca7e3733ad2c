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
