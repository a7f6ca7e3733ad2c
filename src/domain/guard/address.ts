import { Coverage } from './spans';
import { type Finding, finding } from './types';

// Endings of Norwegian street names written as one word ("Storgata", "Kirkeveien", "Løkkeåsen").
const STREET_SUFFIX = [
  'gata',
  'gaten',
  'gate',
  'veien',
  'vegen',
  'vei',
  'veg',
  'bakken',
  'bakke',
  'stien',
  'sti',
  'plassen',
  'plass',
  'alléen',
  'allé',
  'alleen',
  'alle',
  'tunet',
  'svingen',
  'lia',
  'åsen',
  'brekka',
  'torget',
  'torg',
  'kroken',
  'løkka',
  'jordet',
  'bråten',
  'ringen',
  'lunden',
  'terrassen',
  'tråkket',
  'grenda',
  'haugen',
  'myra',
  'kleiva',
  'stubben',
  'stykket',
  'skrenten',
  'bryggen',
].join('|');
// Street types written as a separate word after a proper name ("Olav Kyrres gate", "Baker Street").
const STREET_WORD = String.raw`(?:gate|gata|gt\.?|vei|veg|vn\.|vg\.|allé|alle|plass|[Ss]treet|[Rr]oad|[Aa]venue|[Ll]ane|[Dd]rive|[Ww]ay|[Cc]lose|[Cc]rescent|[Tt]errace)`;
const CAP = String.raw`[A-ZÆØÅ][\p{L}'’.-]{0,40}`;
const PREFIX = String.raw`(?:(?:Gamle|Gml\.|Nedre|Øvre|Søndre|Nordre|Vestre|Østre|Store|Lille|Nye|Ytre|Indre)\s{1,3})?`;
// House number with optional letter, "3B" / "14 b" (a standalone letter a–h, never a word like "i").
const HOUSE = String.raw`\d{1,3}(?:\s?[A-Ha-h](?![\p{L}\d]))?(?![\d]|[.,:]\d)`;

// "Kirkeveien nr 3", "Storgata nr. 12", "Elm Road no. 4": the number may be introduced.
const NUMBER_WORD = String.raw`(?:(?:nr|no)\.?\s{0,3}|nummer\s{1,3})?`;
// Abbreviated endings: "Storgt. 5", "Storgt.5", "Storgt 5", "Kirkevn. 3B", "Skogvg. 2". Without the
// period only "gt", and not in the everyday words that end in it ("Sagt 3 ganger", "Langt 5 km").
const ABBREVIATED = String.raw`(?:(?:gt|vn|vg)\.\s{0,3}|(?<!\b(?:[Ll]an|[Ll]a|[Ss]a|[Tt]ry|[Tt]un|[Ss]treng|[Mm]an|[Uu]n|[Vv]a))gt\s{1,3})`;
const NORWEGIAN = new RegExp(String.raw`${PREFIX}[A-ZÆØÅ][\p{L}-]{0,40}(?:(?:${STREET_SUFFIX})\s{1,3}|${ABBREVIATED})${NUMBER_WORD}${HOUSE}`, 'gu');
const SEPARATE = new RegExp(String.raw`${PREFIX}${CAP}(?:\s{1,3}${CAP}){0,3}\s{1,3}${STREET_WORD}\s{0,3}${NUMBER_WORD}${HOUSE}`, 'gu');
const ENGLISH_NUMBER_FIRST =
  /\d{1,4}[A-Za-z]?\s{1,3}(?:[A-Z][\p{L}'’-]{0,40}\s{1,3}){1,3}(?:Street|Road|Avenue|Lane|Drive|Way|Close|Crescent|Terrace|Gardens|Place)\b/gu;
// "i Storgata 3 ganger" counts events in a street, it is not an address.
const COUNT_AFTER =
  /^\s{0,3}(?:ganger|gang|dager|døgn|uker|måneder|år|timer|personer|elever|ungdommer|ungdom|barn|saker|meldinger|%|prosent|times|days|weeks|months|years|hours|people|pupils|students|cases|incidents|reports)\b/iu;
// Postcode and town after the street belong to the same address: "Bjørnegårdsvingen 5, 1338 Sandvika".
const POSTCODE_AFTER = /^,?\s{0,3}\d{4}\s{1,3}[A-ZÆØÅ][\p{L}-]{1,40}/u;

/** Finds street addresses: a street-like name followed by a house number. A street name alone passes. */
export function findAddresses(text: string): Finding[] {
  const out: Finding[] = [];
  const taken = new Coverage(text.length);
  for (const pattern of [SEPARATE, NORWEGIAN, ENGLISH_NUMBER_FIRST]) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      // An address starts a word. Checked here: a look-behind at the start of the patterns kept the
      // engine from skipping ahead to where a match can start.
      if (start > 0 && /[\p{L}\d]/u.test(text[start - 1] ?? '')) continue;
      let end = start + m[0].length;
      if (COUNT_AFTER.test(text.slice(end, end + 20))) continue;
      const postcode = POSTCODE_AFTER.exec(text.slice(end, end + 50));
      if (postcode) end += postcode[0].length;
      if (taken.overlaps(start, end)) continue;
      taken.add(start, end);
      out.push(finding('address', text, start, end));
    }
  }
  return out;
}
