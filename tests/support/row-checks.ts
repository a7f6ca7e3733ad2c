import { z } from 'zod';
import { MAX_ESCALATION_DESCRIPTION, MAX_TITLE } from '../../src/actions/escalation.submit';
import { ITEM_ID_RE, MAX_ITEM_TITLE } from '../../src/domain/agenda';
import { BODY_KINDS } from '../../src/domain/bodies';
import { parseDigestContent } from '../../src/domain/digest-content';
import { ESCALATION_STATES, ESCALATION_VERBS, isOpen } from '../../src/domain/escalations';
import { MAX_FOCUS_AREA_LENGTH, MAX_FOCUS_AREAS } from '../../src/domain/focus-areas';
import { screenText } from '../../src/domain/guard';
import {
  CONCLUSIONS,
  MAX_EVALUATION,
  MAX_EVALUATION_METHOD,
  MAX_MEASURE_AREAS,
  MAX_MEASURE_DESCRIPTION,
  MAX_MEASURE_TITLE,
  MAX_PLAN,
  MAX_RESPONSIBLE_TEXT,
  MAX_STATUS_TEXT,
  MEASURE_LEVELS,
  MEASURE_STATES,
} from '../../src/domain/measures/model';
import { MEETING_ID_RE } from '../../src/domain/meetings';
import { MAX_DECISION, MAX_TASK_TITLE, RESPONSIBLES } from '../../src/domain/minutes';
import { DIRECTIONS, MAX_AREA, MAX_DESCRIPTION, SERVICES, STORED_AGE_GROUPS } from '../../src/domain/trends';
import { fromChunks } from '../../src/storage/table/chunks';

/**
 * What a stored row of each table must look like by the domain's rules (tests only): scanning
 * a table after a fuzz run with these finds anything a handler let through that it should not.
 * Every free text must be cleaned (no control characters but tab and newline) and pass the
 * confidentiality guard, as the handlers promise before they store.
 */
const BODY_ID = /^b[0-9a-f]{16}$/;
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'a canonical UTC ISO instant');
const clean = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(s), 'no control characters')
    .refine((s) => s === s.trim(), 'trimmed')
    .refine((s) => screenText(s).ok, 'passes the confidentiality guard');
const optionalNull = <T extends z.ZodType>(t: T) => t.nullish();
/** Text the bot composed or copied (agenda titles, roster names): clean, but not screened again. */
const plain = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(s), 'no control characters')
    .refine((s) => s === s.trim(), 'trimmed');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A JSON column as the agendas table splits it (`<name>0…`, `<name>Parts`), checked with `schema`. */
const parts = (name: string, schema: z.ZodType) => (row: Row, ctx: z.RefinementCtx) => {
  let json = '';
  for (let i = 0; i < Number(row[`${name}Parts`] ?? 0); i++) json += String(row[`${name}${i}`] ?? '');
  const result = schema.safeParse(json ? JSON.parse(json) : undefined);
  for (const issue of result.success ? [] : result.error.issues)
    ctx.addIssue({ code: 'custom', path: [name, ...issue.path.map(String)], message: issue.message });
};

const trendRow = z
  .object({
    partitionKey: z.string(),
    rowKey: z.string().regex(/^t[0-9a-f]{24}$/),
    bodyId: z.string().regex(BODY_ID),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    focusAreaId: z.string().min(1).max(60),
    focusAreaLabel: z.string().min(1),
    direction: z.enum(DIRECTIONS),
    description: clean(MAX_DESCRIPTION),
    area: clean(MAX_AREA),
    ageGroup: z.union([z.literal(''), z.enum(STORED_AGE_GROUPS)]),
    service: z.enum(SERVICES),
    reporterId: z.string().min(1),
    reportedAt: iso,
    textErased: z.boolean(),
  })
  .refine((r) => r.partitionKey.endsWith(`|${r.bodyId}|${r.month}`), 'partition names its body and month')
  .refine((r) => r.textErased || r.description.length > 0, 'a description until erased');

