import type { ChannelKind } from '../domain/bodies';
import { type Catalogue, format, type Locale, pick } from './index';

/**
 * Who reads a body, said as Teams defines it (src/domain/membership.ts): the registration form,
 * its confirmation, `status` and the refusal of a second body in a team's standard channels.
 */
const text: Catalogue<{
  standard: string;
  standardOne: string;
  standardUncounted: string;
  private: string;
  privateOne: string;
  privateUncounted: string;
  shared: string;
  sharedOne: string;
  sharedUncounted: string;
  unknown: string;
  unknownOne: string;
  unknownUncounted: string;
  theTeam: string;
  thisChannel: string;
  assumed: string;
  coordinators: string;
  sharesReaders: string;
  kinds: Record<ChannelKind, string>;
  kindUnknown: string;
  members: string;
  membersOne: string;
  membersUnknown: string;
  shares: string;
}> = {
  nb: {
    standard: 'Alle {n} medlemmer av {team} kan lese det som meldes inn her.',
    standardOne: 'Det ene medlemmet av {team} kan lese det som meldes inn her.',
    standardUncounted: 'Alle medlemmer av {team} kan lese det som meldes inn her.',
    private: '{n} medlemmer av den private kanalen «{channel}» kan lese det som meldes inn her.',
    privateOne: 'Ett medlem av den private kanalen «{channel}» kan lese det som meldes inn her.',
    privateUncounted: 'Medlemmene av den private kanalen «{channel}» kan lese det som meldes inn her.',
    shared: '{n} medlemmer av den delte kanalen «{channel}» kan lese det som meldes inn her, også de som er med fra andre team.',
    sharedOne: 'Ett medlem av den delte kanalen «{channel}» kan lese det som meldes inn her.',
    sharedUncounted: 'Medlemmene av den delte kanalen «{channel}» kan lese det som meldes inn her, også de som er med fra andre team.',
    unknown: '{n} medlemmer av kanalen «{channel}» kan lese det som meldes inn her.',
    unknownOne: 'Ett medlem av kanalen «{channel}» kan lese det som meldes inn her.',
    unknownUncounted: 'Medlemmene av kanalen «{channel}» kan lese det som meldes inn her.',
    theTeam: 'teamet «{team}»',
    thisChannel: 'denne kanalen',
    assumed: 'Teams sa ikke om kanalen er privat, så den regnes som en standardkanal.',
    coordinators: 'SLT-koordinatorene kan også lese det.',
    sharesReaders:
      '«{channel}» er en standardkanal, og alle i {team} leser teamets standardkanaler. «{other}» er allerede registrert i standardkanalen «{otherChannel}» i samme team, så de to organene ville fått de samme leserne. Gjør det på en av disse måtene: 1) Gi organet et eget team med bare organets medlemmer, legg til SLT-boten der og registrer en kanal i det teamet. 2) Lag en privat eller delt kanal i dette teamet med bare organets medlemmer, legg til SLT-boten i kanalen og registrer den.',
    kinds: { standard: 'standardkanal', private: 'privat kanal', shared: 'delt kanal' },
    kindUnknown: 'standardkanal (antatt)',
    members: '{n} medlemmer',
    membersOne: '1 medlem',
    membersUnknown: 'medlemstall ukjent',
    shares: 'Deler lesere med «{other}»: begge er standardkanaler i {team}. Flytt ett av organene til et eget team eller en privat kanal.',
  },
  en: {
    standard: 'All {n} members of {team} can read what is reported here.',
    standardOne: 'The one member of {team} can read what is reported here.',
    standardUncounted: 'All members of {team} can read what is reported here.',
    private: '{n} members of the private channel "{channel}" can read what is reported here.',
    privateOne: 'One member of the private channel "{channel}" can read what is reported here.',
    privateUncounted: 'The members of the private channel "{channel}" can read what is reported here.',
    shared: '{n} members of the shared channel "{channel}" can read what is reported here, including those from other teams.',
    sharedOne: 'One member of the shared channel "{channel}" can read what is reported here.',
    sharedUncounted: 'The members of the shared channel "{channel}" can read what is reported here, including those from other teams.',
    unknown: '{n} members of the channel "{channel}" can read what is reported here.',
    unknownOne: 'One member of the channel "{channel}" can read what is reported here.',
    unknownUncounted: 'The members of the channel "{channel}" can read what is reported here.',
    theTeam: 'the team "{team}"',
    thisChannel: 'this channel',
    assumed: 'Teams did not say whether the channel is private, so it counts as a standard channel.',
    coordinators: 'The SLT coordinators can read it too.',
    sharesReaders:
      '"{channel}" is a standard channel, and everyone in {team} reads the team\'s standard channels. "{other}" is already registered in the standard channel "{otherChannel}" of the same team, so the two bodies would have the same readers. Do it one of these ways: 1) Give the body a team of its own with only its members, add SLT-boten there and register a channel in that team. 2) Create a private or shared channel in this team with only the body\'s members, add SLT-boten to that channel and register it.',
    kinds: { standard: 'standard channel', private: 'private channel', shared: 'shared channel' },
    kindUnknown: 'standard channel (assumed)',
    members: '{n} members',
    membersOne: '1 member',
    membersUnknown: 'member count unknown',
    shares: 'Shares its readers with "{other}": both are standard channels of {team}. Move one of the bodies to a team of its own or a private channel.',
  },
};

