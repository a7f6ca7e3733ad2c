/**
 * The JSON the tab API answers with (`/api/tab/…`). Plain types only: the browser page imports
 * them as types, so page and server cannot drift apart.
 */

export type BodyKindName = 'youthTeam' | 'coordinationGroup' | 'board';

export interface TabBody {
  readonly id: string;
  readonly name: string;
  readonly kind: BodyKindName;
}

/** A body in `me`, with who reads it as Teams defines it (src/domain/membership.ts). */
export interface TabBodyReaders extends TabBody {
  /** The channel's kind: 'standard' (the whole team reads it), 'private' or 'shared'. */
  readonly channelKind: 'standard' | 'private' | 'shared';
  /** False when Teams never said the kind (counted as standard). */
  readonly channelKindKnown: boolean;
  /** How many people read it; absent when Teams could not be asked. */
  readonly memberCount?: number;
  /** The name of another body with the same readers (both in standard channels of one team). */
  readonly sharesReadersWith?: string;
}

/** GET /api/tab/me — who the viewer is and what they may read. */
export interface MeResponse {
  readonly devMode: boolean;
  readonly viewer: {
    readonly id: string;
    readonly tenantId: string;
    readonly name?: string;
    readonly coordinator: boolean;
    readonly admin: boolean;
    readonly boardMember: boolean;
  };
  /** The bodies the viewer may read, with their channel kind and member count. */
  readonly bodies: readonly TabBodyReaders[];
  readonly focusAreas: readonly { readonly id: string; readonly label: string }[];
  /** The body of the channel the tab sits in, when the viewer may read it. */
  readonly channelBodyId?: string;
  /** The server's "now" (UTC ISO) and its Oslo month, so the page's periods match the bot's. */
  readonly now: string;
  readonly month: string;
}

/** GET /api/tab/trends — counts per focus area per month, and the texts the viewer may read. */
export interface TrendsResponse {
  readonly months: readonly string[];
  readonly series: readonly { readonly focusAreaId: string; readonly label: string; readonly counts: readonly number[]; readonly total: number }[];
  readonly total: number;
  readonly items: readonly TrendItem[];
  /** More trends matched than `items` holds (newest kept). */
  readonly truncated: boolean;
}

export interface TrendItem {
  readonly id: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly month: string;
  readonly focusAreaId: string;
  readonly focusAreaLabel: string;
  readonly direction: string;
  readonly description: string;
  readonly area?: string;
  readonly ageGroup?: string;
  /** The reporter's service — never the person. */
  readonly service: string;
  readonly reportedAt: string;
  /** Retention erased the text; the categories stay. */
  readonly erased: boolean;
}

/** GET /api/tab/escalations — matters by the level they sit at, with their history. */
export interface EscalationsResponse {
  readonly items: readonly EscalationItem[];
}

export interface EscalationItem {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly requestedAction?: string;
  readonly state: string;
  readonly open: boolean;
  readonly originBodyName: string;
  readonly levelBodyId: string;
  readonly levelBodyName: string;
  readonly levelKind: BodyKindName;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly decision?: string;
  readonly measure?: string;
  readonly due?: string;
  readonly history: readonly HistoryEntry[];
}

/** One step from the audit log. Who and the note are shown to coordinators only (README: audit log). */
export interface HistoryEntry {
  readonly at: string;
  readonly verb: string;
  readonly fromState: string;
  readonly toState: string;
  readonly actorName?: string;
  readonly note?: string;
}

/** GET /api/tab/wheel — the year: seasonal markers and the meetings of the bodies the viewer may read. */
export interface WheelResponse {
  readonly year: number;
  readonly today: string;
  readonly markers: readonly ({ readonly key: string; readonly label: string; readonly approximate: boolean } & (
    | { readonly date: string }
    | { readonly from: string; readonly to: string }
  ))[];
  readonly meetings: readonly WheelMeeting[];
}

export interface WheelMeeting {
  readonly id: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly kind: BodyKindName;
  /** Oslo date and time. */
  readonly date: string;
  readonly time: string;
  readonly status: 'held' | 'planned' | 'cancelled';
  readonly location?: string;
}