const bodyRow = z.object({
  rowKey: z.string().regex(BODY_ID),
  kind: z.enum(BODY_KINDS),
  name: z
    .string()
    .min(1)
    .max(100)
    .refine((s) => s === s.trim(), 'trimmed'),
  cadenceWeeks: z.number().int().min(1).max(26),
  weekday: optionalNull(z.number().int().min(1).max(5)),
  time: optionalNull(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  durationMinutes: z.number().int().min(15).max(480),
  channelId: z.string().min(1),
  registeredAt: iso,
  updatedAt: iso,
  refServiceUrl: z.string().min(1),
  refConversationId: z.string().min(1),
});
const claimRow = z.object({
  rowKey: z.enum(['kind-coordinationGroup', 'kind-board']),
  bodyId: z.union([z.literal(''), z.string().regex(BODY_ID)]),
  channelId: z.string(),
  name: z.string().max(100),
});

const roleRow = z.object({
  rowKey: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  coordinator: z.boolean(),
  admin: z.boolean(),
  police: z.boolean().optional(),
  name: optionalNull(plain(200)),
  updatedBy: z.string().min(1),
  updatedAt: iso,
});

const meetingRow = z
  .object({
    rowKey: z.string().regex(MEETING_ID_RE),
    bodyId: z.string().regex(BODY_ID),
    startUtc: iso,
    endUtc: iso,
    durationMinutes: z.number().int().min(15).max(480),
    location: optionalNull(clean(200)),
    status: z.enum(['scheduled', 'cancelled', 'held']),
    icsToken: z.string().regex(/^[A-Za-z0-9_-]{24}$/),
    createdBy: z.string().min(1),
    createdAt: iso,
    cancelReason: optionalNull(clean(200)),
  })
  .refine((m) => Date.parse(m.endUtc) - Date.parse(m.startUtc) === m.durationMinutes * 60_000, 'ends its duration after it starts');
const icsPointerRow = z.object({
  partitionKey: z.string().regex(/^ics\|.{2}$/),
  rowKey: z.string().regex(/^[A-Za-z0-9_-]{24}$/),
  bodyId: z.string().regex(BODY_ID),
  meetingId: z.string().regex(MEETING_ID_RE),
});

const stepText = clean(1000);
const escalationRow = z
  .object({
    rowKey: z.string().regex(/^b[0-9a-f]{16}\|e[0-9a-f]{20}$/),
    originBodyId: z.string().regex(BODY_ID),
    originKind: z.enum(BODY_KINDS),
    title: clean(MAX_TITLE),
    description: clean(MAX_ESCALATION_DESCRIPTION),
    requestedAction: clean(500),
    state: z.enum(ESCALATION_STATES),
    open: z.boolean(),
    levelBodyId: z.string().regex(BODY_ID),
    path: z.string().regex(/^b[0-9a-f]{16}(,b[0-9a-f]{16}){0,2}$/),
    requesterId: z.string().min(1),
    createdAt: iso,
    updatedAt: iso,
    version: z.number().int().min(1),
    lastVerb: z.enum([...ESCALATION_VERBS, 'submit']),
    acceptNote: stepText,
    declineNote: stepText,
    escalateNote: stepText,
    decision: stepText,
    measure: clean(500),
    responsible: clean(100),
    due: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
    boardDecision: stepText,
    textErased: z.boolean(),
  })
  .refine((e) => e.open === isOpen(e.state), 'open matches the state')
  .refine((e) => e.path.split(',').includes(e.rowKey.split('|')[0]!), 'the copy belongs to a body on its path')
  .refine((e) => e.textErased || e.title.length > 0, 'a title until erased');

const MEETING_KEY = MEETING_ID_RE.source.slice(1, -1);
const cardIds = {
  cardActivityId: optionalNull(z.string().min(1)),
  cardConversationId: optionalNull(z.string().min(1)),
  postedAt: optionalNull(iso),
  postedHash: optionalNull(z.string().regex(/^[0-9a-f]{16}$/)),
  postedVersion: optionalNull(z.number().int().min(1)),
};
const addedItem = z.object({
  id: z.string().regex(ITEM_ID_RE),
  title: clean(MAX_ITEM_TITLE).min(1),
  by: z.enum(RESPONSIBLES),
  addedAt: iso,
  addedBy: z.string().min(1),
});
const agendaRow = z
  .looseObject({
    rowKey: z.string().regex(new RegExp(`^a\\|${MEETING_KEY}$`)),
    meetingId: z.string().regex(MEETING_ID_RE),
    hidden: z.string().refine((h) => {
      const v = JSON.parse(h) as unknown;
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && ITEM_ID_RE.test(x));
    }, 'hidden: item ids'),
    callActivityId: optionalNull(z.string().min(1)),
    ...cardIds,
  })
  .refine((r) => r.rowKey === `a|${r.meetingId}`, 'the row key names its meeting')
  .superRefine(parts('added', z.array(addedItem).max(100)));
