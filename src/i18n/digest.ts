import type { Catalogue } from './index';

/** Texts of the monthly digest (`rapport`, `digest.send`, `digest.ack`, the scheduled post). */
export interface DigestTexts {
  title: string;
  subtitle: string;
  generated: string;
  sentBy: string;
  scheduler: string;
  trends: string;
  total: string;
  noTrends: string;
  byArea: string;
  byBody: string;
  /** Under the per-body table: why every trend count is exact. */
  exactNote: string;
  cols: { area: string; body: string; changePrev: string; changeAvg: string; total: string };
  emerging: string;
  emergingLine: string;
  emergingNone: string;
  chart: string;
  chartFallback: string;
  chartFallbackShort: string;
  chartFallbackNone: string;
  /** Under the chart: lines with the same count every month, drawn on top of each other. */
  chartSame: string;
  and: string;
  shortened: string;
  others: string;
  othersAreas: string;
  escalations: string;
  escalationCounts: string;
  newNamed: string;
  resolved: string;
  waiting: string;
  waitingNone: string;
  matterLine: string;
  titleErased: string;
  titleWithheld: string;
  dueHeading: string;
  dueOverdue: string;
  dueUpcoming: string;
  dueNone: string;
  dueLine: string;
  kindMeasure: string;
  kindTask: string;
  taskOfTeam: string;
  noResponsible: string;
  responsibleWithheld: string;
  lateDay: string;
  lateDays: string;
  lateMonths: string;
  meetings: string;
  meetingCols: { body: string; held: string; planned: string; cancelled: string };
  meetingsNone: string;
  behind: string;
  boardBelow: string;
  upcoming: string;
  upcomingNone: string;
  upcomingLine: string;
  ackCount: string;
  ackCountNoTotal: string;
  ackButton: string;
  notAcked: string;
  allAcked: string;
  coordinatorsOnly: string;
  sendButton: string;
  notSent: string;
  confirmTitle: string;
  confirmText: string;
  confirmButton: string;
  sent: string;
  sentAgainAlready: string;
  noBoard: string;
  privateNotice: string;
  badMonth: string;
  futureMonth: string;
  notSentYet: string;
  acked: string;
  label: string;
  more: string;
}

