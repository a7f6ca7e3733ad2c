import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
// Type only (erased at runtime): the connector client botbuilder itself depends on.
import type { ConnectorClient, ConversationsGetConversationPagedMembersOptionalParams } from 'botframework-connector';
import type { ConversationRef } from '../domain/bodies';
import type { OutboundMessage } from '../domain/ports';
import { DeliveryError, type Posted, type PostOptions, type ProactiveSender, parseRetryAfter, safeCode } from '../scheduler/delivery';
import { toActivity } from './handler';

/**
 * The `ProactiveSender` port over the Bot Framework connector. Every call runs in a proactive
 * turn (`continueConversationAsync`) and uses that turn's connector client directly, because
 * `createConversationAsync` / `TeamsInfo.sendMessageToTeamsChannel` lose the new activity id
 * on the CloudAdapter path (they report the conversation id instead), and the outbox needs it.
 *
 * - channel ref, no thread: `POST /v3/conversations` with `channelData.channel.id` and the
 *   activity → a new top-level post; the new conversation id is `<channel>;messageid=<id>`.
 * - `replyToId`: `POST /v3/conversations/<channel>;messageid=<root>/activities/<root>`.
 * - `toUser`: `POST /v3/conversations` 1:1 (member by Teams id, looked up by Entra id in the
 *   ref's team when unknown), then the message into it.
 * There is no fallback: a ref without a channel or conversation id fails, visibly, rather than
 * landing in General.
 *
 * Connector errors become `DeliveryError` (status, error code, Retry-After). Note: the SDK's
 * own HTTP pipeline already retries 429/5xx a few times before we see the error.
 */
