import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BodyKind, ChannelKind } from '../../src/domain/bodies';
import { type BodyRegistration, BodyRepository, bodyIdFor } from '../../src/storage/table/bodies';
import { TableStore } from '../../src/storage/tables';
import { BOT, CHANNELS, PEOPLE, TEAM_ID } from '../support/activities';
import { uniquePrefix } from '../support/harness';

const SERVICE_URL = 'https://smba.example.invalid/emea/';

function registration(
  tenantId: string,
  channel: { id: string; name: string },
  kind: BodyKind,
  name: string,
  at = '2025-03-03T09:00:00.000Z',
): BodyRegistration {
  return {
    tenantId,
    kind,
    name,
    cadenceWeeks: kind === 'board' ? 13 : 6,
    weekday: 2,
    time: '09:00',
    durationMinutes: 90,
    channelId: channel.id,
    channelName: channel.name,
    channelType: (channel as { type?: ChannelKind }).type ?? 'private',
    ref: { serviceUrl: SERVICE_URL, conversationId: channel.id, tenantId, botId: BOT.id, botName: BOT.name, teamId: TEAM_ID, channelId: channel.id },
    registeredBy: PEOPLE.kari.aadObjectId,
    at,
  };
}

describe('bodies repository against Azurite', () => {
  const store = new TableStore(inject('storageConnectionString'), uniquePrefix());
  const bodies = new BodyRepository(store.table('bodies'));
  let n = 0;
  const tenant = () => `tenant-${++n}`;
  beforeAll(async () => store.ensureTables());

  it('registers a channel as a body with a stable id derived from the channel id', async () => {
    const t = tenant();
    const result = await bodies.upsert(registration(t, CHANNELS.vest, 'youthTeam', 'Ungdomsteam Vest'));
    expect(result).toMatchObject({ ok: true, created: true, changed: true });
    const id = bodyIdFor(CHANNELS.vest.id);
    expect(id).toMatch(/^b[0-9a-f]{16}$/);
    const back = await bodies.get(t, id);
    expect(back).toMatchObject({ id, kind: 'youthTeam', name: 'Ungdomsteam Vest', cadenceWeeks: 6, weekday: 2, time: '09:00', durationMinutes: 90 });
    expect(back?.ref).toEqual({
      serviceUrl: SERVICE_URL,
      conversationId: CHANNELS.vest.id,
      tenantId: t,
      botId: BOT.id,
      botName: BOT.name,
      teamId: TEAM_ID,
      channelId: CHANNELS.vest.id,
    });
    expect(await bodies.byChannel(t, CHANNELS.vest.id)).toEqual(back);
  });

  it('updates the same body when a channel is registered again, keeping its id and registeredAt', async () => {
    const t = tenant();
    await bodies.upsert(registration(t, CHANNELS.vest, 'youthTeam', 'Ungdomsteam Vest', '2025-03-03T09:00:00.000Z'));
    const again = await bodies.upsert({
      ...registration(t, CHANNELS.vest, 'youthTeam', 'Ungdomsteam Vest 13-16', '2025-04-01T10:00:00.000Z'),
      cadenceWeeks: 4,
    });
    expect(again).toMatchObject({ ok: true, created: false, changed: true });
    const list = await bodies.list(t);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: bodyIdFor(CHANNELS.vest.id),
      name: 'Ungdomsteam Vest 13-16',
      cadenceWeeks: 4,
      registeredAt: '2025-03-03T09:00:00.000Z',
      updatedAt: '2025-04-01T10:00:00.000Z',
    });
  });

  it('treats the same registration twice as one: nothing changes the second time', async () => {
    const t = tenant();
    await bodies.upsert(registration(t, CHANNELS.koord, 'coordinationGroup', 'Koordineringsgruppen', '2025-03-03T09:00:00.000Z'));
    const twice = await bodies.upsert(registration(t, CHANNELS.koord, 'coordinationGroup', 'Koordineringsgruppen', '2025-03-04T09:00:00.000Z'));
    expect(twice).toMatchObject({ ok: true, created: false, changed: false });
    expect((await bodies.list(t)).map((b) => b.updatedAt)).toEqual(['2025-03-03T09:00:00.000Z']);
  });

  it('lets exactly one of two parallel coordination-group registrations in different channels win', async () => {
    const t = tenant();
    const [a, b] = await Promise.all([
      bodies.upsert(registration(t, CHANNELS.koord, 'coordinationGroup', 'Koordineringsgruppen')),
      bodies.upsert(registration(t, CHANNELS.ost, 'coordinationGroup', 'Koordinering Øst')),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const loser = [a, b].find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, reason: 'kindTaken', kind: 'coordinationGroup' });
    const list = await bodies.list(t);
    expect(list).toHaveLength(1); // the loser left nothing behind
    expect(list[0]?.kind).toBe('coordinationGroup');
  });

  it('refuses to move the board to another channel and names the channel that holds it', async () => {
    const t = tenant();
    await bodies.upsert(registration(t, CHANNELS.styret, 'board', 'SLT-styret'));
    const moved = await bodies.upsert(registration(t, CHANNELS.koord, 'board', 'Nytt styre'));
    expect(moved).toEqual({
      ok: false,
      reason: 'kindTaken',
      kind: 'board',
      holder: { bodyId: bodyIdFor(CHANNELS.styret.id), channelId: CHANNELS.styret.id, channelName: 'SLT-styret', name: 'SLT-styret' },
    });
    expect(await bodies.byChannel(t, CHANNELS.koord.id)).toBeUndefined();
  });

  it('frees the board when its channel is registered as something else, so another channel can take it', async () => {
    const t = tenant();
    await bodies.upsert(registration(t, CHANNELS.styret, 'board', 'SLT-styret'));
    expect(await bodies.upsert(registration(t, CHANNELS.styret, 'youthTeam', 'Ungdomsteam Sentrum'))).toMatchObject({ ok: true });
    expect(await bodies.upsert(registration(t, CHANNELS.koord, 'board', 'Styret'))).toMatchObject({ ok: true, created: true });
    expect((await bodies.ofKind(t, 'board'))?.channelId).toBe(CHANNELS.koord.id);
  });

  it('lists any number of youth teams with one coordination group and one board, claims not included', async () => {
    const t = tenant();
    await bodies.upsert(registration(t, CHANNELS.general, 'youthTeam', 'Ungdomsteam Sentrum'));
    await bodies.upsert(registration(t, CHANNELS.vest, 'youthTeam', 'Ungdomsteam Vest'));
    await bodies.upsert(registration(t, CHANNELS.ost, 'youthTeam', 'Ungdomsteam Øst'));
    await bodies.upsert(registration(t, CHANNELS.koord, 'coordinationGroup', 'Koordineringsgruppen'));
    await bodies.upsert(registration(t, CHANNELS.styret, 'board', 'SLT-styret'));
    const list = await bodies.list(t);
    expect(list.map((b) => [b.kind, b.name])).toEqual([
      ['youthTeam', 'Ungdomsteam Sentrum'],
      ['youthTeam', 'Ungdomsteam Vest'],
      ['youthTeam', 'Ungdomsteam Øst'],
      ['coordinationGroup', 'Koordineringsgruppen'],
      ['board', 'SLT-styret'],
    ]);
    expect(await bodies.list(tenant())).toEqual([]); // other tenants see nothing
  });

  it('refreshes the stored conversation reference when the service URL changes, and only then', async () => {
    const t = tenant();
    const reg = registration(t, CHANNELS.vest, 'youthTeam', 'Ungdomsteam Vest');
    await bodies.upsert(reg);
    expect(await bodies.refreshRef(t, CHANNELS.vest.id, reg.ref)).toBe(false);
    const moved = { ...reg.ref, serviceUrl: 'https://smba.example.invalid/amer/' };
    expect(await bodies.refreshRef(t, CHANNELS.vest.id, moved)).toBe(true);
    expect((await bodies.byChannel(t, CHANNELS.vest.id))?.ref.serviceUrl).toBe('https://smba.example.invalid/amer/');
    expect(await bodies.refreshRef(t, CHANNELS.ost.id, moved)).toBe(false); // unregistered channel: nothing stored
    expect(await bodies.byChannel(t, CHANNELS.ost.id)).toBeUndefined();
  });

  it('does not treat claim rows or crafted ids as bodies', async () => {
    const t = tenant();
    await bodies.upsert(registration(t, CHANNELS.styret, 'board', 'SLT-styret'));
    expect(await bodies.get(t, 'kind-board')).toBeUndefined();
    expect(await bodies.get(t, "b' or 1 eq 1")).toBeUndefined();
  });
});
