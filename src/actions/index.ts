import type { ActionDef } from './types';
import { bodyRegister } from './body.register';
import { roleGrant } from './role.grant';
import { roleRevoke } from './role.revoke';

/**
 * Every card verb the bot answers: a closed union, so a verb without a handler does not
 * compile. Add a verb here and its handler file in this folder.
 */
export type Verb = 'body.register' | 'role.grant' | 'role.revoke';

export const ACTIONS: Record<Verb, ActionDef> = {
  'body.register': bodyRegister,
  'role.grant': roleGrant,
  'role.revoke': roleRevoke,
};

export function findAction(verb: string): ActionDef | undefined {
  return Object.prototype.hasOwnProperty.call(ACTIONS, verb) ? (ACTIONS as Record<string, ActionDef>)[verb] : undefined;
}
