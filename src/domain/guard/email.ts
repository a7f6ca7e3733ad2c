import { type Finding, finding } from './types';

// Letters include æøå and other Unicode letters: municipal IDN domains and Norwegian local parts exist.
// "(at)", "[at]", "{at}", "(krøllalfa)" and "(dot)", "[punktum]" are the usual attempts to dodge address
// harvesters and still identify a person, so they count as "@" and "." – also with spaces around them
// ("per (at) example (dot) com"). A bare " at "/" dot " is left alone: it is ordinary English.
const OPEN = String.raw`[(\[{]`;
const CLOSE = String.raw`[)\]}]`;
const AT = String.raw`(?:\s?@\s?|\s*${OPEN}\s*(?:at|alfa|krøllalfa)\s*${CLOSE}\s*)`;
const DOT = String.raw`(?:\.|\s*${OPEN}\s*(?:dot|punktum|prikk)\s*${CLOSE}\s*)`;
const LOCAL = String.raw`[\p{L}\d][\p{L}\d._%+-]*`;
const LABEL = String.raw`[\p{L}\d-]+`;
const EMAIL = new RegExp(String.raw`${LOCAL}${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}\p{L}{2,}`, 'giu');

/** Finds e-mail addresses, including "(at)"/"(dot)"-obfuscated ones. */
export function findEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((m) => finding('email', text, m.index, m.index + m[0].length));
}
