import { screenText } from '../domain/guard';
import type { FieldError } from '../handler-types';
import type { Locale } from '../i18n';
import { describeFindings, tooLongToScreen } from '../i18n/guard';

/**
 * Longer than any free-text field may be. Every handler checks its fields' own limits before it
 * screens them; this is the backstop, so that no text is ever screened before its length is checked.
 */
export const MAX_SCREENED_LENGTH = 10_000;

/**
 * Runs the confidentiality guard over every free-text field a handler is about to store and
 * returns one field-level error per field that identifies a person (naming the offending parts).
 * Empty when everything may be stored.
 */
export function screenFields(fields: Readonly<Record<string, string | undefined>>, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    if (value.length > MAX_SCREENED_LENGTH) {
      errors.push({ field, message: tooLongToScreen(locale, MAX_SCREENED_LENGTH, value.length) });
      continue;
    }
    const result = screenText(value);
    if (!result.ok) errors.push({ field, message: describeFindings(result.findings, locale) });
  }
  return errors;
}
