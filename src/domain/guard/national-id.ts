import { type Finding, finding } from './types';

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Mod-11 check digit over the first weights.length digits; null when the remainder makes it invalid (10). */
function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w * (digits[i] ?? 0);
  });
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  return digit === 10 ? null : digit;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Whether DDMM is a plausible birth date. D-numbers add 40 to the day; H-numbers (and NAV's synthetic
 * numbers) add 40 to the month; Skatteetaten's Tenor test numbers add 80 to the month. Year is not
 * checked: the individual number decides the century, and any two digits are a valid year.
 */
function plausibleDate(day: number, month: number): boolean {
  const d = day > 40 ? day - 40 : day;
  const m = month > 80 ? month - 80 : month > 40 ? month - 40 : month;
  if (m < 1 || m > 12) return false;
  return d >= 1 && d <= (DAYS_IN_MONTH[m - 1] ?? 0);
}

/**
 * True when `value` (11 digits, spaces/hyphens ignored) is a Norwegian fødselsnummer or D-number:
 * a plausible date part and both mod-11 check digits correct.
 */
export function isValidNationalId(value: string): boolean {
  const compact = value.normalize('NFKC').replace(/[\s\p{Cf}-]/gu, '');
  if (!/^\d{11}$/.test(compact)) return false;
  const digits = [...compact].map(Number);
  if (!plausibleDate(Number(compact.slice(0, 2)), Number(compact.slice(2, 4)))) return false;
  const k1 = checkDigit(digits, K1_WEIGHTS);
  if (k1 === null || k1 !== digits[9]) return false;
  const k2 = checkDigit(digits, K2_WEIGHTS);
  return k2 !== null && k2 === digits[10];
}

/** A D-number (given to people without a fødselsnummer) adds 40 to the day: its first digit is 4–7. */
export function isDNumber(compact: string): boolean {
  return compact.charCodeAt(0) >= 0x34 && compact.charCodeAt(0) <= 0x37;
}

/** One run of digits in the text. */
interface Group {
  digits: string;
  start: number;
  end: number;
}

// What may stand between the digit groups of one number as people write it: a space or line break,
// a dot, hyphen or slash ("15.03.09 12311", "150309-12311", "150 309 123 11"), or a word for the
// individual number after the date ("født 15.03.09, pnr. 12311", "født 15.03.2009 og har
// personnummer 12311"). Anything else ends the number.
const JOINER =
  /^(?:\s{1,3}|\s?[./-]\s?|,?\s?(?:(?:og|med|and|with)\s)?(?:(?:har|has)\s)?(?:p\.?\s?nr|pnr|pers(?:on)?\.?\s?nr|personnummer(?:et)?|individnr|individnummer|personal number)\.?:?\s?)$/i;
// Words that say a number is an identity number: such a number is found even when more digit groups
// follow it ("fnr 15030912311 912 34 567"), and the bank-account grouping 4-2-5 counts after them.
const CUE =
  /(?<![\p{L}\d])(?:f\.?\s?nr|fnr|fødselsn(?:r|ummer)(?:et)?|person(?:nr|nummer)|pnr|p\.nr|d-?n(?:r|ummer)|h-?n(?:r|ummer)|født|f\.|id(?:-?nr|-?nummer)?|national id(?:entity)?(?: number| no)?|personal (?:number|no|id)|d-number|dob)\.?\s?:?\s?(?:er\s|is\s)?$/iu;
// How far before a number its cue may stand: "fnr: ", "D-nummer er ", "personnr. ".
const CUE_REACH = 24;
// A window of groups is an identity number in one of these shapes (group lengths); "11" is the
// number written in one piece, "2-2-4-5" a birth date with a four-digit year and the individual number.
const MAX_GROUPS = 6;

/** The 11 digits a window of groups stands for, or null when it has another shape. */
function digitsOf(groups: readonly Group[]): string | null {
  const lengths = groups.map((g) => g.digits.length);
  const all = groups.map((g) => g.digits).join('');
  // A birth date with a four-digit year: "27.08.2009 49982".
  if (lengths.length >= 4 && lengths[0] === 2 && lengths[1] === 2 && lengths[2] === 4 && all.length === 13) {
    const year = groups[2]!.digits;
    if (!/^(?:19|20)\d\d$/.test(year)) return null;
    return groups[0]!.digits + groups[1]!.digits + year.slice(2) + all.slice(8);
  }
  if (all.length !== 11) return null;
  // Digit groups longer than a date part belong to other numbers, except the number in one piece.
  if (lengths.length > 1 && lengths.some((n) => n > 6)) return null;
  return all;
}

/** Splits the text into runs of digit groups joined as one number could be. */
function digitRuns(text: string): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  for (const m of text.matchAll(/\d+/g)) {
    const group = { digits: m[0], start: m.index, end: m.index + m[0].length };
    const previous = run[run.length - 1];
    if (previous && group.start - previous.end <= 24 && JOINER.test(text.slice(previous.end, group.start))) run.push(group);
    else {
      if (run.length > 0) runs.push(run);
      run = [group];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Finds valid fødselsnumre and D-numbers in every grouping people type: in one piece, 6+5, with
 * dots in the date («15.03.09 12311», «15.03.2009 12311»), in pairs («15 03 09 12311»), in threes
 * («150 309 123 11»), with hyphens, or with «pnr.» between date and individual number. Only numbers
 * whose two check digits hold are found, so 11-digit case numbers pass. The number must stand alone
 * (not inside a longer row of digit groups) unless a word such as «fnr» or «født» comes just before it.
 */
export function findNationalIds(text: string): Finding[] {
  const out: Finding[] = [];
  for (const run of digitRuns(text)) {
    let i = 0;
    while (i < run.length) {
      const hit = windowAt(text, run, i);
      if (hit) {
        const first = run[i]!;
        const last = run[hit.to]!;
        out.push(finding(isDNumber(hit.digits) ? 'dNumber' : 'nationalId', text, first.start, last.end));
        i = hit.to + 1;
      } else i++;
    }
  }
  return out;
}

/** The identity number starting at group i of the run, if any. */
function windowAt(text: string, run: readonly Group[], i: number): { to: number; digits: string } | null {
  const cued = CUE.test(text.slice(Math.max(0, run[i]!.start - CUE_REACH), run[i]!.start));
  for (let j = i; j < Math.min(run.length, i + MAX_GROUPS); j++) {
    const window = run.slice(i, j + 1);
    const digits = digitsOf(window);
    if (!digits || !isValidNationalId(digits)) continue;
    const whole = i === 0 && j === run.length - 1;
    const shape = window.map((g) => g.digits.length).join('-');
    // A bank account (4-2-5) has a mod-11 check digit too; it counts only after an identity-number word.
    if (shape === '4-2-5' && !cued) continue;
    if (whole || cued) return { to: j, digits };
  }
  return null;
}
