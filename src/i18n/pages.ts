import type { Catalogue } from './index';

/** Which page a person gets when a link they opened in a browser leads nowhere. */
export type PageKind = 'fileGone' | 'calendarGone' | 'agendaGone' | 'notFound' | 'unavailable';

/** One page: a heading, what happened, and what to do now. */
export interface PageText {
  title: string;
  what: string;
  todo: string;
}

/** Texts of the small HTML pages the bot answers browsers with (src/http/people-page.ts). */
export interface PageTexts {
  pages: Record<PageKind, PageText>;
  footer: string;
}

export const PAGE_TEXTS: Catalogue<PageTexts> = {
  nb: {
    pages: {
      fileGone: {
        title: 'Lenken er utløpt',
        what: 'Lenker til utkast av årsrapporten virker i 24 timer og bare for den som fikk dem. Denne er utløpt, eller den er ikke kopiert helt.',
        todo: 'Lag et nytt utkast: skriv «årsrapport» til SLT-boten i Teams, eller trykk «Lag utkast til årsrapport» under «Rapporter» i fanen «SLT-oversikt». Du får nye lenker med en gang.',
      },
      calendarGone: {
        title: 'Kalenderfilen finnes ikke',
        what: 'Møtet kan være slettet, eller lenken er ikke kopiert helt.',
        todo: 'Åpne møtekortet i organets kanal i Teams og trykk «Legg til i kalender» der, eller skriv «møter» til SLT-boten for å se møtene som er planlagt.',
      },
      agendaGone: {
        title: 'Fant ikke agendaen',
        what: 'Møtet kan være slettet, eller lenken i invitasjonen er ikke kopiert helt.',
        todo: 'Åpne organets kanal i Teams og skriv «@SLT-boten agenda» for agendaen til neste møte.',
      },
      notFound: {
        title: 'Siden finnes ikke',
        what: 'Adressen peker ikke på noe i SLT-boten.',
        todo: 'SLT-boten brukes i Microsoft Teams: skriv «hjelp» til SLT-boten for å se hva du kan gjøre, eller åpne fanen «SLT-oversikt».',
      },
      unavailable: {
        title: 'SLT-boten svarer ikke akkurat nå',
        what: 'Lagringen kan ikke nås for øyeblikket. Ingenting er tapt.',
        todo: 'Prøv igjen om et par minutter. Varer det, si fra til den som drifter SLT-boten i kommunen.',
      },
    },
    footer: 'SLT-boten – samordning av lokale rus- og kriminalitetsforebyggende tiltak',
  },
  en: {
    pages: {
      fileGone: {
        title: 'This link has expired',
        what: 'Links to annual report drafts work for 24 hours and only for whoever received them. This one has expired, or it was not copied in full.',
        todo: 'Make a new draft: write «annual-report» to SLT-boten in Teams, or press «Make the annual report draft» under «Reports» in the «SLT overview» tab. You get new links at once.',
      },
      calendarGone: {
        title: 'The calendar file does not exist',
        what: 'The meeting may have been deleted, or the link was not copied in full.',
        todo: 'Open the meeting card in the body’s channel in Teams and press «Add to calendar» there, or write «meetings» to SLT-boten to see the meetings planned.',
      },
      agendaGone: {
        title: 'Agenda not found',
        what: 'The meeting may have been deleted, or the link in the invitation was not copied in full.',
        todo: 'Open the body’s channel in Teams and write «@SLT-boten agenda» for the agenda of the next meeting.',
      },
      notFound: {
        title: 'Page not found',
        what: 'This address leads to nothing in SLT-boten.',
        todo: 'SLT-boten is used in Microsoft Teams: write «help» to SLT-boten to see what you can do, or open the «SLT overview» tab.',
      },
      unavailable: {
        title: 'SLT-boten is not answering right now',
        what: 'Its storage cannot be reached at the moment. Nothing is lost.',
        todo: 'Try again in a couple of minutes. If it lasts, tell whoever runs SLT-boten in your municipality.',
      },
    },
    footer: 'SLT-boten – coordination of local drug- and crime-prevention measures',
  },
};
