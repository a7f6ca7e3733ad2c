import type { BodyKind } from '../domain/bodies';
import type { EscalationState, EscalationVerb } from '../domain/escalations';
import type { Catalogue } from './index';

/** Texts of escalations (`løft`, `saker`, `escalation.*`). `{level}` is a body's name. */
export interface EscalationTexts {
  formTitle: string;
  formIntro: string;
  title: string;
  titlePlaceholder: string;
  description: string;
  requestedAction: string;
  submit: string;
  errorSummary: string;
  states: Record<EscalationState, string>;
  facts: {
    origin: string;
    created: string;
    requestedAction: string;
    acceptNote: string;
    declineNote: string;
    escalateNote: string;
    decision: string;
    measure: string;
    responsible: string;
    due: string;
    boardDecision: string;
  };
  verbs: Record<EscalationVerb, string>;
  inputs: { note: string; declineNote: string; decision: string; measure: string; responsible: string; due: string; boardDecision: string };
  history: string;
  historyLine: Record<EscalationVerb | 'submit', string>;
  already: Record<EscalationState, string>;
  notFound: string;
  notAllowed: string;
  noTarget: string;
  topLevel: string;
  notABody: string;
  personal: string;
  notMember: string;
  erased: string;
  refresh: string;
  notify: Record<EscalationState, string>;
  notifyTitle: string;
  newForCoordinators: string;
  listTitle: string;
  listTitleAll: string;
  listEmpty: string;
  listHere: string;
  listPassed: string;
  listLine: string;
  kinds: Record<BodyKind, string>;
}

