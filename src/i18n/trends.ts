import type { AgeGroup, Direction, Service } from '../domain/trends';
import type { Catalogue } from './index';

/** Texts of trend reporting (`trend`, `trend.submit`, `focusAreas.set`). */
export interface TrendTexts {
  formTitle: string;
  formIntro: string;
  focusArea: string;
  direction: string;
  description: string;
  descriptionPlaceholder: string;
  area: string;
  areaPlaceholder: string;
  ageGroup: string;
  ageGroupNone: string;
  service: string;
  serviceRemembered: string;
  submit: string;
  editAreas: string;
  editAreasHint: string;
  saveAreas: string;
  errorSummary: string;
  unknownFocusArea: string;
  chooseService: string;
  doneTitle: string;
  doneText: string;
  duplicateText: string;
  reportedAs: string;
  areasSavedTitle: string;
  areasSaved: string;
  areasUnchanged: string;
  areasEmpty: string;
  areasTooMany: string;
  areasTooLong: string;
  notABody: string;
  personal: string;
  notMember: string;
  factFocusArea: string;
  factDirection: string;
  factDescription: string;
  factArea: string;
  factAgeGroup: string;
  factService: string;
}

export const TREND_TEXTS: Catalogue<TrendTexts> = {
  nb: {
    formTitle: 'Meld inn en trend',
    formIntro:
      'SLT drøfter trender, ikke enkeltsaker. Beskriv hva du ser blant unge, uten navn, fødselsnummer, telefonnumre, adresser eller annet som kan kjenne igjen en person.',
    focusArea: 'Innsatsområde',
    direction: 'Utvikling',
    description: 'Beskrivelse (høyst 1 000 tegn)',
    descriptionPlaceholder: 'For eksempel: flere melder om salg av snus på kjøpesenteret etter skoletid.',
    area: 'Område eller sted (valgfritt)',
    areaPlaceholder: 'For eksempel: sentrum, skolen, nettet',
    ageGroup: 'Aldersgruppe (valgfritt)',
    ageGroupNone: 'Ikke oppgitt',
    service: 'Din tjeneste',
    serviceRemembered: 'Tjenesten huskes til neste gang, og vises i stedet for navnet ditt.',
    submit: 'Send inn',
    editAreas: 'Endre innsatsområder',
    editAreasHint: 'Ett innsatsområde per linje (høyst 20). Gjelder hele SLT-nettverket fra nå av; trender som alt er meldt inn beholder sitt område.',
    saveAreas: 'Lagre innsatsområdene',
    errorSummary: 'Noe må rettes før trenden kan lagres – se merknadene under feltene.',
    unknownFocusArea: 'Velg et innsatsområde fra listen.',
    chooseService: 'Velg tjenesten du melder inn for.',
    doneTitle: 'Takk! Trenden er registrert.',
    doneText: 'Den tas med i utfordringsbildet for {body}. Innmeldt av: {service}.',
    duplicateText: 'Denne trenden var allerede registrert – den er ikke lagret to ganger.',
    reportedAs: 'Innmeldt av',
    areasSavedTitle: 'Innsatsområdene er lagret',
    areasSaved: 'Listen gjelder fra nå av for alle nye trender.',
    areasUnchanged: 'Ingen endringer – listen var allerede slik.',
    areasEmpty: 'Skriv minst ett innsatsområde.',
    areasTooMany: 'Høyst 20 innsatsområder.',
    areasTooLong: 'Hvert innsatsområde kan ha høyst 80 tegn.',
    notABody: 'Denne kanalen er ikke registrert som et SLT-organ ennå. En SLT-koordinator kan registrere den med «@SLT-boten registrer».',
    personal: 'Meld inn trender i kanalen til ungdomsteamet ditt: skriv «@SLT-boten trend» der.',
    notMember: 'Bare medlemmer av {body} og SLT-koordinatorer kan melde inn trender her.',
    factFocusArea: 'Innsatsområde',
    factDirection: 'Utvikling',
    factDescription: 'Beskrivelse',
    factArea: 'Område',
    factAgeGroup: 'Aldersgruppe',
    factService: 'Innmeldt av',
  },
  en: {
    formTitle: 'Report a trend',
    formIntro:
      'SLT discusses trends, not individual cases. Describe what you see among young people, without names, identity numbers, phone numbers, addresses or anything else that could identify a person.',
    focusArea: 'Focus area',
    direction: 'Direction',
    description: 'Description (at most 1,000 characters)',
    descriptionPlaceholder: 'For example: several report snus being sold at the shopping centre after school.',
    area: 'Area or place (optional)',
    areaPlaceholder: 'For example: town centre, school, online',
    ageGroup: 'Age group (optional)',
    ageGroupNone: 'Not given',
    service: 'Your service',
    serviceRemembered: 'Your service is remembered for next time and shown instead of your name.',
    submit: 'Submit',
    editAreas: 'Edit focus areas',
    editAreasHint: 'One focus area per line (at most 20). Applies to the whole SLT network from now on; trends already reported keep their area.',
    saveAreas: 'Save focus areas',
    errorSummary: 'Something needs fixing before the trend can be saved – see the notes below the fields.',
    unknownFocusArea: 'Choose a focus area from the list.',
    chooseService: 'Choose the service you report for.',
    doneTitle: 'Thank you! The trend is recorded.',
    doneText: 'It becomes part of the challenge picture for {body}. Reported by: {service}.',
    duplicateText: 'This trend was already recorded – it was not saved twice.',
    reportedAs: 'Reported by',
    areasSavedTitle: 'Focus areas saved',
    areasSaved: 'The list applies to every new trend from now on.',
    areasUnchanged: 'No changes – the list was already like this.',
    areasEmpty: 'Write at least one focus area.',
    areasTooMany: 'At most 20 focus areas.',
    areasTooLong: 'Each focus area can have at most 80 characters.',
    notABody: 'This channel is not registered as an SLT body yet. An SLT coordinator can register it with "@SLT-boten register".',
    personal: 'Report trends in your youth team\'s channel: type "@SLT-boten trend" there.',
    notMember: 'Only members of {body} and SLT coordinators can report trends here.',
    factFocusArea: 'Focus area',
    factDirection: 'Direction',
    factDescription: 'Description',
    factArea: 'Area',
    factAgeGroup: 'Age group',
    factService: 'Reported by',
  },
};

