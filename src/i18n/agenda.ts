import type { Catalogue } from './index';

/** Texts of the agenda and minutes cards (`agenda`, `agenda.*`, `minutes.*`). */
export interface AgendaTexts {
  title: string;
  pageTitle: string;
  page: string;
  since: string;
  time: string;
  by: string;
  responsibleBy: string;
  items: {
    police: string;
    policeDetail: string;
    noTopics: string;
    noTopicsDetail: string;
    topics: string;
    youthTeams: string;
    youthNone: string;
    youthTitles: string;
    youthNote: string;
    escalation: string;
    proposedHere: string;
    liftedFrom: string;
    requested: string;
    taskDetail: string;
    other: string;
    otherDetail: string;
  };
  bringers: { coordinator: string; youthTeams: string; everyone: string; minutes: string };
  actions: { refresh: string; remove: string; done: string; showAll: string; next: string; previous: string; back: string; add: string };
  add: { heading: string; title: string; placeholder: string; by: string };
  summary: string;
  notices: {
    added: string;
    already: string;
    removed: string;
    notOnAgenda: string;
    standing: string;
    taskDone: string;
    taskAlreadyDone: string;
    taskNotFound: string;
    tooMany: string;
    meetingNotFound: string;
    over: string;
    cancelled: string;
    noMeeting: string;
    channelOnly: string;
    notMember: string;
  };
  minutes: {
    formTitle: string;
    decision: string;
    task: string;
    responsible: string;
    responsiblePlaceholder: string;
    due: string;
    save: string;
    recorded: string;
    saved: string;
    unchanged: string;
    /** A task due before the meeting that gave it ({date}). */
    dueBeforeMeeting: string;
    /** A first save with no decision and no task. */
    empty: string;
    /** `referat` outside a body's channel. */
    channelOnly: string;
    /** `referat` before any meeting of the body has begun. */
    noneBegun: string;
    /** `referat` in a channel: the form went 1:1. */
    privateNotice: string;
    limited: string;
    tooEarly: string;
    errorSummary: string;
    needTitle: string;
    needResponsible: string;
    needDue: string;
    badDue: string;
    unknownItem: string;
    tooManyItems: string;
    cardTitle: string;
    decisionLine: string;
    taskLine: string;
    doneLine: string;
    noDecision: string;
    footer: string;
  };
}

