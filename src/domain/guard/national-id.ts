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

// 6-digit date part, then any run of whitespace (a line break too: "fnr 150309\n12311" is still one
// number) or a hyphen, then the 5-digit individual part. The look-arounds keep us from picking 11 digits
// out of a longer number or a digit group such as a bank account "1503 12 34567".
const CANDIDATE = /(?<!\d[ -]?)\d{6}(?:\s*-\s*|\s+)?\d{5}(?![ -]?\d)/g;

/** Finds valid national identity numbers; 11-digit case numbers etc. with wrong check digits pass. */
export function findNationalIds(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    if (isValidNationalId(m[0])) out.push(finding('nationalId', text, m.index, m.index + m[0].length));
  }
  return out;
}
