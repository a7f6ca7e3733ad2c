import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { PoliceFigure } from '../../src/domain/police-stats';
import { PoliceStatsRepository } from '../../src/storage/table/police-stats';
import { TableStore } from '../../src/storage/tables';
import { uniquePrefix } from '../support/harness';

const TENANT = 'tenant-police';
const by = (id: string) => ({ id, name: `Politikontakt ${id}`, at: '2025-03-10T09:00:00.000Z' });
const fig = (year: number, category: string, value: number, extra: Partial<PoliceFigure> = {}): PoliceFigure => ({
  table: 'offences',
  year,
  month: 0,
  band: '10-17',
  gender: 'all',
  category,
  order: 0,
  value,
  ...extra,
});

describe('police statistics storage (Azurite)', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const repo = new PoliceStatsRepository(store.table('policestats'));
  beforeAll(() => store.ensureTables());

  it('replaces a year as a whole, keeps other years, and never mixes two imports of the same year written at once', async () => {
    await repo.replace(TENANT, 'offences', [fig(2023, 'Vinning', 210), fig(2024, 'Vinning', 87), fig(2024, 'Ran', 5)], 'i1', by('a'));
    await repo.replace(TENANT, 'offences', [fig(2024, 'Vinning', 90), fig(2024, 'Narkotika', 18)], 'i2', by('b'));
    const rows = await repo.list(TENANT, 'offences', 2020, 2025);
    expect(rows.map((r) => [r.year, r.category, r.value, r.importId])).toEqual([
      [2023, 'Vinning', 210, 'i1'],
      [2024, 'Narkotika', 18, 'i2'],
      [2024, 'Vinning', 90, 'i2'],
    ]);

    // Two different imports of 2022 at the same moment: the year ends up as one of them, whole.
    const a = [fig(2022, 'Vinning', 1), fig(2022, 'Ran', 2), fig(2022, 'Vold', 3)];
    const b = [fig(2022, 'Vinning', 10), fig(2022, 'Trafikk', 20)];
    await Promise.all([repo.replace(TENANT, 'offences', a, 'ia', by('a')), repo.replace(TENANT, 'offences', b, 'ib', by('b'))]);
    const year = (await repo.list(TENANT, 'offences', 2022, 2022)).map((r) => [r.category, r.value, r.importId]);
    const asA = [...a].sort((x, y) => x.category.localeCompare(y.category)).map((f) => [f.category, f.value, 'ia']);
    const asB = [...b].sort((x, y) => x.category.localeCompare(y.category)).map((f) => [f.category, f.value, 'ib']);
    expect([JSON.stringify(asA), JSON.stringify(asB)]).toContain(JSON.stringify(year));
  });

  it('replaces per age band in offencesByAge, so importing 10–14 leaves 15–17 alone', async () => {
    const byAge = (band: '10-14' | '15-17', value: number) => fig(2024, 'Vold', value, { table: 'offencesByAge', band });
    await repo.replace(TENANT, 'offencesByAge', [byAge('10-14', 42), byAge('15-17', 28)], 'i3', by('a'));
    await repo.replace(TENANT, 'offencesByAge', [byAge('10-14', 40)], 'i4', by('a'));
    expect((await repo.list(TENANT, 'offencesByAge', 2024, 2024)).map((r) => [r.band, r.value])).toEqual([
      ['10-14', 40],
      ['15-17', 28],
    ]);
  });

  it('keeps a preview for 24 hours, marks it stored once, and removes expired previews', async () => {
    const now = new Date('2025-03-10T09:00:00.000Z');
    const id = await repo.savePending(TENANT, 'offences', [fig(2024, 'Vinning', 87)], by('a'), now);
    const pending = await repo.getPending(TENANT, id);
    expect(pending).toMatchObject({ table: 'offences', createdBy: 'a', expiresAt: '2025-03-11T09:00:00.000Z', figures: [fig(2024, 'Vinning', 87)] });
    expect(await repo.markConfirmed(TENANT, id, pending!.etag, by('a'))).toBe(true);
    expect(await repo.markConfirmed(TENANT, id, pending!.etag, by('b'))).toBe(false);
    expect((await repo.getPending(TENANT, id))?.confirmedBy).toBe('a');
    expect(await repo.getPending('another-tenant', id)).toBeUndefined();
    await repo.savePending(TENANT, 'offences', [], by('a'), new Date('2025-03-12T09:00:00.000Z'));
    expect(await repo.getPending(TENANT, id)).toBeUndefined();
  });
});