/** GET /api/tab/digests — the monthly digest archive and the annual report draft. */
export interface DigestsResponse {
  /** Only coordinators and board members read the digests (as `rapport`). */
  readonly allowed: boolean;
  readonly items: readonly { readonly month: string; readonly title: string; readonly createdAt?: string }[];
  /** Coordinators may have the annual report draft made (POST /api/tab/annual-report), for these years. */
  readonly annualReport?: { readonly years: readonly number[] };
  /** Where the list came from: the digest archive, or none yet (feature not available). */
  readonly source: 'archive' | 'unavailable';
}

/**
 * GET /api/tab/digest?month=YYYY-MM — the monthly digest of a month as it was sent to the board
 * (its latest sending), to read in the tab: the card's parts in its order, complete (the card's
 * size limit does not apply here). Coordinators and board members, as `rapport`.
 */
export interface DigestPageResponse {
  readonly month: string;
  readonly title: string;
  readonly subtitle: string;
  /** «Laget 2. nov. 2026. Sendt til styret 2. nov. 2026 av SLT-boten (automatisk).» */
  readonly stamp: string;
  readonly sections: readonly { readonly heading: string; readonly blocks: readonly DigestBlock[] }[];
}

/** One part of a digest section; every string is plain text (the page shows it as typed). */
export type DigestBlock =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'table';
      readonly heading: string;
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly note: string;
    }
  | { readonly kind: 'list'; readonly heading: string; readonly lines: readonly string[]; readonly empty: string }
  | { readonly kind: 'chart'; readonly title: string; readonly months: readonly string[]; readonly series: readonly ChartSeries[] };

/** One line of a chart: a focus area's count per month and its total over the months shown. */
export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly counts: readonly number[];
  readonly total: number;
}

/** POST /api/tab/annual-report?year= — the draft, made now, behind two download links (24 h). */
export interface AnnualReportResponse {
  readonly year: number;
  readonly html: string;
  readonly markdown: string;
}

/** GET /api/tab/dev/people — development mode only: whom the tab can be looked at as. */
export interface DevPeopleResponse {
  readonly tenants: readonly string[];
  readonly people: readonly { readonly id: string; readonly name: string; readonly tenantId: string; readonly roles: readonly string[] }[];
}

/** Every refusal and bad request. `fields` carries a Norwegian message per query parameter. */
export interface ErrorResponse {
  readonly error: string;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
  readonly correlationId?: string;
}

/** GET /api/tab/police — the police's statistics (issue 16): offence tables per age band, suspects, months. */
export interface PoliceResponse {
  /** The last year with figures; absent when none are entered. */
  readonly lastYear?: number;
  /** The years of the tables, oldest first (up to ten). */
  readonly years: readonly number[];
  readonly offences: readonly {
    readonly band: '10-17' | '10-14' | '15-17';
    readonly rows: readonly {
      readonly category: string;
      readonly total: boolean;
      /** A main offence type (not a subcategory, not the total). */
      readonly main: boolean;
      readonly parent?: string;
      readonly values: readonly (number | null)[];
      /** The last year against the one before. */
      readonly change: number | null;
      /** Main types: the last year against the range of the seven before. */
      readonly variation: { readonly position: 'within' | 'above' | 'below'; readonly min: number; readonly max: number; readonly years: number } | null;
    }[];
  }[];
  /** Unique suspects by gender × band, as shown: small counts are «<3» (or «:»). */
  readonly persons: readonly {
    readonly gender: 'all' | 'girls' | 'boys';
    readonly band: '10-17' | '10-14' | '15-17';
    readonly values: readonly string[];
    readonly change: number | null;
  }[];
  readonly suppressBelow?: number;
  readonly months?: { readonly year: number; readonly values: readonly (number | null)[]; readonly previous: readonly (number | null)[] };
  /** When the latest figures were stored. */
  readonly importedAt?: string;
}

/** GET /api/tab/measures?year= — the measures register of a year and the status per focus area (issue 17). */
export interface MeasuresResponse {
  readonly year: number;
  /** Years the viewer can choose (this year and the ones before with measures). */
  readonly years: readonly number[];
  /** Coordinators see who set a status; others see when. */
  readonly coordinator: boolean;
  /** The measures that ran in the year, grouped by level in the reports' order. */
  readonly levels: readonly { readonly level: string; readonly label: string; readonly items: readonly MeasureItem[] }[];
  readonly areas: readonly FocusAreaStatusItem[];
  /** Coordinators only: what the forms offer (labels ready to show). Members get no forms. */
  readonly form?: MeasureFormOptions;
}

