import { DateTime } from 'luxon';
import { z } from 'zod';
import { MEASURE_ID_RE } from '../domain/measures/model';
import { cleanText } from '../domain/trends';

/**
 * Field rules of the measures verbs (issue 17), shared by their action files. A card sends every
 * input it has, so an empty input means "cleared" (null) and a missing one "not on this card"
 * (undefined): a partial card (the evaluation form) changes only what it shows.
 */
const blankToNull = (v: unknown): unknown => {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'string') return v;
  const c = cleanText(v);
  return c === '' ? null : c;
};

/** Free text: cleaned, '' → null, at most `max` characters. */
export const clearableText = (max: number) => z.preprocess(blankToNull, z.string().max(max).nullable().optional());

/** A day YYYY-MM-DD that exists, '' → null. */
export const clearableDay = z.preprocess(
  blankToNull,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((v) => DateTime.fromISO(v).isValid)
    .nullable()
    .optional(),
);

/** One of `values`, '' → null. */
export const clearableChoice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToNull, z.enum(values).nullable().optional());

/** A comma-separated list of `values` (a multi-select choice set), '' → null. */
export const choiceList = (values: readonly string[], max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .max(max)
      .refine((s) => s.split(',').every((x) => values.includes(x.trim())), { message: 'msg:choice' })
      .nullable()
      .optional(),
  );

export const measureIdField = z.string().trim().regex(MEASURE_ID_RE);

/** The version a card was made from (cards send numbers as strings). */
export const versionField = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(1).max(1_000_000).optional());

/** A year 2000–2100 (cards send it as a string). */
export const yearField = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional());

/** A year 2000–2100 that must be given. */
export const requiredYearField = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(2000).max(2100));

/** Card data as an object: a crafted invoke may send anything (a form shown again must not trip over it). */
export function dataObject(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}
