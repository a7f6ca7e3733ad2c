import type { Config } from '../config';
import type { Body, BodyReader } from '../domain/bodies';
import { countTrends, digestWindow, monthStartUtc, shiftMonth, summariseTrends } from '../domain/digest';
import { type DigestContent, parseDigestContent } from '../domain/digest-content';
import { dueWindow, summariseDue } from '../domain/digest-due';
import { summariseEscalations, summariseMeetings } from '../domain/digest-sections';
import { type FocusArea, focusAreaLabel } from '../domain/focus-areas';
import { registerDue, registerLinks, withoutIds } from '../domain/measures/follow-up';
import type { Measure } from '../domain/measures/model';
import type { Meeting } from '../domain/meetings';
import { membersOf } from '../domain/membership';
import type { Outbox, Roster, RosterMember, TeamDirectory } from '../domain/ports';
import { type ReadScope, systemScope } from '../domain/visibility';
import { format, type Locale, pick } from '../i18n';
import { DIGEST_TEXTS } from '../i18n/digest';
import type { Logger } from '../log';
import type { DigestSources } from '../storage/table/digest-sources';
import { type DigestRepository, type DigestSend, parseSendRowKey } from '../storage/table/digests';
import type { PoliceStatsRepository } from '../storage/table/police-stats';
import { digestCard, monthName } from '../views/digest';
import { digestPoliceSection } from './police-stats';

/**
 * The monthly digest's flows (issue 6): gathering its content from storage (streamed), sending
 * it to the board's channel under an idempotent outbox key, and the board's "Lest". Used by the
 * `rapport` command, the `digest.send`/`digest.ack` actions and the scheduled job.
 */
export interface DigestDeps {
  readonly config: Pick<Config, 'suppressBelow' | 'defaultLocale'>;
  readonly log: Logger;
  readonly bodies: BodyReader;
  readonly meetings: { listForBody(tenantId: string, bodyId: string): Promise<Meeting[]> };
  readonly focusAreas: { get(tenantId: string): Promise<FocusArea[]> };
  readonly digestSources: DigestSources;
  readonly digests: DigestRepository;
  readonly roster: Roster;
  readonly teams?: TeamDirectory;
  readonly roles: { list(tenantId: string): Promise<{ aadObjectId: string; coordinator: boolean }[]> };
  readonly outbox: Outbox;
  /** The police's statistics (issue 16). */
  readonly policeStats?: PoliceStatsRepository;
  /** The measures register (issue 17): its status decides what the due list shows. */
  readonly measures?: { list(scope: ReadScope): Promise<Measure[]> };
}

/**
 * Gathers a month's digest. The digest is statistics for the whole network, so it reads every
 * body (`systemScope`); which matter titles it may name is decided in domain/digest-sections.
 * Trends of the six months, the matters, the measures and the minutes' tasks are streamed from
 * their partitions, never collected (only what the digest lists is kept).
 */
export async function buildDigest(deps: DigestDeps, tenantId: string, month: string, locale: Locale, now: Date): Promise<DigestContent> {
  const bodies = await deps.bodies.list(tenantId);
  const scope = systemScope(
    tenantId,
    bodies.map((b) => b.id),
  );
  const board = bodies.find((b) => b.kind === 'board');
  const window = digestWindow(month);
  const dueIn = dueWindow(month, now);
  const kindOf = (id: string) => bodies.find((b) => b.id === id)?.kind;
  // Measures of the register are listed by their status; the matters and tasks they came from are not listed again.
  const register = deps.measures ? await deps.measures.list(scope) : [];
  const links = registerLinks(register);
  const [areas, counts, escalations, due, meetingLists, police] = await Promise.all([
    deps.focusAreas.get(tenantId),
    countTrends(deps.digestSources.trendFacts(scope, window), window),
    summariseEscalations(deps.digestSources.escalationFacts(scope, { touchedSince: monthStartUtc(month) }), month, board?.id),
    // Tasks given at meetings up to the month's end (a digest of an earlier month shows what it knew then).
    summariseDue(
      withoutIds(deps.digestSources.measureFacts(scope, dueIn.before), links.escalationIds),
      withoutIds(deps.digestSources.taskFacts(scope, { meetingBefore: monthStartUtc(shiftMonth(month, 1)) }), links.taskIds),
      dueIn,
      kindOf,
      registerDue(register, dueIn.before),
    ),
    Promise.all(bodies.map(async (b) => [b.id, await deps.meetings.listForBody(tenantId, b.id)] as const)),
    deps.policeStats ? digestPoliceSection({ policeStats: deps.policeStats, config: deps.config }, tenantId, month) : undefined,
  ]);
  const trends = summariseTrends(counts, month, {
    areas: areas.map((a) => ({ id: a.id, label: focusAreaLabel(a, locale) })),
    bodies: bodies.map((b) => ({ id: b.id, label: b.name })),
  });
  return {
    version: 1,
    month,
    generatedAt: now.toISOString(),
    suppressBelow: deps.config.suppressBelow,
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
    boardId: board?.id,
    trends,
    escalations,
    due,
    meetings: summariseMeetings(bodies, new Map(meetingLists), month, now),
    ...(police ? { police } : {}),
  };
}