export class BotFrameworkSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly now: () => number,
  ) {}

  async post(ref: ConversationRef, message: OutboundMessage, options: PostOptions): Promise<Posted> {
    return this.withConnector(ref, async (connector) => {
      const activity = { ...toActivity(message), from: { id: ref.botId, name: ref.botName ?? '' } } as Partial<Activity>;
      if (options.toUser) return this.postToUser(connector, ref, activity, options.toUser);
      const base = baseConversation(ref);
      if (options.replyToId) {
        const conversationId = `${base};messageid=${options.replyToId}`;
        const res = await connector.conversations.replyToActivity(conversationId, options.replyToId, {
          ...activity,
          conversation: { id: conversationId },
        } as Activity);
        return { activityId: res.id ?? '', conversationId };
      }
      if (ref.channelId) {
        const res = await connector.conversations.createConversation({
          isGroup: true,
          bot: { id: ref.botId, name: ref.botName ?? '' },
          channelData: { channel: { id: ref.channelId }, tenant: { id: ref.tenantId } },
          tenantId: ref.tenantId,
          activity: activity as Activity,
          members: [],
        });
        return { activityId: res.activityId ?? '', conversationId: res.id ?? `${base};messageid=${res.activityId ?? ''}` };
      }
      // A group chat or personal chat the bot already talks in.
      const res = await connector.conversations.sendToConversation(base, { ...activity, conversation: { id: base } } as Activity);
      return { activityId: res.id ?? '', conversationId: base };
    });
  }

  async update(ref: ConversationRef, activityId: string, message: OutboundMessage): Promise<void> {
    await this.withConnector(ref, async (connector) => {
      const activity = { ...toActivity(message), id: activityId, conversation: { id: ref.conversationId } } as Activity;
      await connector.conversations.updateActivity(ref.conversationId, activityId, activity);
    });
  }

  private async postToUser(
    connector: ConnectorClient,
    ref: ConversationRef,
    activity: Partial<Activity>,
    user: NonNullable<PostOptions['toUser']>,
  ): Promise<Posted> {
    let memberId = user.channelAccountId;
    if (!memberId) {
      // Teams wants the user's Teams id (29:…) for a 1:1; the team roster knows it by Entra id.
      memberId = await this.memberIdOf(connector, ref.teamId ?? baseConversation(ref), user.aadObjectId);
    }
    const conv = await connector.conversations.createConversation({
      isGroup: false,
      bot: { id: ref.botId, name: ref.botName ?? '' },
      members: [{ id: memberId, name: '' }],
      tenantId: ref.tenantId,
      channelData: { tenant: { id: ref.tenantId } },
    });
    const res = await connector.conversations.sendToConversation(conv.id, { ...activity, conversation: { id: conv.id } } as Activity);
    return { activityId: res.id ?? '', conversationId: conv.id };
  }

  /**
   * The Teams id of the member with this Entra id. Teams answers the lookup by Entra id directly;
   * a connector that knows members only by their Teams id (the Agents Playground's) answers 404,
   * and then the roster is read page by page instead.
   */
  private async memberIdOf(connector: ConnectorClient, conversationId: string, aadObjectId: string): Promise<string> {
    try {
      return (await connector.conversations.getConversationMember(conversationId, aadObjectId)).id;
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 404) throw err;
      let token: string | undefined;
      do {
        // The SDK's type makes the token required; the first page has none.
        const options = (token ? { pageSize: 500, continuationToken: token } : { pageSize: 500 }) as ConversationsGetConversationPagedMembersOptionalParams;
        const page = await connector.conversations.getConversationPagedMembers(conversationId, options);
        const found = page.members?.find((m) => m.aadObjectId === aadObjectId);
        if (found) return found.id;
        token = page.continuationToken;
      } while (token);
      throw err;
    }
  }

  /** Runs `fn` with the connector client of a proactive turn for `ref`; translates errors. */
  private async withConnector<T>(ref: ConversationRef, fn: (connector: ConnectorClient) => Promise<T>): Promise<T> {
    if (!ref.serviceUrl || !baseConversation(ref)) throw new DeliveryError(undefined, 'MissingConversation');
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: ref.serviceUrl,
      conversation: {
        id: baseConversation(ref),
        isGroup: !!ref.channelId,
        tenantId: ref.tenantId,
        conversationType: ref.channelId ? 'channel' : 'personal',
        name: '',
      },
      bot: { id: ref.botId, name: ref.botName ?? '' },
    };
    let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        // Caught here: an error thrown out of the turn would go to adapter.onTurnError and be
        // swallowed there, and the outbox would believe the post succeeded.
        try {
          const connector = context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
          result = { ok: true, value: await fn(connector) };
        } catch (error) {
          result = { ok: false, error };
        }
      });
    } catch (err) {
      throw this.toDeliveryError(err);
    }
    if (!result) throw new DeliveryError(undefined, 'NoResult');
    if (!result.ok) throw this.toDeliveryError(result.error);
    return result.value;
  }

  private toDeliveryError(err: unknown): DeliveryError {
    if (err instanceof DeliveryError) return err;
    const e = err as {
      statusCode?: unknown;
      code?: unknown;
      response?: { headers?: { get?(name: string): string | undefined | null }; bodyAsText?: string | null };
    };
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    const headers = e.response?.headers;
    const retryAfter = headers?.get?.('retry-after-ms') ?? headers?.get?.('x-ms-retry-after-ms');
    const retryAfterMs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : parseRetryAfter(headers?.get?.('retry-after'), this.now());
    return new DeliveryError(
      status,
      safeCode(connectorCode(e.response?.bodyAsText) ?? (typeof e.code === 'string' ? e.code : status ? `HTTP${status}` : 'NetworkError')),
      retryAfterMs,
    );
  }
}

/** The conversation to address: the channel (never the team/General as a fallback) or the chat. */
function baseConversation(ref: ConversationRef): string {
  return (ref.channelId ?? ref.conversationId ?? '').split(';')[0] ?? '';
}

/** The `error.code` of a connector error body, e.g. `ConversationNotFound`, `BotNotInConversationRoster`. */
function connectorCode(body: string | null | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
  } catch {
    return undefined; // not JSON (a proxy's HTML page): the status code says enough
  }
}
