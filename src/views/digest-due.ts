import { DateTime } from 'luxon';
import { OSLO } from '../domain/calendar';
import type { DueItem, DueSummary } from '../domain/digest-due';
import { shortDate } from '../domain/meetings';
import { format, type Locale } from '../i18n';
import type { DigestTexts } from '../i18n/digest';
import { responsibleName } from './agenda-items';
import type { ListData } from './digest-table-data';

/**
 * The digest card's «Tiltak og oppgaver med frist»: what is overdue (oldest first, with how long)
 * and what falls due by the end of next month, each with who is responsible and the body.
 */
export interface DueContext {
  readonly t: DigestTexts;
  readonly locale: Locale;
  /** 'november 2026'. */
  readonly next: string;
  readonly bodyName: (id: string) => string;
  /** The card's list helper (cuts long lists at the card's level). */
  readonly list: (heading: string, lines: readonly string[], empty: string) => ListData;
}

/** '3 dager over fristen', '1 dag …', '4 måneder …' from the deadline to the day judged from. */
function lateness(due: string, asOf: string, t: DigestTexts): string {
  const from = DateTime.fromISO(due, { zone: OSLO });
  const to = DateTime.fromISO(asOf, { zone: OSLO });
  const days = Math.round(to.diff(from, 'days').days);
  if (days < 60) return days === 1 ? t.lateDay : format(t.lateDays, { n: days });
  return format(t.lateMonths, { n: Math.floor(to.diff(from, 'months').months) });
}

function what(d: DueItem, x: DueContext): string {
  const { t, locale } = x;
  if (d.titleState === 'teamOnly') return format(t.taskOfTeam, { date: shortDate(d.meetingDay ?? '', locale) });
  const title = d.titleState === 'ok' ? d.title : d.titleState === 'erased' ? t.titleErased : t.titleWithheld;
  return `${d.kind === 'task' ? t.kindTask : t.kindMeasure}: ${title}`;
}

function who(d: DueItem, x: DueContext): string {
  const r = d.responsible;
  if (!r) return x.t.noResponsible;
  // A register measure may name several services (comma-separated ids).
  if ('service' in r)
    return (
      r.service
        .split(',')
        .map((s) => responsibleName(x.locale, s))
        .filter(Boolean)
        .join(', ') || x.t.noResponsible
    );
  return r.state === 'ok' ? r.text : x.t.responsibleWithheld;
}

/** The lists of the section: overdue (when any), then due; one line saying none when both are empty. */
export function dueLists(due: DueSummary, x: DueContext): ListData[] {
  const { t, locale, next } = x;
  const line = (d: DueItem): string => format(t.dueLine, { what: what(d, x), who: who(d, x), body: x.bodyName(d.bodyId), date: shortDate(d.due, locale) });
  const lists: ListData[] = [];
  if (due.overdue.length)
    lists.push(
      x.list(
        t.dueOverdue,
        due.overdue.map((d) => `${line(d)} (${lateness(d.due, due.asOf, t)})`),
        '',
      ),
    );
  if (due.upcoming.length || !due.overdue.length) lists.push(x.list(format(t.dueUpcoming, { next }), due.upcoming.map(line), format(t.dueNone, { next })));
  return lists;
}
