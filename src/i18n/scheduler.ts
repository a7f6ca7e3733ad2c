import type { JobKind } from '../domain/ports';
import type { Catalogue } from './index';

/** Texts of `status` and of the cadence-watch notices. */
export interface SchedulerTexts {
  kinds: Record<JobKind, string>;
  status: {
    title: string;
    lastRun: string;
    neverRun: string;
    stale: string;
    healthy: string;
    nextTitle: string;
    nextEmpty: string;
    failingTitle: string;
    failingEmpty: string;
    bodiesTitle: string;
    bodiesEmpty: string;
    attempts: string;
    nextAttempt: string;
    queued: string;
    jobFailed: string;
    deliveryState: { retrying: string; failing: string };
    reasons: { throttled: string; forbidden: string; notFound: string; server: string; network: string; badRequest: string; internal: string; other: string };
    /** Why an Outlook invitation (Microsoft Graph) failed. */
    graph: { throttled: string; forbidden: string; notFound: string; server: string; network: string; token: string; other: string };
  };
  cadence: {
    overdueHeld: string;
    overdueNever: string;
    boardBelowMinimum: string;
    footer: string;
    label: string;
  };
}

export const schedulerText: Catalogue<SchedulerTexts> = {
  nb: {
    kinds: {
      callForTopics: 'Innspillsrunde',
      agenda: 'Dagsorden',
      reminder: 'Påminnelse',
      minutesPrompt: 'Referatpåminnelse',
      digest: 'Månedsrapport',
      retention: 'Sletting etter oppbevaringstid',
      cadenceWatch: 'Kontroll av møtehyppighet',
      measuresWheel: 'Årshjul for tiltak (innsatsområder, evaluering)',
      invitation: 'Outlook-invitasjon',
    },
    status: {
      title: 'Status for planlagte innlegg',
      lastRun: 'Planleggeren kjørte sist',
      neverRun: 'Planleggeren har ikke kjørt ennå.',
      stale: 'Planleggeren har ikke kjørt siden {time}. Planlagte innlegg går ikke ut før den kjører igjen – kontakt driften.',
      healthy: 'Planleggeren går som den skal.',
      nextTitle: 'Neste planlagte',
      nextEmpty: 'Ingenting er planlagt.',
      failingTitle: 'Leveranser som feiler',
      failingEmpty: 'Ingen leveranser feiler.',
      bodiesTitle: 'Organer og hvem som leser dem',
      bodiesEmpty: 'Ingen kanaler er registrert ennå.',
      attempts: '{n} forsøk',
      nextAttempt: 'nytt forsøk {time}',
      queued: 'I kø nå: {n} innlegg.',
      jobFailed: 'jobben feilet',
      deliveryState: { retrying: 'prøver igjen', failing: 'feiler' },
      reasons: {
        throttled: 'Teams begrenser antall meldinger (429)',
        forbidden: 'boten har ikke tilgang – er den fjernet fra teamet eller kanalen? ({code})',
        notFound: 'samtalen eller personen finnes ikke ({code})',
        server: 'Teams svarte med feil ({code})',
        network: 'fikk ikke kontakt med Teams',
        badRequest: 'Teams avviste meldingen ({code})',
        internal: 'intern feil ({code})',
        other: 'feil {code}',
      },
      graph: {
        throttled: 'Microsoft Graph ber oss vente (429) – invitasjonen sendes når det går',
        forbidden: 'ingen tilgang til kalenderen – er koordinatoren med i tilgangsgruppen for boten? ({code})',
        notFound: 'fant ikke brukeren eller avtalen i Outlook ({code})',
        server: 'Microsoft Graph svarte med feil ({code}) – prøver igjen',
        network: 'fikk ikke kontakt med Microsoft Graph ({code}) – prøver igjen',
        token: 'fikk ikke logget inn mot Microsoft Graph ({code}) – sjekk appregistreringen og SLT_GRAPH_*',
        other: 'Microsoft Graph avviste invitasjonen ({code})',
      },
    },
    cadence: {
      overdueHeld: '{body} har ikke holdt møte siden {since} ({days} dager). Møtehyppigheten er {cadence}.',
      overdueNever: '{body} har ikke holdt noe møte siden den ble registrert {since} ({days} dager). Møtehyppigheten er {cadence}.',
      boardBelowMinimum: '{body} ligger an til færre enn fire møter i {year}: {held} holdt og {planned} planlagt.',
      footer: 'Skriv «møte» i kanalen til {body} for å sette opp et møte.',
      label: 'varsel om møtehyppighet {body}',
    },
  },
  en: {
    kinds: {
      callForTopics: 'Call for topics',
      agenda: 'Agenda',
      reminder: 'Reminder',
      minutesPrompt: 'Minutes prompt',
      digest: 'Monthly digest',
      retention: 'Retention clean-up',
      cadenceWatch: 'Meeting cadence check',
      measuresWheel: 'Annual wheel of measures (focus areas, evaluation)',
      invitation: 'Outlook invitation',
    },
    status: {
      title: 'Status of scheduled posts',
      lastRun: 'The scheduler last ran',
      neverRun: 'The scheduler has not run yet.',
      stale: 'The scheduler has not run since {time}. Scheduled posts will not go out until it runs again – contact operations.',
      healthy: 'The scheduler is running as it should.',
      nextTitle: 'Next scheduled',
      nextEmpty: 'Nothing is scheduled.',
      failingTitle: 'Failing deliveries',
      failingEmpty: 'No deliveries are failing.',
      bodiesTitle: 'Bodies and who reads them',
      bodiesEmpty: 'No channels are registered yet.',
      attempts: '{n} attempts',
      nextAttempt: 'next attempt {time}',
      queued: 'Queued now: {n} posts.',
      jobFailed: 'the job failed',
      deliveryState: { retrying: 'retrying', failing: 'failing' },
      reasons: {
        throttled: 'Teams is limiting the number of messages (429)',
        forbidden: 'the bot has no access – was it removed from the team or channel? ({code})',
        notFound: 'the conversation or person no longer exists ({code})',
        server: 'Teams answered with an error ({code})',
        network: 'could not reach Teams',
        badRequest: 'Teams rejected the message ({code})',
        internal: 'internal error ({code})',
        other: 'error {code}',
      },
      graph: {
        throttled: 'Microsoft Graph asks us to wait (429) – the invitation goes out when it can',
        forbidden: "no access to the calendar – is the coordinator in the bot's access group? ({code})",
        notFound: 'the user or the event was not found in Outlook ({code})',
        server: 'Microsoft Graph answered with an error ({code}) – retrying',
        network: 'could not reach Microsoft Graph ({code}) – retrying',
        token: 'could not sign in to Microsoft Graph ({code}) – check the app registration and SLT_GRAPH_*',
        other: 'Microsoft Graph refused the invitation ({code})',
      },
    },
    cadence: {
      overdueHeld: '{body} has not held a meeting since {since} ({days} days). Its cadence is {cadence}.',
      overdueNever: '{body} has not held any meeting since it was registered on {since} ({days} days). Its cadence is {cadence}.',
      boardBelowMinimum: '{body} is on course for fewer than four meetings in {year}: {held} held and {planned} planned.',
      footer: 'Type "meeting" in the channel of {body} to schedule one.',
      label: 'cadence notice {body}',
    },
  },
};
