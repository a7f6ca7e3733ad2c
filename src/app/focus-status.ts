import { monthsOfYear } from '../domain/annual-report';
import { dayOfInstant } from '../domain/digest';
import { type AreaStatus, focusAreaStatus } from '../domain/measures/focus-status';
import type { FocusStatusText } from '../domain/measures/model';
import { type ReadScope, systemScope } from '../domain/visibility';
import type { ActionOutcome, ActionRequest, CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { focusStatusCard } from '../views/focus-area-cards';
import { longDate } from '../views/measures';
import { screenFields } from './guard-fields';
import { STATUS_TEXT_INPUT } from './measure-fields';
import { areasOfYear, type MeasureScene, measureScene } from './measures';
import type { Services } from './services';

/**
 * «Status og fremdrift per innsatsområde» (issue 17): gathered for the `tiltak status` card, the
 * tab and the annual report, and the coordinators' status texts saved per area and year against
 * the version their card showed (a text changed meanwhile is not overwritten silently) — decided
 * once (`writeFocusStatus`) for the `focusStatus.save` card and the tab's `POST /api/tab/focus-status`.
 * Trend topics are counted across the network (statistics, no text); measures within `scope`.
 */
export async function focusStatusOf(services: Services, tenantId: string, scope: ReadScope, year: number, now: Date, locale: Locale): Promise<AreaStatus[]> {
  const bodies = await services.bodies.list(tenantId);
  const [areas, measures, texts] = await Promise.all([
    areasOfYear(services, tenantId, year, locale),
    services.measures.list(scope),
    services.measures.statusTexts(tenantId, year),
  ]);
  const network = systemScope(
    tenantId,
    bodies.map((b) => b.id),
  );
  return focusAreaStatus({
    year,
    today: dayOfInstant(now.toISOString()),
    areas,
    measures,
    topics: services.yearTopics.topics(network, monthsOfYear(year), false),
    texts,
  });
}

/** The status card for this person (coordinators get the text inputs). */
export async function focusStatusCardFor(
  services: Services,
  locale: Locale,
  scene: MeasureScene,
  year: number,
  now: Date,
  extra: {
    values?: Readonly<Record<string, unknown>>;
    errors?: readonly FieldError[];
    notice?: string;
    noticeColor?: 'Good' | 'Attention';
    versions?: Record<string, number>;
  } = {},
): Promise<CardJson> {
  const areas = await focusStatusOf(services, scene.viewer.tenantId, scene.coordinator ? scene.act : scene.read, year, now, locale);
  return focusStatusCard(locale, { year, areas, coordinator: scene.coordinator, ...extra });
}

/** Parses the versions the card carried (JSON: area id → version); junk counts as none. */
function versionsOf(json: string | undefined): Record<string, number> {
  try {
    const v = JSON.parse(json ?? '{}') as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter(([k, n]) => /^[a-z0-9-]{1,44}$/.test(k) && Number.isInteger(n) && (n as number) >= 0)) as Record<
      string,
      number
    >;
  } catch (err) {
    if (err instanceof SyntaxError) return {};
    throw err;
  }
}

/** The data of `focusStatus.save` after validation (measure-fields.ts `focusStatusSchema`). */
export interface FocusStatusData {
  readonly year: number;
  readonly versions?: string;
  readonly texts: Readonly<Record<string, string>>;
}

/** What saving status texts came to; `values` are the texts as given, `versions` what to save against next. */
export type FocusStatusResult =
  | { readonly kind: 'refused' }
  | {
      /** `blocked`: the guard refused a text, nothing saved; `stale`: a text was written meanwhile (error per field), the others saved. */
      readonly kind: 'blocked' | 'stale' | 'done';
      readonly errors: readonly FieldError[];
      readonly values: Readonly<Record<string, string>>;
      readonly versions: Readonly<Record<string, number>>;
      readonly saved: number;
      /** Focus area ids given that the year does not have (left out). */
      readonly unknown: readonly string[];
    };

/** `focusStatus.save`: the status texts of the year's focus areas, each against the version shown. */
export async function writeFocusStatus(services: Services, req: ActionRequest<FocusStatusData>, scene: MeasureScene): Promise<FocusStatusResult> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS);
  if (!scene.coordinator) return { kind: 'refused' };
  const tenantId = scene.viewer.tenantId;
  const { year } = req.data;
  const known = new Set((await areasOfYear(services, tenantId, year, locale)).map((a) => a.id));
  for (const s of await services.measures.statusTexts(tenantId, year)) known.add(s.focusAreaId);
  const given = Object.entries(req.data.texts).map(([field, text]) => ({ field, id: STATUS_TEXT_INPUT.exec(field)?.[1] ?? '', text }));
  const texts = given.filter((x) => x.id && known.has(x.id));
  const unknown = given.filter((x) => !texts.includes(x)).map((x) => x.id);
  const values: Record<string, string> = Object.fromEntries(texts.map((x) => [x.field, x.text]));
  const versions = versionsOf(req.data.versions);
  const blocked = screenFields(values, locale);
  if (blocked.length > 0) return { kind: 'blocked', errors: blocked, values, versions, saved: 0, unknown };
  const errors: FieldError[] = [];
  let saved = 0;
  for (const x of texts) {
    type Outcome = 'unchanged' | { readonly stale: FocusStatusText } | { readonly saved: number };
    const outcome = await services.measures.changeStatusText<Outcome>(tenantId, year, x.id, (current) => {
      if ((current?.text ?? '') === x.text) return { result: 'unchanged' };
      // Written meanwhile by someone else (a card naming a version with nothing stored has nothing to overwrite).
      if (current && current.version !== (versions[x.id] ?? 0)) return { result: { stale: current } };
      const next: FocusStatusText = {
        year,
        focusAreaId: x.id,
        text: x.text,
        version: (current?.version ?? 0) + 1,
        updatedAt: req.now.toISOString(),
        updatedBy: req.actor.id,
        updatedByName: req.actor.name,
      };
      return { write: next, result: { saved: next.version } };
    });
    if (outcome === 'unchanged') continue;
    if ('saved' in outcome) {
      saved++;
      versions[x.id] = outcome.saved;
    } else {
      const s = outcome.stale;
      errors.push({
        field: x.field,
        message: format(t.status.stale, { name: s.updatedByName || '?', date: longDate(dayOfInstant(s.updatedAt), locale), text: s.text }),
      });
      versions[x.id] = s.version; // saving again replaces it, knowingly
    }
  }
  services.log.info({ cid: req.correlationId, year, saved, stale: errors.length }, 'focus status texts');
  return { kind: errors.length > 0 ? 'stale' : 'done', errors, values, versions, saved, unknown };
}

/** `focusStatus.save` on a card: the status card again, with the outcome or the errors next to the texts. */
export async function saveFocusStatus(services: Services, req: ActionRequest<FocusStatusData>): Promise<ActionOutcome> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS);
  const scene = await measureScene(services, req);
  const r = await writeFocusStatus(services, req, scene);
  if (r.kind === 'refused') return { type: 'message', text: t.command.coordinatorsOnly };
  const extra =
    r.kind === 'done'
      ? { notice: r.saved > 0 ? t.status.saved : t.status.unchanged }
      : { values: r.values, errors: r.errors, notice: t.notices.errorSummary, noticeColor: 'Attention' as const, versions: { ...r.versions } };
  return { type: 'card', card: await focusStatusCardFor(services, locale, scene, req.data.year, req.now, extra) };
}
