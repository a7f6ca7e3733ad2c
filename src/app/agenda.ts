import { type Agenda, agendaWindow, composeAgenda, NO_EDITS, windowMonths } from '../domain/agenda';
import { type Body, nextLevel } from '../domain/bodies';
import { utcToOslo } from '../domain/calendar';
import { type Escalation, isOpen } from '../domain/escalations';
import { jobStillMeaningful, type Meeting } from '../domain/meetings';
import { openTasks } from '../domain/minutes';
import { bodyScope, systemScope } from '../domain/visibility';
import type { CardJson } from '../handler-types';
import type { Locale } from '../i18n';
import type { AgendaRecord } from '../storage/table/agendas';
import { type AgendaCardContext, type AgendaCardOptions, agendaCard } from '../views/agenda';
import { bodyNames, levelName } from '../views/escalation';
import { type SyncOutcome, syncLivingCard } from './living-card';
import { agendaPoliceUpdate, policeTabUrl } from './police-stats';
import { coordinatorAccounts } from './roles';
import type { Services } from './services';

/**
 * The agenda of a meeting as the bot shows it: loaded from trends, escalations, earlier minutes
 * and the coordinators' edits, composed (domain/agenda), and rendered per viewer. Also keeps the
 * posted agenda card alive: `syncAgendaCard` posts or updates it, `agendaChanged` is what the
 * trend and escalation flows call when something an agenda shows may have changed.
 */
export interface AgendaScene {
  readonly body: Body;
  readonly meeting: Meeting;
  readonly all: readonly Body[];
  readonly agenda: Agenda;
  readonly record?: AgendaRecord;
  /** Where the police item's «Se politistatistikk» leads. */
  readonly policeTabUrl?: string;
}

const ms = (iso: string): number => Date.parse(iso);

/**
 * Loads and composes a meeting's agenda. Before the meeting: matters waiting at the body now and
 * tasks open now. From its start on (the minutes): as it stood when it began — matters still
 * waiting or changed since the start, tasks open at the start.
 */
export async function loadAgenda(services: Services, body: Body, meeting: Meeting, now: Date): Promise<AgendaScene> {
  const { tenantId } = body;
  const started = now.getTime() >= ms(meeting.startUtc);
  const [all, bodyMeetings, record, minutes, focusAreas] = await Promise.all([
    services.bodies.list(tenantId),
    services.meetings.listForBody(tenantId, body.id),
    services.agendas.getAgenda(tenantId, body.id, meeting.id),
    services.agendas.listMinutes(tenantId, body.id),
    services.focusAreas.get(tenantId),
  ]);
  const window = agendaWindow(meeting, bodyMeetings, body.cadenceWeeks);
  const months = windowMonths(window);
  const teams = body.kind === 'coordinationGroup' ? all.filter((b) => b.kind === 'youthTeam') : [];
  const [trends, youthTrends, escalations, police] = await Promise.all([
    services.trends.list(bodyScope(tenantId, body.id), months, body.id),
    // The coordination group's standing item counts the youth teams' topics (statistical form).
    teams.length > 0
      ? services.trends.list(
          systemScope(
            tenantId,
            teams.map((t) => t.id),
          ),
          months,
        )
      : Promise.resolve([]),
    started ? waitingAtStart(services, body, meeting) : services.escalations.openEscalationsAt(tenantId, body.id),
    agendaPoliceUpdate(services, tenantId, meeting.startUtc),
  ]);
  const agenda = composeAgenda({
    meeting,
    bodyKind: body.kind,
    window,
    trends,
    focusAreas,
    youthTeams: teams.length > 0 ? { teams: teams.map((t) => ({ id: t.id, name: t.name })), trends: youthTrends } : undefined,
    escalations,
    bodyNames: new Map(all.map((b) => [b.id, b.name])),
    edits: record?.edits ?? NO_EDITS,
    openTasks: openTasks(minutes, meeting.startUtc, started ? meeting.startUtc : undefined),
    suppressBelow: services.config.suppressBelow,
    police,
  });
  return { body, meeting, all, agenda, record, policeTabUrl: policeTabUrl(services.config) };
}

/** Matters that were waiting at the body when the meeting began (some were treated since). */
async function waitingAtStart(services: Services, body: Body, meeting: Meeting): Promise<Escalation[]> {
  const copies = await services.escalations.listAt(bodyScope(body.tenantId, body.id), body.id, false);
  const start = ms(meeting.startUtc);
  return copies
    .map((c) => c.escalation)
    .filter((e) => ms(e.createdAt) < start && ((isOpen(e.state) && e.levelBodyId === body.id) || ms(e.updatedAt) >= start))
    .reverse();
}

