import { createHash } from 'node:crypto';
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { type AgeBand, categoryKey, type Gender, type PoliceFigure, type PoliceTable, type StoredPoliceFigure } from '../../domain/police-stats';
import { isConflict, isNotFound, listAll } from '../etag';
import { fromChunks, toChunks } from './chunks';
import { encodeKey, odataString } from './keys';

/**
 * Table `policestats` — the police's statistics per network, and imports waiting for «Lagre».
 *   Figures:  PartitionKey = `<tenant>|<table>` (offences, offencesByAge, persons, monthly)
 *             RowKey       = `<year>|<band>|<month 00–12>|<gender>|<category key>`
 *             columns      = year, month, band, gender, category, parent, order, value (integers
 *                            and category labels only — statistics, never free text), importId,
 *                            importedBy, importedByName, importedAt
 *   Heads:    same partition, RowKey `h|<year>` (`h|<year>|<band>` in offencesByAge): the import
 *             that holds the year (id, who, when, rows). Every replacement of a year writes its
 *             head with the ETag it read, in the same entity-group transaction as the figures.
 *   Previews: PartitionKey = `<tenant>|pending`, RowKey = import id (`i` + 24 hex): table, who,
 *             when, `expiresAt` (24 h), the parsed figures as JSON in binary chunks c0…, and
 *             `confirmedAt`/`confirmedBy` once stored.
 * A table's years are one RowKey range in one partition (a network has a few hundred figures a
 * year). Confirming replaces each year (per band in offencesByAge) as a unit: the unit's rows
 * are read, stale ones deleted and new ones upserted in one transaction together with the head;
 * two confirmations of the same year at once collide on the head's ETag and the loser reads
 * again and replaces the winner's rows, so a year never mixes two imports. A unit has at most
 * 99 rows in one transaction (the monthly table with many offence types may take several; the
 * head goes with the first).
 */
type FigureRow = Omit<StoredPoliceFigure, 'table' | 'parent'> & { parent: string };
type HeadRow = { importId: string; importedBy: string; importedByName: string; importedAt: string; rows: number };
type PendingRow = {
  table: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  cCount: number;
  confirmedAt?: string;
  confirmedBy?: string;
} & Record<`c${number}`, Uint8Array>;

/** A previewed import: what `policeStats.confirm` will store. */
export interface PendingImport {
  readonly importId: string;
  readonly tenantId: string;
  readonly table: PoliceTable;
  readonly figures: readonly PoliceFigure[];
  readonly createdBy: string;
  readonly createdByName: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly confirmedAt?: string;
  readonly confirmedBy?: string;
}

export interface ImportedBy {
  readonly id: string;
  readonly name: string;
  readonly at: string;
}

export const IMPORT_ID_RE = /^i[0-9a-f]{24}$/;
const MAX_CHUNKS = 10;
const BATCH = 99;
const ATTEMPTS = 5;
export const PENDING_HOURS = 24;

const POLICE_TABLES: readonly PoliceTable[] = ['offences', 'offencesByAge', 'persons', 'monthly'];
const figuresKey = (tenantId: string, table: PoliceTable): string => encodeKey(`${tenantId}|${table}`);
const pendingKey = (tenantId: string): string => encodeKey(`${tenantId}|pending`);
const rowKeyOf = (f: Pick<PoliceFigure, 'year' | 'band' | 'month' | 'gender' | 'category'>): string =>
  encodeKey(`${f.year}|${f.band}|${String(f.month).padStart(2, '0')}|${f.gender}|${categoryKey(f.category) || f.category.toLowerCase()}`);
/** The unit a confirmation replaces at once: a year, or a year and band in offencesByAge. */
const unitOf = (table: PoliceTable, f: Pick<PoliceFigure, 'year' | 'band'>): string => (table === 'offencesByAge' ? `${f.year}|${f.band}|` : `${f.year}|`);

export class PoliceStatsRepository {
  constructor(private readonly client: TableClient) {}

