import { randomUUID } from 'node:crypto';
import type { Standing } from '../domain/access';
import type { Body } from '../domain/bodies';
import { dayOfInstant } from '../domain/digest';
import { focusAreaLabel } from '../domain/focus-areas';
import { ranInYear, standingOf } from '../domain/measures/follow-up';
import { isClosed, type Measure } from '../domain/measures/model';
import { actingScope, displayScope, type ReadScope, resolveViewer, type Viewer } from '../domain/visibility';
import type { Actor, CardJson, FieldError, Place } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { type FormMode, type ListItem, listItem, longDate, measureCard, measureFormCard, measureListCard } from '../views/measures';
import type { Services } from './services';

/**
 * The measures register as people see it (issue 17): who may read and act (coordinators act on
 * every body's measures; others read the measures of the bodies they belong to — in a channel,
 * that channel's body), and the cards: a measure, its form, the list, the December evaluation
 * list. The writing flows are in measure-changes.ts, the focus-area parts in focus-status.ts.
 */
export interface MeasureScene {
  readonly viewer: Viewer;
  readonly standing: Standing;
  readonly coordinator: boolean;
  /** What this request may show: in a channel its body, in a personal chat every body the person may read. */
  readonly read: ReadScope;
  /** What a coordinator acts on: every body of the network. */
  readonly act: ReadScope;
  readonly today: string;
}

export async function measureScene(services: Services, req: { readonly actor: Actor; readonly place: Place; readonly now: Date }): Promise<MeasureScene> {
  const standing = await services.standing(req.actor, req.place);
  return sceneOf(await resolveViewer(services, req.actor, standing, req.place), standing, req.now);
}

/** The scene of a viewer already resolved (the tab resolves its viewer once per request). */
export function sceneOf(viewer: Viewer, standing: Standing, now: Date): MeasureScene {
  const coordinator = standing.coordinator || standing.admin;
  return { viewer, standing, coordinator, read: displayScope(viewer), act: actingScope(viewer), today: dayOfInstant(now.toISOString()) };
}

/** The measure as this person may see it (coordinators: any of the network; others: their bodies'). */
export async function measureFor(services: Services, scene: MeasureScene, id: string): Promise<Measure | undefined> {
  return services.measures.getIn(scene.coordinator ? scene.act : scene.read, id);
}

/** Body name by id ('?' for a body no longer registered). */
export function nameOf(all: readonly Body[]): (id: string) => string {
  return (id) => all.find((b) => b.id === id)?.name ?? '?';
}

/** Where a measure came from, in words. */
export async function sourceText(services: Services, locale: Locale, scene: MeasureScene, m: Measure): Promise<string> {
  const t = pick(locale, MEASURE_TEXTS).source;
  const s = m.source;
  if (s.kind === 'manual') return t.manual;
  if (s.kind === 'task') return format(t.task, { body: nameOf(scene.viewer.all)(s.bodyId), date: longDate(dayOfInstant(s.meetingStartUtc), locale) });
  const copy = await services.escalations.get(scene.coordinator ? scene.act : scene.read, s.escalationId);
  return copy?.escalation.title ? format(t.escalation, { title: copy.escalation.title }) : t.escalationErased;
}

/** A measure's card for this person. */
export async function measureCardFor(
  services: Services,
  locale: Locale,
  scene: MeasureScene,
  m: Measure,
  extra: { notice?: string; noticeColor?: 'Good' | 'Attention' | 'Warning'; errors?: readonly FieldError[] } = {},
): Promise<CardJson> {
  const [history, source] = await Promise.all([services.measures.history(m.tenantId, m.id), sourceText(services, locale, scene, m)]);
  return measureCard(locale, {
    measure: m,
    history,
    coordinator: scene.coordinator,
    today: scene.today,
    bodyName: nameOf(scene.viewer.all),
    sourceText: source,
    ...extra,
  });
}

/** The year whose focus areas a measure is filed under: its start's, else this year. */
export function measureYear(start: string | undefined, today: string): number {
  return Number((start ?? today).slice(0, 4));
}

/** The focus areas offered for a year, id and label in the reader's language. */
export async function areasOfYear(services: Services, tenantId: string, year: number, locale: Locale): Promise<{ id: string; label: string }[]> {
  return (await services.focusAreas.forYear(tenantId, year)).map((a) => ({ id: a.id, label: focusAreaLabel(a, locale) }));
}

/** The default owner of a new measure: the channel's body, else the coordination group. */
export function defaultOwner(scene: MeasureScene): string | undefined {
  return scene.viewer.here?.id ?? scene.viewer.all.find((b) => b.kind === 'coordinationGroup')?.id ?? scene.viewer.all[0]?.id;
}

