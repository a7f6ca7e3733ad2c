import { z } from 'zod';
import { writeFocusStatus } from '../app/focus-status';
import { decideSave, decideStatus, saveNotice, statusNotice } from '../app/measure-changes';
import { focusStatusSchema, measureSaveSchema, measureStatusSchema, requiredYearField } from '../app/measure-fields';
import { type MeasureScene, sceneOf } from '../app/measures';
import type { Services } from '../app/services';
import { toFieldErrors } from '../app/validation';
import type { ActionRequest, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { ErrorResponse, FocusStatusStaleResponse, FocusStatusWriteResponse, MeasureStaleResponse, MeasureWriteResponse } from './contract';
import { itemOf } from './measures';
import { localeOf, parseQuery } from './schemas';
import { type TabViewer, tabActor, tabPlace } from './viewer';

/**
 * The tab's writes to the measures register (issue 17: a measure is created «… og i fanen»):
 * `POST /api/tab/measure-save`, `measure-status` and `focus-status`, for coordinators. Each is the
 * card verb of the same name behind a JSON door: the verb's zod schema (measure-fields.ts, so the
 * same Norwegian message per field), then the verb's use case (measure-changes.ts,
 * focus-status.ts) with its guard, ETag-guarded write, audit log and repeat detection. Only the
 * answer differs: JSON instead of a card — the field errors, or the stored values of a stale
 * version, for the page to show next to the person's input.
 */
export interface WriteRequest {
  readonly query: URLSearchParams;
  /** The parsed JSON body (the HTTP edge accepts application/json only). */
  readonly body: unknown;
  /** Correlation id for the logs. */
  readonly cid: string;
}

export interface WriteAnswer {
  readonly status: number;
  readonly body: unknown;
}

type Write = (s: Services, v: TabViewer, req: WriteRequest) => Promise<WriteAnswer>;

const writeQuery = z.strictObject({ lang: z.enum(['nb', 'en']).optional() });

const fail = (status: number, error: string, message: string, extra: Partial<ErrorResponse> & Record<string, unknown> = {}): WriteAnswer => ({
  status,
  body: { error, message, ...extra },
});

const fieldsOf = (errors: readonly FieldError[]): Record<string, string> => Object.fromEntries(errors.map((e) => [e.field || 'body', e.message]));

const invalid = (locale: Locale, fields: Record<string, string>, message = pick(locale, MEASURE_TEXTS).notices.errorSummary): WriteAnswer =>
  fail(400, 'invalid', message, { fields });

/** The checks every write makes first: the query, the role, a JSON object. Then the write itself. */
function guarded(write: (s: Services, v: TabViewer, req: WriteRequest, ctx: Context) => Promise<WriteAnswer>): Write {
  return async (s, v, req) => {
    const locale = localeOf(req.query);
    const q = parseQuery(writeQuery, req.query, locale);
    if (!q.ok) return fail(400, 'invalid', locale === 'en' ? 'Invalid query.' : 'Ugyldig spørring.', { fields: q.fields });
    const t = pick(locale, MEASURE_TEXTS);
    if (!(v.standing.coordinator || v.standing.admin)) return fail(403, 'forbidden', t.command.coordinatorsOnly);
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body))
      return invalid(
        locale,
        { body: locale === 'en' ? 'Send a JSON object.' : 'Send et JSON-objekt.' },
        locale === 'en' ? 'Invalid request.' : 'Ugyldig forespørsel.',
      );
    // A development identity carries no name: the roles table knows a coordinator's.
    const name = v.identity.name ?? (await s.roles.get(v.identity.tid, v.identity.oid))?.name ?? '';
    const now = s.clock.now();
    const request = <D>(verb: string, data: D): ActionRequest<D> => ({
      actor: tabActor(v.identity, name),
      place: tabPlace(v.identity),
      locale,
      now,
      correlationId: req.cid,
      verb,
      data,
    });
    return write(s, v, req, { locale, scene: sceneOf(v.viewer, v.standing, now), request, body: req.body as Record<string, unknown> });
  };
}

interface Context {
  readonly locale: Locale;
  readonly scene: MeasureScene;
  readonly request: <D>(verb: string, data: D) => ActionRequest<D>;
  readonly body: Record<string, unknown>;
}

/** A JSON list where the card sends a comma-separated one (focus areas, responsible services). */
function listsJoined(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const k of ['focusAreas', 'responsible'])
    if (Array.isArray(out[k]) && (out[k] as unknown[]).every((x) => typeof x === 'string')) out[k] = (out[k] as string[]).join(',');
  return out;
}

