/**
 * Confidentiality guard (forvaltningsloven § 13): screens free text for what identifies a person —
 * national identity numbers, phone numbers, e-mail and street addresses, personal names — so that SLT
 * texts stay about trends, never individual cases. Pure TypeScript, no dependencies.
 */
import { findAddresses } from './address';
import { findEmails } from './email';
import { findPersonNames } from './names';
import { findNationalIds } from './national-id';
import { normalise, originalRange } from './normalise';
import { findPhones } from './phone';
import { type Finding, overlaps, type ScreenResult } from './types';

export { describeFindings } from './messages';
export { isValidNationalId } from './national-id';
export type { Finding, FindingKind, ScreenResult } from './types';

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
    return { kind: f.kind, start, end, text: text.slice(start, end) };
  });
  return { ok: findings.length === 0, findings };
}

function screenNormalised(text: string): Finding[] {
  const findings: Finding[] = [];
  // Most specific first, so a number inside an e-mail address is not also reported as a phone.
  for (const detect of [findEmails, findNationalIds, findPhones, findAddresses]) {
    for (const f of detect(text)) if (!overlaps(findings, f.start, f.end)) findings.push(f);
  }
  findings.push(...findPersonNames(text, findings));
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return findings;
}
