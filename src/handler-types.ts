import type { ChannelKind } from './domain/bodies';
import type { Locale } from './i18n';

/**
 * Plain request/reply types between the bot edge (src/bot) and the handlers, and the field errors
 * handlers return and views show next to the fields.
 * No Bot Framework types cross this line, so moving to the Microsoft 365 Agents SDK
 * means rewriting src/bot only.
 */

/** The person behind an activity. Identified by Entra object id, never by display text. */
export interface Actor {
  /** Entra object id (`from.aadObjectId`). */
  readonly id: string;
  readonly name: string;
  readonly tenantId: string;
  /** Teams channel account id (`from.id`), needed to address the person in the roster/1:1. */
  readonly channelAccountId: string;
}

export type PlaceKind = 'personal' | 'channel' | 'groupChat';

/** Where the activity came from, and what is needed to post there again later. */
export interface Place {
  readonly kind: PlaceKind;
  /** Conversation id as Teams sends it (in a channel thread it carries `;messageid=`). */
  readonly conversationId: string;
  /** Teams channel id (for channels: the conversation id without the thread suffix). */
  readonly channelId?: string;
  readonly channelName?: string;
  /** The channel's kind when the activity says it (`channelData.channel.type`). */
  readonly channelType?: ChannelKind;
  readonly teamId?: string;
  readonly teamName?: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
  readonly botName: string;
}

export interface RequestBase {
  readonly actor: Actor;
  readonly place: Place;
  readonly locale: Locale;
  readonly now: Date;
  /** Correlation id for logs. */
  readonly correlationId: string;
}

export interface CommandRequest extends RequestBase {
  /** Everything after the command word, trimmed. */
  readonly args: string;
  /** Id of the activity that carried the command (for thread replies). */
  readonly activityId?: string;
  /** When the message was a reply in a thread: the root activity id of the thread. */
  readonly threadRootId?: string;
}

export interface ActionRequest<D = Record<string, unknown>> extends RequestBase {
  readonly verb: string;
  readonly data: D;
  /** Id of the message that holds the card the action came from. */
  readonly cardActivityId?: string;
}

/** An Adaptive Card as JSON, ready to send. */
export type CardJson = Record<string, unknown>;

/** What a command answers: text or a card, posted in the same conversation. */
export type Reply = { readonly type: 'text'; readonly text: string } | { readonly type: 'card'; readonly card: CardJson };

/** What a card action answers: a card that replaces the one clicked, or a short message. */
export type ActionOutcome = { readonly type: 'card'; readonly card: CardJson } | { readonly type: 'message'; readonly text: string };

/** A field-level error, shown next to the field on the card that is sent back. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}
