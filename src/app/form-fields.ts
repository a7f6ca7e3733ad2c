import { z } from 'zod';
import { cleanText } from '../domain/trends';

/**
 * The one rule for free text in card data, shared by every action: text as typed minus control
 * characters, CR/LF normalised and trimmed (`cleanText`), then checked for length. A field that
 * takes text with its own `z.string()` would store control characters (they break renderers,
 * logs and the digest archive), so every free-text field of every verb goes through these.
 */
const clean = (v: unknown): unknown => (typeof v === 'string' ? cleanText(v) : v);

/** Required free text, 1–`max` characters after cleaning. */
export const freeText = (max: number) => z.preprocess(clean, z.string().min(1).max(max));

/** Optional free text: '' (or only whitespace and control characters) counts as not given. */
export const optionalFreeText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? cleanText(v) || undefined : (v ?? undefined)), z.string().max(max).optional());

/** Free text that may be empty (the handler decides what empty means), at most `max` characters. */
export const cleanedText = (max: number) => z.preprocess(clean, z.string().max(max));
