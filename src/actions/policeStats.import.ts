import { z } from 'zod';
import { osloYear, policeForm, previewImport } from '../app/police-stats';
import type { Services } from '../app/services';
import { AGE_BANDS, POLICE_TABLES, type PoliceTable } from '../domain/police-stats';
import { cleanText } from '../domain/trends';
import type { ActionOutcome, ActionRequest, FieldError } from '../handler-types';
import { format, pick } from '../i18n';
import { POLICE_TEXTS } from '../i18n/police-stats';
import { yearFieldId } from '../views/police-stats';
import type { ActionDef } from './types';

/** Longest paste accepted (a table of 15 years × 40 rows is ~4 000 characters). */
export const MAX_POLICE_TEXT = 20_000;

/** A typed figure: a number, or text (cleaned) the parser then judges line by line. */
const numberish = z.union([z.string().max(20).transform(cleanText), z.number()]).optional();
/** The typed year's fields, one per configured offence type (at most this many). */
export const MAX_TYPED_FIELDS = 60;
const typedFields = Object.fromEntries(Array.from({ length: MAX_TYPED_FIELDS }, (_, i) => [yearFieldId(i), numberish])) as Record<
  `n${number}`,
  typeof numberish
>;

/**
 * Data of `policeStats.import`: the table and the pasted text; or (mode `year`, the card's
 * «Skriv inn ett år») a year, an age band and one figure per configured offence type (`n0`, `n1` …).
 */
export const policeImportSchema = z
  .object({
    table: z.enum(POLICE_TABLES),
    text: z.preprocess((v) => (typeof v === 'string' ? cleanText(v) : v), z.string().max(MAX_POLICE_TEXT)).optional(),
    mode: z.enum(['paste', 'year']).optional(),
    year: numberish,
    band: z.enum(AGE_BANDS).optional(),
  })
  .extend(typedFields);
type ImportData = z.infer<typeof policeImportSchema>;

/** The typed year as the text the police would paste: its band line, the year, one row per type. */
function typedYear(data: ImportData, services: Services, now: Date): { table: PoliceTable; text: string } | { errors: FieldError[] } | { empty: true } {
  const year = Number(String(data.year ?? '').trim());
  if (!Number.isInteger(year) || year < 1990 || year > osloYear(now)) return { errors: [{ field: 'year', message: '' }] };
  const band = data.band ?? '10-17';
  const rows = services.config.policeCategories
    .slice(0, MAX_TYPED_FIELDS)
    .map(
      (c, i) =>
        [
          c.label,
          String((data as Record<string, unknown>)[yearFieldId(i)] ?? '')
            .replace(/[\t;\r\n]/g, ' ')
            .trim(),
        ] as const,
    )
    .filter(([, v]) => v !== '');
  if (rows.length === 0) return { empty: true };
  const lines = [...(band === '10-17' ? [] : [band]), `;${year}`, ...rows.map(([label, v]) => `${label};${v}`)];
  return { table: band === '10-17' ? 'offences' : 'offencesByAge', text: lines.join('\n') };
}

/** `policeStats.import`: a preview card — what will be stored, or every line that could not be read. Stores nothing. */
export const policeStatsImport: ActionDef<typeof policeImportSchema> = {
  audience: 'policeOrCoordinator',
  schema: policeImportSchema,
  async handle(req, services): Promise<ActionOutcome> {
    const t = pick(req.locale, POLICE_TEXTS);
    const values = req.data as Record<string, unknown>;
    if (req.data.mode === 'year') {
      const typed = typedYear(req.data, services, req.now);
      if ('errors' in typed) return policeForm(req, [{ field: 'year', message: format(t.yearRequired, { max: osloYear(req.now) }) }], services);
      if ('empty' in typed) return policeForm(req, [{ field: 'year', message: t.yearEmpty }], services);
      return previewImport(req, services, typed.table, typed.text, values, true);
    }
    const text = req.data.text ?? '';
    if (!text) return policeForm(req, [{ field: 'text', message: t.textRequired }], services);
    return previewImport(req, services, req.data.table, text, values);
  },
  form: async (req: ActionRequest<Record<string, unknown>>, errors, services) => policeForm(req, errors, services),
};
