/**
 * Confidentiality guard (forvaltningsloven § 13): screens free text for what identifies a person —
 * national identity and D-numbers, phone numbers, e-mail and street addresses, social-media handles,
 * vehicle plates, personal names, and features that single out one young person without naming them
 * — so that SLT texts stay about trends, never individual cases. Pure TypeScript, no dependencies;
 * time grows linearly with the text's length (every pattern is bounded; see docs/guard.md).
 */
import { findAddresses } from './address';
import { findEmails } from './email';
import { findHandles } from './handle';
import { findIndirect } from './indirect';
import { findPersonNames } from './names';
import { findNationalIds } from './national-id';
import { normalise, originalRange } from './normalise';
import { findPhones } from './phone';
import { findPlates } from './plate';
import { Coverage } from './spans';
import { tokenize } from './tokens';
import type { Finding, ScreenResult } from './types';

export { isValidNationalId } from './national-id';
export type { Finding, FindingKind, IndirectFeature, ScreenResult } from './types';
export { FINDING_KINDS, STRUCTURED_KINDS } from './types';

/**
 * Screens `text`; `ok` is false when anything identifying was found. Findings are sorted by position
 * and quote the text as typed: detection runs on a normalised copy (see normalise.ts) whose offsets
 * are mapped back.
 */
export function screenText(text: string): ScreenResult {
  const n = normalise(text);
  const found = screenNormalised(n.text);
  if (n.text === text) return { ok: found.length === 0, findings: found };
  const findings = found.map((f) => {
    const { start, end } = originalRange(n, f.start, f.end);
    return { ...f, start, end, text: text.slice(start, end) };
  });
  return { ok: findings.length === 0, findings };
}

function screenNormalised(text: string): Finding[] {
  const findings: Finding[] = [];
  const taken = new Coverage(text.length);
  // Most specific first, so a number inside an e-mail address is not also reported as a phone, and
  // a user name inside an address not as a handle.
  for (const detect of [findEmails, findNationalIds, findPlates, findPhones, findAddresses, findHandles]) {
    for (const f of detect(text)) {
      if (taken.overlaps(f.start, f.end)) continue;
      taken.add(f.start, f.end);
      findings.push(f);
    }
  }
  const tokens = tokenize(text);
  findings.push(...findPersonNames(text, taken, tokens));
  findings.push(...findIndirect(text, tokens, taken));
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return findings;
}
