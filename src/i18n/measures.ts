import type { Conclusion, MeasureLevel, MeasureState } from '../domain/measures/model';
import type { Direction } from '../domain/trends';
import type { Catalogue } from './index';

/** Texts of the measures register (`tiltak`, `measure.*`, `focusStatus.save`, the December prompt, the annual report's parts). */
export interface MeasureTexts {
  /** The button on a minutes task. */
  toMeasure: string;
  states: Record<MeasureState, string>;
  levels: Record<MeasureLevel | 'none', string>;
  conclusions: Record<Conclusion, string>;
  directions: Record<Direction, string>;
  completedOn: string;
  endedOn: string;
  overdue: string;
  fields: {
    title: string;
    titlePlaceholder: string;
    description: string;
    focusAreas: string;
    level: string;
    responsible: string;
    owner: string;
    plan: string;
    planPlaceholder: string;
    start: string;
    end: string;
    evaluationMethod: string;
    evaluationMethodPlaceholder: string;
    evaluation: string;
    conclusion: string;
    status: string;
    choose: string;
  };
  /** Field names as the log lists them. */
  fieldNames: Record<string, string>;
  facts: { source: string; period: string; statusSet: string; statusSetBy: string; responsibleText: string; plan: string; evaluationMethod: string };
  source: { manual: string; escalation: string; escalationErased: string; task: string };
  history: { heading: string; create: string; update: string; status: string; erase: string; by: string };
  form: { newTitle: string; editTitle: string; evaluateTitle: string; intro: string; evaluateIntro: string; save: string; sourceNote: string };
  card: { changeStatus: string; setStatus: string; edit: string; evaluate: string; back: string; erased: string; readOnly: string };
  notices: {
    created: string;
    already: string;
    saved: string;
    unchanged: string;
    statusSet: string;
    statusUnchanged: string;
    stale: string;
    /** A status change refused as stale in the tab (no card there to show again). */
    staleTab: string;
    staleSave: string;
    notFound: string;
    errorSummary: string;
    fromTask: string;
    taskNotFound: string;
  };
  errors: {
    required: string;
    endBeforeStart: string;
    unknownArea: string;
    tooManyAreas: string;
    unknownResponsible: string;
    unknownOwner: string;
    noBodies: string;
  };
  list: {
    title: string;
    titleYear: string;
    titleAll: string;
    intro: string;
    introMember: string;
    empty: string;
    more: string;
    line: string;
    noEnd: string;
    noResponsible: string;
    open: string;
    newMeasure: string;
    focusStatus: string;
  };
  command: { describe: string; hint: string; badArgs: string; personalOnly: string; notABody: string; notMember: string; coordinatorsOnly: string };
  status: {
    title: string;
    intro: string;
    measuresLine: string;
    measuresNone: string;
    topicsLine: string;
    topicsNone: string;
    mattersLine: string;
    text: string;
    textBy: string;
    noText: string;
    save: string;
    saved: string;
    /** One area's text saved (the tab saves one at a time). */
    savedOne: string;
    /** A status text refused (the tab's summary; the reason is next to the field). */
    invalid: string;
    unchanged: string;
    stale: string;
  };
  evaluation: { title: string; intro: string; none: string; evaluated: string; open: string; label: string };
  areasYear: {
    title: string;
    intro: string;
    areas: string;
    meeting: string;
    meetingPlaceholder: string;
    meetingNone: string;
    save: string;
    saved: string;
    unchanged: string;
    versions: string;
    decidedLine: string;
    editedLine: string;
    meetingRequired: string;
    unknownMeeting: string;
    agendaItem: string;
  };
  report: {
    status: string;
    statusText: string;
    statusNone: string;
    statusPlaceholder: string;
    statusCols: { area: string; measures: string; topics: string; matters: string; text: string };
    measures: string;
    measuresText: string;
    measuresNone: string;
    measureCols: { measure: string; area: string; responsible: string; period: string; status: string; evaluation: string };
    conclusionLine: string;
    youth: string;
    youthText: string;
    youthNone: string;
    youthArea: string;
    youthMore: string;
    youthHidden: string;
    coordination: string;
    coordinationText: string;
    coordinationCols: { item: string; kind: string; meeting: string; decision: string };
    kindAdded: string;
    kindMatter: string;
    notInMinutes: string;
    matterDecision: string;
    tasks: string;
    tasksNone: string;
    tasksNote: string;
  };
}

