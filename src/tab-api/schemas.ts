import { z } from 'zod';
import { toFieldErrors } from '../app/validation';
import type { Catalogue, Locale } from '../i18n';

/**
 * Query parameters of the tab API, validated with zod. Unknown parameters are refused (strict),
 * so a typo is a clear 400 rather than a silently ignored filter.
 */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const BODY_ID = /^b[0-9a-f]{16}$/;
/** Longest trend period one request may ask for (one query per body and month). */
export const MAX_MONTHS = 24;

const lang = z.enum(['nb', 'en']).optional();
const month = z.string().regex(MONTH, 'msg:month');

export const meQuery = z.strictObject({ lang, channel: z.string().min(1).max(200).optional() });

/** GET /api/tab/police: the language only (the page filters by offence type and band itself). */
export const policeQuery = z.strictObject({ lang });

export const trendsQuery = z
  .strictObject({
    lang,
    from: month.optional(),
    to: month.optional(),
    body: z.string().regex(BODY_ID, 'msg:body').optional(),
    focusArea: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'msg:focusArea')
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: 'msg:order' });

export const escalationsQuery = z.strictObject({ lang, status: z.enum(['open', 'all']).default('open') });

export const wheelQuery = z.strictObject({ lang, year: z.coerce.number().int().min(2000).max(2100).optional() });

export const digestsQuery = z.strictObject({ lang });

/** GET /api/tab/digest: one archived month. */
export const digestQuery = z.strictObject({ lang, month });

export const measuresQuery = z.strictObject({ lang, year: z.coerce.number().int().min(2000).max(2100).optional() });

export const annualReportQuery = z.strictObject({ lang, year: z.coerce.number().int().min(2000).max(2100) });

export const devPeopleQuery = z.strictObject({
  lang,
  tenant: z
    .string()
    .regex(/^[0-9a-f-]{36}$/i, 'msg:tenant')
    .optional(),
});

const messages: Catalogue<Record<string, string>> = {
  nb: {
    month: 'Måned skrives ÅÅÅÅ-MM, for eksempel 2026-03.',
    order: '«Fra» må være før eller lik «til».',
    body: 'Ukjent organ.',
    focusArea: 'Ukjent innsatsområde.',
    tenant: 'Leietaker-ID må være en GUID.',
    span: `Perioden kan være høyst ${MAX_MONTHS} måneder.`,
  },
  en: {
    month: 'Write the month as YYYY-MM, for example 2026-03.',
    order: '"From" must be before or equal to "to".',
    body: 'Unknown body.',
    focusArea: 'Unknown focus area.',
    tenant: 'The tenant id must be a GUID.',
    span: `The period can be at most ${MAX_MONTHS} months.`,
  },
};

/** The message of a custom rule (e.g. the period span), in the caller's language. */
export function message(locale: Locale, key: string): string {
  return messages[locale][key] ?? key;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly fields: Record<string, string> };

/** Parses a query into the schema's type, or field-level messages in the caller's language. */
export function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams, locale: Locale): Parsed<z.output<S>> {
  const input: Record<string, unknown> = {};
  for (const [k, v] of query) input[k] = v;
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: Record<string, string> = {};
  for (const e of toFieldErrors(parsed.error, locale, input, messages)) fields[e.field || 'query'] = e.message;
  // Unknown parameters: zod reports them on the object itself; name them.
  for (const issue of parsed.error.issues)
    if (issue.code === 'unrecognized_keys') for (const k of issue.keys) fields[k] = locale === 'en' ? 'Unknown parameter.' : 'Ukjent parameter.';
  delete fields.query;
  return { ok: false, fields: Object.keys(fields).length ? fields : { query: locale === 'en' ? 'Invalid query.' : 'Ugyldig spørring.' } };
}

/** The caller's language from `?lang=`, Bokmål by default. */
export function localeOf(query: URLSearchParams): Locale {
  return query.get('lang') === 'en' ? 'en' : 'nb';
}
