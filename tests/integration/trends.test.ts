import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runRetention } from '../../src/app/retention';
import { DEFAULT_FOCUS_AREAS, parseFocusAreaLines } from '../../src/domain/focus-areas';
import { cleanText, monthOf } from '../../src/domain/trends';
import { bodyScope, systemScope } from '../../src/domain/visibility';
import { FocusAreaRepository } from '../../src/storage/table/focus-areas';
import { ProfileRepository } from '../../src/storage/table/profiles';
import { type TrendDraft, TrendRepository } from '../../src/storage/table/trends';
import { TableStore } from '../../src/storage/tables';
import { uniquePrefix } from '../support/harness';
import { retentionDepsOver } from '../support/retention';

const TENANT = 'tenant-trends';
const VEST = 'b0000000000000aa1';
const OST = 'b0000000000000aa2';

describe('trends in table storage (Azurite)', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const trends = new TrendRepository(store.table('trends'));
  beforeAll(async () => store.ensureTables());

  const draft = (over: Partial<TrendDraft> = {}): TrendDraft => ({
    tenantId: TENANT,
    bodyId: VEST,
    month: '2026-11',
    focusAreaId: 'drugs',
    focusAreaLabel: 'Rusmiddelbruk blant unge',
    direction: 'increasing',
    description: 'Flere melder om salg av snus ved kjøpesenteret etter skoletid.',
    area: 'Sentrum',
    ageGroup: '13-16',
    service: 'school',
    reporterId: 'aad-kari',
    reportedAt: '2026-11-02T09:00:00.000Z',
    ...over,
  });

  it("shows a team's trends to that team's scope and never to another team's", async () => {
    await trends.add(draft(), 'v-1');
    await trends.add(draft({ bodyId: OST, description: 'Mer uro på bussen om kvelden.' }), 'o-1');
    const vest = await trends.list(bodyScope(TENANT, VEST), ['2026-11']);
    expect(vest.map((t) => t.description)).toEqual(['Flere melder om salg av snus ved kjøpesenteret etter skoletid.']);
    const ost = await trends.list(bodyScope(TENANT, OST), ['2026-11']);
    expect(ost.map((t) => t.bodyId)).toEqual([OST]);
    // Asking a scope for a body outside it returns nothing, even when the body has trends.
    expect(await trends.list(bodyScope(TENANT, OST), ['2026-11'], VEST)).toEqual([]);
    const vestTrend = vest[0]!;
    expect(await trends.get(bodyScope(TENANT, OST), VEST, '2026-11', vestTrend.id)).toBeUndefined();
    expect((await trends.get(bodyScope(TENANT, VEST), VEST, '2026-11', vestTrend.id))?.id).toBe(vestTrend.id);
    // Coordinators' scope covers both.
    expect((await trends.list(systemScope(TENANT, [VEST, OST]), ['2026-11'])).length).toBe(2);
    // Another tenant's scope sees nothing.
    expect(await trends.list(bodyScope('other-tenant', VEST), ['2026-11'])).toEqual([]);
  });

  it('files trends by Oslo month, so a month is one partition', async () => {
    expect(monthOf(new Date('2026-10-31T23:30:00Z'))).toBe('2026-11'); // 00:30 in Oslo
    await trends.add(draft({ month: '2026-10', reportedAt: '2026-10-15T09:00:00.000Z' }), 'v-oct');
    expect((await trends.list(bodyScope(TENANT, VEST), ['2026-10'])).length).toBe(1);
    expect((await trends.list(bodyScope(TENANT, VEST), ['2026-10', '2026-11'])).length).toBe(2);
  });

  it('stores a repeated submission once', async () => {
    const first = await trends.add(draft({ description: 'Unik tekst for dobbeltklikk.' }), 'double-click');
    const second = await trends.add(draft({ description: 'Unik tekst for dobbeltklikk.' }), 'double-click');
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.trend.id).toBe(first.trend.id);
    const all = await trends.list(bodyScope(TENANT, VEST), ['2026-11']);
    expect(all.filter((t) => t.description === 'Unik tekst for dobbeltklikk.')).toHaveLength(1);
  });

  it('round-trips template syntax, Markdown, HTML, emoji and Norwegian letters byte for byte, minus control characters', async () => {
    const typed = 'Fest ${title} på [lenke](https://x.example) <b>fet</b> **stjerne** 😀🚲 æøå ÆØÅ\n- strek\tfane\u0007\u0000\u001b';
    const stored = cleanText(typed);
    expect(stored).toBe('Fest ${title} på [lenke](https://x.example) <b>fet</b> **stjerne** 😀🚲 æøå ÆØÅ\n- strek\tfane');
    const { trend } = await trends.add(draft({ description: stored, area: cleanText('Sentrum 😀 \u0001') }), 'exotic');
    const back = await trends.get(bodyScope(TENANT, VEST), VEST, '2026-11', trend.id);
    expect(Buffer.from(back!.description, 'utf8').equals(Buffer.from(stored, 'utf8'))).toBe(true);
    expect(back!.area).toBe('Sentrum 😀');
  });

  it('erases the free text of trends older than the retention period and keeps their categories', async () => {
    const t = 'tenant-trend-retention';
    const old = await trends.add(draft({ tenantId: t, month: '2024-09', reportedAt: '2024-09-15T08:00:00.000Z' }), 'old');
    const recent = await trends.add(draft({ tenantId: t, month: '2025-12', reportedAt: '2025-12-01T08:00:00.000Z' }), 'recent');
    const deps = retentionDepsOver(store, { trends });
    const report = await runRetention(deps, t, new Date('2026-11-02T02:30:00Z'));
    expect(report).toMatchObject({ cutoff: '2024-11-02T02:30:00.000Z', trends: 1 });
    const scope = bodyScope(t, VEST);
    const erased = await trends.get(scope, VEST, '2024-09', old.trend.id);
    expect(erased).toMatchObject({
      description: '',
      area: undefined,
      focusAreaId: 'drugs',
      direction: 'increasing',
      ageGroup: '13-16',
      service: 'school',
      month: '2024-09',
      textErasedAt: '2026-11-02T02:30:00.000Z',
    });
    expect((await trends.get(scope, VEST, '2025-12', recent.trend.id))?.description).toBe(recent.trend.description);
    expect((await runRetention(deps, t, new Date('2026-11-03T02:30:00Z'))).trends).toBe(0);
  });
});

