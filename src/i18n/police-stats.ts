import type { AgeBand, Gender, LineNote, LineProblem, PoliceTable } from '../domain/police-stats';
import { type Catalogue, format, type Locale, pick } from './index';

/** Texts of the police statistics (issue 16): the import card, the agenda item, the digest and the annual report. */
export interface PoliceTexts {
  title: string;
  intro: string;
  table: string;
  tables: Record<PoliceTable, string>;
  tableHints: Record<PoliceTable, string>;
  text: string;
  textPlaceholder: string;
  preview: string;
  save: string;
  typeYear: string;
  typeYearIntro: string;
  year: string;
  band: string;
  bands: Record<AgeBand, string>;
  genders: Record<Gender, string>;
  previewReady: string;
  previewReplaces: string;
  previewProblems: string;
  previewProblem: string;
  repeatedRows: string;
  typedLine: string;
  previewNothing: string;
  problemsHeading: string;
  notesHeading: string;
  moreLines: string;
  yearsLine: string;
  line: string;
  stored: string;
  already: string;
  expired: string;
  otherTenant: string;
  seeStats: string;
  textRequired: string;
  yearRequired: string;
  yearEmpty: string;
  problems: Record<LineProblem['code'], string>;
  notes: Record<LineNote['code'], string>;
  total: string;
  months: readonly string[];
  // agenda
  agendaNone: string;
  agendaLatest: string;
  agendaYtd: string;
  agendaChangesYtd: string;
  agendaChangesYear: string;
  agendaChange: string;
  // digest
  digestHeading: string;
  digestYtd: string;
  digestYear: string;
  digestTotal: string;
  digestPersons: string;
  digestNote: string;
  cols: { type: string; figure: string; previous: string; change: string; group: string };
  // annual report
  chapter: string;
  chapterNone: string;
  chapterIntro: string;
  chapterTotal: string;
  offencesCaption: string;
  byAgeCaption: string;
  personsCaption: string;
  personsNote: string;
  monthsCaption: string;
  chartCaption: string;
  variationHeading: string;
  variation: Record<'within' | 'above' | 'below', string>;
  variationUnknown: string;
  seven: string;
  yearsWord: string;
  qualitativePlaceholder: string;
  category: string;
  group: string;
  month: string;
  source: string;
}