  /** Keeps a preview for PENDING_HOURS; returns its id. Expired previews of the tenant are removed first. */
  async savePending(tenantId: string, table: PoliceTable, figures: readonly PoliceFigure[], by: ImportedBy, now: Date): Promise<string> {
    await this.purgeExpired(tenantId, now);
    const json = JSON.stringify(figures);
    const importId = `i${createHash('sha256').update(`${tenantId}\n${table}\n${by.id}\n${now.toISOString()}\n${json}`).digest('hex').slice(0, 24)}`;
    const { count, chunks } = toChunks(json, 'c', MAX_CHUNKS);
    const row = {
      partitionKey: pendingKey(tenantId),
      rowKey: importId,
      table,
      createdBy: by.id,
      createdByName: by.name,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + PENDING_HOURS * 3_600_000).toISOString(),
      cCount: count,
      ...chunks,
    } as TableEntity<PendingRow>;
    await this.client.upsertEntity(row, 'Replace');
    return importId;
  }

  /** A preview by id; undefined when unknown (or malformed). Expiry is the caller's to judge. */
  async getPending(tenantId: string, importId: string): Promise<(PendingImport & { etag: string }) | undefined> {
    if (!IMPORT_ID_RE.test(importId)) return undefined;
    try {
      const e = await this.client.getEntity<PendingRow>(pendingKey(tenantId), importId);
      return {
        importId,
        tenantId,
        table: e.table as PoliceTable,
        figures: JSON.parse(fromChunks(e, 'c', e.cCount)) as PoliceFigure[],
        createdBy: e.createdBy,
        createdByName: e.createdByName,
        createdAt: e.createdAt,
        expiresAt: e.expiresAt,
        confirmedAt: e.confirmedAt || undefined,
        confirmedBy: e.confirmedBy || undefined,
        etag: e.etag,
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Marks a preview stored (ETag-guarded). False when someone else marked it first; the figures
   * are the same either way (both stored the same preview).
   */
  async markConfirmed(tenantId: string, importId: string, etag: string, by: ImportedBy): Promise<boolean> {
    try {
      await this.client.updateEntity({ partitionKey: pendingKey(tenantId), rowKey: importId, confirmedAt: by.at, confirmedBy: by.id }, 'Merge', { etag });
      return true;
    } catch (err) {
      if (isConflict(err) || isNotFound(err)) return false;
      throw err;
    }
  }

  /** Stores an import's figures, replacing every year (and band) it has figures for. */
  async replace(tenantId: string, table: PoliceTable, figures: readonly PoliceFigure[], importId: string, by: ImportedBy): Promise<void> {
    const units = new Map<string, PoliceFigure[]>();
    for (const f of figures) {
      const u = unitOf(table, f);
      units.set(u, [...(units.get(u) ?? []), f]);
    }
    for (const [unit, list] of units) await this.replaceUnit(tenantId, table, unit, list, importId, by);
  }

  private async replaceUnit(
    tenantId: string,
    table: PoliceTable,
    unit: string,
    figures: readonly PoliceFigure[],
    importId: string,
    by: ImportedBy,
  ): Promise<void> {
    const pk = figuresKey(tenantId, table);
    const headKey = encodeKey(`h|${unit.slice(0, -1)}`);
    const rows = figures.map(
      (f): TableEntity<FigureRow> => ({
        partitionKey: pk,
        rowKey: rowKeyOf(f),
        year: f.year,
        month: f.month,
        band: f.band,
        gender: f.gender,
        category: f.category,
        parent: f.parent ?? '',
        order: f.order,
        value: f.value,
        importId,
        importedBy: by.id,
        importedByName: by.name,
        importedAt: by.at,
      }),
    );
    const keep = new Set(rows.map((r) => r.rowKey));
    for (let attempt = 1; ; attempt++) {
      const head = await this.client.getEntity<HeadRow>(pk, headKey).catch((err: unknown) => {
        if (isNotFound(err)) return undefined;
        throw err;
      });
      const prefix = encodeKey(unit);
      const existing = await listAll<object>(
        this.client,
        `PartitionKey eq ${odataString(pk)} and RowKey ge ${odataString(prefix)} and RowKey lt ${odataString(`${prefix}~`)}`,
      );
      const headRow: TableEntity<HeadRow> = {
        partitionKey: pk,
        rowKey: headKey,
        importId,
        importedBy: by.id,
        importedByName: by.name,
        importedAt: by.at,
        rows: rows.length,
      };
      const actions: TransactionAction[] = [
        head ? ['update', headRow, 'Replace', { etag: head.etag }] : ['create', headRow],
        ...existing.filter((e) => !keep.has(e.rowKey as string)).map((e): TransactionAction => ['delete', { partitionKey: pk, rowKey: e.rowKey as string }]),
        ...rows.map((r): TransactionAction => ['upsert', r, 'Replace']),
      ];
      try {
        for (let i = 0; i < actions.length; i += BATCH) await this.client.submitTransaction(actions.slice(i, i + BATCH));
        return;
      } catch (err) {
        // Another confirmation of the same year got there first (head ETag, or a row it deleted): read again.
        if (!(isConflict(err) || isNotFound(err)) || attempt >= ATTEMPTS) throw err;
      }
    }
  }

  /** The figures of a table for the years from–to (inclusive). */
  async list(tenantId: string, table: PoliceTable, fromYear: number, toYear: number): Promise<StoredPoliceFigure[]> {
    const pk = figuresKey(tenantId, table);
    const rows = await listAll<FigureRow>(
      this.client,
      `PartitionKey eq ${odataString(pk)} and RowKey ge ${odataString(`${fromYear}|`)} and RowKey lt ${odataString(`${toYear}|~`)}`,
    );
    return rows.map((r) => ({
      table,
      year: Number(r.year),
      month: Number(r.month),
      band: r.band as AgeBand,
      gender: r.gender as Gender,
      category: r.category,
      ...(r.parent ? { parent: r.parent } : {}),
      order: Number(r.order),
      value: Number(r.value),
      importId: r.importId,
      importedBy: r.importedBy,
      importedByName: r.importedByName,
      importedAt: r.importedAt,
    }));
  }

  /** Every table's figures for the years from–to. */
  async listAll(tenantId: string, fromYear: number, toYear: number): Promise<StoredPoliceFigure[]> {
    const tables = POLICE_TABLES;
    return (await Promise.all(tables.map((t) => this.list(tenantId, t, fromYear, toYear)))).flat();
  }

  /**
   * Retention: previews past their 24 hours are deleted (they name who pasted them), and who
   * imported figures stored before `cutoffIso` is emptied on the figures and the heads. The
   * figures themselves are the police's statistics — counts, never free text — and are kept for
   * the ten-year history. Each row is written with its ETag: a row replaced by a newer import in
   * the meantime is left as it is. Returns how many rows it deleted or emptied.
   */
  async eraseImportersBefore(tenantId: string, cutoffIso: string, now: Date): Promise<number> {
    let count = await this.purgeExpired(tenantId, now);
    for (const table of POLICE_TABLES) {
      const pk = figuresKey(tenantId, table);
      const filter = `PartitionKey eq ${odataString(pk)} and importedAt lt ${odataString(cutoffIso)} and importedBy ne ''`;
      for (const row of await listAll<{ rowKey?: string; etag: string }>(this.client, filter)) {
        try {
          await this.client.updateEntity({ partitionKey: pk, rowKey: String(row.rowKey), importedBy: '', importedByName: '' }, 'Merge', { etag: row.etag });
          count++;
        } catch (err) {
          if (!isConflict(err) && !isNotFound(err)) throw err;
        }
      }
    }
    return count;
  }

  private async purgeExpired(tenantId: string, now: Date): Promise<number> {
    const pk = pendingKey(tenantId);
    const expired = await listAll<object>(this.client, `PartitionKey eq ${odataString(pk)} and expiresAt lt ${odataString(now.toISOString())}`);
    for (const e of expired) {
      await this.client.deleteEntity(pk, e.rowKey as string).catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    }
    return expired.length;
  }
}