/** A choice in a form: the value sent, the label shown. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** The choices of the measure form, as the `measure.save` card offers them. */
export interface MeasureFormOptions {
  /** The focus areas of the year shown (a measure keeps the ones it has from another year). */
  readonly focusAreas: readonly Choice[];
  readonly levels: readonly Choice[];
  readonly responsibles: readonly Choice[];
  readonly bodies: readonly Choice[];
  readonly states: readonly Choice[];
  readonly conclusions: readonly Choice[];
  /** The owner a new measure gets unless another is chosen: the coordination group. */
  readonly defaultOwner?: string;
}

/** A measure's stored values in the form's shape ('' when not set), for the edit form and a refused stale save. */
export interface MeasureFormValues {
  readonly title: string;
  readonly description: string;
  readonly focusAreas: readonly string[];
  readonly level: string;
  readonly responsible: readonly string[];
  readonly ownerBodyId: string;
  readonly plan: string;
  readonly start: string;
  readonly end: string;
  readonly evaluationMethod: string;
  readonly evaluation: string;
  readonly conclusion: string;
}

/** Coordinators only: what the edit form and the status control start from. */
export interface MeasureEdit {
  /** The version to save against (`version` of POST measure-save and measure-status). */
  readonly version: number;
  /** 'planned' | 'ongoing' | 'completed' | 'ended'. */
  readonly state: string;
  readonly values: MeasureFormValues;
  /** The measure's focus areas with their stored labels: the form offers those the year shown lacks too. */
  readonly otherAreas: readonly Choice[];
}

/**
 * POST /api/tab/measure-save, measure-status, focus-status (issue 17, coordinators): a change
 * made or found already made. Refusals are an ErrorResponse: 400 `invalid` (a message per field),
 * 403, 404 `notFound`, 409 `stale` (MeasureStaleResponse / FocusStatusStaleResponse).
 */
export interface MeasureWriteResponse {
  /** `created`, `already` (the same form sent twice), `saved`, `unchanged`, `set` (a status). */
  readonly outcome: 'created' | 'already' | 'saved' | 'unchanged' | 'set';
  /** What to tell the person, as the bot's card says it. */
  readonly message: string;
  readonly measure: MeasureItem;
}

/** 409 of measure-save and measure-status: nothing saved; the measure as it is now. */
export interface MeasureStaleResponse extends ErrorResponse {
  readonly error: 'stale';
  readonly current: MeasureItem;
  /** measure-save: the fields changed since the version sent (`status` for a status change). */
  readonly changed?: readonly string[];
}

/** 200 of POST /api/tab/focus-status. */
export interface FocusStatusWriteResponse {
  readonly outcome: 'saved' | 'unchanged';
  readonly message: string;
  readonly year: number;
  readonly focusAreaId: string;
  /** The version now stored (send it with the next change). */
  readonly version: number;
}

/** 409 of focus-status: written meanwhile by someone else; `fields.text` quotes what is stored now. */
export interface FocusStatusStaleResponse extends ErrorResponse {
  readonly error: 'stale';
  /** Send this version to replace the stored text knowingly. */
  readonly version: number;
}

export interface MeasureItem {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly focusAreas: readonly string[];
  readonly responsible: string;
  readonly ownerBodyName: string;
  readonly plan?: string;
  readonly period: string;
  /** 'planned' | 'ongoing' | 'completed' | 'ended' | 'overdue'. */
  readonly standing: string;
  /** «Fullført 3. mars 2026», «Pågår – Fristen er passert (…)». */
  readonly statusText: string;
  /** «3. mars 2026» (+ « av <name>» for coordinators). */
  readonly statusSet: string;
  readonly evaluationMethod?: string;
  readonly evaluation?: string;
  readonly conclusion?: string;
  /** Where it came from, in words. */
  readonly source: string;
  /** Retention erased its text. */
  readonly erased: boolean;
  /** Coordinators only. */
  readonly edit?: MeasureEdit;
}

export interface FocusAreaStatusItem {
  readonly id: string;
  readonly label: string;
  /** «Tiltak: pågår 1, fullført 2». */
  readonly measures: string;
  /** «Trender: 14 (5 nye, 9 økende)». */
  readonly topics: string;
  readonly matters: string;
  /** The coordinators' status text ('' when none). */
  readonly text: string;
  /** «Sist skrevet 3. desember 2026 av …» (coordinators). */
  readonly by?: string;
  /** Coordinators only: the status text as stored (to edit) and its version (0: none yet). */
  readonly edit?: { readonly text: string; readonly version: number };
}