export const ESCALATION_TEXTS: Catalogue<EscalationTexts> = {
  nb: {
    formTitle: 'Løft en sak',
    formIntro:
      'Be om at en utfordring løftes til {level}. En SLT-koordinator vurderer forslaget. Beskriv utfordringen, ikke enkeltpersoner: ingen navn, fødselsnummer, telefonnumre eller adresser.',
    title: 'Tittel',
    titlePlaceholder: 'For eksempel: Økende uro ved kjøpesenteret på kveldstid',
    description: 'Beskrivelse',
    requestedAction: 'Hva ønsker dere at {level} gjør? (valgfritt)',
    submit: 'Send til SLT-koordinator',
    errorSummary: 'Noe må rettes – se merknadene under feltene.',
    states: {
      proposed: 'Foreslått – venter på SLT-koordinator',
      accepted: 'Godtatt – ligger hos {level}',
      declined: 'Avslått',
      resolved: 'Behandlet i {level}',
      escalated: 'Løftet til {level}',
      decided: 'Avgjort av {level}',
    },
    facts: {
      origin: 'Fra',
      created: 'Meldt',
      requestedAction: 'Ønsket',
      acceptNote: 'Merknad ved godkjenning',
      declineNote: 'Begrunnelse for avslag',
      escalateNote: 'Merknad ved løfting',
      decision: 'Vedtak',
      measure: 'Tiltak',
      responsible: 'Ansvarlig',
      due: 'Frist',
      boardDecision: 'Styrets vedtak',
    },
    verbs: { accept: 'Godta', decline: 'Avslå', resolve: 'Vedta tiltak', escalate: 'Løft til styret', decide: 'Registrer styrets vedtak' },
    inputs: {
      note: 'Merknad (valgfritt)',
      declineNote: 'Begrunnelse (sendes til den som meldte saken)',
      decision: 'Vedtak',
      measure: 'Tiltak (valgfritt)',
      responsible: 'Ansvarlig tjeneste eller rolle (valgfritt)',
      due: 'Frist (valgfritt)',
      boardDecision: 'Styrets vedtak',
    },
    history: 'Historikk',
    historyLine: {
      submit: '{date}: foreslått',
      accept: '{date}: godtatt av SLT-koordinator',
      decline: '{date}: avslått av SLT-koordinator',
      resolve: '{date}: vedtak registrert',
      escalate: '{date}: løftet til styret',
      decide: '{date}: styrets vedtak registrert',
    },
    already: {
      proposed: 'Saken må godtas av en SLT-koordinator først.',
      accepted: 'Saken er allerede godtatt av en SLT-koordinator.',
      declined: 'Saken er allerede avslått av en SLT-koordinator.',
      resolved: 'Saken er allerede behandlet, med vedtak.',
      escalated: 'Saken er allerede løftet til styret.',
      decided: 'Styrets vedtak i saken er allerede registrert.',
    },
    notFound: 'Fant ikke saken – eller du har ikke tilgang til den.',
    notAllowed: 'Dette kan bare en SLT-koordinator gjøre.',
    noTarget: '{level} er ikke registrert ennå, så saken kan ikke løftes dit. Registrer kanalen med «@SLT-boten registrer» først.',
    topLevel: 'SLT-styret er øverste nivå: saker herfra kan ikke løftes videre.',
    notABody: 'Denne kanalen er ikke registrert som et SLT-organ ennå. En SLT-koordinator kan registrere den med «@SLT-boten registrer».',
    personal: 'Løft saker fra kanalen til organet ditt: skriv «@SLT-boten løft» der.',
    notMember: 'Bare medlemmer av {body} og SLT-koordinatorer kan løfte saker herfra.',
    erased: '(teksten er slettet etter oppbevaringstiden)',
    refresh: 'Oppdater',
    notify: {
      proposed: 'Saken «{title}» er sendt til SLT-koordinator for vurdering.',
      accepted: 'Saken «{title}» er godtatt og løftet til {level}.',
      declined: 'Saken «{title}» er avslått.',
      resolved: 'Saken «{title}» er behandlet i {level}.',
      escalated: 'Saken «{title}» er løftet videre til {level}.',
      decided: '{level} har fattet vedtak i saken «{title}».',
    },
    notifyTitle: 'Nytt i saken din',
    newForCoordinators: 'Ny sak til vurdering fra {origin}',
    listTitle: 'Åpne saker – {body}',
    listTitleAll: 'Åpne saker du har tilgang til',
    listEmpty: 'Ingen åpne saker.',
    listHere: 'Venter her',
    listPassed: 'Løftet videre herfra, fortsatt åpne',
    listLine: '{state} · fra {origin} · {date}',
    kinds: { youthTeam: 'ungdomsteamet', coordinationGroup: 'koordineringsgruppen', board: 'SLT-styret' },
  },
  en: {
    formTitle: 'Escalate a matter',
    formIntro:
      'Ask for a challenge to be lifted to {level}. An SLT coordinator reviews the request. Describe the challenge, not individuals: no names, identity numbers, phone numbers or addresses.',
    title: 'Title',
    titlePlaceholder: 'For example: Growing unrest at the shopping centre in the evenings',
    description: 'Description',
    requestedAction: 'What would you like {level} to do? (optional)',
    submit: 'Send to SLT coordinator',
    errorSummary: 'Something needs fixing – see the notes below the fields.',
    states: {
      proposed: 'Proposed – awaiting an SLT coordinator',
      accepted: 'Accepted – now with {level}',
      declined: 'Declined',
      resolved: 'Dealt with by {level}',
      escalated: 'Escalated to {level}',
      decided: 'Decided by {level}',
    },
    facts: {
      origin: 'From',
      created: 'Raised',
      requestedAction: 'Requested',
      acceptNote: 'Note on acceptance',
      declineNote: 'Reason for declining',
      escalateNote: 'Note on escalation',
      decision: 'Decision',
      measure: 'Measure',
      responsible: 'Responsible',
      due: 'Due',
      boardDecision: "Board's decision",
    },
    verbs: { accept: 'Accept', decline: 'Decline', resolve: 'Decide on measures', escalate: 'Escalate to the board', decide: "Record the board's decision" },
    inputs: {
      note: 'Note (optional)',
      declineNote: 'Reason (sent to whoever raised it)',
      decision: 'Decision',
      measure: 'Measure (optional)',
      responsible: 'Responsible service or role (optional)',
      due: 'Due date (optional)',
      boardDecision: "Board's decision",
    },
    history: 'History',
    historyLine: {
      submit: '{date}: proposed',
      accept: '{date}: accepted by SLT coordinator',
      decline: '{date}: declined by SLT coordinator',
      resolve: '{date}: decision recorded',
      escalate: '{date}: escalated to the board',
      decide: "{date}: board's decision recorded",
    },
    already: {
      proposed: 'The matter must be accepted by an SLT coordinator first.',
      accepted: 'The matter has already been accepted by an SLT coordinator.',
      declined: 'The matter has already been declined by an SLT coordinator.',
      resolved: 'The matter has already been dealt with, with a decision.',
      escalated: 'The matter has already been escalated to the board.',
      decided: "The board's decision on the matter has already been recorded.",
    },
    notFound: 'Matter not found – or you do not have access to it.',
    notAllowed: 'Only an SLT coordinator can do this.',
    noTarget: '{level} is not registered yet, so the matter cannot be lifted there. Register its channel with "@SLT-boten register" first.',
    topLevel: 'The SLT board is the top level: matters cannot be lifted further from here.',
    notABody: 'This channel is not registered as an SLT body yet. An SLT coordinator can register it with "@SLT-boten register".',
    personal: 'Escalate matters from your body\'s channel: type "@SLT-boten escalate" there.',
    notMember: 'Only members of {body} and SLT coordinators can escalate matters from here.',
    erased: '(text erased after the retention period)',
    refresh: 'Refresh',
    notify: {
      proposed: 'The matter “{title}” has been sent to an SLT coordinator for review.',
      accepted: 'The matter “{title}” has been accepted and lifted to {level}.',
      declined: 'The matter “{title}” has been declined.',
      resolved: 'The matter “{title}” has been dealt with by {level}.',
      escalated: 'The matter “{title}” has been escalated to {level}.',
      decided: '{level} has decided on the matter “{title}”.',
    },
    notifyTitle: 'News on your matter',
    newForCoordinators: 'New matter to review from {origin}',
    listTitle: 'Open matters – {body}',
    listTitleAll: 'Open matters you can see',
    listEmpty: 'No open matters.',
    listHere: 'Waiting here',
    listPassed: 'Lifted from here, still open',
    listLine: '{state} · from {origin} · {date}',
    kinds: { youthTeam: 'the youth team', coordinationGroup: 'the coordination group', board: 'the SLT board' },
  },
};
