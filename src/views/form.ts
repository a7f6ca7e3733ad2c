import type { FieldError } from '../handler-types';

/**
 * Helpers for form cards that come back with the user's input kept and errors next to fields.
 *
 * Input values are bound through renderCard's `raw`: an Input shows its value as typed (no
 * Markdown), so escaping would put backslashes into the box that the user would then submit
 * back. adaptivecards-templating never evaluates expressions found in data, and control
 * characters are removed here, so raw binding of input values is safe.
 */
export function keptText(value: unknown, max = 20_000): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return String(value)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .slice(0, max);
}

/** A number for an Input.Number value, or undefined (the input then shows its placeholder). */
export function keptNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Field → message, with '' for every listed field without an error (templates test `!= ''`). */
export function errorMap(fields: readonly string[], errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(fields.map((f) => [f, '']));
  for (const e of errors) out[e.field in out ? e.field : fields[0]!] ||= e.message;
  return out;
}
