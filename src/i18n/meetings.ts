import type { Catalogue } from './index';

/** Texts of the meetings feature (commands møte/møter, meeting actions, cards and job posts). */
export interface MeetingTexts {
  notRegistered: string;
  channelOnly: string;
  groupChat: string;
  form: {
    title: string;
    intro: string;
    date: string;
    time: string;
    duration: string;
    location: string;
    locationPlaceholder: string;
    repeat: string;
    repeatNone: string;
    repeatCadence: string;
    count: string;
    submit: string;
    required: string;
    clash: string;
  };
  confirm: { titleOne: string; titleMany: string; intro: string; moved: string; footer: string; footerInvitations: string };
  card: {
    title: string;
    when: string;
    duration: string;
    place: string;
    reason: string;
    cancelled: string;
    calendar: string;
    calendarCancelled: string;
    cancel: string;
    cancelReason: string;
    cancelSubmit: string;
    series: string;
    join: string;
    invitePending: string;
  };
  cancel: { notFound: string; over: string; notHere: string };
  list: { titleBody: string; titlePersonal: string; empty: string; emptyPersonal: string; calendar: string; join: string; invitePending: string };
  jobs: { callTitle: string; callText: string; reminder: string; reminderPlace: string; minutes: string; minutesDuring: string };
  /** The Outlook invitation's text (its body is HTML; `{agendaUrl}` is a link the bot serves). */
  invitation: { intro: string; agenda: string; moved: string; cancelled: string };
  hours: string;
  minutes: string;
}