export const AGENDA_TEXTS: Catalogue<AgendaTexts> = {
  nb: {
    title: 'Dagsorden – {body}',
    pageTitle: 'Dagsorden – {body}: alle punkter',
    page: 'Side {page} av {pages} · {count} punkter',
    since: 'Innspill meldt siden {since}.',
    time: '{from}–{to} · {minutes} min',
    by: 'Meldt av: {who}',
    responsibleBy: 'Ansvarlig: {who}',
    items: {
      police: 'Oppdatering fra politiet',
      policeDetail: 'Innsatser og trender innen rus og kriminalitet siden forrige møte.',
      noTopics: 'Utfordringsbildet lokalt',
      noTopicsDetail: 'Ingen trender er meldt siden forrige møte. Meld inn med «@SLT-boten trend».',
      topics: 'Utfordringsbildet lokalt: {area}',
      youthTeams: 'Saker fra ungdomsteamene',
      youthNone: 'Ungdomsteamene har ikke meldt trender siden forrige møte.',
      youthTitles: '{area}: {texts}',
      youthNote: '«<{n}» betyr færre enn {n}; «:» er skjult så «<{n}» ikke kan regnes ut. Tall per team og innsatsområde vises bare i statistisk form.',
      escalation: 'Sak: {title}',
      proposedHere: 'Foreslått løftet til {level} – venter på behandling.',
      liftedFrom: 'Løftet hit fra {origin}.',
      requested: 'Ønsket tiltak: {text}',
      taskDetail: 'Oppfølging fra møtet {date} · frist {due}',
      other: 'Eventuelt',
      otherDetail: 'Andre saker deltakerne tar opp.',
    },
    bringers: { coordinator: 'SLT-koordinator', youthTeams: 'Ungdomsteamene', everyone: 'Alle', minutes: 'Referat' },
    actions: {
      refresh: 'Oppdater',
      remove: 'Fjern',
      done: 'Merk som utført',
      showAll: 'Vis alle ({count} punkter)',
      next: 'Neste side',
      previous: 'Forrige side',
      back: 'Tilbake til dagsordenen',
      add: 'Legg til',
    },
    add: { heading: 'Legg til et punkt', title: 'Nytt punkt', placeholder: 'F.eks. Sommerferietilbud for ungdom', by: 'Meldt av' },
    summary: 'Viser {shown} av {count} punkter.',
    notices: {
      added: 'Punktet er lagt til på dagsordenen.',
      already: 'Punktet står allerede på dagsordenen.',
      removed: 'Punktet er tatt av dagsordenen.',
      notOnAgenda: 'Punktet står ikke (lenger) på dagsordenen.',
      standing: 'Faste punkter kan ikke tas av dagsordenen.',
      taskDone: 'Oppgaven er merket som utført.',
      taskAlreadyDone: 'Oppgaven var allerede merket som utført.',
      taskNotFound: 'Fant ikke oppgaven.',
      tooMany: 'Dagsordenen har allerede {max} egne punkter.',
      meetingNotFound: 'Fant ikke møtet.',
      over: 'Møtet er over; dagsordenen kan ikke endres lenger.',
      cancelled: 'Møtet er avlyst.',
      noMeeting: '{body} har ingen planlagte møter. En SLT-koordinator kan planlegge med «@SLT-boten møte».',
      channelOnly: 'Dagsordenen hører til kanalen til ungdomsteamet, koordineringsgruppen eller styret: skriv «@SLT-boten agenda» der.',
      notMember: 'Du er ikke medlem av {body}, og kan ikke se dagsordenen.',
    },
    minutes: {
      formTitle: 'Referat – {body}',
      decision: 'Vedtak / konklusjon',
      task: 'Oppgave',
      responsible: 'Ansvarlig tjeneste',
      responsiblePlaceholder: 'Velg ansvarlig',
      due: 'Frist',
      save: 'Lagre og del referatet',
      recorded: 'Registrert: {text}',
      saved: 'Referatet er lagret og delt i kanalen. Åpne oppgaver kommer på neste dagsorden.',
      unchanged: 'Ingenting nytt å lagre – referatet er som før.',
      channelOnly: 'Referatet hører til kanalen til ungdomsteamet, koordineringsgruppen eller styret: skriv «@SLT-boten referat» der.',
      noneBegun: 'Ingen av møtene i {body} er i gang ennå, og referatet skrives fra møtet starter. Planlegg møter med «@SLT-boten møte».',
      privateNotice: 'Jeg har sendt deg referatskjemaet for møtet {date} i en personlig melding.',
      empty: 'Referatet er tomt. Skriv et vedtak eller en oppgave under minst ett punkt, og trykk «Lagre og del referatet» igjen.',
      limited: 'Skjemaet viser {shown} av {count} punkter; før resten under Eventuelt.',
      tooEarly: 'Referat kan skrives når møtet har startet.',
      errorSummary: 'Noe må rettes før referatet kan lagres – se feltene under.',
      needTitle: 'Skriv hva oppgaven er.',
      needResponsible: 'Velg hvem som er ansvarlig for oppgaven.',
      needDue: 'Sett en frist for oppgaven.',
      badDue: 'Fristen må være en gyldig dato (ÅÅÅÅ-MM-DD).',
      dueBeforeMeeting: 'Fristen kan ikke være før møtet ({date}).',
      unknownItem: 'Punktet står ikke på dagsordenen til dette møtet.',
      tooManyItems: 'Et referat kan ha høyst {max} punkter (nå {count}).',
      cardTitle: 'Referat – {body}',
      decisionLine: 'Vedtak: {text}',
      taskLine: 'Oppgave: {title} – ansvarlig: {responsible}, frist {due}',
      doneLine: 'Utført: {title} – {responsible}',
      noDecision: 'Ingen vedtak.',
      footer: 'Åpne oppgaver står på dagsordenen til neste møte til de er merket utført.',
    },
  },
  en: {
    title: 'Agenda – {body}',
    pageTitle: 'Agenda – {body}: all items',
    page: 'Page {page} of {pages} · {count} items',
    since: 'Input reported since {since}.',
    time: '{from}–{to} · {minutes} min',
    by: 'Brought by: {who}',
    responsibleBy: 'Responsible: {who}',
    items: {
      police: 'Update from the police',
      policeDetail: 'Efforts and trends in drugs and crime since the last meeting.',
      noTopics: 'The local challenge picture',
      noTopicsDetail: 'No trends have been reported since the last meeting. Report one with "@SLT-boten trend".',
      topics: 'The local challenge picture: {area}',
      youthTeams: 'Topics from the youth teams',
      youthNone: 'The youth teams have reported no trends since the last meeting.',
      youthTitles: '{area}: {texts}',
      youthNote:
        '"<{n}" means fewer than {n}; ":" is hidden so "<{n}" cannot be worked out. Counts per team and focus area are shown in statistical form only.',
      escalation: 'Matter: {title}',
      proposedHere: 'Proposed to be lifted to {level} – awaiting treatment.',
      liftedFrom: 'Lifted here from {origin}.',
      requested: 'Requested action: {text}',
      taskDetail: 'Follow-up from the meeting {date} · due {due}',
      other: 'Any other business',
      otherDetail: 'Other matters participants raise.',
    },
    bringers: { coordinator: 'SLT coordinator', youthTeams: 'The youth teams', everyone: 'Everyone', minutes: 'Minutes' },
    actions: {
      refresh: 'Refresh',
      remove: 'Remove',
      done: 'Mark as done',
      showAll: 'Show all ({count} items)',
      next: 'Next page',
      previous: 'Previous page',
      back: 'Back to the agenda',
      add: 'Add',
    },
    add: { heading: 'Add an item', title: 'New item', placeholder: 'E.g. Summer activities for young people', by: 'Brought by' },
    summary: 'Showing {shown} of {count} items.',
    notices: {
      added: 'The item was added to the agenda.',
      already: 'The item is already on the agenda.',
      removed: 'The item was taken off the agenda.',
      notOnAgenda: 'The item is not (or no longer) on the agenda.',
      standing: 'Standing items cannot be taken off the agenda.',
      taskDone: 'The task was marked as done.',
      taskAlreadyDone: 'The task was already marked as done.',
      taskNotFound: 'The task was not found.',
      tooMany: 'The agenda already has {max} added items.',
      meetingNotFound: 'The meeting was not found.',
      over: 'The meeting is over; its agenda can no longer be changed.',
      cancelled: 'The meeting was cancelled.',
      noMeeting: '{body} has no meetings planned. An SLT coordinator can plan one with "@SLT-boten meeting".',
      channelOnly: 'The agenda belongs to the channel of the youth team, coordination group or board: type "@SLT-boten agenda" there.',
      notMember: 'You are not a member of {body} and cannot see its agenda.',
    },
    minutes: {
      formTitle: 'Minutes – {body}',
      decision: 'Decision / conclusion',
      task: 'Task',
      responsible: 'Responsible service',
      responsiblePlaceholder: 'Choose who is responsible',
      due: 'Due',
      save: 'Save and share the minutes',
      recorded: 'Recorded: {text}',
      saved: 'The minutes were saved and shared in the channel. Open tasks go onto the next agenda.',
      unchanged: 'Nothing new to save – the minutes are as before.',
      channelOnly: 'Minutes belong to the channel of the youth team, coordination group or board: write «@SLT-boten minutes» there.',
      noneBegun: 'No meeting of {body} has started yet, and minutes are written from the start of the meeting. Schedule meetings with «@SLT-boten meeting».',
      privateNotice: 'I have sent you the minutes form of the meeting of {date} in a personal message.',
      empty: 'The minutes are empty. Write a decision or a task under at least one item, and press «Save and share the minutes» again.',
      limited: 'The form shows {shown} of {count} items; record the rest under any other business.',
      tooEarly: 'Minutes can be written once the meeting has started.',
      errorSummary: 'Something needs fixing before the minutes can be saved – see the fields below.',
      needTitle: 'Write what the task is.',
      needResponsible: 'Choose who is responsible for the task.',
      needDue: 'Set a due date for the task.',
      badDue: 'The due date must be a valid date (YYYY-MM-DD).',
      dueBeforeMeeting: 'The due date cannot be before the meeting ({date}).',
      unknownItem: "The item is not on this meeting's agenda.",
      tooManyItems: 'Minutes can have at most {max} items (now {count}).',
      cardTitle: 'Minutes – {body}',
      decisionLine: 'Decision: {text}',
      taskLine: 'Task: {title} – responsible: {responsible}, due {due}',
      doneLine: 'Done: {title} – {responsible}',
      noDecision: 'No decision.',
      footer: "Open tasks stay on the next meeting's agenda until marked done.",
    },
  },
};
