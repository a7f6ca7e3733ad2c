import type { ChannelKind, ConversationRef } from './bodies';

/**
 * Ports the domain and handlers use; implemented at the edges (src/bot for Teams,
 * src/storage/table for Azure Tables, src/scheduler for the job machinery).
 */

/** A member of a Teams conversation as the roster API reports it. */
export interface RosterMember {
  readonly aadObjectId: string;
  readonly channelAccountId: string;
  readonly name: string;
  readonly email?: string;
  /** Entra user principal name, the address Exchange takes when a member has no e-mail. */
  readonly userPrincipalName?: string;
}

/**
 * Members of a Teams conversation (a team, a channel), read through the Teams roster APIs and
 * cached briefly. Which conversation holds a body's members is decided in one place:
 * src/domain/membership.ts (`membersOf`, `isMemberOf`).
 */
export interface Roster {
  /** `fresh`: read Teams now rather than reuse a cached answer (who is invited to a meeting is decided on it). */
  members(ref: ConversationRef, options?: { readonly fresh?: boolean }): Promise<RosterMember[]>;
  isMember(ref: ConversationRef, aadObjectId: string): Promise<boolean>;
}

/** A team, and where to reach Teams for it. */
export interface TeamRef {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
  readonly botName?: string;
  readonly teamId: string;
}

/** A channel as Teams lists it for its team (`ChannelInfo`): the General channel has no name, older answers no kind. */
export interface TeamChannel {
  readonly name?: string;
  readonly kind?: ChannelKind;
}

/** What Teams says about a team (cached briefly). */
export interface TeamDirectory {
  /** The team's channels by id, with name and kind (`ChannelInfo.type`) where Teams gives them. */
  channels(team: TeamRef): Promise<ReadonlyMap<string, TeamChannel>>;
  /** The team's name, when Teams gives it. */
  teamName(team: TeamRef): Promise<string | undefined>;
}

/** A message for the outbound queue: text or a rendered Adaptive Card. */
export type OutboundMessage = { readonly type: 'text'; readonly text: string } | { readonly type: 'card'; readonly card: Record<string, unknown> };

/** Where to write the posted activity id back, so later changes can update the card in place. */
export interface ActivityIdSink {
  readonly table: string;
  readonly partitionKey: string;
  readonly rowKey: string;
  /** Property names to set: activity id and conversation id. */
  readonly activityIdField: string;
  readonly conversationIdField?: string;
}

export interface OutboxItem {
  /** Idempotency key: enqueuing the same key twice sends once. */
  readonly key: string;
  readonly tenantId: string;
  readonly target: ConversationRef;
  readonly message: OutboundMessage;
  /** Update this earlier activity in place instead of posting a new one. */
  readonly replaceActivityId?: string;
  /**
   * For an update: its place among the updates of the same activity (the record's version). A
   * queued update with a higher revision (or, without one, queued later) supersedes it.
   */
  readonly revision?: number;
  /** Post into this thread (root activity id) instead of as a new top-level post. */
  readonly replyToId?: string;
  /** Send to one person 1:1 (Entra object id) instead of the conversation. */
  readonly toUser?: { readonly aadObjectId: string; readonly channelAccountId?: string };
  readonly sink?: ActivityIdSink;
  /** Human-readable label for `status`, no free text of users (e.g. 'agenda Ungdomsteam Vest 12.03'). */
  readonly label: string;
}

/** The one way anything proactive is posted: a persistent queue with retry and rate limits. */
export interface Outbox {
  enqueue(item: OutboxItem): Promise<'queued' | 'duplicate'>;
}

export type JobKind = 'callForTopics' | 'agenda' | 'reminder' | 'minutesPrompt' | 'digest' | 'retention' | 'cadenceWatch' | 'measuresWheel' | 'invitation';

/** A timed job. `key` is unique; scheduling the same key again replaces its due time. */
export interface JobSpec {
  readonly key: string;
  readonly kind: JobKind;
  readonly tenantId: string;
  /** UTC ISO instant. */
  readonly dueAt: string;
  /** Skip (and record as skipped) if the scheduler only gets to it after this instant. */
  readonly notAfter?: string;
  readonly payload: Readonly<Record<string, string | number | boolean>>;
  /** Shown in `status` among the next posts due; no user free text. Default: the kind's name. */
  readonly label?: string;
}

export interface JobScheduler {
  schedule(jobs: readonly JobSpec[]): Promise<void>;
  cancel(keys: readonly string[]): Promise<void>;
}

/**
 * What the cadence watch needs to know about a body's meetings. Implemented over the meetings
 * repository; "held" = not cancelled and its end has passed (domain/meetings `isHeld`).
 */
export interface MeetingStats {
  /** Start (UTC ISO) of the body's most recent held meeting, or undefined when it has held none. */
  lastHeld(tenantId: string, bodyId: string, now: Date): Promise<string | undefined>;
  /** The body's meetings starting in an Oslo calendar year: held by `now`, and still planned (scheduled, not yet held). */
  countInYear(tenantId: string, bodyId: string, year: number, now: Date): Promise<{ held: number; planned: number }>;
}

/** Which incoming activities were already answered, so a redelivered one is answered once only. */
export interface RedeliveryLog {
  /** True the first time an activity id is seen in a tenant, false for a repeated delivery. */
  firstDelivery(tenantId: string, activityId: string, now: Date): Promise<boolean>;
}
