import type { Service } from '../trends';

/**
 * The service a responsible written as free text names, if any («Utekontakten» → outreach,
 * «Skoleetaten» → school): a matter's decision names who is responsible in words, the register
 * keeps services. Matches a label of the service (either language) exactly, or text starting
 * with the label's first word when that word has at least four letters. `labels` are the
 * services' labels per language (i18n).
 */
export function serviceOfText(text: string, labels: readonly Readonly<Record<Service, string>>[]): Service | undefined {
  const norm = (s: string): string => s.toLocaleLowerCase('nb-NO').replace(/\s+/g, ' ').trim();
  const typed = norm(text);
  if (!typed) return undefined;
  for (const map of labels) {
    for (const [service, label] of Object.entries(map) as [Service, string][]) {
      if (service === 'other') continue;
      for (const part of label.split('/').map(norm)) {
        const word = part.split(/[\s(]/)[0] ?? '';
        if (typed === part || (word.length >= 4 && typed.startsWith(word))) return service;
      }
    }
  }
  return undefined;
}
