import type { AgendaItem } from '../domain/agenda';
import { shortText } from '../domain/agenda-youth';
import { utcToOslo } from '../domain/calendar';
import { type CellMark, shownCount } from '../domain/digest';
import { focusAreaLabel } from '../domain/focus-areas';
import { shortDate } from '../domain/meetings';
import { RESPONSIBLES, type Responsible } from '../domain/minutes';
import { format, type Locale, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import { AGE_GROUP_LABELS, DIRECTION_LABELS, SERVICE_LABELS } from '../i18n/trends';
import { escapeUserText } from './escape';
import { policeAgendaLines } from './police-report';

/**
 * How each kind of agenda item reads: its title, who brought it, its lines. Shared by the agenda
 * card, its "show all" pages and the minutes. Titles and "who" come back plain (callers escape
 * where they bind raw); lines come back escaped, ready for a TextBlock.
 */

/** What the wording needs besides the item: the name of the level above this body. */
export interface ItemContext {
  readonly nextLevelName: string;
  /** The tab's police section, linked from the police item. */
  readonly policeTabUrl?: string;
}

/** A responsible service (or the coordinators) in the reader's language. */
export function responsibleLabel(locale: Locale, r: Responsible): string {
  return r === 'coordinator' ? pick(locale, AGENDA_TEXTS).bringers.coordinator : pick(locale, SERVICE_LABELS)[r];
}

/** A stored responsible value as shown, or undefined for a value that is not one of RESPONSIBLES. */
export function responsibleName(locale: Locale, value: string): string | undefined {
  return (RESPONSIBLES as readonly string[]).includes(value) ? responsibleLabel(locale, value as Responsible) : undefined;
}

/** The item's title as the agenda and the minutes show it (plain text). */
export function itemTitle(locale: Locale, item: AgendaItem): string {
  const t = pick(locale, AGENDA_TEXTS).items;
  switch (item.kind) {
    case 'police':
      return t.police;
    case 'noTopics':
      return t.noTopics;
    case 'topics':
      return format(t.topics, { area: item.area.focusArea ? focusAreaLabel(item.area.focusArea, locale) : item.area.label });
    case 'youthTeams':
      return t.youthTeams;
    case 'escalation':
      return format(t.escalation, { title: item.escalation.title || '…' });
    case 'added':
      return item.item.title;
    case 'task':
      return item.task.title;
    case 'other':
      return t.other;
  }
}

/** Who brought the item: a service, a body or the coordinators — never a person (plain text). */
export function itemBy(locale: Locale, item: AgendaItem): string {
  const b = pick(locale, AGENDA_TEXTS).bringers;
  const services = pick(locale, SERVICE_LABELS);
  switch (item.kind) {
    case 'police':
      return services.police;
    case 'noTopics':
    case 'other':
      return b.everyone;
    case 'topics':
      return item.services.map((s) => services[s]).join(', ');
    case 'youthTeams':
      return b.youthTeams;
    case 'escalation':
      return item.originName;
    case 'added':
      return item.item.by === 'coordinator' ? b.coordinator : services[item.item.by];
    case 'task':
      return responsibleLabel(locale, item.task.responsible);
  }
}

const cell = (count: number, mark: CellMark, below: number): string => shownCount(count, mark, below);

/** The lines under an item, escaped for a TextBlock. At most `max` lines, then "… and N more". */
export function itemLines(locale: Locale, item: AgendaItem, ctx: ItemContext, max = Infinity): string[] {
  const t = pick(locale, AGENDA_TEXTS).items;
  let lines: string[];
  switch (item.kind) {
    case 'police':
      lines = policeAgendaLines(locale, item.update, ctx.policeTabUrl);
      break;
    case 'noTopics':
      lines = [t.noTopicsDetail];
      break;
    case 'other':
      lines = [t.otherDetail];
      break;
    case 'topics': {
      const dir = pick(locale, DIRECTION_LABELS);
      const ages = pick(locale, AGE_GROUP_LABELS);
      const services = pick(locale, SERVICE_LABELS);
      lines = item.trends.map((tr) => {
        const where = [tr.area ? escapeUserText(tr.area) : '', tr.ageGroup ? ages[tr.ageGroup] : ''].filter(Boolean).join(', ');
        return `• ${dir[tr.direction]}: ${escapeUserText(shortText(tr.description, 300) || '…')}${where ? ` (${where})` : ''} – ${services[tr.service]}`;
      });
      break;
    }
    case 'youthTeams': {
      const table = item.table;
      if (table.total === 0) {
        lines = [t.youthNone];
        break;
      }
      const areaName = (i: number): string => {
        const a = table.areas[i]!;
        return a.focusArea ? focusAreaLabel(a.focusArea, locale) : escapeUserText(a.label);
      };
      const rows = table.rows.map(
        (r) => `• ${escapeUserText(r.teamName)}: ${r.cells.map((c, i) => `${areaName(i)} ${cell(c.count, c.mark, table.suppressBelow)}`).join(' · ')}`,
      );
      const titles = table.titles
        .map((x, i) => (x.texts.length > 0 ? format(t.youthTitles, { area: areaName(i), texts: x.texts.map((s) => `«${escapeUserText(s)}»`).join(', ') }) : ''))
        .filter(Boolean);
      lines = [...rows, ...titles, format(t.youthNote, { n: table.suppressBelow })];
      break;
    }
    case 'escalation': {
      const e = item.escalation;
      lines = [
        item.proposedHere
          ? format(t.proposedHere, { level: escapeUserText(ctx.nextLevelName) })
          : format(t.liftedFrom, { origin: escapeUserText(item.originName) }),
        ...(e.description ? [escapeUserText(shortText(e.description, 300))] : []),
        ...(e.requestedAction ? [format(t.requested, { text: escapeUserText(shortText(e.requestedAction, 200)) })] : []),
      ];
      break;
    }
    case 'added':
      lines = [];
      break;
    case 'task': {
      const k = item.task;
      lines = [format(t.taskDetail, { due: shortDate(k.due, locale), date: shortDate(utcToOslo(k.meetingStartUtc).date, locale) })];
      break;
    }
  }
  if (lines.length <= max) return lines;
  const more = lines.length - max;
  return [...lines.slice(0, max), locale === 'nb' ? `… og ${more} til` : `… and ${more} more`];
}

/** 'Politi · 18:00–18:15 · 15 min' (plain). */
export function itemMeta(locale: Locale, item: AgendaItem, startUtc: string): string {
  const t = pick(locale, AGENDA_TEXTS);
  const by = format(item.kind === 'task' ? t.responsibleBy : t.by, { who: itemBy(locale, item) });
  if (item.minutes <= 0) return by;
  const at = (offset: number): string => utcToOslo(new Date(Date.parse(startUtc) + offset * 60_000).toISOString()).time;
  return `${by} · ${format(t.time, { from: at(item.offsetMinutes), to: at(item.offsetMinutes + item.minutes), minutes: item.minutes })}`;
}