/** POST measure-save: `measure.save`'s data as JSON (lists may be arrays). */
const measureSave = guarded(async (s, v, _req, { locale, scene, request, body }) => {
  const data = listsJoined(body);
  const parsed = measureSaveSchema.safeParse(data);
  if (!parsed.success) return invalid(locale, fieldsOf(toFieldErrors(parsed.error, locale, data)));
  const r = await decideSave(s, request('measure.save', parsed.data), scene);
  const message = saveNotice(locale, r);
  switch (r.kind) {
    case 'refused':
      return fail(403, 'forbidden', message);
    case 'notFound':
      return fail(404, 'notFound', message);
    case 'noBodies':
      return fail(409, 'noBodies', message);
    case 'invalid':
      return invalid(locale, fieldsOf(r.errors), message);
    case 'stale': {
      const current = await itemOf(s, v, r.current, scene.today, true, locale);
      return { status: 409, body: { error: 'stale', message, current, changed: r.fields } satisfies MeasureStaleResponse };
    }
    default: {
      const measure = await itemOf(s, v, r.measure, scene.today, true, locale);
      return { status: 200, body: { outcome: r.kind, message, measure } satisfies MeasureWriteResponse };
    }
  }
});

/** POST measure-status: `{ measureId, status, version }`. */
const measureStatus = guarded(async (s, v, _req, { locale, scene, request, body }) => {
  const parsed = measureStatusSchema.safeParse(body);
  if (!parsed.success) return invalid(locale, fieldsOf(toFieldErrors(parsed.error, locale, body)));
  const r = await decideStatus(s, request('measure.status', parsed.data), scene);
  const message = statusNotice(locale, r, 'tab');
  if (r.kind === 'refused') return fail(403, 'forbidden', message);
  if (r.kind === 'notFound') return fail(404, 'notFound', message);
  if (r.kind === 'stale') {
    const current = await itemOf(s, v, r.current, scene.today, true, locale);
    return { status: 409, body: { error: 'stale', message, current, fields: { status: message } } satisfies MeasureStaleResponse };
  }
  const measure = await itemOf(s, v, r.measure, scene.today, true, locale);
  return { status: 200, body: { outcome: r.kind, message, measure } satisfies MeasureWriteResponse };
});

/** The JSON of POST focus-status: one area's text at a time. */
const focusStatusBody = z.strictObject({
  year: requiredYearField,
  focusAreaId: z.string().regex(/^[a-z0-9-]{1,44}$/),
  text: z.string(),
  version: z.number().int().min(0).max(1_000_000).optional(),
});

/** POST focus-status: `{ year, focusAreaId, text, version }`, run as `focusStatus.save` with that one text. */
const focusStatus = guarded(async (s, _v, _req, { locale, scene, request, body }) => {
  const t = pick(locale, MEASURE_TEXTS);
  const shape = focusStatusBody.safeParse(body);
  if (!shape.success) return invalid(locale, fieldsOf(toFieldErrors(shape.error, locale, body)), t.status.invalid);
  const { year, focusAreaId: id, text, version } = shape.data;
  const field = `text__${id}`;
  // The card's data: the same schema checks the text (cleaned, then its length, before the guard reads it).
  const data = { year, versions: JSON.stringify({ [id]: version ?? 0 }), [field]: text };
  const parsed = focusStatusSchema.safeParse(data);
  const asText = (errors: readonly FieldError[]) => Object.fromEntries(errors.map((e) => [e.field === field ? 'text' : e.field || 'body', e.message]));
  if (!parsed.success) return invalid(locale, asText(toFieldErrors(parsed.error, locale, data)), t.status.invalid);
  const r = await writeFocusStatus(s, request('focusStatus.save', parsed.data), scene);
  if (r.kind === 'refused') return fail(403, 'forbidden', t.command.coordinatorsOnly);
  if (r.unknown.includes(id)) return invalid(locale, { focusAreaId: format(t.errors.unknownArea, { year }) }, t.status.invalid);
  if (r.kind === 'blocked') return invalid(locale, asText(r.errors), t.status.invalid);
  if (r.kind === 'stale') {
    const fields = asText(r.errors);
    return { status: 409, body: { error: 'stale', message: fields.text ?? '', fields, version: r.versions[id] ?? 0 } satisfies FocusStatusStaleResponse };
  }
  const outcome = r.saved > 0 ? 'saved' : 'unchanged';
  const message = outcome === 'saved' ? t.status.savedOne : t.status.unchanged;
  // Unchanged (the same text sent twice) leaves the version as stored, not as sent.
  const stored = (await s.measures.statusTexts(scene.viewer.tenantId, year)).find((x) => x.focusAreaId === id);
  return { status: 200, body: { outcome, message, year, focusAreaId: id, version: stored?.version ?? 0 } satisfies FocusStatusWriteResponse };
});

/** The routes, by path after `/api/tab/`. */
export const MEASURE_WRITES: Readonly<Record<string, Write>> = {
  'measure-save': measureSave,
  'measure-status': measureStatus,
  'focus-status': focusStatus,
};
