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

  it('names the features that single out one young person and shows how to write it as a trend', () => {
    const { findings } = screenText('En elev i 8B på Lindeberg skole blir utestengt fra gruppechatter.');
    expect(describeFindings(findings, 'nb')).toBe(
      'Teksten beskriver én ung person med kjennetegn som sammen kan vise hvem det er: klasse («8B på Lindeberg skole»). ' +
        'Det er ikke nok at navnet mangler – alle kjennetegn må bort (forvaltningsloven § 13 a nr. 2). ' +
        'Skriv det som en trend om en gruppe, for eksempel «Flere elever på ungdomstrinnet i området …».',
    );
    expect(describeFindings(findings, 'en')).toContain('class (“8B på Lindeberg skole”)');
  });

  it('names the new kinds and says both what identifies and what singles out', () => {
    const { findings } = screenText('Gutten i 9C selger via @snusgutten_2009 fra bil med skilt BR 55320.');
    const message = describeFindings(findings, 'nb');
    expect(message).toContain('brukernavn i sosiale medier («@snusgutten_2009»), bilskilt («BR 55320»)');
    expect(message).toContain('klasse («9C»)');
    expect(message).toContain('fjern det som kan identifisere en person');
  });
});
