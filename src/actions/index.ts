import type { ActionDef } from './types';

/**
 * Every card verb the bot answers: a closed union, so a verb without a handler does not
 * compile. Add a verb here and its handler file in this folder.
 */
export type Verb = never;

export const ACTIONS: Record<Verb, ActionDef> = {};

export function findAction(verb: string): ActionDef | undefined {
  return Object.prototype.hasOwnProperty.call(ACTIONS, verb) ? (ACTIONS as Record<string, ActionDef>)[verb] : undefined;
}
