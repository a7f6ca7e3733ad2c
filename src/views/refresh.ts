import type { CardJson } from '../handler-types';

/**
 * The user-specific view of a card posted in a channel (agenda, escalation): everyone gets the
 * read-only card; Teams asks the bot again (`refresh.action`, trigger 'automatic') for each
 * user listed, so those people — the coordinators — see their own view with the actions.
 */

/** Teams' limit for user-specific views. */
export const MAX_REFRESH_USERS = 60;

/** Adds the refresh block: Teams calls `verb` with `data` for each listed user. Undefined ids: none. */
export function withRefresh(card: CardJson, verb: string, data: Record<string, string>, userIds: readonly string[] | undefined): CardJson {
  if (!userIds) return card;
  return { ...card, refresh: { action: { type: 'Action.Execute', verb, data }, userIds: userIds.slice(0, MAX_REFRESH_USERS) } };
}
