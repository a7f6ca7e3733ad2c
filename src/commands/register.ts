import { readersHere } from '../app/body-readers';
import { type Catalogue, pick } from '../i18n';
import { sharesReadersRefusal } from '../i18n/readers';
import { bodyRegisterCard, channelDisplayName, initialValues } from '../views/body-register';
import type { CommandDef } from './types';

const text: Catalogue<{ notChannel: string }> = {
  nb: {
    notChannel:
      '«registrer» må skrives i kanalen som skal registreres: gå til kanalen for ungdomsteamet, koordineringsgruppen eller SLT-styret og skriv «@SLT-boten registrer» der.',
  },
  en: {
    notChannel:
      '"register" must be typed in the channel to register: go to the channel of the youth team, the coordination group or the SLT board and type "@SLT-boten register" there.',
  },
};

/** `registrer` / `register`: the card that binds this channel to an SLT body. */
export const registerCommand: CommandDef = {
  id: 'register',
  words: { nb: 'registrer', en: 'register' },
  audience: 'coordinator',
  describe: {
    nb: 'Knytter denne kanalen til et ungdomsteam, koordineringsgruppen eller SLT-styret.',
    en: 'Binds this channel to a youth team, the coordination group or the SLT board.',
  },
  async handle(req, services) {
    const { place, locale } = req;
    if (place.kind !== 'channel' || !place.channelId) return [{ type: 'text', text: pick(locale, text).notChannel }];
    const [current, readers] = await Promise.all([services.bodies.byChannel(place.tenantId, place.channelId), readersHere(services, place, req.correlationId)]);
    const channel = channelDisplayName(place, locale) || readers.channelName || '';
    // General's name says nothing about the body, so suggest no name there.
    const suggested = place.channelName ?? readers.channelName ?? '';
    // Said before anything is typed: who will read it, and (for a second body in a team's standard channels) why it cannot be.
    const blocked =
      readers.sharesWith && !current
        ? sharesReadersRefusal(locale, {
            channelName: channel,
            teamName: readers.teamName,
            other: readers.sharesWith.name,
            otherChannel: readers.sharesWith.channelName,
          })
        : undefined;
    return [
      {
        type: 'card',
        card: bodyRegisterCard(locale, channel, current, initialValues(current, suggested), [], {
          view: { ...readers, channelName: channel || undefined },
          blocked,
        }),
      },
    ];
  },
};
