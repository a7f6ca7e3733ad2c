import type { AgendaEdits } from './agenda';
import type { Minutes } from './minutes';

/**
 * What is kept how long (DOMAIN.md: "raw free text is kept no longer than needed"). One clock,
 * SLT_RETENTION_MONTHS (default 24), counted from each record's own date; one daily job per
 * tenant (src/app/retention.ts) erases what has passed it. The decision on people:
 *   - names and Entra ids *in the records of the work* — who reported a trend, who lifted a matter
 *     and who acted on it, who added an agenda item, recorded minutes, wrote or closed a task,
 *     scheduled or cancelled a meeting, sent a digest or marked it read — are kept exactly as long
 *     as the free text they belong to, and erased with it;
 *   - role holders (`roles`) are kept while they hold a role; a row with no role left is deleted
 *     once it has not changed for the period; a person's remembered service (`members`) likewise
 *     once not chosen again for the period;
 *   - who registered a body (`bodies.registeredBy`) is kept while the body is registered.
 * Categories, states, dates and counts stay for the statistics and the annual report.
 *
 * RETENTION_POLICY is that decision as data: docs/trends-and-escalations.md and docs/personvern.md
 * carry the same table (a unit test compares them), and the end-to-end test checks every table.
 */
export interface RetentionRule {
  /** Table (without the SLT_TABLE_PREFIX). */
  readonly table: string;
  /** Which rows, and from which of their dates the period counts. */
  readonly rows: string;
  /** Columns emptied (or, with `deleted`, the row removed). */
  readonly erased: readonly string[];
  readonly deleted?: true;
}

export const RETENTION_POLICY: readonly RetentionRule[] = [
  { table: 'trends', rows: 'trends reported before the cut-off (reportedAt)', erased: ['description', 'area', 'reporterId'] },
  {
    table: 'escalations',
    rows: 'matters last changed before the cut-off (updatedAt), every body’s copy',
    erased: [
      'title',
      'description',
      'requestedAction',
      'acceptNote',
      'declineNote',
      'escalateNote',
      'decision',
      'measure',
      'responsible',
      'boardDecision',
      'requesterId',
      'requesterChannelAccountId',
      'requesterName',
      'lastActorId',
      'lastActorName',
    ],
  },
  { table: 'audit', rows: 'the steps of those matters', erased: ['note', 'actorId', 'actorName'] },
  {
    table: 'meetings',
    rows: 'meetings that ended before the cut-off (endUtc)',
    erased: ['location', 'cancelReason', 'createdBy', 'cancelledBy', 'organizer (whose Outlook calendar held the invitation)'],
  },
  { table: 'agendas', rows: 'agenda records of those meetings (`a|…`)', erased: ['added (titles and addedBy)'] },
  {
    table: 'agendas',
    rows: 'minutes of those meetings (`m|…`), and a matter’s title in any minutes once the matter is erased',
    erased: ['items (titles of matters, tasks and added items; decision)', 'tasks (title, createdBy, doneBy)', 'recordedBy'],
  },
  {
    table: 'digests',
    rows: 'digests of months before the cut-off’s month (`d|…`)',
    erased: ['content (matter titles, measures’ responsible)', 'sentBy', 'sentByName'],
  },
  { table: 'digests', rows: '«Lest» of months before the cut-off’s month (`a|…`)', erased: ['name', 'aadObjectId'], deleted: true },
  { table: 'members', rows: 'remembered services not chosen since the cut-off (reporterServiceAt)', erased: ['reporterService'], deleted: true },
  { table: 'roles', rows: 'rows with no role left, unchanged since the cut-off (updatedAt)', erased: ['name', 'updatedBy'], deleted: true },
  {
    table: 'outbox',
    rows: 'posts still undelivered since before the cut-off (enqueuedAt), and the keys of posts sent before it (sentAt)',
    erased: ['message (m0…)', 'toUser', 'key'],
    deleted: true,
  },
  { table: 'files', rows: 'downloads past their expiry (expiresAt, 24 hours)', erased: ['content (b0…)'], deleted: true },
  {
    table: 'measures',
    rows: 'measures last changed before the cut-off (updatedAt), whatever their status (`m|…`)',
    erased: [
      'title',
      'description',
      'plan',
      'responsibleText',
      'evaluationMethod',
      'evaluation',
      'stateById',
      'stateByName',
      'createdBy',
      'updatedBy',
      'updatedByName',
    ],
  },
  { table: 'measures', rows: 'the log of those measures (`l|…`)', erased: ['actorId', 'actorName'] },
  { table: 'measures', rows: 'focus-area status texts last written before the cut-off (`s|…`, updatedAt)', erased: ['text', 'updatedBy', 'updatedByName'] },
  {
    table: 'policestats',
    rows: 'figures and heads imported before the cut-off (importedAt); the counts stay for the ten-year history',
    erased: ['importedBy', 'importedByName'],
  },
  { table: 'policestats', rows: 'previews past their 24 hours (expiresAt)', erased: ['figures (c0…)', 'createdBy', 'createdByName'], deleted: true },
];

/** Item ids of the agenda's standing items, whose titles are the bot's own words (or a focus area's label), not anyone's free text. */
const STANDING_ITEM = /^(police|topics|topics-.+|youth-teams|other)$/;

/**
 * A meeting's minutes with every free text and person emptied: the decisions, the tasks' titles
 * and who wrote or closed them, who recorded them, and the titles of items that came from free
 * text (matters, tasks carried over, items coordinators added) — `erasedTitle(itemId)` gives what
 * such an item is called instead. Numbers, item ids, responsible services, due dates and done
 * dates stay.
 */
export function eraseMinutes(m: Minutes, erasedTitle: (itemId: string) => string): Minutes {
  return {
    ...m,
    items: m.items.map((i) => ({ ...i, title: STANDING_ITEM.test(i.itemId) ? i.title : erasedTitle(i.itemId), decision: i.decision ? '' : i.decision })),
    tasks: m.tasks.map((t) => ({ ...t, title: '', createdBy: '', doneBy: t.doneBy ? '' : t.doneBy })),
    recordedBy: '',
  };
}

/** A meeting's agenda edits with the added items' titles and who added them emptied (ids, services and dates stay). */
export function eraseAgendaEdits(edits: AgendaEdits): AgendaEdits {
  return { ...edits, added: edits.added.map((a) => ({ ...a, title: '', addedBy: '' })) };
}
