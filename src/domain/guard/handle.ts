import { type Finding, finding } from './types';

// "@navn.2011", "@soloboi_09": an @ not inside a word or an e-mail address, then a user name of the
// characters the platforms allow (letters, digits, "." and "_"; not ending in "."). Bounded: 30
// characters is the longest name Instagram, TikTok and Snapchat take.
const AT_HANDLE = /(?<![\p{L}\d._%+-])@([\p{L}\d_](?:[\p{L}\d_.]{0,29}[\p{L}\d_])?)(?![\p{L}\d_@-])/gu;
// A user name without the @ after the platform or the word for it: "snap: mrsnus2010", "brukernavnet hans
// på discord er shadowblade_07", "TikTok-navnet hennes er …". Then the name must look like a user name
// (a digit, "_" or an inner "."), since "snap: ja" or "discord er populært" are ordinary words.
const PLATFORM = `(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tiktok|tik tok|discord|telegram|kik|twitch|x|twitter|threads|bereal|wizz|yubo|roblox|fortnite|steam|psn|xbox)`;
const NAME_WORD = `(?:brukernavn(?:et)?|username|user name|handle|kallenavn(?:et)?|gamertag|profil(?:en)?|konto(?:en)?|navn(?:et)?)`;
const CUED = new RegExp(
  String.raw`(?:${PLATFORM}(?:-?${NAME_WORD})?|${NAME_WORD})(?:\s(?:hans|hennes|his|her|til \p{L}{1,20}))?(?:\s(?:på|on|i|in)\s${PLATFORM})?(?:\s?:\s?|\s(?:er|is|heter|=)\s)([\p{L}\d_][\p{L}\d_.]{1,29}[\p{L}\d_])(?![\p{L}\d_])`,
  'giu',
);
const NAME_SHAPED = /\d|_|\p{L}\.\p{L}/u;

// Accounts of services and organisations («@politiet», «@bærumkommune», «@ungdomsklubben») name no
// private person: a handle containing one of these stems passes. A person's own handle rarely does.
const ORGANISATION =
  /politi|police|kommune|municipality|skole|school|klubb|club|utekontakt|bymisjon|rodekors|rødekors|redcross|barnevern|helsestasjon|helsesykepleier|^nav(?!\p{L})|\bslt|bibliotek|library|fritid|idrettslag|kirke|church|ungdomsr[åa]d|ungdomshus|ungdomsteam|alarmtelefon|korspahalsen|korspåhalsen|offisiell|official/iu;

/** Finds social-media handles: «@navn.2011», and user names after «snap:», «brukernavnet er» and the like. */
export function findHandles(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(AT_HANDLE)) {
    const name = m[1] ?? '';
    if (!/\p{L}/u.test(name) || ORGANISATION.test(name)) continue;
    out.push(finding('handle', text, m.index, m.index + m[0].length));
  }
  for (const m of text.matchAll(CUED)) {
    // The cue must start a word ("snap:", not "Kvikksnap:"); checked here rather than by a look-behind,
    // which would keep the pattern from skipping ahead to where a cue can start.
    if (m.index > 0 && /\p{L}/u.test(text[m.index - 1] ?? '')) continue;
    const name = m[1] ?? '';
    if (!NAME_SHAPED.test(name) || !/\p{L}/u.test(name) || ORGANISATION.test(name)) continue;
    const start = m.index + m[0].length - name.length;
    if (out.some((f) => f.start <= start && start < f.end)) continue;
    out.push(finding('handle', text, start, start + name.length));
  }
  return out;
}
