import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  CONCLUSIONS,
  MAX_EVALUATION,
  MAX_EVALUATION_METHOD,
  MAX_MEASURE_DESCRIPTION,
  MAX_MEASURE_TITLE,
  MAX_PLAN,
  MAX_STATUS_TEXT,
  MEASURE_ID_RE,
  MEASURE_LEVELS,
  MEASURE_STATES,
} from '../domain/measures/model';
import { RESPONSIBLES } from '../domain/minutes';
import { cleanText } from '../domain/trends';

/**
 * Field rules of the measures verbs (issue 17), shared by their action files and the tab's JSON
 * routes (src/tab-api/measure-writes.ts), so a card and the tab are held to one set of rules. A card sends every
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

/** `measure.save`'s data: absent = not on the form, null = cleared (see SaveData in measure-changes.ts). */
export const measureSaveSchema = z.object({
  measureId: measureIdField.optional(),
  version: versionField,
  formId: z
    .string()
    .max(64)
    .regex(/^[\x20-\x7e]*$/)
    .optional(),
  title: clearableText(MAX_MEASURE_TITLE),
  description: clearableText(MAX_MEASURE_DESCRIPTION),
  focusAreas: z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .string()
      .max(500)
      .regex(/^[a-z0-9,-]*$/)
      .nullable()
      .optional(),
  ),
  level: clearableChoice(MEASURE_LEVELS),
  responsible: choiceList(RESPONSIBLES, 400),
  ownerBodyId: z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .string()
      .regex(/^b[0-9a-f]{16}$/)
      .nullable()
      .optional(),
  ),
  plan: clearableText(MAX_PLAN),
  start: clearableDay,
  end: clearableDay,
  status: clearableChoice(MEASURE_STATES),
  evaluationMethod: clearableText(MAX_EVALUATION_METHOD),
  evaluation: clearableText(MAX_EVALUATION),
  conclusion: clearableChoice(CONCLUSIONS),
});

/** `measure.status`'s data: the measure, the status chosen, the version the card showed. */
export const measureStatusSchema = z.object({ measureId: measureIdField, status: z.enum(MEASURE_STATES), version: versionField });

/** `text__<focus area id>`: one status text input per focus area. */
export const STATUS_TEXT_INPUT = /^text__([a-z0-9-]{1,44})$/;

/**
 * `focusStatus.save`'s data: the year, the versions the card showed (JSON: area id → version) and
 * one `text__<area id>` per area — cleaned, and refused when too long before anything screens it.
 * Any other key is not this form's and is left out.
 */
export const focusStatusSchema = z
  .looseObject({
    year: requiredYearField,
    versions: z
      .string()
      .max(4_000)
      .regex(/^[\x20-\x7e]*$/)
      .optional(),
  })
  .transform((d, ctx) => {
    const texts: Record<string, string> = {};
    for (const [k, v] of Object.entries(d)) {
      if (!STATUS_TEXT_INPUT.test(k)) continue;
      if (typeof v !== 'string') {
        ctx.addIssue({ code: 'custom', path: [k], message: 'type' });
        continue;
      }
      const text = cleanText(v);
      if (text.length > MAX_STATUS_TEXT)
        ctx.addIssue({ code: 'too_big', path: [k], maximum: MAX_STATUS_TEXT, origin: 'string', inclusive: true, input: text, message: 'tooLong' });
      texts[k] = text;
    }
    return { year: d.year, versions: d.versions, texts };
  });