/** The board: its members (membersOf), except the coordinators (its secretaries). Undefined when Teams cannot be asked. */
export async function boardReaders(deps: DigestDeps, board: Body): Promise<RosterMember[] | undefined> {
  try {
    const [{ members }, roles] = await Promise.all([membersOf(deps, board), deps.roles.list(board.tenantId)]);
    const coordinators = new Set(roles.filter((r) => r.coordinator).map((r) => r.aadObjectId));
    return members.filter((m) => !coordinators.has(m.aadObjectId));
  } catch (err) {
    deps.log.warn({ err: (err as Error).name, bodyId: board.id }, 'digest: board roster not readable; read count shown without total');
    return undefined;
  }
}

/** How many of the board have read a month's digest, and (for coordinators) who has not. */
export async function ackStatus(deps: DigestDeps, board: Body, month: string): Promise<{ count: number; total?: number; notAcked?: string[] }> {
  const [readers, acks] = await Promise.all([boardReaders(deps, board), deps.digests.acks(board.tenantId, month)]);
  if (!readers) return { count: acks.length };
  const acked = new Set(acks.map((a) => a.aadObjectId));
  return {
    count: readers.filter((r) => acked.has(r.aadObjectId)).length,
    total: readers.length,
    notAcked: readers
      .filter((r) => !acked.has(r.aadObjectId))
      .map((r) => r.name)
      .sort((a, b) => a.localeCompare(b, 'nb')),
  };
}

/** The card as it stands in the board's channel: the board's view, with the read count. */
export function boardCard(
  deps: Pick<DigestDeps, 'config'>,
  content: DigestContent,
  send: Pick<DigestSend, 'sentAt' | 'sentBy' | 'sentByName'>,
  ack: { count: number; total?: number },
) {
  return digestCard(deps.config.defaultLocale, content, {
    ack,
    sent: { at: send.sentAt, byName: send.sentByName, byScheduler: send.sentBy === SCHEDULER },
    canAck: true,
    canSend: false,
  });
}

/** `sentBy` of a digest the scheduler sent. */
export const SCHEDULER = 'scheduler';
/** Outbox key of a sending's post in the board's channel. */
export const digestPostKey = (tenantId: string, month: string, sendNo: number): string => `digest:${tenantId}:${month}:${sendNo}`;

export type SendOutcome =
  | { readonly kind: 'sent'; readonly send: DigestSend }
  | { readonly kind: 'taken'; readonly current: DigestSend }
  | { readonly kind: 'noBoard' };

/**
 * Sends sending number `sendNo` of a month's digest: archives it (insert-only on that number)
 * and queues the post in the board's channel, its activity id written back to the archive row.
 * When the number is taken, nothing new is written and the current sending is returned — and if
 * it is this very number (archived, then a crash before its post was queued) its post is queued
 * again under the same key, which posts it at most once.
 */
