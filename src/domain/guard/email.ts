import { type Finding, finding } from './types';

// "@" with a space on both sides or neither: "per @ example.no" is an address, "er @navn.2011" a handle.
// Letters include æøå and other Unicode letters: municipal IDN domains and Norwegian local parts exist.
// "(at)", "[at]", "{at}", "(krøllalfa)" and "(dot)", "[punktum]" are the usual attempts to dodge address
// harvesters and still identify a person, so they count as "@" and "." – also with spaces around them
// ("per (at) example (dot) com"). A bare " at "/" dot " is left alone: it is ordinary English.
const OPEN = String.raw`[(\[{]`;
const CLOSE = String.raw`[)\]}]`;
const AT = new RegExp(String.raw` @ |@|\s{0,3}${OPEN}\s{0,3}(?:at|alfa|krøllalfa)\s{0,3}${CLOSE}\s{0,3}`, 'giu');
const DOT = String.raw`(?:\.|\s{0,3}${OPEN}\s{0,3}(?:dot|punktum|prikk)\s{0,3}${CLOSE}\s{0,3})`;
// Every quantifier is bounded (RFC 5321: 64 characters before the @, 63 per domain label), so a long
// run of letters costs a bounded amount of work per "@", never a rescan of the text.
const LABEL = String.raw`[\p{L}\d-]{1,63}`;
const DOMAIN = new RegExp(String.raw`${LABEL}(?:${DOT}${LABEL}){0,8}${DOT}\p{L}{2,24}(?![\p{L}\d])`, 'yiu');
const LOCAL_CHAR = /[\p{L}\d._%+-]/u;
const LOCAL_START = /[\p{L}\d]/u;
const MAX_LOCAL = 64;

/**
 * Finds e-mail addresses, including "(at)"/"(dot)"-obfuscated ones: for every "@" (or its spelled-out
 * form) the local part is read backwards and the domain forwards, each a bounded number of characters.
 */
export function findEmails(text: string): Finding[] {
  const out: Finding[] = [];
  let after = 0;
  for (const at of text.matchAll(AT)) {
    if (at.index < after) continue;
    let start = at.index;
    while (start > 0 && at.index - start < MAX_LOCAL && LOCAL_CHAR.test(text[start - 1] ?? '')) start--;
    while (start < at.index && !LOCAL_START.test(text[start] ?? '')) start++;
    if (start === at.index) continue;
    DOMAIN.lastIndex = at.index + at[0].length;
    const domain = DOMAIN.exec(text);
    if (!domain) continue;
    const end = domain.index + domain[0].length;
    out.push(finding('email', text, start, end));
    after = end;
  }
  return out;
}
