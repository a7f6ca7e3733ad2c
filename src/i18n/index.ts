/** The two locales users see. Norwegian Bokmål is the default of everything. */
export type Locale = 'nb' | 'en';

/** A message catalogue for one feature: the same shape in both locales. */
export type Catalogue<T> = { nb: T; en: T };

/**
 * Maps a Teams locale ('nb-NO', 'nn-NO', 'no', 'en-US', 'en-GB' …) to ours.
 * Nynorsk and plain 'no' get Bokmål; anything unknown gets the configured default.
 */
export function resolveLocale(activityLocale: string | undefined, fallback: Locale): Locale {
  const tag = (activityLocale ?? '').toLowerCase();
  if (tag.startsWith('en')) return 'en';
  if (tag.startsWith('nb') || tag.startsWith('nn') || tag.startsWith('no')) return 'nb';
  return fallback;
}

/** Picks the catalogue entry for a locale. */
export function pick<T>(locale: Locale, catalogue: Catalogue<T>): T {
  return catalogue[locale];
}

/** Fills `{name}` placeholders. Values are inserted as plain text. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
