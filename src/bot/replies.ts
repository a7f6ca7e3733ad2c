import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../log';

/**
 * What the SDK already does for a reply (`context.sendActivity` → connector client → Azure core
 * pipeline, `defaultRetryPolicy`, 3 retries): 429/503 *with* Retry-After (or retry-after-ms) wait
 * exactly that long; 408 and 5xx except 501/505 back off exponentially (0.5–1 s, 1–2 s, 2–4 s);
 * connection errors likewise. It does NOT retry 429 without Retry-After, nor 412 — both of which
 * Teams documents as transient. Those are retried here, so a throttled reply reaches the user
 * instead of being replaced by an apology. Neither status means the activity was posted, so a
 * retry cannot post it twice.
 */
const EDGE_RETRIED = new Set([412, 429]);

export interface ReplyRetryOptions {
  /** Attempts in total, the first included. */
  readonly attempts?: number;
  /** Backoff base: the n-th retry waits a random time in [base·2ⁿ⁻¹/2, base·2ⁿ⁻¹]. */
  readonly baseDelayMs?: number;
  readonly log?: Logger;
  readonly cid?: string;
}

/** Status of a connector error, if it has one. */
function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** True when the error carried a Retry-After the SDK pipeline will have honoured already. */
function hadRetryAfter(err: unknown): boolean {
  const headers = (err as { response?: { headers?: { get?(name: string): string | undefined | null } } } | undefined)?.response?.headers;
  return !!(headers?.get?.('retry-after') ?? headers?.get?.('retry-after-ms') ?? headers?.get?.('x-ms-retry-after-ms'));
}

/**
 * Sends a reply in the current turn, retrying with jittered backoff what the SDK pipeline does
 * not (see EDGE_RETRIED). Anything else, or the last failure, is thrown to the caller's sink.
 */
export async function sendReply(context: TurnContext, activity: Partial<Activity>, options: ReplyRetryOptions = {}): Promise<void> {
  const attempts = options.attempts ?? 3;
  const base = options.baseDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await context.sendActivity(activity);
      return;
    } catch (err) {
      const status = statusOf(err);
      const retry = attempt < attempts && status !== undefined && EDGE_RETRIED.has(status) && !hadRetryAfter(err);
      if (!retry) throw err;
      const ceiling = base * 2 ** (attempt - 1);
      const delay = ceiling / 2 + Math.random() * (ceiling / 2);
      options.log?.warn({ cid: options.cid, status, attempt, delayMs: Math.round(delay) }, 'reply refused by the connector, retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
