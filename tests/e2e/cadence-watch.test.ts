import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { BOT, CHANNELS, channelMessage, PEOPLE, TEAM_ID, TENANT } from '../support/activities';
import { member } from '../support/card-reading';
import { type Harness, startHarness } from '../support/harness';

/**
 * In development mode any tenant is accepted, and `start` schedules the daily cadence watch only
 * for the tenants it knows (configured, or with jobs already). A network first seen after start
 * gets its watch from its first activity, not from the next restart.
 */

const KARI = PEOPLE.kari; // youth team member
const SIGRID = PEOPLE.sigrid; // SLT coordinator: gets the notices
const VEST = CHANNELS.vest;

describe('the cadence watch of a tenant first seen after start', () => {
  let h: Harness;
  const clock = new ManualClock('2026-11-02T09:00:00Z'); // Monday, after the watch's 08:00 Oslo time
  const watchKeys = async () => (await h.app.services.scheduler.pending(TENANT)).map((j) => j.key).filter((k) => k.startsWith('cadenceWatch:'));
  const noticesTo = (p: { id: string }) => h.connector.messages.filter((m) => m.conversationId === `a:1on1-${p.id}`).map((m) => String(m.body.text));

  beforeAll(async () => {
    h = await startHarness({ clock });
    expect(h.app.services.config.devMode).toBe(true);
    expect(h.app.services.config.tenantIds).toEqual([]);
    // A body registered twelve weeks ago that has never met: overdue for its six-week cadence.
    await h.app.services.bodies.upsert({
      tenantId: TENANT,
      kind: 'youthTeam',
      name: VEST.name,
      cadenceWeeks: 6,
      durationMinutes: 90,
      channelId: VEST.id,
      channelName: VEST.name,
      channelType: 'private',
      ref: { serviceUrl: h.connector.url, conversationId: VEST.id, tenantId: TENANT, botId: BOT.id, botName: BOT.name, teamId: TEAM_ID, channelId: VEST.id },
      registeredBy: SIGRID.aadObjectId,
      at: '2026-08-10T09:00:00.000Z',
    });
    await h.app.services.roles.set(TENANT, SIGRID.aadObjectId, 'coordinator', true, 'test', clock.now().toISOString(), SIGRID.name);
    // Teams finds a person to write to 1:1 in the team's roster.
    for (const id of [VEST.id, TEAM_ID]) h.connector.rosters.set(id, [member(KARI), member(SIGRID)]);
  });
  afterAll(async () => h.stop());

  it('has no watch for the tenant before it is heard from', async () => {
    expect(await watchKeys()).toEqual([]);
    await h.drain();
    expect(noticesTo(SIGRID)).toEqual([]);
  });

  it("schedules today's watch at the tenant's first activity; it runs, tells the coordinator and schedules tomorrow's", async () => {
    const res = await h.send(channelMessage('hjelp', { serviceUrl: h.connector.url, from: KARI, channel: VEST }));
    expect(res.status).toBe(200);
    expect(await watchKeys()).toEqual([`cadenceWatch:${TENANT}:2026-11-02`]);

    await h.drain();
    await h.app.outboxSender.tick();
    const notices = noticesTo(SIGRID);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Ungdomsteam Vest 13-16 har ikke holdt noe møte siden den ble registrert');
    expect(await watchKeys()).toEqual([`cadenceWatch:${TENANT}:2026-11-03`]);
  });
});
