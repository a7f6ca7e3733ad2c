import { createHash } from 'node:crypto';
import type { ConversationRef } from '../domain/bodies';
import type { ActivityIdSink, Outbox } from '../domain/ports';
import type { CardJson } from '../handler-types';
import type { CardIds, Posted } from '../storage/table/agendas';

/**
 * A living card: one card in a channel that shows a stored record and is updated in place when
 * the record changes. The record exists before its card is queued; the first post goes through
 * the outbox with a sink, so the outbox writes the activity id back onto the record (and a post
 * that fails is retried by the outbox, never orphaned). Later changes render the card again and
 * queue an update of that activity only when the content differs from what was last queued.
 *
 * Outbox keys are one-shot: the first post is `<base>`; an update is
 * `<base>:v<n>:<hash>` — the same content queued twice (a retried run) is one update, while
 * going back to an earlier content (A → B → A) is a new version and is sent.
 */
export type SyncOutcome = 'posted' | 'updated' | 'unchanged' | 'pending' | 'notPosted';

export interface LivingCard {
  readonly tenantId: string;
  /** The channel the card lives in. */
  readonly target: ConversationRef;
  readonly keyBase: string;
  readonly card: CardJson;
  /** The stored record's card ids and what was last queued. */
  readonly record: { readonly card: CardIds; readonly posted: Posted };
  readonly sink: ActivityIdSink;
  /** For `status`; no user free text. */
  readonly label: string;
  /** Whether this call may make the first post (the scheduler's agenda job, a recorded minutes). */
  readonly mayPost: boolean;
  /** Stores the hash of what was queued (after queuing, so a crash in between re-queues, idempotently). */
  note(hash: string): Promise<void>;
}

/** Short content hash of a card (the key of its update, and how a change is recognised). */
export function cardHash(card: CardJson): string {
  return createHash('sha256').update(JSON.stringify(card)).digest('hex').slice(0, 16);
}

/**
 * Posts the card, updates it in place, or does nothing when it shows what was last queued.
 * 'pending': the first post is queued but its activity id has not come back yet — the caller
 * decides when to look again.
 */
export async function syncLivingCard(outbox: Outbox, c: LivingCard): Promise<SyncOutcome> {
  const hash = cardHash(c.card);
  const { card, posted } = c.record;
  if (!posted.at) {
    if (!c.mayPost) return 'notPosted';
    await outbox.enqueue({ key: c.keyBase, tenantId: c.tenantId, target: c.target, message: { type: 'card', card: c.card }, sink: c.sink, label: c.label });
    await c.note(hash);
    return 'posted';
  }
  if (posted.hash === hash) return 'unchanged';
  if (!card.activityId) return 'pending';
  await outbox.enqueue({
    key: `${c.keyBase}:v${posted.version + 1}:${hash}`,
    tenantId: c.tenantId,
    // The post's own conversation (`<channel>;messageid=<id>`), where its activity lives.
    target: { ...c.target, conversationId: card.conversationId || c.target.conversationId },
    replaceActivityId: card.activityId,
    // Orders this update among the activity's others: the outbox sends only the newest.
    revision: posted.version + 1,
    // If the posted card was deleted, the outbox posts it anew and the record takes the new id.
    sink: c.sink,
    message: { type: 'card', card: c.card },
    label: `${c.label} oppdatert`,
  });
  await c.note(hash);
  return 'updated';
}