describe('focus areas and remembered services (Azurite)', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  beforeAll(async () => store.ensureTables());

  it('gives the defaults until coordinators set a list, and keeps ids of areas that stay', async () => {
    const repo = new FocusAreaRepository(store.table('settings'));
    expect(await repo.get('t1')).toEqual(DEFAULT_FOCUS_AREAS);
    const edit = parseFocusAreaLines('Rusmiddelbruk blant unge\nNetthets og deling av bilder\nrusmiddelbruk blant unge', DEFAULT_FOCUS_AREAS);
    if (!edit.ok) throw new Error(edit.reason);
    expect(edit.areas.map((a) => a.id)).toEqual(['drugs', 'netthets-og-deling-av-bilder']);
    expect(await repo.set('t1', edit.areas, 'aad-sigrid', '2026-11-02T09:00:00Z')).toBe(true);
    expect(await repo.set('t1', edit.areas, 'aad-sigrid', '2026-11-02T09:01:00Z')).toBe(false);
    expect((await repo.get('t1')).map((a) => a.nb)).toEqual(['Rusmiddelbruk blant unge', 'Netthets og deling av bilder']);
    expect(await repo.get('t2')).toEqual(DEFAULT_FOCUS_AREAS);
  });

  it("remembers a person's service per tenant", async () => {
    const repo = new ProfileRepository(store.table('members'));
    expect(await repo.reporterService('t1', 'aad-kari')).toBeUndefined();
    await repo.setReporterService('t1', 'aad-kari', 'outreach', '2026-11-02T09:00:00Z');
    expect(await repo.reporterService('t1', 'aad-kari')).toBe('outreach');
    expect(await repo.reporterService('t2', 'aad-kari')).toBeUndefined();
  });
});
