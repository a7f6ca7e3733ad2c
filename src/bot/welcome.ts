import { type Catalogue, type Locale, pick } from '../i18n';

const text: Catalogue<{ team: string; personal: string }> = {
  nb: {
    team:
      'Hei, jeg er SLT-boten! Jeg holder rytmen i SLT-arbeidet: møteinnkallinger og dagsorden, innspill om trender, saker som løftes videre, og månedsrapport til SLT-styret.\n\n' +
      'Kom i gang: en SLT-koordinator går til kanalen for et ungdomsteam, koordineringsgruppen eller styret og skriver «@SLT-boten registrer». Skriv «@SLT-boten hjelp» for å se alt du kan gjøre.\n\n' +
      'Husk: SLT drøfter trender, ikke enkeltsaker. Skriv aldri navn eller andre personopplysninger.',
    personal:
      'Hei, jeg er SLT-boten! Her kan du se møtene dine («møter»), melde inn trender («trend») og lese rapporter. Skriv «hjelp» for å se alt du kan gjøre.',
  },
  en: {
    team:
      'Hi, I am SLT-boten! I keep the rhythm of the SLT work: meeting invitations and agendas, trend topics, matters lifted to the next level, and the monthly digest for the SLT board.\n\n' +
      'Getting started: an SLT coordinator goes to the channel of a youth team, the coordination group or the board and types "@SLT-boten register". Type "@SLT-boten help" to see everything you can do.\n\n' +
      'Remember: SLT discusses trends, not individual cases. Never write names or other personal data.',
    personal:
      'Hi, I am SLT-boten! Here you can see your meetings ("meetings"), report trends ("trend") and read digests. Type "help" to see everything you can do.',
  },
};

/** The welcome posted when the bot is added to a team (General channel) or a personal chat. */
export function welcomeText(locale: Locale, where: 'team' | 'personal'): string {
  return pick(locale, text)[where];
}
