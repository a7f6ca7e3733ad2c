import type { Body } from '../domain/bodies';
import { formatMeetingTime } from '../domain/calendar';
import type { Meeting } from '../domain/meetings';
import { shortDate } from '../domain/meetings';
import { type Minutes, RESPONSIBLES, type Task } from '../domain/minutes';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import { MEASURE_TEXTS } from '../i18n/measures';
import { CARD_BUDGET } from './agenda';
import { responsibleLabel } from './agenda-items';
import { escapeUserText } from './escape';
import { keptText } from './form';
import { renderCard } from './render';

/**
 * The minutes: the coordinator's form (one block per agenda item: decision, and a task with
 * responsible service and due date; recorded tasks listed under it) and the minutes card posted
 * in the body's channel. Inputs are named `<field>__<item id>` so a submission says which item
 * each value belongs to, whatever the agenda looks like by then.
 */
export const MINUTES_FIELDS = ['decision', 'task', 'responsible', 'due'] as const;
export type MinutesField = (typeof MINUTES_FIELDS)[number];

/** The card input id of a field of an item. */
export const inputId = (field: MinutesField, itemId: string): string => `${field}__${itemId}`;

/** An agenda item as the minutes list it. */
export interface MinutesFormItem {
  readonly itemId: string;
  readonly number: number;
  readonly title: string;
}

export interface MinutesFormView {
  readonly body: Pick<Body, 'id' | 'name'>;
  readonly meeting: Pick<Meeting, 'id' | 'startUtc'>;
  readonly intro: string;
  readonly items: readonly MinutesFormItem[];
  readonly minutes?: Minutes;
  /** Input as typed, kept when the form comes back with errors. */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly errors?: readonly FieldError[];
  readonly notice?: string;
  readonly noticeColor?: 'Good' | 'Attention';
}

const bytes = (card: CardJson): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** A recorded task in one line (escaped). */
function taskText(locale: Locale, task: Task): string {
  const t = pick(locale, AGENDA_TEXTS).minutes;
  const responsible = responsibleLabel(locale, task.responsible);
  if (task.doneAt) return format(t.doneLine, { title: escapeUserText(task.title), responsible });
  return format(t.taskLine, { title: escapeUserText(task.title), responsible, due: shortDate(task.due, locale) });
}

/** The coordinator's minutes form; as many items as fit, the rest named in a note. */
export function minutesFormCard(locale: Locale, view: MinutesFormView): CardJson {
  let card = renderForm(locale, view, view.items.length);
  for (let n = view.items.length - 1; n >= 1 && bytes(card) > CARD_BUDGET; n = Math.floor(n * 0.8)) card = renderForm(locale, view, n);
  return card;
}

function renderForm(locale: Locale, view: MinutesFormView, count: number): CardJson {
  const t = pick(locale, AGENDA_TEXTS).minutes;
  const v = view.values ?? {};
  const stored = new Map((view.minutes?.items ?? []).map((i) => [i.itemId, i]));
  const errors = new Map((view.errors ?? []).map((e) => [e.field, e.message]));
  const items = view.items.slice(0, count).map((item) => {
    const id = (f: MinutesField) => inputId(f, item.itemId);
    const typed = (f: MinutesField) => (id(f) in v ? keptText(v[id(f)], 2_000) : undefined);
    return {
      heading: `${item.number}. ${escapeUserText(item.title)}`,
      ids: Object.fromEntries(MINUTES_FIELDS.map((f) => [f, id(f)])),
      values: {
        decision: typed('decision') ?? keptText(stored.get(item.itemId)?.decision ?? '', 2_000),
        task: errors.size > 0 ? (typed('task') ?? '') : '',
        responsible: errors.size > 0 ? (typed('responsible') ?? '') : '',
        due: errors.size > 0 ? (typed('due') ?? '') : '',
      },
      err: Object.fromEntries(MINUTES_FIELDS.map((f) => [f, escapeUserText(errors.get(id(f)) ?? '')])),
      // «Gjør til tiltak» (issue 17): each recorded task can become a measure linked to this meeting.
      recorded: (view.minutes?.tasks ?? [])
        .filter((k) => k.itemId === item.itemId)
        .map((k) => ({ text: format(t.recorded, { text: taskText(locale, k) }), data: { bodyId: view.body.id, meetingId: view.meeting.id, taskId: k.id } })),
    };
  });
  return renderCard(
    'minutes-form',
    {
      title: format(t.formTitle, { body: view.body.name }),
      intro: view.intro,
      notice: view.notice ?? '',
      noticeColor: view.noticeColor ?? 'Good',
      limited: count < view.items.length ? format(t.limited, { shown: count, count: view.items.length }) : '',
      labels: {
        decision: t.decision,
        task: t.task,
        responsible: t.responsible,
        responsiblePlaceholder: t.responsiblePlaceholder,
        due: t.due,
        save: t.save,
        toMeasure: pick(locale, MEASURE_TEXTS).toMeasure,
      },
    },
    {
      // Input values are bound raw (views/form.ts); every text shown is escaped above.
      items,
      responsibles: RESPONSIBLES.map((r) => ({ title: responsibleLabel(locale, r), value: r })),
      target: { meetingId: view.meeting.id, bodyId: view.body.id },
    },
  );
}

/** The minutes card for the body's channel: per item the decision and the tasks. */
export function minutesCard(locale: Locale, body: Pick<Body, 'name'>, meeting: Pick<Meeting, 'startUtc'>, minutes: Minutes): CardJson {
  for (const lines of [20, 3, 1]) {
    const card = renderMinutes(locale, body, meeting, minutes, lines, minutes.items.length);
    if (bytes(card) <= CARD_BUDGET) return card;
  }
  let n = minutes.items.length;
  let card = renderMinutes(locale, body, meeting, minutes, 1, n);
  while (n > 1 && bytes(card) > CARD_BUDGET) {
    n = Math.floor(n * 0.8);
    card = renderMinutes(locale, body, meeting, minutes, 1, n);
  }
  return card;
}

function renderMinutes(
  locale: Locale,
  body: Pick<Body, 'name'>,
  meeting: Pick<Meeting, 'startUtc'>,
  minutes: Minutes,
  maxLines: number,
  count: number,
): CardJson {
  const t = pick(locale, AGENDA_TEXTS);
  const items = minutes.items.slice(0, count).map((item) => {
    const lines = [
      item.decision ? format(t.minutes.decisionLine, { text: escapeUserText(item.decision) }) : t.minutes.noDecision,
      ...minutes.tasks.filter((k) => k.itemId === item.itemId).map((k) => taskText(locale, k)),
    ];
    const cut =
      lines.length > maxLines
        ? [...lines.slice(0, maxLines), locale === 'nb' ? `… og ${lines.length - maxLines} til` : `… and ${lines.length - maxLines} more`]
        : lines;
    return { heading: `${item.number}. ${escapeUserText(item.title)}`, lines: cut.map((text) => ({ text })) };
  });
  return renderCard(
    'minutes',
    {
      title: format(t.minutes.cardTitle, { body: body.name }),
      when: formatMeetingTime(meeting.startUtc, locale),
      summary: count < minutes.items.length ? format(t.summary, { shown: count, count: minutes.items.length }) : '',
      footer: t.minutes.footer,
    },
    { items },
  );
}
