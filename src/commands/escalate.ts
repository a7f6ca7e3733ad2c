import { bodyHere } from '../app/channel-body';
import { escalationForm, escalationRefusal } from '../app/escalation-form';
import { mayPropose } from '../domain/escalations';
import { cleanText } from '../domain/trends';
import type { CommandDef } from './types';

/** `løft` / `escalate`: card to ask that a matter be lifted from this body to the next level. */
export const escalateCommand: CommandDef = {
  id: 'escalate',
  words: { nb: 'løft', en: 'escalate' },
  aliases: ['loft', 'løfte', 'lofte'],
  audience: 'member',
  describe: {
    nb: 'Be om at en sak løftes til neste nivå (ungdomsteam → koordineringsgruppe → styret).',
    en: 'Ask that a matter be lifted to the next level (youth team → coordination group → board).',
  },
  async handle(req, services) {
    const here = await bodyHere(services, req.actor, req.place);
    if (!here.ok) return [{ type: 'text', text: escalationRefusal(here.reason, req.locale, here.body) }];
    if (!mayPropose(here.body.kind)) return [{ type: 'text', text: escalationRefusal('topLevel', req.locale) }];
    const prefill = req.args ? { description: cleanText(req.args).slice(0, 2000) } : {};
    const outcome = await escalationForm({ actor: req.actor, locale: req.locale, data: prefill }, services, here.body, []);
    return outcome.type === 'card' ? [{ type: 'card', card: outcome.card }] : [{ type: 'text', text: outcome.text }];
  },
};