/** How a direction, an age group and a reporter's service are named on cards and in reports. */
export const DIRECTION_LABELS: Catalogue<Record<Direction, string>> = {
  nb: { new: 'Nytt', increasing: 'Økende', stable: 'Stabilt', decreasing: 'Avtagende' },
  en: { new: 'New', increasing: 'Increasing', stable: 'Stable', decreasing: 'Decreasing' },
};

export const AGE_GROUP_LABELS: Catalogue<Record<AgeGroup, string>> = {
  nb: { '10-12': '10–12 år', '13-14': '13–14 år', '15-17': '15–17 år', '18-23': '18–23 år', all: 'alle aldre', '13-16': '13–16 år', '16-18': '16–18 år' },
  en: {
    '10-12': '10–12 years',
    '13-14': '13–14 years',
    '15-17': '15–17 years',
    '18-23': '18–23 years',
    all: 'all ages',
    '13-16': '13–16 years',
    '16-18': '16–18 years',
  },
};

export const SERVICE_LABELS: Catalogue<Record<Service, string>> = {
  nb: {
    school: 'Skole',
    outreach: 'Utekontakt / oppsøkende tjeneste',
    police: 'Politi',
    health: 'Helsestasjon / skolehelsetjeneste',
    childWelfare: 'Barnevern',
    nav: 'NAV',
    youthClub: 'Fritidsklubb / ungdomshus',
    ppt: 'PPT',
    followUp: 'Oppfølgingstjenesten',
    volunteer: 'Frivillig organisasjon',
    other: 'Annen tjeneste',
  },
  en: {
    school: 'School',
    outreach: 'Outreach service',
    police: 'Police',
    health: 'School health service',
    childWelfare: 'Child welfare',
    nav: 'NAV (labour and welfare)',
    youthClub: 'Youth club',
    ppt: 'Educational psychology service (PPT)',
    followUp: 'Follow-up service',
    volunteer: 'Voluntary organisation',
    other: 'Other service',
  },
};