const task = z.object({
  id: z.string().regex(/^t[0-9a-f]{8}$/),
  itemId: z.string().regex(ITEM_ID_RE),
  title: clean(MAX_TASK_TITLE).min(1),
  responsible: z.enum(RESPONSIBLES),
  due: day,
  createdAt: iso,
  createdBy: z.string().min(1),
  doneAt: iso.optional(),
  doneBy: z.string().optional(),
});
const minutesItem = z.object({
  itemId: z.string().regex(ITEM_ID_RE),
  number: z.number().int().min(1),
  title: plain(400),
  decision: clean(MAX_DECISION).optional(),
});
const minutesRow = z
  .looseObject({
    rowKey: z.string().regex(new RegExp(`^m\\|${MEETING_KEY}$`)),
    meetingId: z.string().regex(MEETING_ID_RE),
    meetingStartUtc: iso,
    recordedBy: z.string().min(1),
    recordedAt: iso,
    version: z.number().int().min(1),
    ...cardIds,
  })
  .refine((r) => r.rowKey === `m|${r.meetingId}`, 'the row key names its meeting')
  .superRefine(parts('items', z.array(minutesItem)))
  .superRefine(parts('tasks', z.array(task)));

const focusAreasRow = z.looseObject({
  // The unversioned list, or a year's (issue 17) with the board meeting that decided it.
  rowKey: z.string().regex(/^focusAreas(\|\d{4})?$/),
  decidedMeetingId: optionalNull(z.string().regex(MEETING_ID_RE)),
  decidedDay: optionalNull(day),
  decidedBodyId: optionalNull(z.string().regex(BODY_ID)),
  areas: z.string().refine((a) => {
    const v = JSON.parse(a) as { id?: unknown; nb?: unknown; en?: unknown }[];
    const label = clean(MAX_FOCUS_AREA_LENGTH).min(1);
    return (
      Array.isArray(v) &&
      v.length >= 1 &&
      v.length <= MAX_FOCUS_AREAS &&
      v.every((x) => typeof x.id === 'string' && /^[a-z0-9-]{1,44}$/.test(x.id) && label.safeParse(x.nb).success && label.safeParse(x.en).success)
    );
  }, 'areas: 1–20 focus areas with slug ids and clean, guarded labels'),
  updatedBy: z.string().min(1),
  updatedAt: iso,
});

const named = z
  .object({ id: z.string().regex(/^e[0-9a-f]{20}$/), title: plain(MAX_TITLE), titleState: z.enum(['ok', 'erased', 'withheld']) })
  .refine((m) => m.titleState === 'ok' || m.title === '', 'no title once erased or withheld');
/** A measure or minutes task with a deadline: titles only where they may be shown, a youth team's own tasks untitled. */
const dueItem = z
  .object({
    kind: z.enum(['measure', 'task']),
    id: z.string().min(1),
    title: plain(MAX_TITLE),
    titleState: z.enum(['ok', 'erased', 'withheld', 'teamOnly']),
    bodyId: z.string().regex(BODY_ID),
    due: day,
    meetingDay: day.optional(),
  })
  .refine((d) => d.titleState === 'ok' || d.title === '', 'no title unless it may be shown');