/** The team as named in a sentence: «teamet «X»», or just «teamet» when Teams gave no name. */
function teamPhrase(locale: Locale, teamName: string | undefined): string {
  const t = pick(locale, text);
  return teamName ? format(t.theTeam, { team: teamName }) : locale === 'nb' ? 'teamet' : 'the team';
}

/**
 * «Alle N medlemmer av teamet «X» kan lese det som meldes inn her» and the like. When Teams did
 * not say the kind, the count is of those Teams lists for the channel itself (whom the bot lets
 * read it), without claiming a kind.
 */
export function readersSentence(
  locale: Locale,
  r: { readonly kind: ChannelKind; readonly kindKnown?: boolean; readonly count?: number; readonly teamName?: string; readonly channelName?: string },
): string {
  const t = pick(locale, text);
  const channel = r.channelName || t.thisChannel;
  const which = r.count === undefined ? 'Uncounted' : r.count === 1 ? 'One' : '';
  const template = t[`${r.kindKnown === false ? 'unknown' : r.kind}${which}` as keyof typeof t] as string;
  return format(template, { n: r.count ?? '', team: teamPhrase(locale, r.teamName), channel });
}

/** The sentence that kind not told by Teams counts as standard. */
export function assumedStandard(locale: Locale): string {
  return pick(locale, text).assumed;
}

/** That coordinators read every body. */
export function coordinatorsRead(locale: Locale): string {
  return pick(locale, text).coordinators;
}

/** Why a second body in a team's standard channels is refused, and the two ways to do it right. */
export function sharesReadersRefusal(
  locale: Locale,
  r: { readonly channelName?: string; readonly teamName?: string; readonly other: string; readonly otherChannel?: string },
): string {
  const t = pick(locale, text);
  return format(t.sharesReaders, {
    channel: r.channelName || t.thisChannel,
    team: teamPhrase(locale, r.teamName),
    other: r.other,
    otherChannel: r.otherChannel || r.other,
  });
}

/** «privat kanal, 5 medlemmer» for `status` and the like. */
export function kindAndCount(locale: Locale, kind: ChannelKind, kindKnown: boolean, count: number | undefined): string {
  const t = pick(locale, text);
  const members = count === undefined ? t.membersUnknown : count === 1 ? t.membersOne : format(t.members, { n: count });
  return `${kindKnown ? t.kinds[kind] : t.kindUnknown}, ${members}`;
}

/** The `status` warning for a body that shares its readers with another. */
export function sharesReadersWarning(locale: Locale, other: string, teamName: string | undefined): string {
  return format(pick(locale, text).shares, { other, team: teamPhrase(locale, teamName) });
}
