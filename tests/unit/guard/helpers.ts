import { type FindingKind, screenText } from '../../../src/domain/guard';

/** The texts of all findings of one kind. */
export function found(text: string, kind: FindingKind): string[] {
  return screenText(text)
    .findings.filter((f) => f.kind === kind)
    .map((f) => f.text);
}

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const check = (digits: number[], weights: number[]): number => {
  const r = 11 - (weights.reduce((s, w, i) => s + w * (digits[i] ?? 0), 0) % 11);
  return r === 11 ? 0 : r;
};

/**
 * Tiny fødselsnummer generator: DDMMYY + the first individual number from `from` whose check digits
 * both exist (a remainder giving 10 makes an individual number unusable, as in the real register).
 */
export function makeNationalId(ddmmyy: string, from = 0): string {
  for (let n = from; n < from + 1000; n++) {
    const digits = [...(ddmmyy + String(n % 1000).padStart(3, '0'))].map(Number);
    const k1 = check(digits, K1);
    if (k1 === 10) continue;
    const k2 = check([...digits, k1], K2);
    if (k2 === 10) continue;
    return digits.join('') + k1 + k2;
  }
  throw new Error(`no valid individual number for ${ddmmyy}`);
}
