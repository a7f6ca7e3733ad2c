import type { BodyKind } from './bodies';
import type { TrendSummary } from './digest';
import { type DueItem, type DueSummary, dueWindow } from './digest-due';
import type { EscalationSummary, MeetingSummary, NamedMatter } from './digest-sections';
import type { PoliceDigest } from './police-stats';

/**
 * What a monthly digest says, in plain data: the card is rendered from it, and it is what the
 * archive keeps of every digest sent (statistics, body names, focus-area labels and the titles
 * of matters that reached the coordination group or the board — no other free text, no names
 * of reporters). Versioned, so an archived digest from an older release is still recognised.
 */
export interface DigestContent {
  readonly version: 1;
  /** YYYY-MM, the month reported. */
  readonly month: string;
  readonly generatedAt: string;
  /** SLT_SUPPRESS_BELOW when it was made (the legend says "<n"). */
  readonly suppressBelow: number;
  readonly bodies: readonly { readonly id: string; readonly name: string; readonly kind: BodyKind }[];
  readonly boardId?: string;
  readonly trends: TrendSummary;
  readonly escalations: EscalationSummary;
  /** Measures and minutes tasks not done with a deadline before the end of next month. */
  readonly due: DueSummary;
  readonly meetings: MeetingSummary;
  /** The police's figures (issue 16); absent when none are entered, and in digests sent before. */
  readonly police?: PoliceDigest;
}

/** What digests archived before `due` existed kept: the measures due in the month and the next. */
interface LegacyEscalations {
  readonly measuresDue?: readonly NamedMatter[];
  readonly measuresNext?: readonly NamedMatter[];
}

/** Reads archived content back; undefined when it is not a digest this release understands. */
export function parseDigestContent(json: string): DigestContent | undefined {
  try {
    const v = JSON.parse(json) as Partial<DigestContent>;
    if (!(v && v.version === 1 && typeof v.month === 'string' && v.trends && v.escalations && v.meetings)) return undefined;
    return v.due ? (v as DigestContent) : { ...(v as DigestContent), due: legacyDue(v as DigestContent) };
  } catch (err) {
    if (err instanceof SyntaxError) return undefined; // a damaged row: shown as "not available", never a crash
    throw err;
  }
}

/** An older archive's measure lists as due items, judged as of the end of its month. */
function legacyDue(c: DigestContent): DueSummary {
  const e = c.escalations as EscalationSummary & LegacyEscalations;
  const { asOf } = dueWindow(c.month, new Date(c.generatedAt));
  const items = [...(e.measuresDue ?? []), ...(e.measuresNext ?? [])].map(
    (m): DueItem => ({ kind: 'measure', id: m.id, title: m.title, titleState: m.titleState, bodyId: m.bodyId, due: m.date }),
  );
  return { asOf, overdue: items.filter((d) => d.due < asOf), upcoming: items.filter((d) => d.due >= asOf) };
}

/**
 * The content with every matter title emptied (shown as "erased"): for archived digests older
 * than the retention period, like the matters' own free text (SLT_RETENTION_MONTHS).
 */
export function withoutTitles(c: DigestContent): DigestContent {
  return withoutTitlesOf(c, () => true);
}

/**
 * The content with the titles of the matters and tasks `erased(id)` picks emptied (a measure's
 * due item has its matter's id): when retention erases a matter or a meeting's minutes, the
 * copies archived digests made of their titles go with them, whatever month they reported.
 */
export function withoutTitlesOf(c: DigestContent, erased: (id: string) => boolean): DigestContent {
  const blank = (list: readonly NamedMatter[]): NamedMatter[] => list.map((m) => (erased(m.id) ? { ...m, title: '', titleState: 'erased' } : m));
  // A measure's responsible is free text too; a task's is a service (a category, kept).
  const blankDue = (list: readonly DueItem[]): DueItem[] =>
    list.map((d) =>
      erased(d.id)
        ? {
            ...d,
            title: '',
            titleState: d.titleState === 'teamOnly' ? 'teamOnly' : 'erased',
            responsible: d.responsible && 'text' in d.responsible ? { text: '', state: 'erased' } : d.responsible,
          }
        : d,
    );
  const e = c.escalations;
  return {
    ...c,
    escalations: { ...e, newNamed: blank(e.newNamed), resolved: blank(e.resolved), waitingForBoard: blank(e.waitingForBoard) },
    due: { ...c.due, overdue: blankDue(c.due.overdue), upcoming: blankDue(c.due.upcoming) },
  };
}
