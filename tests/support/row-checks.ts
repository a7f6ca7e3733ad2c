import { z } from 'zod';
import { screenText } from '../../src/domain/guard';
import { AGE_GROUPS, DIRECTIONS, MAX_AREA, MAX_DESCRIPTION, SERVICES } from '../../src/domain/trends';
import { BODY_KINDS } from '../../src/domain/bodies';
import { ESCALATION_STATES, ESCALATION_VERBS, isOpen } from '../../src/domain/escalations';
import { MEETING_ID_RE } from '../../src/domain/meetings';
import { MAX_ESCALATION_DESCRIPTION, MAX_TITLE } from '../../src/actions/escalation.submit';

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

const trendRow = z.object({
  partitionKey: z.string(),
  rowKey: z.string().regex(/^t[0-9a-f]{24}$/),
  bodyId: z.string().regex(BODY_ID),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  focusAreaId: z.string().min(1).max(60),
  focusAreaLabel: z.string().min(1),
  direction: z.enum(DIRECTIONS),
  description: clean(MAX_DESCRIPTION),
  area: clean(MAX_AREA),
  ageGroup: z.union([z.literal(''), z.enum(AGE_GROUPS)]),
  service: z.enum(SERVICES),
  reporterId: z.string().min(1),
  reportedAt: iso,
  textErased: z.boolean(),
}).refine((r) => r.partitionKey.endsWith(`|${r.bodyId}|${r.month}`), 'partition names its body and month')
  .refine((r) => r.textErased || r.description.length > 0, 'a description until erased');

const bodyRow = z.object({
  rowKey: z.string().regex(BODY_ID),
  kind: z.enum(BODY_KINDS),
  name: z.string().min(1).max(100).refine((s) => s === s.trim(), 'trimmed'),
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
  name: optionalNull(z.string().max(200)),
  updatedBy: z.string().min(1),
  updatedAt: iso,
});

const meetingRow = z.object({
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
}).refine((m) => Date.parse(m.endUtc) - Date.parse(m.startUtc) === m.durationMinutes * 60_000, 'ends its duration after it starts');
const icsPointerRow = z.object({
  partitionKey: z.string().regex(/^ics\|.{2}$/),
  rowKey: z.string().regex(/^[A-Za-z0-9_-]{24}$/),
  bodyId: z.string().regex(BODY_ID),
  meetingId: z.string().regex(MEETING_ID_RE),
});

const stepText = clean(1000);
const escalationRow = z.object({
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
}).refine((e) => e.open === isOpen(e.state), 'open matches the state')
  .refine((e) => e.path.split(',').includes(e.rowKey.split('|')[0]!), 'the copy belongs to a body on its path')
  .refine((e) => e.textErased || e.title.length > 0, 'a title until erased');

type Row = Record<string, unknown>;

/** The check of each scanned table, choosing a schema by the row's keys. */
export const ROW_CHECKS: Record<'trends' | 'bodies' | 'roles' | 'meetings' | 'escalations', (row: Row) => z.ZodType> = {
  trends: () => trendRow,
  bodies: (r) => (String(r.rowKey).startsWith('kind-') ? claimRow : bodyRow),
  roles: () => roleRow,
  meetings: (r) => (String(r.partitionKey).startsWith('ics|') ? icsPointerRow : meetingRow),
  escalations: () => escalationRow,
};

/** Problems of one row: '' when it is valid. */
export function rowProblems(table: keyof typeof ROW_CHECKS, row: Row): string {
  const result = ROW_CHECKS[table](row).safeParse(row);
  return result.success ? '' : `${table} ${String(row.partitionKey)}/${String(row.rowKey)}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
}