export const DIGEST_TEXTS: Catalogue<DigestTexts> = {
  nb: {
    title: 'Månedsrapport for SLT-styret – {month}',
    subtitle: 'Statistikk over trender, saker og møter. Ingen enkeltsaker, ingen navn på dem som meldte.',
    generated: 'Laget {date}.',
    sentBy: 'Sendt til styret {date} av {who}.',
    scheduler: 'SLT-boten (automatisk)',
    trends: 'Trender meldt inn',
    total: '{count} trender i {month}: {changePrev} fra {prev}, {changeAvg} fra snittet av de tre månedene før ({avg}).',
    noTrends: 'Ingen trender ble meldt inn i {month}.',
    byArea: 'Per innsatsområde',
    byBody: 'Per organ',
    exactNote:
      'Alle tall er antall trender, eksakte også når de er små. De telles per innsatsområde og per organ hver for seg, aldri fordelt på begge samtidig (taushetsplikt).',
    cols: { area: 'Innsatsområde', body: 'Organ', changePrev: 'Fra {prev}', changeAvg: 'Fra snitt 3 mnd.', total: 'Sum' },
    emerging: 'Mest økende',
    emergingLine: '{label}: {count} ({change} fra snittet av de tre månedene før)',
    emergingNone: 'Ingen innsatsområder økte fra snittet av de tre månedene før.',
    chart: 'Trender per innsatsområde, siste seks måneder',
    chartFallback: 'Trender per innsatsområde, siste seks måneder (tabell)',
    chartFallbackShort: 'Trender per innsatsområde, siste {n} måneder (tabell)',
    chartFallbackNone: 'Tallene per måned står i fanen «SLT-oversikt» under Trender.',
    chartSame: 'Samme tall alle månedene, så linjene ligger oppå hverandre: {lines}.',
    and: 'og',
    shortened:
      'Rapporten er forkortet for å få plass i Teams: organer med færrest trender er slått sammen og lange lister kuttet. Alle trender, saker og møter finner du i fanen «SLT-oversikt».',
    others: 'Andre ({n} organer)',
    othersAreas: 'Andre ({n} innsatsområder)',
    escalations: 'Saker som er løftet',
    escalationCounts: 'Nye: {new} · Behandlet: {resolved} · Avslått: {declined} · Venter på styret: {waiting}',
    newNamed: 'Nye saker i koordineringsgruppen og styret',
    resolved: 'Behandlet i {month}',
    waiting: 'Venter på styret',
    waitingNone: 'Ingen saker venter på styret.',
    matterLine: '{title} – {body}, {date}',
    titleErased: '(tittelen er slettet etter oppbevaringstiden)',
    titleWithheld: '(tittelen vises ikke: den ser ut til å inneholde personopplysninger)',
    dueHeading: 'Tiltak og oppgaver med frist',
    dueOverdue: 'Forfalt',
    dueUpcoming: 'Forfaller innen utgangen av {next}',
    dueNone: 'Ingen åpne tiltak eller oppgaver har frist før utgangen av {next}.',
    dueLine: '{what} – {who}, {body}, frist {date}',
    kindMeasure: 'Tiltak',
    kindTask: 'Oppgave',
    taskOfTeam: 'Oppgave fra møtet {date}',
    noResponsible: 'ansvarlig ikke oppgitt',
    responsibleWithheld: '(ansvarlig vises ikke)',
    lateDay: '1 dag over fristen',
    lateDays: '{n} dager over fristen',
    lateMonths: '{n} måneder over fristen',
    meetings: 'Møter i {month}',
    meetingCols: { body: 'Organ', held: 'Holdt', planned: 'Planlagt', cancelled: 'Avlyst' },
    meetingsNone: 'Ingen organer er registrert ennå.',
    behind: '{body} har gått lenger enn møterytmen sin uten møte.',
    boardBelow: '{body} ligger an til færre enn fire møter i år.',
    upcoming: 'Møter i {next}',
    upcomingNone: 'Ingen møter er planlagt i {next}.',
    upcomingLine: '{date} – {body}',
    ackCount: 'Lest av {count} av {total} i styret.',
    ackCountNoTotal: 'Lest av {count} i styret.',
    ackButton: 'Lest',
    notAcked: 'Ikke lest ennå: {names}.',
    allAcked: 'Alle i styret har lest rapporten.',
    coordinatorsOnly: 'Bare for koordinatorer',
    sendButton: 'Send til styret',
    notSent: 'Rapporten for {month} er ikke sendt til styret ennå.',
    confirmTitle: 'Sende rapporten for {month} på nytt?',
    confirmText: 'Rapporten for {month} ble sendt til styret {date} av {who}. Vil du sende en ny versjon med dagens tall? Den gamle blir stående i kanalen.',
    confirmButton: 'Ja, send på nytt',
    sent: 'Rapporten for {month} er sendt til {board}.',
    sentAgainAlready: 'Rapporten for {month} er allerede sendt på nytt ({date}). Ingenting ble sendt nå.',
    noBoard: 'Det er ingen kanal registrert for SLT-styret ennå. Skriv «@SLT-boten registrer» i styrets kanal først.',
    privateNotice: 'Jeg har sendt rapporten til deg i en personlig melding.',
    badMonth: 'Skriv måneden som ÅÅÅÅ-MM, for eksempel «rapport 2026-10».',
    futureMonth: 'Måneden {month} har ikke begynt ennå.',
    notSentYet: 'Rapporten for {month} er ikke sendt til styret ennå, så den kan ikke merkes som lest.',
    acked: 'Takk! Du har merket rapporten som lest.',
    label: 'månedsrapport {month}',
    more: '… og {n} til',
  },
  en: {
    title: 'Monthly digest for the SLT board – {month}',
    subtitle: 'Statistics on trends, matters and meetings. No individual cases, no names of reporters.',
    generated: 'Made {date}.',
    sentBy: 'Sent to the board {date} by {who}.',
    scheduler: 'SLT-boten (automatic)',
    trends: 'Trend topics reported',
    total: '{count} trend topics in {month}: {changePrev} from {prev}, {changeAvg} from the average of the three months before ({avg}).',
    noTrends: 'No trend topics were reported in {month}.',
    byArea: 'By focus area',
    byBody: 'By body',
    exactNote:
      'Every figure is a number of trend topics, exact also when small. They are counted by focus area and by body separately, never broken down by both at once (confidentiality).',
    cols: { area: 'Focus area', body: 'Body', changePrev: 'From {prev}', changeAvg: 'From 3-month avg.', total: 'Total' },
    emerging: 'Rising most',
    emergingLine: '{label}: {count} ({change} from the average of the three months before)',
    emergingNone: 'No focus area rose above the average of the three months before.',
    chart: 'Trend topics per focus area, last six months',
    chartFallback: 'Trend topics per focus area, last six months (table)',
    chartFallbackShort: 'Trend topics per focus area, last {n} months (table)',
    chartFallbackNone: 'The figures per month are in the «SLT-oversikt» tab under Trends.',
    chartSame: 'The same count every month, so these lines lie on top of each other: {lines}.',
    and: 'and',
    shortened:
      'This digest is shortened to fit in Teams: the bodies with the fewest trend topics are summed and long lists cut. All trend topics, matters and meetings are in the «SLT-oversikt» tab.',
    others: 'Others ({n} bodies)',
    othersAreas: 'Others ({n} focus areas)',
    escalations: 'Matters lifted',
    escalationCounts: 'New: {new} · Resolved: {resolved} · Declined: {declined} · Waiting for the board: {waiting}',
    newNamed: 'New matters in the coordination group and the board',
    resolved: 'Resolved in {month}',
    waiting: 'Waiting for the board',
    waitingNone: 'No matters are waiting for the board.',
    matterLine: '{title} – {body}, {date}',
    titleErased: '(title erased after the retention period)',
    titleWithheld: '(title not shown: it appears to contain personal data)',
    dueHeading: 'Measures and tasks with a deadline',
    dueOverdue: 'Overdue',
    dueUpcoming: 'Due by the end of {next}',
    dueNone: 'No open measures or tasks are due before the end of {next}.',
    dueLine: '{what} – {who}, {body}, due {date}',
    kindMeasure: 'Measure',
    kindTask: 'Task',
    taskOfTeam: 'Task from the meeting of {date}',
    noResponsible: 'no one responsible given',
    responsibleWithheld: '(responsible not shown)',
    lateDay: '1 day overdue',
    lateDays: '{n} days overdue',
    lateMonths: '{n} months overdue',
    meetings: 'Meetings in {month}',
    meetingCols: { body: 'Body', held: 'Held', planned: 'Planned', cancelled: 'Cancelled' },
    meetingsNone: 'No bodies are registered yet.',
    behind: '{body} has gone longer than its meeting rhythm without a meeting.',
    boardBelow: '{body} is on course for fewer than four meetings this year.',
    upcoming: 'Meetings in {next}',
    upcomingNone: 'No meetings are planned in {next}.',
    upcomingLine: '{date} – {body}',
    ackCount: 'Read by {count} of {total} on the board.',
    ackCountNoTotal: 'Read by {count} on the board.',
    ackButton: 'Read',
    notAcked: 'Not read yet: {names}.',
    allAcked: 'Everyone on the board has read the digest.',
    coordinatorsOnly: 'For coordinators only',
    sendButton: 'Send to the board',
    notSent: 'The digest for {month} has not been sent to the board yet.',
    confirmTitle: 'Send the digest for {month} again?',
    confirmText:
      "The digest for {month} was sent to the board {date} by {who}. Do you want to send a new version with today's figures? The old one stays in the channel.",
    confirmButton: 'Yes, send again',
    sent: 'The digest for {month} has been sent to {board}.',
    sentAgainAlready: 'The digest for {month} has already been sent again ({date}). Nothing was sent now.',
    noBoard: 'No channel is registered for the SLT board yet. Type "@SLT-boten register" in the board\'s channel first.',
    privateNotice: 'I have sent you the digest in a personal message.',
    badMonth: 'Write the month as YYYY-MM, for example "digest 2026-10".',
    futureMonth: 'The month {month} has not begun yet.',
    notSentYet: 'The digest for {month} has not been sent to the board yet, so it cannot be marked as read.',
    acked: 'Thank you! You have marked the digest as read.',
    label: 'monthly digest {month}',
    more: '… and {n} more',
  },
};