/** The view context of a scene in a language. */
export function cardContext(scene: AgendaScene, locale: Locale): AgendaCardContext {
  const level = levelName(locale, bodyNames(scene.all), nextLevel(scene.body.kind));
  return { body: scene.body, meeting: scene.meeting, agenda: scene.agenda, items: { nextLevelName: level, policeTabUrl: scene.policeTabUrl } };
}

/** The card one person sees: the coordinators' view for coordinators, the read-only one for others. */
export async function agendaCardOf(services: Services, scene: AgendaScene, locale: Locale, opts: Omit<AgendaCardOptions, 'refreshUserIds'>): Promise<CardJson> {
  return agendaCard(locale, cardContext(scene, locale), { ...opts, refreshUserIds: await coordinatorAccounts(services, scene.body) });
}

/** 'agenda Ungdomsteam Vest 18.03' for `status`. */
export function agendaLabel(kind: string, body: Body, m: Meeting): string {
  const d = utcToOslo(m.startUtc).date;
  return `${kind} ${body.name} ${d.slice(8, 10)}.${d.slice(5, 7)}`.slice(0, 120);
}

/** How long to wait before looking again when the first post has not come back with its id. */
const PENDING_RETRY_MS = 60_000;

/**
 * Posts the agenda card (`post`: the scheduler's agenda job) or updates the posted one in place
 * when its content changed. The card in the channel is the read-only view with the coordinators
 * listed for their own view. When the first post is still on its way, a sync job looks again.
 */
export async function syncAgendaCard(services: Services, body: Body, meeting: Meeting, now: Date, post: boolean): Promise<SyncOutcome> {
  const { agendas } = services;
  let record = await agendas.getAgenda(body.tenantId, body.id, meeting.id);
  if (!record?.posted.at && !post) return 'notPosted';
  // Store the record first: the outbox writes the posted card's id onto it.
  record ??= await agendas.ensureAgenda(body.tenantId, body.id, meeting.id, now.toISOString());
  const scene = await loadAgenda(services, body, meeting, now);
  const card = await agendaCardOf(services, scene, services.config.defaultLocale, { coordinator: false });
  const outcome = await syncLivingCard(services.outbox, {
    tenantId: body.tenantId,
    target: body.ref,
    keyBase: `agenda:${meeting.id}`,
    card,
    record,
    sink: agendas.agendaSink(body.tenantId, body.id, meeting.id),
    label: agendaLabel('agenda', body, meeting),
    mayPost: post,
    note: (hash) => agendas.notePosted(body.tenantId, body.id, meeting.id, hash, now.toISOString()),
  });
  if (outcome === 'pending') {
    await services.scheduler.schedule([
      {
        key: `agenda-sync:${meeting.id}`,
        kind: 'agenda',
        tenantId: body.tenantId,
        dueAt: new Date(now.getTime() + PENDING_RETRY_MS).toISOString(),
        notAfter: meeting.startUtc,
        payload: { bodyId: body.id, meetingId: meeting.id },
        label: agendaLabel('agenda', body, meeting),
      },
    ]);
  }
  return outcome;
}

/**
 * Something an agenda shows may have changed (a trend reported, a matter submitted or moved):
 * updates the posted agenda card of each named body's next meeting, and of the coordination
 * group's when a youth team is named (its standing item counts their topics). Never fails the
 * caller's action: a failure is logged, and the next change or refresh catches up.
 */
export async function agendaChanged(services: Services, tenantId: string, bodyIds: readonly string[], now: Date): Promise<void> {
  try {
    const all = await services.bodies.list(tenantId);
    const named = all.filter((b) => bodyIds.includes(b.id));
    const targets = new Set(named.map((b) => b.id));
    if (named.some((b) => b.kind === 'youthTeam')) for (const b of all) if (b.kind === 'coordinationGroup') targets.add(b.id);
    for (const body of all.filter((b) => targets.has(b.id))) {
      const next = (await services.meetings.upcomingForBody(tenantId, body.id, now)).find((m) => jobStillMeaningful('agenda', m, now));
      if (next) await syncAgendaCard(services, body, next, now, false);
    }
  } catch (err) {
    services.log.warn({ err: (err as Error).message }, 'agenda card not updated after a change; the next change or refresh catches up');
  }
}
