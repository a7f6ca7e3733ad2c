import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/guard';
import { describeFindings } from '../../../src/i18n/guard';

describe('describeFindings', () => {
  const { findings } = screenText('Eleven Ola har fnr 030409 41214 og mobil 912 34 567.');

  it('names the offending parts in Norwegian, grouped by kind', () => {
    expect(describeFindings(findings, 'nb')).toBe(
      'Teksten ser ut til å inneholde personopplysninger: fødselsnummer («030409 41214»), telefonnummer («912 34 567»), ' +
        'navn («Ola»). SLT drøfter trender, ikke enkeltsaker – fjern det som kan identifisere en person.',
    );
  });

  it('names the offending parts in English', () => {
    expect(describeFindings(findings, 'en')).toBe(
      'The text seems to contain personal data: national identity number (“030409 41214”), phone number (“912 34 567”), ' +
        'name (“Ola”). SLT discusses trends, not individual cases – remove anything that could identify a person.',
    );
  });

  it('quotes each text once and lists several per kind', () => {
    const text = screenText('Emma og Sara, og igjen Emma, bor i Storgata 5 og skriver til a@b.no.').findings;
    expect(describeFindings(text, 'nb')).toContain('navn («Emma», «Sara»)');
    expect(describeFindings(text, 'en')).toContain('e-mail address (“a@b.no”), street address (“Storgata 5”)');
  });

  it('caps a long list', () => {
    const text = screenText('Emil, Isak, Noah, Jonas, Filip, Lukas og Elias.').findings;
    expect(describeFindings(text, 'nb')).toContain('«Filip», og 2 til)');
  });

  it('is empty when nothing was found', () => {
    expect(describeFindings([], 'nb')).toBe('');
  });
});
