import { trendCardReply } from '../app/trend-form';
import type { CommandDef } from './types';

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
