import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { CHANNELS, cardAction, PEOPLE, personalMessage, TENANT } from '../support/activities';
import type { ConnectorCall } from '../support/connector';
import { seedDigestFixture } from '../support/digest-fixture';
import { cardOf, cardTexts, type Harness, startHarness, uniquePrefix } from '../support/harness';

const boardPosts = (h: Harness): ConnectorCall[] =>
  h.connector.posts.filter((m) => (m.conversationId ?? '').split(';')[0] === CHANNELS.styret.id && !m.activityId);
/**
 * A network's monthly digest is scheduled at start for the tenants of SLT_TENANT_IDS (production)
 * and the tenants with jobs, and on a network's first message: these development-mode tests let
 * the network speak once, as a new network does.
 */
const speak = (h: Harness) => h.send(personalMessage('hjelp', { serviceUrl: h.connector.url, from: PEOPLE.kari }));
const board = (p: { id: string; aadObjectId: string; name: string }) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name });

describe('the scheduled monthly digest', () => {
  const running: Harness[] = [];
  const start = async (o: Parameters<typeof startHarness>[0]): Promise<Harness> => {
    const h = await startHarness(o);
    running.push(h);
    return h;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((h) => h.stop()));
  });

  it("appears in the board's channel once at 08:00 on the first working day of the month, with two bot instances ticking", async () => {
    const prefix = uniquePrefix();
    // A minute before 08:00 Oslo on Monday 2 November 2026 (07:00 UTC).
    const clocks = [new ManualClock('2026-11-02T06:59:00.000Z'), new ManualClock('2026-11-02T06:59:00.000Z')];
    const a = await start({ clock: clocks[0], prefix });
    await speak(a);
    await seedDigestFixture(a.app.services, a.connector.url);
    a.connector.rosters.set(CHANNELS.styret.id, [board(PEOPLE.ola), board(PEOPLE.per)]);
    const b = await start({ clock: clocks[1], prefix });
    const tickBoth = async () => {
      const reports = await Promise.all([a.app.jobRunner.tick(), b.app.jobRunner.tick()]);
      await Promise.all([a.app.outboxSender.tick(), b.app.outboxSender.tick()]);
      return reports;
    };

    await tickBoth();
    expect(boardPosts(a)).toHaveLength(0);

    for (const c of clocks) c.set('2026-11-02T07:00:30.000Z');
    const reports = await tickBoth();
    expect(reports.reduce((n, r) => n + r.fired, 0)).toBe(1);
    await tickBoth();
    for (const c of clocks) c.advance(3_600_000);
    await tickBoth();

    const posts = boardPosts(a);
    expect(posts).toHaveLength(1);
    expect(boardPosts(b)).toHaveLength(0); // the board's reference points at the first connector: nothing went astray
    const card = cardOf(posts[0]!.body)!;
    expect(cardTexts(card)[0]).toBe('Månedsrapport for SLT-styret – oktober 2026');
    expect(cardTexts(card)).toContain('Lest av 0 av 2 i styret.');
    expect(cardTexts(card).join(' ')).toContain('Sendt til styret 2. november av SLT-boten (automatisk).');
    expect(await a.app.services.digests.latest(TENANT, '2026-10')).toMatchObject({ sendNo: 1, sentBy: 'scheduler', cardActivityId: posts[0]!.assignedId });
    // The chain goes on: November's digest is due on the first working day of December.
    const pending = await a.app.services.scheduler.pending(TENANT);
    expect(pending.find((j) => j.key === `digest:${TENANT}:2026-11`)?.dueAt).toBe('2026-12-01T07:00:00.000Z');
  });

  it('catches up after downtime: posted once when the bot comes back, from the job scheduled before it went down', async () => {
    const prefix = uniquePrefix();
    const before = await start({ clock: new ManualClock('2026-10-20T12:00:00.000Z'), prefix });
    await speak(before);
    await before.stop();
    running.splice(running.indexOf(before), 1);

    const after = await start({ clock: new ManualClock('2026-11-04T10:00:00.000Z'), prefix });
    await seedDigestFixture(after.app.services, after.connector.url);
    await after.drain();
    await after.drain();
    expect(boardPosts(after)).toHaveLength(1);
    expect(cardTexts(cardOf(boardPosts(after)[0]!.body)!)[0]).toBe('Månedsrapport for SLT-styret – oktober 2026');
  });

  it('posts nothing more when a coordinator already sent the month', async () => {
    const clock = new ManualClock('2026-11-02T06:30:00.000Z');
    const h = await start({ clock });
    await seedDigestFixture(h.app.services, h.connector.url);
    const sent = await h.send(cardAction('digest.send', { month: '2026-10' }, { serviceUrl: h.connector.url, from: PEOPLE.sigrid, channel: null }));
    expect(JSON.stringify(sent.body)).toContain('er sendt til');
    await h.app.outboxSender.tick();
    clock.set('2026-11-02T07:01:00.000Z');
    await h.drain();
    await h.drain();
    expect(boardPosts(h)).toHaveLength(1);
    expect((await h.app.services.digests.latest(TENANT, '2026-10'))?.sentBy).toBe(PEOPLE.sigrid.aadObjectId);
  });

  it("schedules a network's digest on its first message even when the tenant is not configured", async () => {
    const h = await start({ clock: new ManualClock('2026-11-01T12:00:00.000Z') });
    expect((await h.app.services.scheduler.pending(TENANT)).some((j) => j.kind === 'digest')).toBe(false);
    await h.send(personalMessage('hjelp', { serviceUrl: h.connector.url, from: PEOPLE.kari }));
    const job = (await h.app.services.scheduler.pending(TENANT)).find((j) => j.kind === 'digest');
    expect(job).toMatchObject({ key: `digest:${TENANT}:2026-10`, dueAt: '2026-11-02T07:00:00.000Z' });
  });
});
