import type { Agenda, AgendaItem } from '../domain/agenda';
import type { Body } from '../domain/bodies';
import { formatMeetingTime, utcToOslo } from '../domain/calendar';
import type { Meeting } from '../domain/meetings';
import { shortDate } from '../domain/meetings';
import { SERVICES } from '../domain/trends';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import { SERVICE_LABELS } from '../i18n/trends';
import { type ItemContext, itemLines, itemMeta, itemTitle } from './agenda-items';
import { escapeUserText } from './escape';
import { errorMap, keptText } from './form';
import { withRefresh } from './refresh';
import { renderCard } from './render';

/**
 * The agenda card: one view of the composed agenda. Everyone gets the read-only view; the
 * coordinators get the same with edit actions (take an item off, mark a task done, add an item).
 * The card posted in the channel is the read-only one with a `refresh` naming the coordinators
 * (Teams then asks the bot for each of them and shows them their view); the agenda.refresh
 * handler answers per person. A long agenda is shortened to fit Teams' card limit and offers
 * "Vis alle", which pages through every item.
 */

/** Teams refuses cards above ~28 KB; stay clear of it (UTF-8 bytes of the JSON). */
export const CARD_BUDGET = 26_000;
/** Items per "show all" page. */
export const PAGE_SIZE = 30;

export interface AgendaCardContext {
  readonly body: Pick<Body, 'id' | 'name'>;
  readonly meeting: Pick<Meeting, 'id' | 'startUtc' | 'durationMinutes' | 'location'>;
  readonly agenda: Agenda;
  readonly items: ItemContext;
}

export interface AgendaCardOptions {
  readonly coordinator: boolean;
  readonly notice?: string;
  /** A refusal or error shown at the top. */
  readonly problem?: string;
  readonly errors?: readonly FieldError[];
  /** The add-item input as typed (kept when it comes back with an error). */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Coordinators' Teams ids for the user-specific view; undefined: no refresh block. */
  readonly refreshUserIds?: readonly string[];
}

/** What every agenda action carries: the meeting and its body (the body for calls from a 1:1). */
export function targetOf(ctx: Pick<AgendaCardContext, 'body' | 'meeting'>): { meetingId: string; bodyId: string } {
  return { meetingId: ctx.meeting.id, bodyId: ctx.body.id };
}

const bytes = (card: CardJson): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

interface Level {
  readonly lines: number;
  readonly items: number;
}

/** The agenda card, shortened until it fits the budget. */
export function agendaCard(locale: Locale, ctx: AgendaCardContext, opts: AgendaCardOptions): CardJson {
  const total = ctx.agenda.items.length;
  for (const lines of [12, 3, 1]) {
    const card = render(locale, ctx, opts, { lines, items: total });
    if (bytes(card) <= CARD_BUDGET) return card;
  }
  // Still too large: show the first items only (binary search for how many fit), plus "Vis alle".
  let lo = 1;
  let hi = total;
  let best = render(locale, ctx, opts, { lines: 0, items: 1 });
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const card = render(locale, ctx, opts, { lines: 1, items: mid });
    if (bytes(card) <= CARD_BUDGET) {
      best = card;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

function render(locale: Locale, ctx: AgendaCardContext, opts: AgendaCardOptions, level: Level): CardJson {
  const t = pick(locale, AGENDA_TEXTS);
  const target = targetOf(ctx);
  const total = ctx.agenda.items.length;
  const shown = ctx.agenda.items.slice(0, level.items);
  const items = shown.map((item) => ({
    heading: `${item.number}. ${escapeUserText(itemTitle(locale, item))}`,
    meta: escapeUserText(itemMeta(locale, item, ctx.meeting.startUtc)),
    lines: itemLines(locale, item, ctx.items, level.lines).map((text) => ({ text })),
    actions: opts.coordinator ? itemActions(locale, item, target) : [],
  }));
  const since = shortDate(utcToOslo(ctx.agenda.since).date, locale);
  const v = opts.values ?? {};
  const card = renderCard(
    'agenda',
    {
      title: format(t.title, { body: ctx.body.name }),
      when: formatMeetingTime(ctx.meeting.startUtc, locale),
      place: ctx.meeting.location ?? '',
      since: format(t.since, { since }),
      notice: opts.notice ?? '',
      problem: opts.problem ?? '',
      summary: level.items < total ? format(t.summary, { shown: level.items, count: total }) : '',
      showAll: level.items < total ? format(t.actions.showAll, { count: total }) : '',
      labels: {
        addHeading: t.add.heading,
        addTitle: t.add.title,
        addPlaceholder: t.add.placeholder,
        addBy: t.add.by,
        add: t.actions.add,
        refresh: t.actions.refresh,
      },
      err: errorMap(['title', 'by'], opts.errors ?? []),
      coordinator: opts.coordinator,
    },
    {
      // Built here with every user-typed part escaped; ids and verbs are the bot's own.
      items,
      target,
      showAllData: { ...target, page: 1 },
      form: { title: keptText(v.title, 300), by: keptText(v.by, 40) || 'coordinator' },
      bringers: bringerChoices(locale),
    },
  );
  return withRefresh(card, 'agenda.refresh', target, opts.refreshUserIds);
}

/** The coordinators' actions on one item. */
function itemActions(
  locale: Locale,
  item: AgendaItem,
  target: { meetingId: string; bodyId: string },
): { title: string; verb: string; data: Record<string, string> }[] {
  const t = pick(locale, AGENDA_TEXTS).actions;
  if (item.kind === 'task') return [{ title: t.done, verb: 'minutes.taskDone', data: { ...target, taskId: item.task.id } }];
  if (item.removable) return [{ title: t.remove, verb: 'agenda.removeItem', data: { ...target, itemId: item.id } }];
  return [];
}

/** Choices for "brought by" on an added item: the coordinators, then the services. */
function bringerChoices(locale: Locale): { title: string; value: string }[] {
  const services = pick(locale, SERVICE_LABELS);
  return [{ title: pick(locale, AGENDA_TEXTS).bringers.coordinator, value: 'coordinator' }, ...SERVICES.map((s) => ({ title: services[s], value: s }))];
}

/** One page of "show all": every item's number, title and who/when, no details. Pages are 1-based. */
export function agendaPageCard(locale: Locale, ctx: AgendaCardContext, page: number): CardJson {
  const t = pick(locale, AGENDA_TEXTS);
  const target = targetOf(ctx);
  const total = ctx.agenda.items.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const p = Math.min(Math.max(1, Math.floor(page)), pages);
  const items = ctx.agenda.items.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE).map((item) => ({
    heading: `${item.number}. ${escapeUserText(clip(itemTitle(locale, item), 150))}`,
    meta: escapeUserText(clip(itemMeta(locale, item, ctx.meeting.startUtc), 150)),
  }));
  return renderCard(
    'agenda-page',
    {
      title: format(t.pageTitle, { body: ctx.body.name }),
      when: formatMeetingTime(ctx.meeting.startUtc, locale),
      page: format(t.page, { page: p, pages, count: total }),
      previous: p > 1 ? t.actions.previous : '',
      next: p < pages ? t.actions.next : '',
      back: t.actions.back,
    },
    { items, target, previousData: { ...target, page: p - 1 }, nextData: { ...target, page: p + 1 } },
  );
}

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
