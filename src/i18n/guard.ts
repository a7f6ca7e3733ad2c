import { FINDING_KINDS, type Finding, type FindingKind, type IndirectFeature } from '../domain/guard';
import { type Catalogue, format, pick } from './index';

/** Texts of the confidentiality guard's refusals (src/domain/guard finds, this file explains). */
interface GuardTexts {
  kinds: Record<Exclude<FindingKind, 'indirect'>, string>;
  intro: string;
  outro: string;
  features: Record<IndirectFeature, string>;
  indirectIntro: string;
  indirectLaw: string;
  /** How to write it as a trend instead, for the first feature found. */
  rewrite: Record<IndirectFeature, string>;
  quote: (s: string) => string;
  more: (n: number) => string;
  tooLong: string;
}

const text: Catalogue<GuardTexts> = {
  nb: {
    kinds: {
      nationalId: 'fødselsnummer',
      dNumber: 'D-nummer',
      phone: 'telefonnummer',
      email: 'e-postadresse',
      address: 'adresse',
      handle: 'brukernavn i sosiale medier',
      plate: 'bilskilt',
      personName: 'navn',
    },
    intro: 'Teksten ser ut til å inneholde personopplysninger: ',
    outro: 'SLT drøfter trender, ikke enkeltsaker – fjern det som kan identifisere en person.',
    features: {
      schoolClass: 'klasse',
      schoolYear: 'skole og trinn',
      ageAndPlace: 'eksakt alder sammen med sted eller gruppe',
      relation: 'slektskap med noen i en kjent rolle',
      unique: 'den eneste i en gruppe',
      role: 'en rolle bare én har',
      dwelling: 'hvor personen bor',
    },
    indirectIntro: 'Teksten beskriver én ung person med kjennetegn som sammen kan vise hvem det er: ',
    indirectLaw: 'Det er ikke nok at navnet mangler – alle kjennetegn må bort (forvaltningsloven § 13 a nr. 2).',
    rewrite: {
      schoolClass: 'Skriv det som en trend om en gruppe, for eksempel «Flere elever på ungdomstrinnet i området …».',
      schoolYear: 'Skriv det som en trend om en gruppe, for eksempel «Flere elever på mellomtrinnet ved skolene i området …».',
      ageAndPlace: 'Skriv det som en trend om en gruppe, for eksempel «Flere ungdommer 13–15 år i bydelen …».',
      relation: 'Skriv det som en trend om en gruppe, for eksempel «Noen ungdommer i idrettsmiljøet …», uten slektskap og roller.',
      unique: 'Skriv det som en trend om en gruppe, for eksempel «Elever med minoritetsbakgrunn på flere skoler opplever …».',
      role: 'Skriv det som en trend om en gruppe, for eksempel «Ungdom i russemiljøet …» eller «Flere spillere i idrettslagene …».',
      dwelling: 'Skriv det som en trend om en gruppe, for eksempel «Ungdom i boligområdene i vest …», uten bosted.',
    },
    quote: (s) => `«${s}»`,
    more: (n) => `og ${n} til`,
    tooLong: 'Kan ha høyst {max} tegn (nå {length}).',
  },
  en: {
    kinds: {
      nationalId: 'national identity number',
      dNumber: 'D-number',
      phone: 'phone number',
      email: 'e-mail address',
      address: 'street address',
      handle: 'social media user name',
      plate: 'vehicle registration plate',
      personName: 'name',
    },
    intro: 'The text seems to contain personal data: ',
    outro: 'SLT discusses trends, not individual cases – remove anything that could identify a person.',
    features: {
      schoolClass: 'class',
      schoolYear: 'school and year',
      ageAndPlace: 'exact age with a place or group',
      relation: 'relation to someone in a known role',
      unique: 'the only one in a group',
      role: 'a role only one person holds',
      dwelling: 'where the person lives',
    },
    indirectIntro: 'The text describes one young person with features that together can show who it is: ',
    indirectLaw: 'Leaving out the name is not enough – every identifying feature must go (Public Administration Act § 13 a no. 2).',
    rewrite: {
      schoolClass: 'Write it as a trend about a group, for example “Several pupils in lower secondary in the area …”.',
      schoolYear: 'Write it as a trend about a group, for example “Several pupils in years 5–7 at the schools in the area …”.',
      ageAndPlace: 'Write it as a trend about a group, for example “Several young people aged 13–15 in the district …”.',
      relation: 'Write it as a trend about a group, for example “Some young people in the sports community …”, without relations or roles.',
      unique: 'Write it as a trend about a group, for example “Pupils from minority backgrounds at several schools experience …”.',
      role: 'Write it as a trend about a group, for example “Young people in the russ community …” or “Several players in the sports clubs …”.',
      dwelling: 'Write it as a trend about a group, for example “Young people in the residential areas in the west …”, without where they live.',
    },
    quote: (s) => `“${s}”`,
    more: (n) => `and ${n} more`,
    tooLong: 'At most {max} characters (now {length}).',
  },
};

// A long list helps nobody; the user sees the rest once the first ones are fixed.
const MAX_QUOTES = 5;
const FEATURES: readonly IndirectFeature[] = ['schoolClass', 'schoolYear', 'ageAndPlace', 'relation', 'unique', 'role', 'dwelling'];

/** "label («a», «b»)" for one group of findings, or undefined when there are none. */
function listed(t: GuardTexts, label: string, findings: readonly Finding[]): string | undefined {
  const texts = [...new Set(findings.map((f) => f.text.trim()))];
  if (texts.length === 0) return undefined;
  const quoted = texts.slice(0, MAX_QUOTES).map(t.quote);
  if (texts.length > MAX_QUOTES) quoted.push(t.more(texts.length - MAX_QUOTES));
  return `${label} (${quoted.join(', ')})`;
}

/**
 * Short localized explanation naming the offending parts, grouped by kind, e.g. nb:
 * 'Teksten ser ut til å inneholde personopplysninger: fødselsnummer («010203 12345»), navn («Ola»). SLT drøfter
 * trender, ikke enkeltsaker – fjern det som kan identifisere en person.' A text that singles out a young
 * person without naming them gets the features found and how to write it as a trend instead. Empty
 * string when there are no findings.
 */
export function describeFindings(findings: readonly Finding[], locale: 'nb' | 'en'): string {
  const t = pick(locale, text);
  const direct = FINDING_KINDS.flatMap((kind) =>
    kind === 'indirect'
      ? []
      : (listed(
          t,
          t.kinds[kind],
          findings.filter((f) => f.kind === kind),
        ) ?? []),
  );
  const indirect = findings.filter((f) => f.kind === 'indirect');
  const features = FEATURES.flatMap(
    (feature) =>
      listed(
        t,
        t.features[feature],
        indirect.filter((f) => f.feature === feature),
      ) ?? [],
  );
  const sentences: string[] = [];
  if (direct.length > 0) sentences.push(`${t.intro}${direct.join(', ')}.`);
  if (features.length > 0) {
    const first = FEATURES.find((feature) => indirect.some((f) => f.feature === feature)) ?? 'schoolClass';
    sentences.push(`${t.indirectIntro}${features.join(', ')}. ${t.indirectLaw} ${t.rewrite[first]}`);
  }
  if (direct.length > 0) sentences.push(t.outro);
  return sentences.join(' ');
}

/** The refusal of a text too long to screen: 'Kan ha høyst 10000 tegn (nå 1000000).' */
export function tooLongToScreen(locale: 'nb' | 'en', max: number, length: number): string {
  return format(pick(locale, text).tooLong, { max, length });
}
