import { shortText } from '../agenda-youth';
import { dayOfInstant } from '../digest';
import type { EscalationState } from '../escalations';
import { screenText } from '../guard';
import type { Minutes, Responsible } from '../minutes';
import type { Direction } from '../trends';
import { ranInYear, type StandingOf, standingOf } from './follow-up';
import { type Conclusion, MEASURE_LEVELS, type Measure, type MeasureLevel } from './model';

/**
 * The annual report's account of what was done and treated (issue 17, in the order and wording of
 * the municipalities' SLT annual reports): the measures of the year grouped by level with status,
 * evaluation and conclusion; the coordination group's items with their decisions from the
 * minutes (items the coordinators added and lifted matters); and the youth teams' topics per focus
 * area as short descriptions. Texts passed the guard when stored and are screened again here, so
 * a text stored before a guard improvement is withheld rather than printed. Pure.
 */
export type TextState = 'ok' | 'erased' | 'withheld';

export interface ShownText {
  readonly text: string;
  readonly state: TextState;
}

/** A stored text as it may be printed; undefined when there is none (and it was not erased). */
export function shownText(s: string | undefined, erased: boolean): ShownText | undefined {
  if (erased) return { text: '', state: 'erased' };
  if (!s) return undefined;
  return screenText(s).ok ? { text: s, state: 'ok' } : { text: '', state: 'withheld' };
}

export interface ReportedMeasure {
  readonly id: string;
  readonly title: ShownText;
  readonly focusAreas: readonly string[];
  readonly level?: MeasureLevel;
  /** Services (or the coordinators). */
  readonly responsible: readonly Responsible[];
  readonly responsibleText?: ShownText;
  readonly ownerBodyId: string;
  readonly plan?: ShownText;
  readonly start?: string;
  readonly end?: string;
  readonly standing: StandingOf;
  readonly evaluationMethod?: ShownText;
  readonly evaluation?: ShownText;
  readonly conclusion?: Conclusion;
  readonly source: Measure['source']['kind'];
}

export interface LevelGroup {
  /** 'none' for measures without a level yet. */
  readonly level: MeasureLevel | 'none';
  readonly measures: readonly ReportedMeasure[];
}

function reported(m: Measure, today: string): ReportedMeasure {
  const erased = !!m.textErasedAt;
  return {
    id: m.id,
    title: shownText(m.title, erased) ?? { text: '', state: 'erased' },
    focusAreas: m.focusAreas.map((a) => a.label),
    level: m.level,
    responsible: m.responsible,
    responsibleText: shownText(m.responsibleText, erased && !!m.responsibleText),
    ownerBodyId: m.ownerBodyId,
    plan: shownText(m.plan, false),
    start: m.start,
    end: m.end,
    standing: standingOf(m, today),
    evaluationMethod: shownText(m.evaluationMethod, erased && !!m.evaluationMethod),
    evaluation: shownText(m.evaluation, erased && !!m.evaluation),
    conclusion: m.conclusion,
    source: m.source.kind,
  };
}

/** The measures that ran in `year`, by level (individ, gruppe, område, universelt, then without level), each by start. */
export function measuresByLevel(measures: readonly Measure[], year: number, today: string): LevelGroup[] {
  const ran = measures.filter((m) => ranInYear(m, year));
  const order = (m: Measure): string => `${m.start ?? dayOfInstant(m.createdAt)}|${m.id}`;
  const groups: LevelGroup[] = [];
  for (const level of [...MEASURE_LEVELS, 'none'] as const) {
    const of = ran.filter((m) => (m.level ?? 'none') === level).sort((a, b) => order(a).localeCompare(order(b)));
    if (of.length > 0) groups.push({ level, measures: of.map((m) => reported(m, today)) });
  }
  return groups;
}

/** A matter that reached the coordination group, as the annual report lists it. */
export interface TreatedMatter {
  readonly id: string;
  readonly title: ShownText;
  readonly originBodyId: string;
  readonly state: EscalationState;
  /** YYYY-MM-DD raised. */
  readonly raised: string;
  readonly decision?: ShownText;
}

/** One line of «Saker behandlet i koordineringsgruppen». */
export interface TreatedItem {
  readonly kind: 'added' | 'matter';
  readonly title: ShownText;
  /** The meeting that treated it (YYYY-MM-DD); undefined for a matter no minutes mention. */
  readonly meetingDay?: string;
  /** The decision in the minutes, else the matter's own. */
  readonly decision?: ShownText;
  /** The matter's own decision when the minutes recorded another. */
  readonly matterDecision?: ShownText;
  /** For a lifted matter: where it came from and where it stands. */
  readonly originBodyId?: string;
  readonly state?: EscalationState;
}

