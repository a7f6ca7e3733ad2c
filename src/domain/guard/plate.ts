import { type Finding, finding } from './types';

// Norwegian registration plates: two letters and five digits, written together, with a space or a
// hyphen, or the digits split 2+3 as on the plate itself ("DN 12 345"). The letters may be typed in
// lower case ("kj 55102").
const DIGITS = /(?<!\d)(?:\d{5}|\d{2} \d{3})(?![\p{L}\d]|[ .,]\d)/gu;
const LETTERS_BEFORE = /(?<![\p{L}\d])[A-Za-z]{2}[ -]?$/u;
// Two letters and five digits also make case and product numbers, so a plate needs a vehicle word
// within reach: skilt, reg.nr, kjennemerke, bil, moped, varebil, the car's make …
const VEHICLE =
  /(?<![\p{L}])(?:skilt\p{L}*|bilskilt\p{L}*|reg\.?\s?nr|regnr|reg\.?\s?nummer|registreringsn\p{L}*|kjennemerke\p{L}*|kjennetegn|bil|bilen|biler|varebil\p{L}*|personbil\p{L}*|moped\p{L}*|scooter\p{L}*|motorsykkel\p{L}*|mc|epa\p{L}*|a-traktor\p{L}*|traktor\p{L}*|kjøretøy\p{L}*|sjåfør\p{L}*|plate|plates|number plate|registration|reg|car|cars|vehicle|van|audi|bmw|golf|volvo|tesla|toyota|mercedes|passat|volkswagen|vw|skoda|ford|opel|peugeot|nissan)(?![\p{L}])/iu;
const REACH = 60;

/** Finds vehicle registration plates («skilt XY 98765», «reg.nr BT71420») near a word for a vehicle. */
export function findPlates(text: string): Finding[] {
  const out: Finding[] = [];
  // The digits first (rarer than letters, so the search skips ahead), then the two letters before them.
  for (const m of text.matchAll(DIGITS)) {
    const letters = LETTERS_BEFORE.exec(text.slice(Math.max(0, m.index - 4), m.index));
    if (!letters) continue;
    const start = m.index - letters[0].length;
    const end = m.index + m[0].length;
    const around = text.slice(Math.max(0, start - REACH), Math.min(text.length, end + REACH));
    if (!VEHICLE.test(around)) continue;
    out.push(finding('plate', text, start, end));
  }
  return out;
}
