/**
 * SLT bodies: the three levels of the network (DOMAIN.md). A body is bound to one Teams
 * channel; its members are that channel's readers as Teams defines them (src/domain/membership.ts).
 */
export type BodyKind = 'youthTeam' | 'coordinationGroup' | 'board';
export const BODY_KINDS: readonly BodyKind[] = ['youthTeam', 'coordinationGroup', 'board'];

/**
 * The kind of a Teams channel (`channelData.channel.type`, `ChannelInfo.type`): a standard
 * channel is read by the whole team; a private or shared one by its own members.
 */
export type ChannelKind = 'standard' | 'private' | 'shared';
export const CHANNEL_KINDS: readonly ChannelKind[] = ['standard', 'private', 'shared'];

/** Teams' channel type as a kind; anything else is not known. */
export function channelKindOf(value: unknown): ChannelKind | undefined {
  return typeof value === 'string' && (CHANNEL_KINDS as readonly string[]).includes(value) ? (value as ChannelKind) : undefined;
}

/** What is needed to post into a conversation later without being spoken to. */
export interface ConversationRef {
  readonly serviceUrl: string;
  /** The conversation to post into (for a channel: the channel id, no `;messageid=`). */
  readonly conversationId: string;
  readonly tenantId: string;
  readonly botId: string;
  readonly botName?: string;
  readonly teamId?: string;
  readonly channelId?: string;
}

export interface Body {
  readonly tenantId: string;
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: string;
  readonly cadenceWeeks: number;
  /** Usual weekday 1 (Mon) – 5 (Fri), and time HH:mm Oslo, used as defaults for `møte`. */
  readonly weekday?: number;
  readonly time?: string;
  readonly durationMinutes: number;
  readonly channelId: string;
  readonly channelName?: string;
  /** The channel's kind as Teams gave it at registration; undefined for bodies registered before kinds were recorded. */
  readonly channelType?: ChannelKind;
  /** The team's name as Teams gave it, for saying who reads the body. */
  readonly teamName?: string;
  readonly ref: ConversationRef;
  readonly registeredBy: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

/** Where an escalation from a body goes next: youth team → coordination group → board. */
export function nextLevel(kind: BodyKind): BodyKind | undefined {
  return kind === 'youthTeam' ? 'coordinationGroup' : kind === 'coordinationGroup' ? 'board' : undefined;
}

/** Read side of the bodies repository, owned by the domain. */
export interface BodyReader {
  get(tenantId: string, bodyId: string): Promise<Body | undefined>;
  byChannel(tenantId: string, channelId: string): Promise<Body | undefined>;
  list(tenantId: string): Promise<Body[]>;
}
