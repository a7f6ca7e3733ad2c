import type { z } from 'zod';
import type { FieldError } from '../handler-types';
import { type Catalogue, format, type Locale, pick } from '../i18n';

const text: Catalogue<Record<string, string>> = {
  nb: {
    required: 'Feltet må fylles ut.',
    tooShort: 'Må ha minst {min} tegn.',
    tooLong: 'Kan ha høyst {max} tegn (nå {length}).',
    tooSmall: 'Må være minst {min}.',
    tooBig: 'Kan være høyst {max}.',
    choice: 'Velg en av de oppgitte verdiene.',
    format: 'Ugyldig format.',
    type: 'Ugyldig verdi.',
  },
  en: {
    required: 'This field is required.',
    tooShort: 'Must have at least {min} characters.',
    tooLong: 'At most {max} characters (now {length}).',
    tooSmall: 'Must be at least {min}.',
    tooBig: 'Must be at most {max}.',
    choice: 'Choose one of the given values.',
    format: 'Invalid format.',
    type: 'Invalid value.',
  },
};

/**
 * Turns zod issues into field-level messages in the user's language. A schema may give its
 * own message per rule as a catalogue key `msg:<key>` resolved against `custom`.
 */
export function toFieldErrors(
  error: z.ZodError,
  locale: Locale,
  input: Record<string, unknown>,
  custom: Catalogue<Record<string, string>> = { nb: {}, en: {} },
): FieldError[] {
  const t = pick(locale, text);
  const c = pick(locale, custom);
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    const value = input[field];
    let message: string;
    if (issue.message.startsWith('msg:') && c[issue.message.slice(4)]) message = c[issue.message.slice(4)]!;
    else if (value === undefined || value === null || value === '') message = t.required!;
    else if (issue.code === 'too_small') {
      const min = Number(issue.minimum);
      // `origin` says what was measured: cards send numbers as strings, so the input's type would mislead.
      message = issue.origin === 'string' ? format(min <= 1 ? t.required! : t.tooShort!, { min }) : format(t.tooSmall!, { min });
    } else if (issue.code === 'too_big') {
      const max = Number(issue.maximum);
      message = issue.origin === 'string' ? format(t.tooLong!, { max, length: String(value).length }) : format(t.tooBig!, { max });
    } else if (issue.code === 'invalid_value') message = t.choice!;
    else if (issue.code === 'invalid_format') message = t.format!;
    else message = t.type!;
    out.push({ field, message });
  }
  return out;
}