export const MEASURE_TEXTS: Catalogue<MeasureTexts> = {
  nb: {
    toMeasure: 'Gjør til tiltak',
    states: { planned: 'Planlagt', ongoing: 'Pågår', completed: 'Fullført', ended: 'Avsluttet' },
    levels: { individual: 'Individnivå', group: 'Gruppenivå', area: 'Lokalmiljø og område', universal: 'Universelt nivå', none: 'Nivå ikke satt' },
    conclusions: { continue: 'Videreføres', change: 'Endres', end: 'Avsluttes' },
    directions: { new: 'nye', increasing: 'økende', stable: 'stabile', decreasing: 'avtagende' },
    completedOn: 'Fullført {date}',
    endedOn: 'Avsluttet {date}',
    overdue: 'Fristen er passert ({date})',
    fields: {
      title: 'Tiltak (kort navn)',
      titlePlaceholder: 'For eksempel: Sommerjobb for ungdom i risiko',
      description: 'Beskrivelse (valgfritt)',
      focusAreas: 'Innsatsområde',
      level: 'Nivå',
      responsible: 'Ansvarlige tjenester',
      owner: 'Organ som eier tiltaket',
      plan: 'Plan tiltaket hører til (valgfritt)',
      planPlaceholder: 'For eksempel: Rusmiddelpolitisk handlingsplan, tiltak 9',
      start: 'Start',
      end: 'Slutt eller frist',
      evaluationMethod: 'Slik evalueres tiltaket (valgfritt)',
      evaluationMethodPlaceholder: 'For eksempel: prosessevaluering med deltakerne',
      evaluation: 'Evaluering',
      conclusion: 'Konklusjon',
      status: 'Status',
      choose: 'Velg',
    },
    fieldNames: {
      title: 'navn',
      description: 'beskrivelse',
      focusAreas: 'innsatsområde',
      level: 'nivå',
      responsible: 'ansvarlige',
      responsibleText: 'ansvarlig',
      ownerBodyId: 'eier',
      plan: 'plan',
      start: 'start',
      end: 'frist',
      evaluationMethod: 'evalueringsmetode',
      evaluation: 'evaluering',
      conclusion: 'konklusjon',
    },
    facts: {
      source: 'Kommer fra',
      period: 'Periode',
      statusSet: 'Status satt',
      statusSetBy: '{date} av {name}',
      responsibleText: 'Ansvarlig (fra vedtaket)',
      plan: 'Plan',
      evaluationMethod: 'Evalueres slik',
    },
    source: {
      manual: 'Registrert direkte i tiltaksregisteret',
      escalation: 'Løftet sak: {title}',
      escalationErased: 'En løftet sak (teksten er slettet)',
      task: 'Oppgave i referatet fra {body} {date}',
    },
    history: {
      heading: 'Endringer',
      create: '{date}: registrert som {state}',
      update: '{date}: endret {fields}',
      status: '{date}: status {from} → {to}',
      erase: '{date}: fritekst slettet etter oppbevaringstiden',
      by: ' ({name})',
    },
    form: {
      newTitle: 'Nytt tiltak',
      editTitle: 'Endre tiltak',
      evaluateTitle: 'Evaluering av tiltaket',
      intro: 'Beskriv tiltaket uten personopplysninger: SLT koordinerer tiltak for grupper og miljøer, ikke enkeltsaker.',
      evaluateIntro: 'Skriv kort hvordan tiltaket har virket, og hva som skjer videre.',
      save: 'Lagre',
      sourceNote: 'Kommer fra: {source}',
    },
    card: {
      changeStatus: 'Endre status',
      setStatus: 'Sett status',
      edit: 'Endre',
      evaluate: 'Evaluer',
      back: 'Alle tiltak',
      erased: '(slettet etter oppbevaringstiden)',
      readOnly: 'Bare SLT-koordinatorene kan endre tiltak.',
    },
    notices: {
      created: 'Tiltaket er registrert.',
      already: 'Tiltaket var allerede registrert.',
      saved: 'Endringene er lagret.',
      unchanged: 'Ingen endringer å lagre.',
      statusSet: 'Status er satt til «{state}».',
      statusUnchanged: 'Status var allerede «{state}».',
      stale:
        'Tiltaket er endret siden kortet ble laget ({name}, {date}). Endringen er ikke lagret. Kortet viser nå det som gjelder; gjør endringen på nytt hvis den fortsatt trengs.',
      staleTab:
        'Tiltaket ble endret av {name} {date} etter at du åpnet det. Statusen er ikke endret. Nå er den «{state}»; velg på nytt hvis endringen fortsatt trengs.',
      staleSave:
        'Tiltaket ble endret av {name} {date} mens du skrev ({fields}). Det du skrev er ikke lagret, men står i skjemaet: se over og trykk «Lagre» igjen for å erstatte det som er lagret.',
      notFound: 'Fant ikke tiltaket. Det kan høre til et annet nettverk, eller et organ du ikke er med i.',
      errorSummary: 'Noe må rettes før tiltaket kan lagres – se feltene under.',
      fromTask: 'Oppgaven er gjort til et tiltak i tiltaksregisteret. Fyll inn det som mangler.',
      taskNotFound: 'Fant ikke oppgaven i referatet.',
    },
    errors: {
      required: 'Skriv et kort navn på tiltaket.',
      endBeforeStart: 'Slutt eller frist må være samme dag som starten eller senere.',
      unknownArea: 'Velg innsatsområder fra listen for {year}.',
      tooManyAreas: 'Velg høyst {n} innsatsområder.',
      unknownResponsible: 'Velg ansvarlige tjenester fra listen.',
      unknownOwner: 'Velg et organ i SLT-nettverket.',
      noBodies: 'Registrer minst ett SLT-organ (skriv «registrer» i organets kanal) før du legger inn tiltak.',
    },
    list: {
      title: 'Tiltak som pågår eller er planlagt',
      titleYear: 'Tiltak i {year}',
      titleAll: 'Alle tiltak',
      intro: '{count} tiltak. Åpne et tiltak for å endre status, detaljer eller evaluering.',
      introMember: '{count} tiltak. Bare SLT-koordinatorene kan endre tiltakene.',
      empty: 'Ingen tiltak er registrert her ennå.',
      more: '… og {n} til. Skriv «tiltak alle» eller se fanen «Tiltak» i SLT-oversikten.',
      line: '{state} · {level} · {responsible} · {end}',
      noEnd: 'uten frist',
      noResponsible: 'ansvarlig ikke satt',
      open: 'Åpne',
      newMeasure: 'Nytt tiltak',
      focusStatus: 'Status per innsatsområde',
    },
    command: {
      describe:
        'tiltaksregisteret: tiltakene som pågår (også «tiltak ÅÅÅÅ», «tiltak alle», «tiltak ny», «tiltak status», «tiltak innsatsområder», «tiltak evaluering»)',
      hint: ' [ny | status | ÅÅÅÅ | alle]',
      badArgs:
        'Skriv «tiltak», «tiltak 2026», «tiltak alle», «tiltak ny», «tiltak status [ÅÅÅÅ]», «tiltak innsatsområder [ÅÅÅÅ]» eller «tiltak evaluering [ÅÅÅÅ]».',
      personalOnly: 'Dette gjør du best i en personlig melding til meg.',
      notABody: 'Denne kanalen er ikke registrert som et SLT-organ. Skriv «tiltak» i en personlig melding til meg for å se tiltakene du har tilgang til.',
      notMember: 'Du er ikke medlem av {body}, så du kan ikke se tiltakene her.',
      coordinatorsOnly: 'Dette kan bare SLT-koordinatorene gjøre.',
    },
    status: {
      title: 'Status og fremdrift per innsatsområde {year}',
      intro: 'Tiltak, trender og løftede saker per innsatsområde i {year}. Statusteksten skrives av SLT-koordinatorene og står i årsrapporten.',
      measuresLine: 'Tiltak: {parts}',
      measuresNone: 'Ingen tiltak',
      topicsLine: 'Trender: {total} ({parts})',
      topicsNone: 'Ingen trender meldt',
      mattersLine: 'Løftede saker med tiltak her: {n}',
      text: 'Status for {area} (kort tekst)',
      textBy: 'Sist skrevet {date} av {name}',
      noText: 'Ingen statustekst ennå.',
      save: 'Lagre statustekstene',
      saved: 'Statustekstene er lagret.',
      savedOne: 'Statusteksten er lagret.',
      invalid: 'Statusteksten kan ikke lagres slik – se feltet.',
      unchanged: 'Ingen endringer å lagre.',
      stale: 'Teksten ble endret av {name} {date} mens du skrev. Nå står det: «{text}». Ditt forslag står i feltet; lagre igjen for å erstatte teksten.',
    },
    evaluation: {
      title: 'Evaluering av tiltakene i {year}',
      intro:
        'Det er desember, og årsrapporten for {year} skal skrives. Skriv evaluering og konklusjon (videreføres, endres eller avsluttes) for hvert tiltak som har gått i år.',
      none: 'Alle tiltakene i {year} har evaluering og konklusjon.',
      evaluated: 'Evaluert: {conclusion}',
      open: 'Mangler evaluering',
      label: 'evaluering av tiltak {year}',
    },
    areasYear: {
      title: 'Innsatsområder for {year}',
      intro:
        'SLT-styret vedtar innsatsområdene for hvert år. Skriv ett innsatsområde per linje og velg styremøtet som vedtok dem. Trender og tiltak beholder innsatsområdet fra sitt år.',
      areas: 'Innsatsområder, ett per linje',
      meeting: 'Vedtatt i styremøte',
      meetingPlaceholder: 'Velg styremøtet',
      meetingNone: 'Styret har ingen møter i perioden. Planlegg styremøtet først («møte» i styrets kanal).',
      save: 'Lagre innsatsområdene',
      saved: 'Innsatsområdene for {year} er lagret.',
      unchanged: 'Innsatsområdene for {year} var allerede lagret slik.',
      versions: 'Tidligere vedtak',
      decidedLine: '{year}: vedtatt i {body} {date}',
      editedLine: '{year}: endret {date} uten registrert styrevedtak',
      meetingRequired: 'Velg styremøtet som vedtok innsatsområdene.',
      unknownMeeting: 'Velg et av styrets møter fra listen.',
      agendaItem: 'Innsatsområder for {year}',
    },
    report: {
      status: 'Status og fremdrift per innsatsområde',
      statusText: 'Innsatsområdene for {year}, med tiltakene, trendene fra tjenestene og SLT-koordinatorenes status.',
      statusNone: 'Ingen innsatsområder er registrert for {year}.',
      statusPlaceholder: '[Skriv status og fremdrift for innsatsområdet: hva er gjort, hva har virket, hva står igjen.]',
      statusCols: { area: 'Innsatsområde', measures: 'Tiltak', topics: 'Trender', matters: 'Løftede saker', text: 'Status' },
      measures: 'Tiltak',
      measuresText: 'Tiltakene som har gått i {year}, etter nivå, med status, evaluering og konklusjon.',
      measuresNone: 'Ingen tiltak er registrert i tiltaksregisteret for {year}.',
      measureCols: {
        measure: 'Tiltak',
        area: 'Innsatsområde',
        responsible: 'Ansvarlig',
        period: 'Periode',
        status: 'Status',
        evaluation: 'Evaluering og konklusjon',
      },
      conclusionLine: 'Konklusjon: {conclusion}',
      youth: 'Temaer i ungdomsteamene',
      youthText: 'Temaene som er meldt inn i ungdomsteamene i {year}, per innsatsområde (korte beskrivelser; tjeneste og team står ikke ved temaene).',
      youthNone: 'Ungdomsteamene meldte ikke inn temaer i {year}.',
      youthArea: '{area} ({count})',
      youthMore: '… og {n} andre temaer',
      youthHidden: '{n} temaer uten tekst (slettet etter oppbevaringstiden eller holdt tilbake)',
      coordination: 'Saker behandlet i koordineringsgruppen',
      coordinationText:
        'Sakene koordineringsgruppen behandlet i {year}: saker SLT-koordinatorene satte på dagsordenen og saker løftet fra ungdomsteamene, med vedtak fra referatene.',
      coordinationCols: { item: 'Sak', kind: 'Type', meeting: 'Møte', decision: 'Vedtak' },
      kindAdded: 'Satt på dagsordenen',
      kindMatter: 'Løftet fra {body}',
      notInMinutes: 'ikke i referat',
      matterDecision: '(Vedtak i saken: {text})',
      tasks: 'Oppgaver fra referatene',
      tasksNone: 'Ingen oppgaver er registrert i referatene.',
      tasksNote:
        'Oppgaver står som «Utført» når de er krysset av i boten. Tiltak vedtatt i saker før tiltaksregisteret kom, står også her: de har ingen «utført»-markering og vises som «Pågår» til fristen og «Fristen er passert» etter den – rett status før rapporten sendes ut. Oppgaver og saker som er gjort til tiltak, står under «Tiltak».',
    },
  },
  en: {
    toMeasure: 'Make it a measure',
    states: { planned: 'Planned', ongoing: 'In progress', completed: 'Completed', ended: 'Ended' },
    levels: { individual: 'Individual level', group: 'Group level', area: 'Local community and area', universal: 'Universal level', none: 'Level not set' },
    conclusions: { continue: 'Continues', change: 'Changes', end: 'Ends' },
    directions: { new: 'new', increasing: 'increasing', stable: 'stable', decreasing: 'decreasing' },
    completedOn: 'Completed {date}',
    endedOn: 'Ended {date}',
    overdue: 'Deadline passed ({date})',
    fields: {
      title: 'Measure (short name)',
      titlePlaceholder: 'For example: Summer jobs for young people at risk',
      description: 'Description (optional)',
      focusAreas: 'Focus area',
      level: 'Level',
      responsible: 'Responsible services',
      owner: 'Body that owns the measure',
      plan: 'Plan it belongs to (optional)',
      planPlaceholder: 'For example: Drug policy action plan, measure 9',
      start: 'Start',
      end: 'End or deadline',
      evaluationMethod: 'How it is evaluated (optional)',
      evaluationMethodPlaceholder: 'For example: process evaluation with the participants',
      evaluation: 'Evaluation',
      conclusion: 'Conclusion',
      status: 'Status',
      choose: 'Choose',
    },
    fieldNames: {
      title: 'name',
      description: 'description',
      focusAreas: 'focus area',
      level: 'level',
      responsible: 'responsible',
      responsibleText: 'responsible',
      ownerBodyId: 'owner',
      plan: 'plan',
      start: 'start',
      end: 'deadline',
      evaluationMethod: 'evaluation method',
      evaluation: 'evaluation',
      conclusion: 'conclusion',
    },
    facts: {
      source: 'Comes from',
      period: 'Period',
      statusSet: 'Status set',
      statusSetBy: '{date} by {name}',
      responsibleText: 'Responsible (from the decision)',
      plan: 'Plan',
      evaluationMethod: 'Evaluated by',
    },
    source: {
      manual: 'Entered directly in the measures register',
      escalation: 'Lifted matter: {title}',
      escalationErased: 'A lifted matter (its text is erased)',
      task: 'Task in the minutes of {body}, {date}',
    },
    history: {
      heading: 'Changes',
      create: '{date}: registered as {state}',
      update: '{date}: changed {fields}',
      status: '{date}: status {from} → {to}',
      erase: '{date}: free text erased after the retention period',
      by: ' ({name})',
    },
    form: {
      newTitle: 'New measure',
      editTitle: 'Change measure',
      evaluateTitle: 'Evaluation of the measure',
      intro: 'Describe the measure without personal data: SLT coordinates measures for groups and environments, not individual cases.',
      evaluateIntro: 'Write briefly how the measure worked, and what happens next.',
      save: 'Save',
      sourceNote: 'Comes from: {source}',
    },
    card: {
      changeStatus: 'Change status',
      setStatus: 'Set status',
      edit: 'Change',
      evaluate: 'Evaluate',
      back: 'All measures',
      erased: '(erased after the retention period)',
      readOnly: 'Only the SLT coordinators can change measures.',
    },
    notices: {
      created: 'The measure is registered.',
      already: 'The measure was already registered.',
      saved: 'The changes are saved.',
      unchanged: 'No changes to save.',
      statusSet: 'The status is set to "{state}".',
      statusUnchanged: 'The status was already "{state}".',
      stale:
        'The measure was changed after this card was made ({name}, {date}). Your change is not saved. The card now shows what applies; make the change again if it is still needed.',
      staleTab:
        'The measure was changed by {name} {date} after you opened it. The status is not changed. It is now "{state}"; choose again if the change is still needed.',
      staleSave:
        'The measure was changed by {name} {date} while you were writing ({fields}). What you wrote is not saved but is kept in the form: check it and press "Save" again to replace what is stored.',
      notFound: 'Measure not found. It may belong to another network, or to a body you are not a member of.',
      errorSummary: 'Something needs fixing before the measure can be saved – see the fields below.',
      fromTask: 'The task is now a measure in the measures register. Fill in what is missing.',
      taskNotFound: 'The task was not found in the minutes.',
    },
    errors: {
      required: 'Write a short name for the measure.',
      endBeforeStart: 'The end or deadline must be on or after the start.',
      unknownArea: 'Choose focus areas from the list for {year}.',
      tooManyAreas: 'Choose at most {n} focus areas.',
      unknownResponsible: 'Choose responsible services from the list.',
      unknownOwner: 'Choose a body of the SLT network.',
      noBodies: 'Register at least one SLT body (type "register" in its channel) before you enter measures.',
    },
    list: {
      title: 'Measures in progress or planned',
      titleYear: 'Measures in {year}',
      titleAll: 'All measures',
      intro: '{count} measures. Open a measure to change its status, details or evaluation.',
      introMember: '{count} measures. Only the SLT coordinators can change them.',
      empty: 'No measures are registered here yet.',
      more: '… and {n} more. Type "measures all" or see the "Measures" section of the SLT overview tab.',
      line: '{state} · {level} · {responsible} · {end}',
      noEnd: 'no deadline',
      noResponsible: 'responsible not set',
      open: 'Open',
      newMeasure: 'New measure',
      focusStatus: 'Status per focus area',
    },
    command: {
      describe:
        'the measures register: measures in progress (also "measures YYYY", "measures all", "measures new", "measures status", "measures focus-areas", "measures evaluation")',
      hint: ' [new | status | YYYY | all]',
      badArgs:
        'Type "measures", "measures 2026", "measures all", "measures new", "measures status [YYYY]", "measures focus-areas [YYYY]" or "measures evaluation [YYYY]".',
      personalOnly: 'This is best done in a personal message to me.',
      notABody: 'This channel is not registered as an SLT body. Type "measures" in a personal message to me to see the measures you may read.',
      notMember: 'You are not a member of {body}, so you cannot see its measures here.',
      coordinatorsOnly: 'Only the SLT coordinators can do this.',
    },
    status: {
      title: 'Status and progress per focus area {year}',
      intro:
        'Measures, trend topics and lifted matters per focus area in {year}. The status text is written by the SLT coordinators and goes into the annual report.',
      measuresLine: 'Measures: {parts}',
      measuresNone: 'No measures',
      topicsLine: 'Trend topics: {total} ({parts})',
      topicsNone: 'No trend topics reported',
      mattersLine: 'Lifted matters with a measure here: {n}',
      text: 'Status of {area} (short text)',
      textBy: 'Last written {date} by {name}',
      noText: 'No status text yet.',
      save: 'Save the status texts',
      saved: 'The status texts are saved.',
      savedOne: 'The status text is saved.',
      invalid: 'The status text cannot be saved like this – see the field.',
      unchanged: 'No changes to save.',
      stale:
        'The text was changed by {name} {date} while you were writing. It now reads: "{text}". Your proposal is in the field; save again to replace the text.',
    },
    evaluation: {
      title: 'Evaluation of the measures of {year}',
      intro:
        'It is December, and the annual report for {year} is to be written. Write the evaluation and conclusion (continues, changes or ends) for each measure that ran this year.',
      none: 'All the measures of {year} have an evaluation and a conclusion.',
      evaluated: 'Evaluated: {conclusion}',
      open: 'Evaluation missing',
      label: 'evaluation of measures {year}',
    },
    areasYear: {
      title: 'Focus areas for {year}',
      intro:
        'The SLT board decides the focus areas for each year. Write one focus area per line and choose the board meeting that decided them. Trend topics and measures keep the focus area of their year.',
      areas: 'Focus areas, one per line',
      meeting: 'Decided at board meeting',
      meetingPlaceholder: 'Choose the board meeting',
      meetingNone: 'The board has no meetings in the period. Schedule the board meeting first ("meeting" in the board\'s channel).',
      save: 'Save the focus areas',
      saved: 'The focus areas for {year} are saved.',
      unchanged: 'The focus areas for {year} were already saved like this.',
      versions: 'Earlier decisions',
      decidedLine: '{year}: decided by {body} {date}',
      editedLine: '{year}: changed {date} without a recorded board decision',
      meetingRequired: 'Choose the board meeting that decided the focus areas.',
      unknownMeeting: "Choose one of the board's meetings from the list.",
      agendaItem: 'Focus areas for {year}',
    },
    report: {
      status: 'Status and progress per focus area',
      statusText: "The focus areas of {year}, with their measures, the services' trend topics and the SLT coordinators' status.",
      statusNone: 'No focus areas are registered for {year}.',
      statusPlaceholder: '[Write the status and progress of the focus area: what was done, what worked, what remains.]',
      statusCols: { area: 'Focus area', measures: 'Measures', topics: 'Trend topics', matters: 'Lifted matters', text: 'Status' },
      measures: 'Measures',
      measuresText: 'The measures that ran in {year}, by level, with status, evaluation and conclusion.',
      measuresNone: 'No measures are registered in the measures register for {year}.',
      measureCols: {
        measure: 'Measure',
        area: 'Focus area',
        responsible: 'Responsible',
        period: 'Period',
        status: 'Status',
        evaluation: 'Evaluation and conclusion',
      },
      conclusionLine: 'Conclusion: {conclusion}',
      youth: 'Topics in the youth teams',
      youthText: 'The topics raised in the youth teams in {year}, per focus area (short descriptions; neither service nor team is given with the topics).',
      youthNone: 'The youth teams raised no topics in {year}.',
      youthArea: '{area} ({count})',
      youthMore: '… and {n} other topics',
      youthHidden: '{n} topics without text (erased after the retention period or withheld)',
      coordination: 'Matters treated in the coordination group',
      coordinationText:
        'The items the coordination group treated in {year}: items the SLT coordinators put on the agenda and matters lifted from the youth teams, with the decisions from the minutes.',
      coordinationCols: { item: 'Item', kind: 'Kind', meeting: 'Meeting', decision: 'Decision' },
      kindAdded: 'Put on the agenda',
      kindMatter: 'Lifted from {body}',
      notInMinutes: 'not in minutes',
      matterDecision: '(Decision in the matter: {text})',
      tasks: 'Tasks from the minutes',
      tasksNone: 'No tasks are recorded in the minutes.',
      tasksNote:
        'Tasks show as "Done" once ticked off in the bot. Measures decided in matters before the measures register existed are listed here too: they have no "done" marker and show as "In progress" until their deadline and "Deadline passed" after it – correct the status before the report is sent out. Tasks and matters that became measures are under "Measures".',
    },
  },
};
