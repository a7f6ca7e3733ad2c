import { FINDING_KINDS, type Finding, type FindingKind } from './types';

type Locale = 'nb' | 'en';

const LABELS: Record<Locale, Record<FindingKind, string>> = {
  nb: { nationalId: 'fødselsnummer', phone: 'telefonnummer', email: 'e-postadresse', address: 'adresse', personName: 'navn' },
  en: { nationalId: 'national identity number', phone: 'phone number', email: 'e-mail address', address: 'street address', personName: 'name' },
};
const INTRO: Record<Locale, string> = {
  nb: 'Teksten ser ut til å inneholde personopplysninger: ',
  en: 'The text seems to contain personal data: ',
};
const OUTRO: Record<Locale, string> = {
  nb: '. SLT drøfter trender, ikke enkeltsaker – fjern det som kan identifisere en person.',
  en: '. SLT discusses trends, not individual cases – remove anything that could identify a person.',
};
const QUOTE: Record<Locale, (s: string) => string> = { nb: (s) => `«${s}»`, en: (s) => `“${s}”` };
const MORE: Record<Locale, (n: number) => string> = { nb: (n) => `og ${n} til`, en: (n) => `and ${n} more` };

// A long list helps nobody; the user sees the rest once the first ones are fixed.
const MAX_QUOTES_PER_KIND = 5;

/**
 * Short localized explanation naming the offending parts, grouped by kind, e.g. nb:
 * 'Teksten ser ut til å inneholde personopplysninger: fødselsnummer («010203 12345»), navn («Ola»). SLT drøfter
 * trender, ikke enkeltsaker – fjern det som kan identifisere en person.' Empty string when there are no findings.
 */
export function describeFindings(findings: Finding[], locale: 'nb' | 'en'): string {
  const parts: string[] = [];
  for (const kind of FINDING_KINDS) {
    const texts = [...new Set(findings.filter((f) => f.kind === kind).map((f) => f.text.trim()))];
    if (texts.length === 0) continue;
    const quoted = texts.slice(0, MAX_QUOTES_PER_KIND).map(QUOTE[locale]);
    if (texts.length > MAX_QUOTES_PER_KIND) quoted.push(MORE[locale](texts.length - MAX_QUOTES_PER_KIND));
    parts.push(`${LABELS[locale][kind]} (${quoted.join(', ')})`);
  }
  return parts.length === 0 ? '' : INTRO[locale] + parts.join(', ') + OUTRO[locale];
}
