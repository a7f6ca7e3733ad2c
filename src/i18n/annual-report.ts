import type { MeasureStatus } from '../domain/annual-report';
import type { BodyKind } from '../domain/bodies';
import type { EscalationState } from '../domain/escalations';
import type { Catalogue } from './index';

/** Texts of the annual report draft (`årsrapport`) and its download card. */
export interface AnnualReportTexts {
  title: string;
  draft: string;
  intro: string;
  introPlaceholder: string;
  organisation: string;
  organisationText: string;
  kinds: Record<BodyKind, string>;
  topics: string;
  topicsText: string;
  topicsNone: string;
  byArea: string;
  byMonth: string;
  cross: string;
  crossNote: string;
  qualitativePlaceholder: string;
  coordination: string;
  coordinationText: string;
  board: string;
  boardText: string;
  none: string;
  escalations: string;
  escalationsText: string;
  meetings: string;
  measures: string;
  measuresNone: string;
  measuresNote: string;
  fromMinutes: string;
  doneOn: string;
  next: string;
  nextPlaceholder: string;
  footer: string;
  cols: {
    area: string;
    count: string;
    month: string;
    matter: string;
    from: string;
    raised: string;
    status: string;
    decision: string;
    boardDecision: string;
    body: string;
    held: string;
    planned: string;
    cancelled: string;
    measure: string;
    origin: string;
    responsible: string;
    due: string;
  };
  states: Record<EscalationState, string>;
  measureStatus: Record<MeasureStatus, string>;
  erased: string;
  withheld: string;
  months: string[];
  card: { title: string; text: string; note: string; html: string; markdown: string };
  badYear: string;
  privateNotice: string;
}

