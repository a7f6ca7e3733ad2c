import type { Config } from '../config';
import { utcToOslo } from '../domain/calendar';
import {
  HISTORY_YEARS,
  type PoliceChapter,
  type PoliceDigest,
  type PoliceImport,
  type PoliceTable,
  type PoliceUpdate,
  parsePoliceTable,
  policeChapter,
  policeDigest,
  policeUpdate,
  type StoredPoliceFigure,
} from '../domain/police-stats';
import type { ActionOutcome, ActionRequest, CardJson, FieldError, RequestBase } from '../handler-types';
import { format, pick } from '../i18n';
import { POLICE_TEXTS } from '../i18n/police-stats';
import type { PoliceStatsRepository } from '../storage/table/police-stats';
import { type PoliceCardInput, policeStatsCard, previewOf } from '../views/police-stats';
import type { Services } from './services';

/**
 * The police statistics' use cases (issue 16): preview an import (parse, keep the parsed
 * figures for «Lagre», store nothing), confirm it (replace the same years), and read the
 * figures for the agenda's police item, the digest, the annual report and the tab.
 */

/** The Oslo year of an instant. */
export const osloYear = (at: Date): number => Number(utcToOslo(at.toISOString()).date.slice(0, 4));

/** Where «Se politistatistikk» leads: the tab's police section (in Teams a deep link to the personal tab). */
export function policeTabUrl(config: Pick<Config, 'devMode' | 'publicUrl' | 'bot'>): string {
  if (config.devMode || !config.bot.appId) return `${config.publicUrl}/tab/index.html#police`;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: 'police' }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.bot.appId)}/slt-oversikt?context=${context}`;
}

/** The card with the given form values, preview or result. */
export function policeCard(req: RequestBase, services: Pick<Services, 'config'>, extra: Omit<PoliceCardInput, 'categories' | 'maxYear' | 'tabUrl'>): CardJson {
  return policeStatsCard(req.locale, {
    ...extra,
    categories: services.config.policeCategories,
    maxYear: osloYear(req.now),
    tabUrl: policeTabUrl(services.config),
  });
}

/** Parses pasted text with the network's categories; later years than this one are refused. */
export function parseImport(services: Pick<Services, 'config'>, table: PoliceTable, text: string, now: Date): PoliceImport {
  return parsePoliceTable(table, text, { categories: services.config.policeCategories, thisYear: osloYear(now) });
}

/**
 * `policeStats.import`: the preview. With every line read, the parsed figures are kept for
 * PENDING_HOURS under an import id that «Lagre» carries; with any line refused, nothing is
 * kept and the card names every such line with the pasted text still in the box.
 */
export async function previewImport(
  req: ActionRequest<Record<string, unknown>>,
  services: Services,
  table: PoliceTable,
  text: string,
  values: Record<string, unknown>,
  typed = false,
): Promise<ActionOutcome> {
  const imp = parseImport(services, table, text, req.now);
  const preview = previewOf(req.locale, imp, typed);
  if (imp.problems.length || !imp.figures.length) {
    services.log.info({ cid: req.correlationId, table, problems: imp.problems.length }, 'police statistics refused');
    return { type: 'card', card: policeCard(req, services, { values, preview }) };
  }
  const importId = await services.policeStats.savePending(req.actor.tenantId, table, imp.figures, by(req), req.now);
  services.log.info({ cid: req.correlationId, table, figures: imp.figures.length, years: imp.years.length }, 'police statistics previewed');
  return { type: 'card', card: policeCard(req, services, { values, preview, importId }) };
}

const by = (req: RequestBase) => ({ id: req.actor.id, name: req.actor.name.slice(0, 200), at: req.now.toISOString() });

/** `policeStats.confirm`: stores a previewed import (idempotent: a second click changes nothing). */
export async function confirmImport(req: ActionRequest<{ importId: string }>, services: Services): Promise<ActionOutcome> {
  const t = pick(req.locale, POLICE_TEXTS);
  const repo: PoliceStatsRepository = services.policeStats;
  const tenantId = req.actor.tenantId;
  const pending = await repo.getPending(tenantId, req.data.importId);
  const refuse = (text: string): ActionOutcome => ({ type: 'card', card: policeCard(req, services, { values: {}, result: { text, ok: false } }) });
  if (!pending) return refuse(t.otherTenant);
  const table = pending.table;
  const when = (iso: string): string => {
    const o = utcToOslo(iso);
    return `${o.date.slice(8, 10)}.${o.date.slice(5, 7)}.${o.date.slice(0, 4)} ${o.time}`;
  };
  if (pending.confirmedAt)
    return {
      type: 'card',
      card: policeCard(req, services, { values: { table }, result: { text: format(t.already, { when: when(pending.confirmedAt) }), ok: true } }),
    };
  if (pending.expiresAt < req.now.toISOString()) return refuse(t.expired);
  const who = by(req);
  await repo.replace(tenantId, table, pending.figures, pending.importId, who);
  await repo.markConfirmed(tenantId, pending.importId, pending.etag, who);
  const years = [...new Set(pending.figures.map((f) => f.year))].sort((a, b) => a - b);
  const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0] ?? '');
  services.log.info({ cid: req.correlationId, table, figures: pending.figures.length }, 'police statistics stored');
  const text = format(t.stored, { count: pending.figures.length, years: span, table: t.tables[table], name: req.actor.name || req.actor.id });
  return { type: 'card', card: policeCard(req, services, { values: { table }, result: { text, ok: true } }) };
}

/** The form again with errors next to the fields and the input kept. */
export function policeForm(req: ActionRequest<Record<string, unknown>>, errors: readonly FieldError[], services: Pick<Services, 'config'>): ActionOutcome {
  return { type: 'card', card: policeCard(req, services, { values: req.data, errors }) };
}

/** The network's figures of the last HISTORY_YEARS years up to `year`. */
/** What the readers need: the repository's read and the suppression setting. */
type PoliceReader = { readonly policeStats: Pick<PoliceStatsRepository, 'listAll'> };
type PoliceReaderWithConfig = PoliceReader & { readonly config: Pick<Config, 'suppressBelow'> };

export function policeFigures(services: PoliceReader, tenantId: string, year: number): Promise<StoredPoliceFigure[]> {
  return services.policeStats.listAll(tenantId, year - HISTORY_YEARS + 1, year);
}

/** The agenda's police item as of the meeting's start. */
export async function agendaPoliceUpdate(services: PoliceReader, tenantId: string, startUtc: string): Promise<PoliceUpdate | undefined> {
  const day = utcToOslo(startUtc).date;
  const year = Number(day.slice(0, 4));
  return policeUpdate(await policeFigures(services, tenantId, year), { year, month: Number(day.slice(5, 7)) });
}

/** The digest's police section for a month (YYYY-MM). */
export async function digestPoliceSection(services: PoliceReaderWithConfig, tenantId: string, month: string): Promise<PoliceDigest | undefined> {
  return policeDigest(await policeFigures(services, tenantId, Number(month.slice(0, 4))), month, services.config.suppressBelow);
}

/** The annual report's police chapter for a year. */
export async function annualPoliceChapter(services: PoliceReaderWithConfig, tenantId: string, year: number): Promise<PoliceChapter | undefined> {
  return policeChapter(await policeFigures(services, tenantId, year), year, services.config.suppressBelow);
}