const digestContent = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  bodies: z.array(z.object({ id: z.string().regex(BODY_ID), name: plain(100), kind: z.enum(BODY_KINDS) })),
  escalations: z.object({ newNamed: z.array(named), resolved: z.array(named), waitingForBoard: z.array(named) }),
  due: z.object({ asOf: day, overdue: z.array(dueItem), upcoming: z.array(dueItem) }),
});
const digestSendRow = z
  .looseObject({
    rowKey: z.string().regex(/^d\|\d{4}-(0[1-9]|1[0-2])\|\d{2}$/),
    month: z.string(),
    sendNo: z.number().int().min(1).max(99),
    sentBy: z.string().min(1),
    sentByName: z.string().max(200),
    sentAt: iso,
    boardId: z.string().regex(BODY_ID),
    cCount: z.number().int().min(1),
    titlesErasedAt: optionalNull(iso),
  })
  .refine((r) => r.rowKey === `d|${r.month}|${String(r.sendNo).padStart(2, '0')}`, 'the row key names its month and number')
  .superRefine((r, ctx) => {
    const content = parseDigestContent(fromChunks(r, 'c', r.cCount));
    const checked = content ? digestContent.safeParse(content) : undefined;
    if (!checked?.success)
      ctx.addIssue({
        code: 'custom',
        path: ['content'],
        message: checked ? checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') : 'not a digest',
      });
    else if (checked.data.month !== r.month) ctx.addIssue({ code: 'custom', path: ['content'], message: 'content of another month' });
  });
const digestAckRow = z
  .object({ rowKey: z.string(), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), aadObjectId: z.string().min(1), name: plain(200), at: iso })
  .refine((r) => r.rowKey === `a|${r.month}|${r.aadObjectId}`, 'the row key names its month and reader');

/** The police's figures: counts and category labels only (issue 16). */
const policeFigureRow = z.object({
  rowKey: z.string().regex(/^\d{4}\|(10-17|10-14|15-17)\|(0\d|1[0-2])\|(all|girls|boys)\|/),
  year: z.number().int().min(1990).max(2100),
  month: z.number().int().min(0).max(12),
  band: z.enum(['10-17', '10-14', '15-17']),
  gender: z.enum(['all', 'girls', 'boys']),
  category: clean(60).or(z.literal('')),
  parent: z.string().max(60),
  order: z.number().int().min(0),
  value: z.number().int().min(0).max(1_000_000),
  importId: z.string().regex(/^i[0-9a-f]{24}$/),
  importedAt: iso,
});
const policeHeadRow = z.object({ rowKey: z.string().startsWith('h|'), importId: z.string(), rows: z.number().int().min(0) });
const policePendingRow = z.object({
  rowKey: z.string().regex(/^i[0-9a-f]{24}$/),
  table: z.enum(['offences', 'offencesByAge', 'persons', 'monthly']),
  expiresAt: iso,
});

const MEASURE_ID = 'x[0-9a-f]{20}';
const dayOrEmpty = z.union([z.literal(''), day]);
const measureRow = z
  .looseObject({
    rowKey: z.string().regex(new RegExp(`^m\\|${MEASURE_ID}$`)),
    title: clean(MAX_MEASURE_TITLE),
    description: clean(MAX_MEASURE_DESCRIPTION),
    focusAreas: z.string().refine((a) => {
      const v = JSON.parse(a) as { id?: unknown; label?: unknown }[];
      return (
        Array.isArray(v) &&
        v.length <= MAX_MEASURE_AREAS &&
        v.every((x) => typeof x.id === 'string' && /^[a-z0-9-]{1,44}$/.test(x.id) && typeof x.label === 'string')
      );
    }, 'focusAreas: at most 5 areas with slug ids and labels'),
    level: z.union([z.literal(''), z.enum(MEASURE_LEVELS)]),
    responsible: z.string().refine((r) => r === '' || r.split(',').every((x) => (RESPONSIBLES as readonly string[]).includes(x)), 'services'),
    responsibleText: clean(MAX_RESPONSIBLE_TEXT),
    ownerBodyId: z.string().regex(BODY_ID),
    plan: clean(MAX_PLAN),
    start: dayOrEmpty,
    end: dayOrEmpty,
    state: z.enum(MEASURE_STATES),
    stateAt: iso,
    stateById: z.string().min(1),
    stateByName: plain(200),
    evaluationMethod: clean(MAX_EVALUATION_METHOD),
    evaluation: clean(MAX_EVALUATION),
    conclusion: z.union([z.literal(''), z.enum(CONCLUSIONS)]),
    sourceKind: z.enum(['manual', 'escalation', 'task']),
    sourceEscalationId: z.union([z.literal(''), z.string().regex(/^e[0-9a-f]{20}$/)]),
    sourceBodyId: z.union([z.literal(''), z.string().regex(BODY_ID)]),
    sourceMeetingId: z.union([z.literal(''), z.string().regex(MEETING_ID_RE)]),
    sourceTaskId: z.union([z.literal(''), z.string().regex(/^t[0-9a-f]{8}$/)]),
    createdAt: iso,
    updatedAt: iso,
    version: z.number().int().min(1),
    lastKey: z.string(),
    textErased: z.boolean(),
  })
  .refine((m) => !m.start || !m.end || m.start <= m.end, 'starts on or before it ends')
  .refine((m) => m.textErased || m.title.length > 0, 'a title until erased')
  .refine((m) => (m.sourceKind === 'escalation') === (m.sourceEscalationId !== ''), 'a matter source names its matter')
  .refine((m) => (m.sourceKind === 'task') === (m.sourceTaskId !== '' && m.sourceMeetingId !== ''), 'a task source names its meeting and task');
