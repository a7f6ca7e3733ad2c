import type { ConversationRef } from '../domain/bodies';
import type { OutboundMessage } from '../domain/ports';

/**
 * The edge port the outbox sender posts through. Implemented in src/bot/sender.ts over the Bot
 * Framework connector; tests may implement it directly. It throws `DeliveryError` so the
 * scheduler never sees an SDK type.
 */
export interface ProactiveSender {
  /**
   * Posts a message: a new top-level post in the ref's channel, a reply in a thread
   * (`replyToId`), or a 1:1 message to one person (`toUser`). Resolves with where it landed.
   */
  post(ref: ConversationRef, message: OutboundMessage, options: PostOptions): Promise<Posted>;
  /** Replaces an earlier activity in the ref's conversation (`ref.conversationId` as stored by the sink). */
  update(ref: ConversationRef, activityId: string, message: OutboundMessage): Promise<void>;
}

export interface PostOptions {
  readonly replyToId?: string;
  readonly toUser?: { readonly aadObjectId: string; readonly channelAccountId?: string };
}

export interface Posted {
  readonly activityId: string;
  /** The conversation the activity lives in (for a new channel post: `<channel>;messageid=<id>`). */
  readonly conversationId: string;
}

/**
 * A failed delivery, in plain terms: HTTP status (undefined for network errors), a short
 * machine code (never user text) and the server's Retry-After, if it sent one.
 */
export class DeliveryError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly code: string,
    readonly retryAfterMs?: number,
  ) {
    super(`delivery failed: ${status ?? 'network'} ${code}`);
    this.name = 'DeliveryError';
  }
}

/** Statuses Teams documents as transient (PLATFORM.md), plus 500 and network errors. */
const TRANSIENT = new Set([412, 429, 500, 502, 503, 504]);

/** True when the same request is expected to succeed later without any change on our side. */
export function isTransient(err: DeliveryError): boolean {
  return err.status === undefined || TRANSIENT.has(err.status);
}

/**
 * The reason shown in `status`: status code and code, short. Codes come from the connector's
 * error body or Node's error code — never from message text (that may echo user content).
 */
export function reasonOf(err: unknown): string {
  if (err instanceof DeliveryError) return `${err.status ?? 'nett'} ${err.code}`.slice(0, 80);
  const code = (err as { code?: unknown } | undefined)?.code;
  return `intern ${typeof code === 'string' ? safeCode(code) : 'feil'}`.slice(0, 80);
}

/** Keeps only what looks like an error code (letters, digits, a few separators). */
export function safeCode(code: string): string {
  const cleaned = code.replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 60);
  return cleaned || 'unknown';
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