/** The form to register (no measure), change or evaluate a measure. */
export async function measureFormFor(
  services: Services,
  locale: Locale,
  scene: MeasureScene,
  mode: FormMode,
  m: Measure | undefined,
  extra: {
    values?: Readonly<Record<string, unknown>>;
    errors?: readonly FieldError[];
    notice?: string;
    noticeColor?: 'Good' | 'Attention' | 'Warning';
    version?: number;
  } = {},
): Promise<CardJson> {
  const typedStart = typeof extra.values?.start === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(extra.values.start) ? extra.values.start : undefined;
  const year = measureYear(typedStart ?? m?.start, scene.today);
  const formId = typeof extra.values?.formId === 'string' && extra.values.formId ? extra.values.formId : randomUUID();
  return measureFormCard(locale, {
    mode,
    measure: m,
    focusAreas: await areasOfYear(services, scene.viewer.tenantId, year, locale),
    bodies: scene.viewer.all.map((b) => ({ id: b.id, name: b.name })),
    defaultOwner: defaultOwner(scene),
    formId,
    sourceText: m ? await sourceText(services, locale, scene, m) : undefined,
    ...extra,
  });
}

export type ListFilter = { readonly kind: 'active' } | { readonly kind: 'year'; readonly year: number } | { readonly kind: 'all' };

/** At most this many measures on a list card (the rest: «tiltak alle», the tab). */
export const LIST_MAX = 25;

const rank = (m: Measure, today: string): number => {
  const s = standingOf(m, today).kind;
  return s === 'overdue' ? 0 : s === 'ongoing' ? 1 : s === 'planned' ? 2 : 3;
};

/** The register as a list card: active measures by default, those of a year, or all. */
export async function measureListFor(services: Services, locale: Locale, scene: MeasureScene, filter: ListFilter, notice?: string): Promise<CardJson> {
  const t = pick(locale, MEASURE_TEXTS).list;
  const all = await services.measures.list(scene.coordinator && !scene.viewer.here ? scene.act : scene.read);
  const year = Number(scene.today.slice(0, 4));
  const chosen = all.filter((m) =>
    filter.kind === 'all' ? true : filter.kind === 'year' ? ranInYear(m, filter.year) : !isClosed(m.state) || ranInYear(m, year),
  );
  chosen.sort(
    (a, b) => rank(a, scene.today) - rank(b, scene.today) || (a.end ?? '9999').localeCompare(b.end ?? '9999') || a.title.localeCompare(b.title, 'nb'),
  );
  const items: ListItem[] = chosen.slice(0, LIST_MAX).map((m) => listItem(locale, m, scene.today, t.open, { measureId: m.id }));
  return measureListCard(locale, {
    title: filter.kind === 'all' ? t.titleAll : filter.kind === 'year' ? format(t.titleYear, { year: filter.year }) : t.title,
    intro: format(scene.coordinator ? t.intro : t.introMember, { count: chosen.length }),
    empty: t.empty,
    items,
    more: chosen.length > LIST_MAX ? format(t.more, { n: chosen.length - LIST_MAX }) : '',
    coordinator: scene.coordinator,
    notice,
    statusYear: filter.kind === 'year' ? filter.year : undefined,
  });
}

/** The measures of a year that a coordinator is asked to evaluate (December), those without evaluation first. */
export async function evaluationListFor(
  services: Services,
  locale: Locale,
  scene: Pick<MeasureScene, 'act' | 'today' | 'coordinator'>,
  year: number,
): Promise<CardJson> {
  const t = pick(locale, MEASURE_TEXTS);
  const ran = (await services.measures.list(scene.act)).filter((m) => ranInYear(m, year));
  const done = (m: Measure): boolean => !!m.evaluation && !!m.conclusion;
  ran.sort((a, b) => Number(done(a)) - Number(done(b)) || a.title.localeCompare(b.title, 'nb'));
  const items = ran
    .slice(0, LIST_MAX)
    .map((m) =>
      listItem(
        locale,
        m,
        scene.today,
        t.card.evaluate,
        { measureId: m.id, mode: 'evaluate' },
        done(m) ? format(t.evaluation.evaluated, { conclusion: t.conclusions[m.conclusion!] }) : t.evaluation.open,
      ),
    );
  return measureListCard(locale, {
    title: format(t.evaluation.title, { year }),
    intro: format(t.evaluation.intro, { year }),
    empty: format(t.evaluation.none, { year }),
    items,
    more: ran.length > LIST_MAX ? format(t.list.more, { n: ran.length - LIST_MAX }) : '',
    coordinator: scene.coordinator,
    statusYear: year,
  });
}