export async function sendDigest(
  deps: DigestDeps,
  p: { tenantId: string; month: string; sendNo: number; by: { id: string; name: string }; now: Date },
): Promise<SendOutcome> {
  const board = (await deps.bodies.list(p.tenantId)).find((b) => b.kind === 'board');
  if (!board) return { kind: 'noBoard' };
  const existing = await deps.digests.latest(p.tenantId, p.month);
  if (existing && existing.sendNo > p.sendNo) return { kind: 'taken', current: existing };
  if (existing && existing.sendNo === p.sendNo) {
    // Archived before, perhaps without its post queued (a crash in between): the same key posts at most once.
    await queuePost(deps, board, existing, JSON.parse(existing.content) as DigestContent);
    return { kind: 'taken', current: existing };
  }
  const content = await buildDigest(deps, p.tenantId, p.month, deps.config.defaultLocale, p.now);
  const send = {
    tenantId: p.tenantId,
    month: p.month,
    sendNo: p.sendNo,
    sentBy: p.by.id,
    sentByName: p.by.name,
    sentAt: p.now.toISOString(),
    boardId: board.id,
    content: JSON.stringify(content),
  };
  if (!(await deps.digests.record(send))) {
    const current = await deps.digests.latest(p.tenantId, p.month);
    if (!current) throw new Error('digest sending taken but not found');
    return { kind: 'taken', current }; // another instance or coordinator got there first and posts it
  }
  await queuePost(deps, board, send, content);
  deps.log.info({ tenant: p.tenantId, month: p.month, sendNo: p.sendNo, scheduler: p.by.id === SCHEDULER }, 'digest sent');
  return { kind: 'sent', send };
}

/** Queues a sending's post in the board's channel (key per sending), its activity id written back to the archive. */
async function queuePost(deps: DigestDeps, board: Body, send: DigestSend, content: DigestContent): Promise<void> {
  const readers = await boardReaders(deps, board);
  await deps.outbox.enqueue({
    key: digestPostKey(send.tenantId, send.month, send.sendNo),
    tenantId: send.tenantId,
    target: board.ref,
    message: { type: 'card', card: boardCard(deps, content, send, { count: 0, total: readers?.length }) },
    sink: deps.digests.cardSink(send.tenantId, send.month, send.sendNo),
    label: digestLabel(deps, send.month),
  });
}

/** 'månedsrapport oktober 2026' for `status` (no user text). */
function digestLabel(deps: Pick<DigestDeps, 'config'>, month: string): string {
  const locale = deps.config.defaultLocale;
  return format(pick(locale, DIGEST_TEXTS).label, { month: monthName(month, locale) }).slice(0, 120);
}

/**
 * After a "Lest": updates the posted card in place with the new count. The count is read again
 * after each update is queued and queued once more if it moved meanwhile, so whichever update is
 * queued last carries a count read after every "Lest" before it (keys carry count and reader,
 * so each of these is queued once).
 */
export async function refreshBoardCard(
  deps: DigestDeps,
  board: Body,
  given: DigestSend,
  content: DigestContent,
  actorId: string,
): Promise<{ count: number; total?: number }> {
  let status = await ackStatus(deps, board, given.month);
  // Read after the «Lest» was stored: either this sees the id the outbox wrote, or the outbox,
  // writing it after, sees this «Lest» (digestPosted) — never neither.
  const send = given.cardActivityId ? given : await deps.digests.latest(given.tenantId, given.month);
  if (!send?.cardActivityId || send.sendNo !== given.sendNo) return status; // the post is on its way: digestPosted updates it
  const target = send.cardConversationId ? { ...board.ref, conversationId: send.cardConversationId } : board.ref;
  for (let round = 0; round < 5; round++) {
    await deps.outbox.enqueue({
      key: `digest-ack:${send.tenantId}:${send.month}:${send.sendNo}:${status.count}:${actorId}`,
      tenantId: send.tenantId,
      target,
      replaceActivityId: send.cardActivityId,
      // More reads, newer card: the outbox drops a queued update with a lower count.
      revision: status.count,
      message: { type: 'card', card: boardCard(deps, content, send, status) },
      label: digestLabel(deps, send.month),
    });
    const again = await ackStatus(deps, board, send.month);
    if (again.count === status.count) break;
    status = again;
  }
  return status;
}

/**
 * The outbox wrote the id of a sending's post (`digests` sink): a «Lest» clicked while the post
 * was on its way found no activity to update and the post shows the count it was rendered with
 * (0), so it is updated now with the current count. Nothing to do without a «Lest», or when a
 * later sending of the month has taken over.
 */
export async function digestPosted(deps: DigestDeps, tenantId: string, rowKey: string): Promise<void> {
  const key = parseSendRowKey(rowKey);
  if (!key) return;
  const [send, acks] = await Promise.all([deps.digests.latest(tenantId, key.month), deps.digests.acks(tenantId, key.month)]);
  if (!send || send.sendNo !== key.sendNo || acks.length === 0) return;
  const board = (await deps.bodies.list(tenantId)).find((b) => b.kind === 'board');
  const content = parseDigestContent(send.content);
  if (board && content) await refreshBoardCard(deps, board, send, content, 'posted');
}
