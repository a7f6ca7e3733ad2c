import { allows, type Standing } from '../domain/access';
import type { CardJson } from '../handler-types';
import { type Catalogue, type Locale, pick } from '../i18n';
import { renderCard } from '../views/render';
import type { CommandDef } from './types';

const text: Catalogue<{
  title: string;
  intro: string;
  roles: Record<'admin' | 'coordinator' | 'board' | 'member', string>;
  footer: string;
  channelHint: string;
}> = {
  nb: {
    title: 'Dette kan du gjøre med SLT-boten',
    intro: 'Skriv kommandoen i en personlig chat med meg, eller nevn meg (@SLT-boten) først i en kanal.',
    roles: {
      admin: 'Du er administrator: du kan gi og fjerne koordinatorrollen, og gjøre alt en koordinator kan.',
      coordinator: 'Du er SLT-koordinator.',
      board: 'Du er medlem av SLT-styret.',
      member: 'Du er medlem. Koordinatorene kan gi deg flere muligheter.',
    },
    footer: 'SLT drøfter trender, ikke enkeltsaker: skriv aldri navn eller andre personopplysninger.',
    channelHint: 'I en kanal: nevn meg først, for eksempel «@SLT-boten hjelp».',
  },
  en: {
    title: 'What you can do with SLT-boten',
    intro: 'Type a command in a personal chat with me, or mention me (@SLT-boten) first in a channel.',
    roles: {
      admin: 'You are an administrator: you can grant and revoke the coordinator role, and do everything a coordinator can.',
      coordinator: 'You are an SLT coordinator.',
      board: 'You are a member of the SLT board.',
      member: 'You are a member. The coordinators can give you more options.',
    },
    footer: 'SLT discusses trends, not individual cases: never write names or other personal data.',
    channelHint: 'In a channel: mention me first, for example "@SLT-boten help".',
  },
};

/**
 * `hjelp` / `help`: a card listing exactly the commands this user may use. The card depends only
 * on the language, the standing's three flags and whether the chat is personal, so each of
 * those (at most 2 × 8 × 2) is rendered once. The card is frozen: every reply shares it, and
 * nothing on the way out may change it.
 */
export function helpCommand(all: () => readonly CommandDef[]): CommandDef {
  const rendered = new Map<string, CardJson>();
  return {
    id: 'help',
    words: { nb: 'hjelp', en: 'help' },
    aliases: ['?'],
    audience: 'everyone',
    describe: { nb: 'Viser denne oversikten.', en: 'Shows this overview.' },
    async handle(req, services) {
      const standing = await services.standing(req.actor, req.place);
      const personal = req.place.kind === 'personal';
      const key = [req.locale, standing.admin, standing.coordinator, standing.boardMember, personal].join('|');
      let card = rendered.get(key);
      if (!card) {
        card = deepFreeze(helpCard(req.locale, standing, personal, all()));
        rendered.set(key, card);
      }
      return [{ type: 'card', card }];
    },
  };
}

/** The help card for one language, standing and kind of chat. */
function helpCard(locale: Locale, standing: Standing, personal: boolean, all: readonly CommandDef[]): CardJson {
  const t = pick(locale, text);
  const commands = all
    .filter((c) => allows(c.audience, standing))
    .map((c) => ({
      word: c.words[locale] + (c.argHint ? c.argHint[locale] : ''),
      description: c.describe[locale],
    }));
  const role = standing.admin ? 'admin' : standing.coordinator ? 'coordinator' : standing.boardMember ? 'board' : 'member';
  return renderCard('help', {
    title: t.title,
    intro: personal ? t.intro : `${t.intro} ${t.channelHint}`,
    commands,
    roleLine: t.roles[role],
    footer: t.footer,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