const measureLogRow = z
  .looseObject({
    rowKey: z.string().regex(new RegExp(`^l\\|${MEASURE_ID}\\|\\d{6}$`)),
    seq: z.number().int().min(1),
    at: iso,
    verb: z.enum(['create', 'update', 'status', 'erase']),
    fromState: z.union([z.literal(''), z.enum(MEASURE_STATES)]),
    toState: z.union([z.literal(''), z.enum(MEASURE_STATES)]),
    fields: z.string().regex(/^[A-Za-z,]*$/),
  })
  .refine((l) => l.rowKey.endsWith(`|${String(l.seq).padStart(6, '0')}`), 'the row key names its number');
const statusTextRow = z
  .looseObject({
    rowKey: z.string().regex(/^s\|\d{4}\|[a-z0-9-]{1,44}$/),
    text: clean(MAX_STATUS_TEXT),
    version: z.number().int().min(1),
    updatedAt: iso,
    updatedBy: z.string().min(1),
    textErased: z.boolean(),
  })
  .refine((r) => r.rowKey.endsWith(`|${r.focusAreaId}`), 'the row key names its focus area');
const markerRow = z.looseObject({ rowKey: z.string().regex(/^w\|[A-Za-z]+\|\d{4}$/), at: iso });

type Row = Record<string, unknown>;
type Checked = 'trends' | 'bodies' | 'roles' | 'meetings' | 'escalations' | 'agendas' | 'settings' | 'digests' | 'policestats' | 'measures';

/** The check of each scanned table, choosing a schema by the row's keys. */
export const ROW_CHECKS: Record<Checked, (row: Row) => z.ZodType> = {
  trends: () => trendRow,
  bodies: (r) => (String(r.rowKey).startsWith('kind-') ? claimRow : bodyRow),
  roles: () => roleRow,
  meetings: (r) => (String(r.partitionKey).startsWith('ics|') ? icsPointerRow : meetingRow),
  escalations: () => escalationRow,
  agendas: (r) => (String(r.rowKey).startsWith('m|') ? minutesRow : agendaRow),
  settings: () => focusAreasRow,
  digests: (r) => (String(r.rowKey).startsWith('a|') ? digestAckRow : digestSendRow),
  policestats: (r) => (String(r.partitionKey).endsWith('|pending') ? policePendingRow : String(r.rowKey).startsWith('h|') ? policeHeadRow : policeFigureRow),
  measures: (r) => {
    const k = String(r.rowKey);
    return k.startsWith('l|') ? measureLogRow : k.startsWith('s|') ? statusTextRow : k.startsWith('w|') ? markerRow : measureRow;
  },
};

/** Problems of one row: '' when it is valid. */
export function rowProblems(table: keyof typeof ROW_CHECKS, row: Row): string {
  const result = ROW_CHECKS[table](row).safeParse(row);
  return result.success
    ? ''
    : `${table} ${String(row.partitionKey)}/${String(row.rowKey)}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
}
