import { randomUUID } from 'node:crypto';
import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type InvokeResponse,
  MessageFactory,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { routeAction, routeMessage } from '../app/router';
import type { Services } from '../app/services';
import type { RedeliveryLog } from '../domain/ports';
import type { ActionOutcome, Reply, RequestBase } from '../handler-types';
import { resolveLocale } from '../i18n';
import { actorOf, placeOf, threadRootOf } from './activity-place';
import { apology } from './errors';
import { commandText, type MentionEntity } from './mention';
import { sendReply } from './replies';
import { welcomeText } from './welcome';

const CORRELATION = Symbol('correlationId');

/** Correlation id of the current turn (set on the way in, used by the error sink). */
export function correlationIdOf(context: TurnContext): string {
  let id = context.turnState.get(CORRELATION) as string | undefined;
  if (!id) {
    id = randomUUID().slice(0, 8);
    context.turnState.set(CORRELATION, id);
  }
  return id;
}

/** Turns a plain reply into a Bot Framework activity. */
export function toActivity(reply: Reply): Partial<Activity> {
  return reply.type === 'text' ? MessageFactory.text(reply.text) : MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
}

/**
 * The only class that sees TurnContext: translates activities into plain requests for the
 * router and plain replies back into activities.
 */
export class SltBot extends TeamsActivityHandler {
  /**
   * @param deliveries remembers which activities were answered (Teams redelivers a message when
   *   our answer was slow or lost); built by the composition root over the storage it chose.
   */
  constructor(
    private readonly services: Services,
    private readonly deliveries: RedeliveryLog,
  ) {
    super();

    this.onMessage(async (context, next) => {
      const base = this.requestBase(context);
      const a = context.activity;
      // Teams redelivers a message when our answer was slow or lost: answer it once only.
      if (a.id && !(await this.deliveries.firstDelivery(base.actor.tenantId, a.id, base.now))) {
        this.services.log.info({ cid: base.correlationId }, 'repeated delivery ignored');
        return next();
      }
      const text = commandText(a.text, a.entities as MentionEntity[] | undefined, a.recipient.id);
      await this.services.noteConversation(base.place);
      try {
        const replies = await routeMessage({ ...base, text, activityId: a.id, threadRootId: threadRootOf(a) }, this.services);
        for (const r of replies) await sendReply(context, toActivity(r), { log: this.services.log, cid: base.correlationId });
      } catch (err) {
        this.services.log.error({ cid: base.correlationId, err }, 'message failed');
        await context.sendActivity(apology(err, base.correlationId, base.locale));
      }
      await next();
    });

    this.onTeamsMembersAddedEvent(async (membersAdded, _teamInfo, context, next) => {
      const botAdded = membersAdded.some((m) => m.id === context.activity.recipient.id);
      if (botAdded) {
        const place = placeOf(context.activity);
        const locale = resolveLocale(context.activity.locale, this.services.config.defaultLocale);
        await context.sendActivity(welcomeText(locale, place.kind === 'personal' ? 'personal' : 'team'));
        this.services.log.info({ cid: correlationIdOf(context), kind: place.kind }, 'installed');
      }
      await next();
    });
  }

  /**
   * A card action whose `value` is not an object with an `action` object is refused with 400
   * here: botbuilder would read `value.action.type` from it, throw, and answer 501.
   */
  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
    if (name === 'adaptiveCard/action' && !(isObject(value) && isObject(value.action))) {
      this.services.log.warn({ cid: correlationIdOf(context) }, 'rejected: card action without an action object');
      return {
        status: 400,
        body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'value.action must be an object' } },
      };
    }
    return super.onInvokeActivity(context);
  }

  /** `Action.Execute` from any card. */
  protected async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const base = this.requestBase(context);
    const data = (value.action?.data ?? {}) as Record<string, unknown>;
    let outcome: ActionOutcome;
    await this.services.noteConversation(base.place);
    try {
      outcome = await routeAction({ ...base, verb: String(value.action?.verb ?? ''), data, cardActivityId: context.activity.replyToId }, this.services);
    } catch (err) {
      this.services.log.error({ cid: base.correlationId, verb: value.action?.verb, err }, 'action failed');
      outcome = { type: 'message', text: apology(err, base.correlationId, base.locale) };
    }
    return outcome.type === 'card'
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: outcome.card as Record<string, unknown> }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: outcome.text as unknown as Record<string, unknown> };
  }

  /** Every activity leaves one log line: its correlation id, kind and duration — never its text. */
  async run(context: TurnContext): Promise<void> {
    const started = Date.now();
    try {
      await super.run(context);
    } finally {
      this.services.log.info({ cid: correlationIdOf(context), type: context.activity.type, ms: Date.now() - started }, 'turn');
    }
  }

  private requestBase(context: TurnContext): RequestBase {
    const a = context.activity;
    return {
      actor: actorOf(a),
      place: placeOf(a),
      locale: resolveLocale(a.locale, this.services.config.defaultLocale),
      now: this.services.clock.now(),
      correlationId: correlationIdOf(context),
    };
  }
}