/**
 * The coordination group's items of the year: from its minutes, the items the coordinators added
 * (`add-…`) and the lifted matters (`esc-<id>`) with the decision recorded — in meeting order —
 * then the matters that reached it without being in any minutes, with their own decision.
 * Standing items (police, topics, eventuelt) are left out: every meeting has them.
 */
export function coordinationItems(minutes: readonly Minutes[], year: number, matters: readonly TreatedMatter[]): TreatedItem[] {
  const byId = new Map(matters.map((m) => [m.id, m]));
  const covered = new Set<string>();
  const out: TreatedItem[] = [];
  const ofYear = minutes
    .filter((m) => dayOfInstant(m.meetingStartUtc).startsWith(`${year}-`))
    .sort((a, b) => a.meetingStartUtc.localeCompare(b.meetingStartUtc));
  for (const m of ofYear) {
    const day = dayOfInstant(m.meetingStartUtc);
    for (const item of [...m.items].sort((a, b) => a.number - b.number)) {
      const decision = shownText(item.decision, false);
      if (item.itemId.startsWith('add-'))
        out.push({ kind: 'added', title: shownText(item.title, false) ?? { text: '', state: 'erased' }, meetingDay: day, decision });
      else if (item.itemId.startsWith('esc-')) {
        const matter = byId.get(item.itemId.slice(4));
        if (matter) covered.add(matter.id);
        out.push({
          kind: 'matter',
          title: matter?.title ?? shownText(item.title, false) ?? { text: '', state: 'erased' },
          meetingDay: day,
          decision: decision ?? matter?.decision,
          ...(decision && matter?.decision && matter.decision.text !== decision.text ? { matterDecision: matter.decision } : {}),
          originBodyId: matter?.originBodyId,
          state: matter?.state,
        });
      }
    }
  }
  for (const m of [...matters].sort((a, b) => a.raised.localeCompare(b.raised) || a.id.localeCompare(b.id))) {
    if (covered.has(m.id)) continue;
    out.push({ kind: 'matter', title: m.title, decision: m.decision, originBodyId: m.originBodyId, state: m.state });
  }
  return out;
}

/** What the report reads of a trend topic: categories, the short text, whether retention erased it. */
export interface TopicFact {
  readonly bodyId: string;
  readonly focusAreaId: string;
  readonly focusAreaLabel: string;
  readonly direction: Direction;
  readonly description: string;
  readonly erased: boolean;
}

export interface AreaTopics {
  readonly id: string;
  readonly label: string;
  readonly count: number;
  /** Short descriptions, distinct, team by team and month by month (at most `max`). */
  readonly texts: readonly string[];
  /** Further distinct descriptions left out, and descriptions erased or withheld. */
  readonly more: number;
  readonly hidden: number;
}

/** Length of one short description in the report. */
export const REPORT_SHORT_TEXT = 120;

/**
 * The youth teams' topics per focus area as short descriptions (issue 17): what the reports list
 * as «Saker løftet inn i ungdomsteamene». No team and no service is named next to a description —
 * the counts per team are in the report's table, where small counts are suppressed — so nothing
 * below the «<n» threshold can be traced to a team or a service. Areas in the year's order.
 */
export async function youthTopicsByArea(
  topics: AsyncIterable<TopicFact> | Iterable<TopicFact>,
  areas: readonly { readonly id: string; readonly label: string }[],
  max = 12,
): Promise<AreaTopics[]> {
  const by = new Map<string, { label: string; count: number; texts: string[]; seen: Set<string>; more: number; hidden: number }>();
  for await (const t of topics) {
    let a = by.get(t.focusAreaId);
    if (!a) {
      a = { label: t.focusAreaLabel || t.focusAreaId, count: 0, texts: [], seen: new Set(), more: 0, hidden: 0 };
      by.set(t.focusAreaId, a);
    }
    a.count++;
    if (t.erased || !t.description || !screenText(t.description).ok) {
      a.hidden++;
      continue;
    }
    const short = shortText(t.description, REPORT_SHORT_TEXT);
    const key = short.toLocaleLowerCase('nb-NO');
    if (a.seen.has(key)) continue;
    a.seen.add(key);
    if (a.texts.length < max) a.texts.push(short);
    else a.more++;
  }
  const known = areas.filter((a) => by.has(a.id));
  const rest = [...by.keys()].filter((id) => !areas.some((a) => a.id === id)).sort();
  return [...known.map((a) => ({ id: a.id, label: a.label })), ...rest.map((id) => ({ id, label: by.get(id)!.label }))].map(({ id, label }) => {
    const a = by.get(id)!;
    return { id, label, count: a.count, texts: a.texts, more: a.more, hidden: a.hidden };
  });
}
