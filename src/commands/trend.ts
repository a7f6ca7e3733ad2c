import { hereRefusal, trendForm } from '../actions/trend.submit';
import { bodyHere } from '../app/here';
import type { Services } from '../app/services';
import type { CommandRequest, Reply } from '../app/types';
import { cleanText } from '../domain/trends';
import type { CommandDef } from './types';

/**
 * The trend card for this channel's body, its description prefilled with `text` — used by
 * `trend <text>` and by an @mention answering the call-for-topics post in its thread.
 */
export async function trendCardReply(req: CommandRequest, services: Services, text: string): Promise<Reply[]> {
  const here = await bodyHere(services, req.actor, req.place);
  if (!here.ok) return [{ type: 'text', text: hereRefusal(here, req.locale) }];
  const outcome = await trendForm(
    { actor: req.actor, locale: req.locale, data: { description: cleanText(text).slice(0, 1000) } },
    services,
    [],
    here.coordinator,
  );
  return outcome.type === 'card' ? [{ type: 'card', card: outcome.card }] : [{ type: 'text', text: outcome.text }];
}

/** `trend`: card to report a trend topic for this channel's body (text after the word prefills it). */
export const trendCommand: CommandDef = {
  id: 'trend',
  words: { nb: 'trend', en: 'trend' },
  aliases: ['trender', 'trends'],
  audience: 'member',
  describe: {
    nb: 'Meld inn en trend du ser blant unge (innsatsområde, utvikling, beskrivelse).',
    en: 'Report a trend you see among young people (focus area, direction, description).',
  },
  argHint: { nb: ' [tekst]', en: ' [text]' },
  handle: (req, services) => trendCardReply(req, services, req.args),
};