export const meetingTexts: Catalogue<MeetingTexts> = {
  nb: {
    notRegistered: 'Denne kanalen er ikke registrert som et SLT-organ ennå. Skriv «@SLT-boten registrer» først, så kan møtene planlegges her.',
    channelOnly: 'Møter planlegges i kanalen til ungdomsteamet, koordineringsgruppen eller styret: skriv «@SLT-boten møte» der.',
    groupChat: 'Skriv «@SLT-boten møter» i kanalen til et SLT-organ, eller «møter» i en personlig chat med meg.',
    form: {
      title: 'Planlegg møte – {body}',
      intro: 'Norsk tid. En serie følger rytmen hver {weeks}. uke og flytter møter som havner på helligdager til nærmeste arbeidsdag.',
      date: 'Dato (første møte)',
      time: 'Klokkeslett',
      duration: 'Varighet i minutter',
      location: 'Sted',
      locationPlaceholder: 'For eksempel: Rådhuset, møterom 3',
      repeat: 'Gjentakelse',
      repeatNone: 'Bare dette møtet',
      repeatCadence: 'Serie: hver {weeks}. uke',
      count: 'Antall møter i serien',
      submit: 'Planlegg',
      required: 'Feltet må fylles ut.',
      clash: 'Det er allerede et møte {when}.',
    },
    confirm: {
      titleOne: 'Møtet er planlagt – {body}',
      titleMany: '{count} møter er planlagt – {body}',
      intro: 'Alle tider er norsk tid.',
      moved: 'flyttet fra {date} ({reason})',
      footer: 'Et møtekort med kalenderfil postes i kanalen for hvert møte.',
      footerInvitations: 'Et møtekort postes i kanalen for hvert møte, og medlemmene får en Outlook-invitasjon med Teams-lenke.',
    },
    card: {
      title: 'Møte – {body}',
      when: 'Når',
      duration: 'Varighet',
      place: 'Sted',
      reason: 'Begrunnelse',
      cancelled: 'AVLYST',
      calendar: 'Legg til i kalender',
      calendarCancelled: 'Oppdater kalenderen (avlyst)',
      cancel: 'Avlys møtet',
      cancelReason: 'Begrunnelse (vises i kanalen)',
      cancelSubmit: 'Avlys',
      series: 'Møte {index} av {count} i serien.',
      join: 'Bli med i Teams-møtet',
      invitePending: 'Invitasjonen er ikke sendt ennå.',
    },
    cancel: {
      notFound: 'Fant ikke dette møtet.',
      over: 'Møtet er allerede holdt og kan ikke avlyses.',
      notHere: 'Møter avlyses fra møtekortet i organets kanal.',
    },
    list: {
      titleBody: 'Kommende møter – {body}',
      titlePersonal: 'Dine kommende SLT-møter',
      empty: 'Ingen møter er planlagt. En SLT-koordinator kan planlegge med «@SLT-boten møte».',
      emptyPersonal: 'Du har ingen kommende møter i SLT-organer du er medlem av.',
      calendar: 'Legg til i kalender',
      join: 'Bli med i Teams-møtet',
      invitePending: 'Invitasjonen er ikke sendt ennå.',
    },
    jobs: {
      callTitle: 'Innspill til møtet {when}',
      callText:
        'Hva ser dere i ungdomsmiljøet nå? Svar i tråden med «@SLT-boten trend», eller skriv «@SLT-boten trend». Husk: trender, ikke enkeltsaker – ingen navn eller andre personopplysninger.',
      reminder: 'Påminnelse: {body} har møte i dag kl. {time}{place}.',
      reminderPlace: ', {place}',
      minutes: 'Møtet i {body} {when} er over. Skriv et kort referat med tydelige oppgaver og ansvarlige, og del det med deltakerne snart.',
      minutesDuring:
        'Møtet i {body} {when} er i gang. Skriv et kort referat med tydelige oppgaver og ansvarlige; «Lagre og del referatet» deler det i kanalen med en gang.',
    },
    invitation: {
      intro: 'Møte i {body}. Invitasjonen er sendt av SLT-boten på vegne av SLT-koordinatoren.',
      agenda: 'Dagsordenen legges ut i kanalen {channel} to dager før møtet: {link}',
      moved: 'Møtet er {moved}.',
      cancelled: 'Møtet er avlyst.',
    },
    hours: 't',
    minutes: 'min',
  },
  en: {
    notRegistered: 'This channel is not registered as an SLT body yet. Type "@SLT-boten register" first; then meetings can be scheduled here.',
    channelOnly: 'Meetings are scheduled in the channel of the youth team, coordination group or board: type "@SLT-boten meeting" there.',
    groupChat: 'Type "@SLT-boten meetings" in an SLT body\'s channel, or "meetings" in a personal chat with me.',
    form: {
      title: 'Schedule a meeting – {body}',
      intro: 'Norwegian time. A series follows the rhythm of every {weeks} weeks and moves meetings that fall on public holidays to the nearest working day.',
      date: 'Date (first meeting)',
      time: 'Time',
      duration: 'Duration in minutes',
      location: 'Place',
      locationPlaceholder: 'For example: Town hall, room 3',
      repeat: 'Repeat',
      repeatNone: 'This meeting only',
      repeatCadence: 'Series: every {weeks} weeks',
      count: 'Number of meetings in the series',
      submit: 'Schedule',
      required: 'This field is required.',
      clash: 'There is already a meeting {when}.',
    },
    confirm: {
      titleOne: 'The meeting is scheduled – {body}',
      titleMany: '{count} meetings are scheduled – {body}',
      intro: 'All times are Norwegian time.',
      moved: 'moved from {date} ({reason})',
      footer: 'A meeting card with a calendar file is posted in the channel for each meeting.',
      footerInvitations: 'A meeting card is posted in the channel for each meeting, and the members get an Outlook invitation with a Teams link.',
    },
    card: {
      title: 'Meeting – {body}',
      when: 'When',
      duration: 'Duration',
      place: 'Place',
      reason: 'Reason',
      cancelled: 'CANCELLED',
      calendar: 'Add to calendar',
      calendarCancelled: 'Update your calendar (cancelled)',
      cancel: 'Cancel the meeting',
      cancelReason: 'Reason (shown in the channel)',
      cancelSubmit: 'Cancel meeting',
      series: 'Meeting {index} of {count} in the series.',
      join: 'Join the Teams meeting',
      invitePending: 'The invitation has not been sent yet.',
    },
    cancel: {
      notFound: 'This meeting was not found.',
      over: 'The meeting has already taken place and cannot be cancelled.',
      notHere: "Meetings are cancelled from the meeting card in the body's channel.",
    },
    list: {
      titleBody: 'Upcoming meetings – {body}',
      titlePersonal: 'Your upcoming SLT meetings',
      empty: 'No meetings are scheduled. An SLT coordinator can schedule one with "@SLT-boten meeting".',
      emptyPersonal: 'You have no upcoming meetings in SLT bodies you are a member of.',
      calendar: 'Add to calendar',
      join: 'Join the Teams meeting',
      invitePending: 'The invitation has not been sent yet.',
    },
    jobs: {
      callTitle: 'Input for the meeting {when}',
      callText:
        'What are you seeing among young people now? Reply in the thread with "@SLT-boten trend", or type "@SLT-boten trend". Remember: trends, not individual cases – no names or other personal data.',
      reminder: 'Reminder: {body} meets today at {time}{place}.',
      reminderPlace: ', {place}',
      minutes: 'The meeting of {body} {when} is over. Write short minutes with clear tasks and who is responsible, and share them with the participants soon.',
      minutesDuring:
        'The meeting of {body} {when} is under way. Write short minutes with clear tasks and who is responsible; «Save and share the minutes» shares them in the channel at once.',
    },
    invitation: {
      intro: 'Meeting of {body}. The invitation was sent by SLT-boten on behalf of the SLT coordinator.',
      agenda: 'The agenda is posted in the channel {channel} two days before the meeting: {link}',
      moved: 'The meeting was {moved}.',
      cancelled: 'The meeting is cancelled.',
    },
    hours: 'h',
    minutes: 'min',
  },
};
