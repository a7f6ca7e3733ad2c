import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/guard';
import { normalise, originalRange } from '../../../src/domain/guard/normalise';
import { found, makeNationalId } from './helpers';

const id = makeNationalId('150309'); // 11 digits, both check digits valid
const date = id.slice(0, 6);
const person = id.slice(6);
const fullWidth = (s: string): string => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe('normalise', () => {
  it('maps every Unicode space to one space, removes invisible characters and applies NFKC', () => {
    expect(normalise('a\u00a0b\u202fc\u2007d\u3000e').text).toBe('a b c d e');
    expect(normalise('a\u200bb\u200c\u200dc\u2060d\ufeffe\u00adf').text).toBe('abcdef');
    expect(normalise('１２３ ﬁ').text).toBe('123 fi');
    expect(normalise('a   \t b').text).toBe('a b');
    expect(normalise('e\u0301').text).toBe('é');
  });

  it('maps ranges back to the characters as typed', () => {
    const typed = 'x\u00a0\u00a0 1\u200b2 ﬁ';
    const n = normalise(typed);
    expect(n.text).toBe('x 12 fi');
    const r = originalRange(n, 2, 4);
    expect(typed.slice(r.start, r.end)).toBe('1\u200b2');
    const spaces = originalRange(n, 1, 2);
    expect(typed.slice(spaces.start, spaces.end)).toBe('\u00a0\u00a0 ');
    // Both letters of a ligature come from the one character.
    expect(originalRange(n, 5, 7)).toEqual({ start: 8, end: 9 });
  });
});

describe('screenText: identifiers hidden by look-alike characters', () => {
  it.each([
    ['no-break space', `${date}\u00a0${person}`],
    ['narrow no-break space', `${date}\u202f${person}`],
    ['zero-width space inside the date part', `${date.slice(0, 3)}\u200b${date.slice(3)}${person}`],
    ['soft hyphens', `${date}\u00ad${person.slice(0, 2)}\u00ad${person.slice(2)}`],
    ['full-width digits', fullWidth(id)],
    ['a run of spaces', `${date}    ${person}`],
    ['a line break', `${date}\n${person}`],
    ['a tab and spaces', `${date} \t ${person}`],
    ['a spaced hyphen', `${date} - ${person}`],
  ])('finds a national identity number written with %s, quoting it as typed', (_, written) => {
    const text = `Ungdommen har fnr ${written} og er meldt savnet.`;
    const result = screenText(text);
    expect(result.findings.map((f) => f.kind)).toEqual(['nationalId']);
    const [f] = result.findings;
    expect(f!.text).toBe(written);
    expect(text.slice(f!.start, f!.end)).toBe(written);
  });

  it.each([
    '912\u00a034\u00a0567',
    '912\u202f34\u202f567',
    '91\u200b23\u200b45\u200b67',
    '９１２３４５６７',
    '912  34  567',
    '+47\u00a0912\u00a034\u00a0567',
    '912\u201134\u2011567',
  ])('finds the phone number %j, quoting it as typed', (written) => {
    expect(found(`Ring mora på ${written} etter skolen.`, 'phone')).toEqual([written]);
  });

  it('finds a name split by a soft hyphen or a zero-width joiner', () => {
    expect(found('Eleven Jo\u00adnas i 9B selger hasj.', 'personName')).toEqual(['Jo\u00adnas']);
    expect(found('Gutten Moham\u200dmed blir rekruttert.', 'personName')).toEqual(['Moham\u200dmed']);
  });

  it('keeps later findings in place after characters that normalisation removed or merged', () => {
    const text = `Tlf\u00a0\u00a0912\u00a034\u00a0567, fnr ${date}\u200b${person}, e-post ola.hansen@example.no.`;
    for (const f of screenText(text).findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(screenText(text).findings.map((f) => f.kind)).toEqual(['phone', 'nationalId', 'email']);
  });

  it('lets clean text with typographic spaces pass', () => {
    for (const text of [
      'Tilskudd på kr\u00a012\u202f500\u202f000 til sommerjobber.',
      'Politiet registrerte 250\u00a0unike personer i\u00a02024.',
      'Møtet er 17.\u00a0mai kl.\u00a018.30–20.00.',
      'Andelen økte fra 4\u00a0% til 7\u00a0% mellom 2021\u00a0og 2024.',
    ]) {
      expect(screenText(text)).toEqual({ ok: true, findings: [] });
    }
  });
});
