import { parseDate } from '../domain/calendar/time';
import { shortDate } from '../domain/meetings';
import {
  MAX_DECISION,
  MAX_MINUTES_ITEMS,
  MAX_TASK_TITLE,
  MAX_TASKS_PER_ITEM,
  type MinutesEntry,
  RESPONSIBLES,
  type Responsible,
  type TaskInput,
} from '../domain/minutes';
import { cleanText } from '../domain/trends';
import type { FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import { inputId, MINUTES_FIELDS, type MinutesField } from '../views/minutes';
import { screenFields } from './guard-fields';

/**
 * Reads a `minutes.record` submission into entries per agenda item, with field-level errors on
 * the card's own inputs (`<field>__<item id>`). Two shapes arrive: the card's flat inputs, and
 * the contract's `items: [{ itemId, decision, tasks: [{ title, responsible, due }] }]` from a
 * script or flow. Every free text passes the confidentiality guard, after its length is checked
 * (an over-long field is refused for its length and not screened); nothing is stored when any field
 * is wrong.
 */
export interface ParsedMinutes {
  readonly entries: MinutesEntry[];
  readonly errors: FieldError[];
}

const text = (v: unknown): string => (typeof v === 'string' ? cleanText(v) : typeof v === 'number' ? String(v) : '');
const tooLong = (locale: Locale, max: number, value: string): string =>
  format(locale === 'nb' ? 'Kan ha høyst {max} tegn (nå {length}).' : 'At most {max} characters (now {length}).', { max, length: value.length });

interface RawEntry {
  readonly itemId: string;
  readonly decision?: unknown;
  readonly tasks: readonly { title?: unknown; responsible?: unknown; due?: unknown }[];
}

/** The submission as raw entries, from either shape. */
function rawEntries(data: Readonly<Record<string, unknown>>, itemIds: readonly string[]): RawEntry[] {
  if (Array.isArray(data.items)) {
    return data.items
      .filter((i): i is Record<string, unknown> => !!i && typeof i === 'object')
      .map((i) => ({ itemId: String(i.itemId ?? ''), decision: i.decision, tasks: Array.isArray(i.tasks) ? (i.tasks as RawEntry['tasks']) : [] }));
  }
  return itemIds
    .filter((id) => MINUTES_FIELDS.some((f) => inputId(f, id) in data))
    .map((id) => ({
      itemId: id,
      decision: data[inputId('decision', id)],
      tasks: [{ title: data[inputId('task', id)], responsible: data[inputId('responsible', id)], due: data[inputId('due', id)] }],
    }));
}

/** Parses and checks a submission against the items on the meeting's agenda. */
export function parseMinutesInput(
  data: Readonly<Record<string, unknown>>,
  itemIds: readonly string[],
  locale: Locale,
  /** The meeting's date (YYYY-MM-DD, Oslo): a task cannot fall due before the meeting that gave it. */
  meetingDate?: string,
): ParsedMinutes {
  const t = pick(locale, AGENDA_TEXTS).minutes;
  // A submission of more items than any agenda has is refused before any of it is read.
  if (Array.isArray(data.items) && data.items.length > MAX_MINUTES_ITEMS) {
    return { entries: [], errors: [{ field: 'items', message: format(t.tooManyItems, { max: MAX_MINUTES_ITEMS, count: data.items.length }) }] };
  }
  const known = new Set(itemIds);
  const errors: FieldError[] = [];
  const entries: MinutesEntry[] = [];
  const screened: Record<string, string> = {};
  for (const raw of rawEntries(data, itemIds)) {
    if (!known.has(raw.itemId)) {
      errors.push({ field: 'items', message: t.unknownItem });
      continue;
    }
    const id = (f: MinutesField) => inputId(f, raw.itemId);
    const decision = raw.decision === undefined ? undefined : text(raw.decision);
    if (decision !== undefined && decision.length > MAX_DECISION) errors.push({ field: id('decision'), message: tooLong(locale, MAX_DECISION, decision) });
    else if (decision) screened[id('decision')] = decision;
    const tasks: TaskInput[] = [];
    for (const task of raw.tasks.slice(0, MAX_TASKS_PER_ITEM)) {
      const title = text(task.title);
      const responsible = text(task.responsible);
      const due = text(task.due);
      if (!title && !responsible && !due) continue;
      const before = errors.length;
      if (!title) errors.push({ field: id('task'), message: t.needTitle });
      else if (title.length > MAX_TASK_TITLE) errors.push({ field: id('task'), message: tooLong(locale, MAX_TASK_TITLE, title) });
      if (!(RESPONSIBLES as readonly string[]).includes(responsible)) errors.push({ field: id('responsible'), message: t.needResponsible });
      if (!due) errors.push({ field: id('due'), message: t.needDue });
      else if (!parseDate(due)) errors.push({ field: id('due'), message: t.badDue });
      else if (meetingDate && due < meetingDate)
        errors.push({ field: id('due'), message: format(t.dueBeforeMeeting, { date: shortDate(meetingDate, locale) }) });
      if (title && title.length <= MAX_TASK_TITLE) screened[id('task')] = `${screened[id('task')] ?? ''}\n${title}`.trim();
      if (errors.length === before) tasks.push({ title, responsible: responsible as Responsible, due });
    }
    entries.push({ itemId: raw.itemId, decision, tasks });
  }
  errors.push(...screenFields(screened, locale));
  return { entries, errors };
}
