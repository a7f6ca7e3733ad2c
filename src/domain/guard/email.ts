import { finding, type Finding } from './types';

// Letters include æøå and other Unicode letters: municipal IDN domains and Norwegian local parts exist.
// "(at)" / "[at]" are the usual attempts to dodge address harvesters and still identify a person.
const EMAIL =
  /[\p{L}\d][\p{L}\d._%+-]*(?:@|\s?\((?:at|AT)\)\s?|\s?\[(?:at|AT)\]\s?)[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;

/** Finds e-mail addresses, including "(at)"-obfuscated ones. */
export function findEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((m) => finding('email', text, m.index, m.index + m[0].length));
}
