import type { FieldError } from '../actions/types';
import { screenText } from '../domain/guard';
import type { Locale } from '../i18n';
import { describeFindings } from '../i18n/guard';

/**
 * Runs the confidentiality guard over every free-text field a handler is about to store and
 * returns one field-level error per field that identifies a person (naming the offending parts).
 * Empty when everything may be stored.
 */
export function screenFields(fields: Readonly<Record<string, string | undefined>>, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const result = screenText(value);
    if (!result.ok) errors.push({ field, message: describeFindings(result.findings, locale) });
  }
  return errors;
}