const MONTHS_NB = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const POLICE_TEXTS: Catalogue<PoliceTexts> = {
  nb: {
    title: 'Politistatistikk',
    intro:
      'Lim inn tabellene fra politiets regneark slik de kommer: første rad årstallene (en endringskolonne til slutt regnes ut på nytt), så én rad per lovbruddstype eller persongruppe. Semikolon, tabulator eller mellomrom mellom tallene. Du ser hva som blir lagret før noe lagres.',
    table: 'Tabell',
    tables: {
      offences: 'Anmeldelser 10–17 år etter lovbruddstype (Tabell 2)',
      offencesByAge: 'Anmeldelser etter lovbruddstype, 10–14 og 15–17 år (Tabell 3)',
      persons: 'Mistenkte personer etter kjønn og alder (Tabell 1)',
      monthly: 'Anmeldelser per måned',
    },
    tableHints: {
      offences: 'Årstallene først, så én rad per lovbruddstype (Vinning, Butikktyveri, Vold …) og gjerne Total.',
      offencesByAge: 'Først en linje «10-14 år» med tabellen under, så en linje «15-17 år» med tabellen under.',
      persons: 'Årstallene først, så radene Jenter, Jenter 10-14 år … Gutter … 10-17 år, 10-14 år, 15-17 år.',
      monthly: 'Årstallene først, så én rad per måned (januar …). En linje med en lovbruddstype (f.eks. «Vinning») starter den typens måneder.',
    },
    text: 'Tabellen (lim inn)',
    textPlaceholder: ' 2017;2018;2019\nVinning;84;105;194\nNarkotika;14;47;68',
    preview: 'Forhåndsvis',
    save: 'Lagre',
    typeYear: 'Skriv inn ett år',
    typeYearIntro: 'Anmeldelser etter lovbruddstype for ett år. Tomme felt lagres ikke.',
    year: 'År',
    band: 'Aldersgruppe',
    bands: { '10-17': '10–17 år', '10-14': '10–14 år', '15-17': '15–17 år' },
    genders: { all: 'Alle', girls: 'Jenter', boys: 'Gutter' },
    previewReady: 'Dette blir lagret: {count} tall for {years} ({table}). Ingenting er lagret ennå – trykk «Lagre».',
    previewReplaces: 'Det som er lagret for de samme årene i denne tabellen, blir erstattet.',
    previewProblem: 'Én linje kunne ikke leses. Ingenting er lagret. Rett linjen under i teksten og trykk «Forhåndsvis» igjen.',
    repeatedRows: '{count} rader står flere ganger med de samme tallene (linje {from}–{to}); tatt med én gang.',
    typedLine: '{label}: {reason}',
    previewProblems: '{count} linjer kunne ikke leses. Ingenting er lagret. Rett linjene under i teksten og trykk «Forhåndsvis» igjen.',
    previewNothing: 'Fant ingen tall å lagre. Første rad skal være årstallene, så én rad per lovbruddstype eller gruppe.',
    problemsHeading: 'Linjer som ikke kunne leses',
    notesHeading: 'Merk',
    moreLines: '… og {n} linjer til',
    yearsLine: 'År: {years}',
    line: 'Linje {line}: {reason} («{text}»)',
    stored: 'Lagret: {count} tall for {years} ({table}), av {name}.',
    already: 'Denne forhåndsvisningen ble allerede lagret {when}. Ingenting er endret.',
    expired: 'Forhåndsvisningen er ikke lenger tilgjengelig (den gjelder i 24 timer). Lim inn tabellen og trykk «Forhåndsvis» på nytt.',
    otherTenant: 'Forhåndsvisningen finnes ikke. Lim inn tabellen og trykk «Forhåndsvis» på nytt.',
    seeStats: 'Se politistatistikk',
    textRequired: 'Lim inn tabellen fra politiets regneark.',
    yearRequired: 'Skriv et år mellom 1990 og {max}.',
    yearEmpty: 'Fyll inn minst ett tall.',
    problems: {
      notNumber: '«{token}» i kolonnen {column} er ikke et helt tall',
      negative: '«{token}» i kolonnen {column} er negativt; antall kan ikke være under 0',
      tooLarge: '«{token}» i kolonnen {column} er for stort',
      tooFewValues: 'fant {found} tall, men tabellen har {expected} kolonner. Står «{before}» der et tall skulle stå, eller mangler et tall?',
      tooManyValues: 'fant {found} tall, men tabellen har bare {expected} kolonner',
      noHeader: 'raden står før raden med årstallene',
      noLabel: 'raden mangler navn (lovbruddstype, gruppe eller måned) først',
      noBand: 'skriv en linje «10-14 år» eller «15-17 år» før tabellen',
      unknownGroup:
        '«{label}» er ikke en gruppe jeg kjenner: skriv Jenter, Gutter eller en aldersgruppe (10-17 år, 10-14 år, 15-17 år), gjerne sammen («Jenter 10-14 år»)',
      notMonth: '«{label}» er ikke en måned (skriv januar … desember)',
      duplicate: '«{label}» står to ganger med ulike tall for {column}',
      badYear: '«{token}» i raden med årstall er ikke et gyldig år, eller står to ganger',
      futureYear: '{year} er ikke kommet ennå',
      tooManyRows: 'teksten har over {max} linjer; lim inn én tabell om gangen',
      guarded: '«{label}» ser ut til å inneholde personopplysninger (navn, nummer eller adresse); skriv en lovbruddstype',
    },
    notes: {
      newCategory: '«{label}» står ikke i listen over lovbruddstyper og lagres som en ny hovedtype.',
      changeDiffers: 'Endringen for {label} er regnet ut til {computed} (limt inn: {given}).',
      skipped: 'Hoppet over (ingen tall): linje',
      repeated: '{label} står flere ganger med de samme tallene; tatt med én gang.',
    },
    total: 'Totalt',
    months: MONTHS_NB,
    agendaNone:
      'Politiet gir en oppdatering om innsatser og trender siden forrige møte. Ingen politistatistikk er lagt inn ennå (kommandoen «politistatistikk»).',
    agendaLatest: 'Anmeldelser med mistenkt 10–17 år i {month}: {value} (samme måned i fjor: {previous}, {change}).',
    agendaYtd: 'Hittil i år (januar–{month} {year}): {value} (samme periode i fjor: {previous}, {change}).',
    agendaChangesYtd: 'Største endringer hittil i år:',
    agendaChangesYear: 'Største endringer {year} mot {previousYear}:',
    agendaChange: '• {category}: {value} ({change})',
    digestHeading: 'Politiets statistikk',
    digestYtd: 'Anmeldelser med mistenkt 10–17 år, januar–{month} {year} mot samme periode i fjor',
    digestYear: 'Anmeldelser med mistenkt 10–17 år, {year} mot {previousYear}',
    digestTotal: 'Totalt {value} ({change}).',
    digestPersons: 'Mistenkte personer {year} etter kjønn og alder',
    digestNote: 'Tall under {n} vises som «<{n}»; «:» er skjult så de ikke kan regnes ut.',
    cols: { type: 'Lovbruddstype', figure: 'Antall', previous: 'I fjor', change: 'Endring', group: 'Kjønn' },
    chapter: 'Politiets statistikk',
    chapterNone: 'Ingen politistatistikk er lagt inn for {year}. Politiet eller koordinatorene legger den inn med kommandoen «politistatistikk».',
    chapterIntro:
      'Tallene gjelder anmeldelser med en eller flere mistenkte i aldersgruppen 10–17 år, og unike mistenkte personer, med kommunen som gjerningssted. Kilde: politiet. Endringen er regnet ut fra tallene.',
    chapterTotal: 'I {year} ble det registrert {value} anmeldelser med mistenkte 10–17 år ({change} fra {previousYear}).',
    offencesCaption: 'Anmeldelser etter lovbruddstype, mistenkte 10–17 år',
    byAgeCaption: 'Anmeldelser etter lovbruddstype, mistenkte {band}',
    personsCaption: 'Mistenkte personer 10–17 år etter kjønn og aldersgruppe',
    personsNote: 'Tall under {n} vises som «<{n}», og «:» er skjult så de ikke kan regnes ut av summene.',
    monthsCaption: 'Anmeldelser per måned, mistenkte 10–17 år',
    chartCaption: '{category}: anmeldelser per år',
    variationHeading: 'Hovedtypene mot de siste årene',
    variation: {
      within: '{category}: {value} i {year} ({change} fra året før), innenfor normalvariasjonen {span} ({min}–{max}).',
      above: '{category}: {value} i {year} ({change} fra året før), over normalvariasjonen {span} ({min}–{max}).',
      below: '{category}: {value} i {year} ({change} fra året før), under normalvariasjonen {span} ({min}–{max}).',
    },
    variationUnknown: '{category}: {value} i {year} ({change} fra året før); for få år til å si noe om normalvariasjonen.',
    seven: 'de siste sju årene',
    yearsWord: 'de siste {n} årene',
    qualitativePlaceholder: '[Politiets vurdering: hva ligger bak endringene, og hva ser forebyggende seksjon?]',
    category: 'Lovbruddstype',
    group: 'Gruppe',
    month: 'Måned',
    source: 'Lagt inn av {name} {date}.',
  },
  en: {
    title: 'Police statistics',
    intro:
      "Paste the tables from the police's spreadsheet as they come: first row the years (a change column at the end is recomputed), then one row per offence type or group of people. Semicolons, tabs or spaces between the figures. You see what will be stored before anything is stored.",
    table: 'Table',
    tables: {
      offences: 'Reports, suspects aged 10–17, by offence type (Table 2)',
      offencesByAge: 'Reports by offence type, aged 10–14 and 15–17 (Table 3)',
      persons: 'Suspects by gender and age (Table 1)',
      monthly: 'Reports per month',
    },
    tableHints: {
      offences: 'The years first, then one row per offence type (Vinning, Butikktyveri, Vold …) and the Total if you have it.',
      offencesByAge: 'First a line «10-14 år» with its table below, then a line «15-17 år» with its table below.',
      persons: 'The years first, then the rows Jenter, Jenter 10-14 år … Gutter … 10-17 år, 10-14 år, 15-17 år.',
      monthly: "The years first, then one row per month. A line naming an offence type (e.g. «Vinning») starts that type's months.",
    },
    text: 'The table (paste)',
    textPlaceholder: ' 2017;2018;2019\nVinning;84;105;194\nNarkotika;14;47;68',
    preview: 'Preview',
    save: 'Save',
    typeYear: 'Type one year',
    typeYearIntro: 'Reports by offence type for one year. Empty fields are not stored.',
    year: 'Year',
    band: 'Age group',
    bands: { '10-17': 'aged 10–17', '10-14': 'aged 10–14', '15-17': 'aged 15–17' },
    genders: { all: 'All', girls: 'Girls', boys: 'Boys' },
    previewReady: 'This will be stored: {count} figures for {years} ({table}). Nothing is stored yet – press «Save».',
    previewReplaces: 'What is stored for the same years in this table will be replaced.',
    previewProblem: 'One line could not be read. Nothing is stored. Correct the line below in the text and press «Preview» again.',
    repeatedRows: '{count} rows appear more than once with the same figures (lines {from}–{to}); taken once.',
    typedLine: '{label}: {reason}',
    previewProblems: '{count} lines could not be read. Nothing is stored. Correct the lines below in the text and press «Preview» again.',
    previewNothing: 'No figures found. The first row should be the years, then one row per offence type or group.',
    problemsHeading: 'Lines that could not be read',
    notesHeading: 'Note',
    moreLines: '… and {n} more lines',
    yearsLine: 'Years: {years}',
    line: 'Line {line}: {reason} («{text}»)',
    stored: 'Stored: {count} figures for {years} ({table}), by {name}.',
    already: 'This preview was already stored {when}. Nothing was changed.',
    expired: 'The preview is no longer available (it lasts 24 hours). Paste the table and press «Preview» again.',
    otherTenant: 'The preview does not exist. Paste the table and press «Preview» again.',
    seeStats: 'See police statistics',
    textRequired: "Paste the table from the police's spreadsheet.",
    yearRequired: 'Type a year between 1990 and {max}.',
    yearEmpty: 'Fill in at least one figure.',
    problems: {
      notNumber: '«{token}» in the column {column} is not a whole number',
      negative: '«{token}» in the column {column} is negative; a count cannot be below 0',
      tooLarge: '«{token}» in the column {column} is too large',
      tooFewValues: 'found {found} figures, but the table has {expected} columns. Is «{before}» where a figure should be, or is one missing?',
      tooManyValues: 'found {found} figures, but the table has only {expected} columns',
      noHeader: 'the row comes before the row of years',
      noLabel: 'the row has no name (offence type, group or month) first',
      noBand: 'write a line «10-14 år» or «15-17 år» before the table',
      unknownGroup: '«{label}» is not a group I know: write Jenter, Gutter or an age group (10-17 år, 10-14 år, 15-17 år), or both («Jenter 10-14 år»)',
      notMonth: '«{label}» is not a month (write januar … desember)',
      duplicate: '«{label}» appears twice with different figures for {column}',
      badYear: '«{token}» in the row of years is not a valid year, or appears twice',
      futureYear: '{year} has not come yet',
      tooManyRows: 'the text has over {max} lines; paste one table at a time',
      guarded: '«{label}» seems to contain personal details (a name, number or address); write an offence type',
    },
    notes: {
      newCategory: '«{label}» is not in the list of offence types and is stored as a new main type.',
      changeDiffers: 'The change for {label} is computed as {computed} (pasted: {given}).',
      skipped: 'Skipped (no figures): line',
      repeated: '{label} appears more than once with the same figures; taken once.',
    },
    total: 'Total',
    months: MONTHS_EN,
    agendaNone:
      'The police give an update on efforts and trends since the last meeting. No police statistics have been entered yet (the command «police-stats»).',
    agendaLatest: 'Reports with a suspect aged 10–17 in {month}: {value} (same month last year: {previous}, {change}).',
    agendaYtd: 'Year to date (January–{month} {year}): {value} (same period last year: {previous}, {change}).',
    agendaChangesYtd: 'Largest changes this year to date:',
    agendaChangesYear: 'Largest changes {year} against {previousYear}:',
    agendaChange: '• {category}: {value} ({change})',
    digestHeading: "The police's statistics",
    digestYtd: 'Reports with a suspect aged 10–17, January–{month} {year} against the same period last year',
    digestYear: 'Reports with a suspect aged 10–17, {year} against {previousYear}',
    digestTotal: 'Total {value} ({change}).',
    digestPersons: 'Suspects {year} by gender and age',
    digestNote: 'Counts below {n} are shown as «<{n}»; «:» is hidden so that they cannot be worked out.',
    cols: { type: 'Offence type', figure: 'Count', previous: 'Last year', change: 'Change', group: 'Gender' },
    chapter: "The police's statistics",
    chapterNone: 'No police statistics have been entered for {year}. The police or the coordinators enter them with the command «police-stats».',
    chapterIntro:
      'The figures are reports with one or more suspects aged 10–17, and unique suspects, with the municipality as the scene. Source: the police. The change is computed from the figures.',
    chapterTotal: 'In {year}, {value} reports with suspects aged 10–17 were registered ({change} from {previousYear}).',
    offencesCaption: 'Reports by offence type, suspects aged 10–17',
    byAgeCaption: 'Reports by offence type, suspects {band}',
    personsCaption: 'Suspects aged 10–17 by gender and age group',
    personsNote: 'Counts below {n} are shown as «<{n}», and «:» is hidden so that they cannot be worked out from the totals.',
    monthsCaption: 'Reports per month, suspects aged 10–17',
    chartCaption: '{category}: reports per year',
    variationHeading: 'The main types against the last years',
    variation: {
      within: '{category}: {value} in {year} ({change} from the year before), within the normal variation of {span} ({min}–{max}).',
      above: '{category}: {value} in {year} ({change} from the year before), above the normal variation of {span} ({min}–{max}).',
      below: '{category}: {value} in {year} ({change} from the year before), below the normal variation of {span} ({min}–{max}).',
    },
    variationUnknown: '{category}: {value} in {year} ({change} from the year before); too few years to judge the normal variation.',
    seven: 'the last seven years',
    yearsWord: 'the last {n} years',
    qualitativePlaceholder: "[The police's assessment: what lies behind the changes, and what does the prevention section see?]",
    category: 'Offence type',
    group: 'Group',
    month: 'Month',
    source: 'Entered by {name} {date}.',
  },
};

/** One problem of a pasted line, worded. */
export function problemText(locale: Locale, p: LineProblem): string {
  return format(pick(locale, POLICE_TEXTS).problems[p.code], p as unknown as Record<string, string | number>);
}

/** One note on a pasted line, worded. */
export function noteText(locale: Locale, n: LineNote): string {
  return format(pick(locale, POLICE_TEXTS).notes[n.code], n as unknown as Record<string, string | number>);
}

/** '+3', '−123' (a real minus sign), '0'. As the police print changes: no sign for none. */
export function signedChange(n: number | undefined): string {
  if (n === undefined) return '';
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}