export const ANNUAL_REPORT_TEXTS: Catalogue<AnnualReportTexts> = {
  nb: {
    title: 'SLT – årsrapport {year}',
    draft: 'Utkast laget av SLT-boten {date}. Tallene og sakene er hentet fra året i Teams; rediger, stryk og legg til før rapporten sendes ut.',
    intro: 'Innledning',
    introPlaceholder: '[Skriv en kort innledning: året som gikk, viktige hendelser og endringer i SLT-arbeidet.]',
    organisation: 'Organisering',
    organisationText: 'SLT-arbeidet var i {year} organisert i disse organene:',
    kinds: { youthTeam: 'ungdomsteam, utførende nivå', coordinationGroup: 'koordinerende nivå', board: 'styrende nivå' },
    topics: 'Utfordringsbildet: trender meldt inn fra tjenestene',
    topicsText: 'I {year} ble det meldt inn {total} trender fra tjenestene.',
    topicsNone: 'Det ble ikke meldt inn trender i {year}.',
    byArea: 'Trender per innsatsområde',
    byMonth: 'Trender per måned',
    cross: 'Innsatsområde fordelt på ungdomsteam',
    crossNote: '«<{n}» betyr færre enn {n} (men flere enn 0); «:» er skjult slik at små tall ikke kan regnes ut av summene.',
    qualitativePlaceholder: '[Beskriv utfordringsbildet slik tjenestene har meldt det: hva har økt, hva er nytt, hvor.]',
    coordination: 'Saker behandlet i koordineringsgruppen',
    coordinationText: 'Saker som er løftet til eller meldt i koordineringsgruppen, med vedtak.',
    board: 'Saker løftet til SLT-styret og utfallet',
    boardText: 'Saker som har nådd styret, og styrets vedtak.',
    none: 'Ingen.',
    escalations: 'Løftede saker i tall',
    escalationsText: 'I {year} ble {raised} saker meldt for å løftes til neste nivå. Status ved årets slutt (eller i dag):',
    meetings: 'Møter per organ',
    measures: 'Tiltak og status',
    measuresNone: 'Ingen tiltak eller oppgaver er registrert.',
    measuresNote:
      'Tiltak vedtatt i løftede saker har ingen «utført»-markering i boten: de står som «Pågår» til fristen og «Fristen er passert» etter den, også når de er gjennomført. Rett status her før rapporten sendes ut. Oppgaver fra referatene står som «Utført» når de er krysset av som utført.',
    fromMinutes: 'Referat fra {body} {date}',
    doneOn: 'Utført {date}',
    next: 'Videre arbeid',
    nextPlaceholder: '[Skriv om prioriteringer og innsatsområder for neste år.]',
    footer:
      'Tallene er statistikk: små tall vises ikke fordelt på to kjennetegn, og rapporten inneholder ingen opplysninger om enkeltpersoner (forvaltningsloven § 13).',
    cols: {
      area: 'Innsatsområde',
      count: 'Antall',
      month: 'Måned',
      matter: 'Sak',
      from: 'Meldt fra',
      raised: 'Meldt',
      status: 'Status',
      decision: 'Vedtak',
      boardDecision: 'Styrets vedtak',
      body: 'Organ',
      held: 'Holdt',
      planned: 'Planlagt, ikke holdt ennå',
      cancelled: 'Avlyst',
      measure: 'Tiltak eller oppgave',
      origin: 'Fra sak eller referat',
      responsible: 'Ansvarlig',
      due: 'Frist',
    },
    states: {
      proposed: 'Foreslått',
      accepted: 'Til behandling',
      declined: 'Avslått',
      resolved: 'Behandlet',
      escalated: 'Løftet til styret',
      decided: 'Avgjort av styret',
    },
    measureStatus: { done: 'Utført', overdue: 'Fristen er passert', open: 'Pågår', noDue: 'Uten frist' },
    erased: '(slettet etter oppbevaringstiden)',
    withheld: '(vises ikke: ser ut til å inneholde personopplysninger)',
    months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
    card: {
      title: 'Årsrapport {year} – utkast',
      text: 'Utkastet har temaene fra ungdomsteamene, sakene i koordineringsgruppen og styret, møtene og tiltakene for {year}.',
      note: 'Lenkene virker i {hours} timer og bare for den som har dem. Ikke del dem videre.',
      html: 'Åpne i nettleseren (HTML)',
      markdown: 'Last ned (Markdown)',
    },
    badYear: 'Skriv året som ÅÅÅÅ, for eksempel «årsrapport 2026».',
    privateNotice: 'Jeg har sendt lenkene til årsrapporten til deg i en personlig melding.',
  },
  en: {
    title: 'SLT – annual report {year}',
    draft: 'Draft made by SLT-boten {date}. The figures and matters come from the year in Teams; edit, cut and add before the report is sent out.',
    intro: 'Introduction',
    introPlaceholder: '[Write a short introduction: the year that passed, important events and changes in the SLT work.]',
    organisation: 'Organisation',
    organisationText: 'In {year} the SLT work was organised in these bodies:',
    kinds: { youthTeam: 'youth team, executive level', coordinationGroup: 'coordinating level', board: 'governing level' },
    topics: 'The challenge picture: trend topics reported by the services',
    topicsText: 'In {year} the services reported {total} trend topics.',
    topicsNone: 'No trend topics were reported in {year}.',
    byArea: 'Trend topics per focus area',
    byMonth: 'Trend topics per month',
    cross: 'Focus area by youth team',
    crossNote: '"<{n}" means fewer than {n} (but more than 0); ":" is hidden so that small counts cannot be worked out from the totals.',
    qualitativePlaceholder: '[Describe the challenges as the services reported them: what increased, what is new, where.]',
    coordination: 'Matters treated in the coordination group',
    coordinationText: 'Matters lifted to or raised in the coordination group, with decisions.',
    board: 'Matters lifted to the SLT board and their outcome',
    boardText: "Matters that reached the board, and the board's decisions.",
    none: 'None.',
    escalations: 'Lifted matters in figures',
    escalationsText: 'In {year}, {raised} matters were raised to be lifted to the next level. Status at the end of the year (or today):',
    meetings: 'Meetings per body',
    measures: 'Measures and their status',
    measuresNone: 'No measures or tasks are recorded.',
    measuresNote:
      'Measures decided in lifted matters have no "done" marker in the bot: they show as "In progress" until their deadline and "Deadline passed" after it, also when they were carried out. Correct the status here before the report is sent out. Tasks from the minutes show as "Done" once ticked off as done.',
    fromMinutes: 'Minutes of {body}, {date}',
    doneOn: 'Done {date}',
    next: 'Further work',
    nextPlaceholder: '[Write about priorities and focus areas for next year.]',
    footer: 'The figures are statistics: small counts are not shown broken down by two characteristics, and the report holds no information about individuals.',
    cols: {
      area: 'Focus area',
      count: 'Count',
      month: 'Month',
      matter: 'Matter',
      from: 'Raised by',
      raised: 'Raised',
      status: 'Status',
      decision: 'Decision',
      boardDecision: 'Board decision',
      body: 'Body',
      held: 'Held',
      planned: 'Planned, not yet held',
      cancelled: 'Cancelled',
      measure: 'Measure or task',
      origin: 'From matter or minutes',
      responsible: 'Responsible',
      due: 'Due',
    },
    states: {
      proposed: 'Proposed',
      accepted: 'Under treatment',
      declined: 'Declined',
      resolved: 'Resolved',
      escalated: 'Lifted to the board',
      decided: 'Decided by the board',
    },
    measureStatus: { done: 'Done', overdue: 'Deadline passed', open: 'In progress', noDue: 'No deadline' },
    erased: '(erased after the retention period)',
    withheld: '(not shown: appears to contain personal data)',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    card: {
      title: 'Annual report {year} – draft',
      text: "The draft has the youth teams' topics, the matters of the coordination group and the board, the meetings and the measures of {year}.",
      note: 'The links work for {hours} hours and only for whoever has them. Do not pass them on.',
      html: 'Open in the browser (HTML)',
      markdown: 'Download (Markdown)',
    },
    badYear: 'Write the year as YYYY, for example "annual-report 2026".',
    privateNotice: 'I have sent you the links to the annual report in a personal message.',
  },
};
