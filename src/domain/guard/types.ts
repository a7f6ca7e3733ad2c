/** What kind of identifying information a finding is. */
export type FindingKind = 'nationalId' | 'phone' | 'email' | 'address' | 'personName';

/** One identifying piece of text; `start`/`end` are UTF-16 offsets into the screened text (end exclusive). */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

/** Outcome of screening: `ok` is true when nothing identifying was found. */
export interface ScreenResult {
  ok: boolean;
  findings: Finding[];
}

/** Fixed reporting order: the most clearly identifying kinds first. */
export const FINDING_KINDS: readonly FindingKind[] = ['nationalId', 'phone', 'email', 'address', 'personName'];

/** Builds a finding from a match position, so every detector quotes text the same way. */
export function finding(kind: FindingKind, text: string, start: number, end: number): Finding {
  return { kind, start, end, text: text.slice(start, end) };
}

/** True when [start, end) overlaps any finding already made. */
export function overlaps(findings: readonly Finding[], start: number, end: number): boolean {
  return findings.some((f) => start < f.end && f.start < end);
}
