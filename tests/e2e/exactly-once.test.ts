import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { MEETING_JOB_KINDS } from '../../src/domain/meetings';
import { CHANNELS, cardAction, PEOPLE, type Person, TEAM_ID, TENANT } from '../support/activities';
import { member, shown } from '../support/card-reading';
import type { ConnectorCall } from '../support/connector';
import { cardOf, type Harness, startHarness, uniquePrefix } from '../support/harness';

/**
 * Exactly once with real bot instances (issue 3, §4): three apps on one storage table prefix —
 * as three replicas behind a load balancer on one storage account — with their loops off and
 * one shared test clock. At every due time across a series of four meetings all three
 * schedulers tick at once, then all three outbox senders, and the posts reaching Teams are
 * counted: each meeting card once, and per meeting one call for topics, one agenda, one
 * reminder and one 1:1 minutes prompt. (tests/integration/scheduler.test.ts races three job
 * runners with a made-up handler; this one runs the bot's own jobs end to end.)
 */

const KARI = PEOPLE.kari; // administrator (SLT_ADMINS): registers the body and schedules the series
const VEST = CHANNELS.vest;
const SERIES = { date: '2026-11-05', time: '18:00', durationMinutes: '120', location: 'Ungdomshuset, møterom 2', repeat: 'cadence', count: '4' };
const DATES = ['torsdag 5. november 2026', 'torsdag 17. desember 2026', 'torsdag 28. januar 2027', 'torsdag 11. mars 2027'];

type Kind = 'meeting' | 'callForTopics' | 'agenda' | 'reminder' | 'minutesPrompt' | 'other';

describe('three bot instances on one storage account', () => {
  const clock = new ManualClock('2026-11-02T09:00:00Z'); // Monday
  const prefix = uniquePrefix();
  const bots: Harness[] = [];
  /** Every activity sent through /api/messages names the first instance's connector: the body's posts go there. */
  const url = () => bots[0]!.connector.url;

  const invoke = async (via: Harness, verb: string, data: Record<string, unknown>, from: Person) => {
    const res = await via.send(cardAction(verb, data, { serviceUrl: url(), from, channel: VEST, replyToId: `form-${verb}` }));
    expect(res.status).toBe(200);
    return res.body as { type?: string; value?: unknown };
  };
  /** What a post is, and which meeting it is about (by its date where the post shows one). */
  const classify = (p: ConnectorCall): { kind: Kind; date?: string } => {
    const card = cardOf(p.body);
    const texts = card ? shown(card) : [String(p.body.text ?? '')];
    const all = texts.join('\n');
    const date = DATES.find((d) => all.includes(d));
    if (p.conversationId === `a:1on1-${KARI.id}` && all.includes(' er over')) return { kind: 'minutesPrompt', date };
    if (texts[0]?.startsWith('Møte – ')) return { kind: 'meeting', date };
    if (texts[0]?.startsWith('Innspill til møtet ')) return { kind: 'callForTopics', date };
    if (texts[0]?.startsWith('Dagsorden – ')) return { kind: 'agenda', date };
    if (texts[0]?.startsWith('Påminnelse: ')) return { kind: 'reminder', date };
    return { kind: 'other' };
  };
  const allPosts = () => bots.flatMap((b) => b.connector.posts);
  /** One round at the current time: the three schedulers at once, then the three senders at once until nothing is ready. */
  const tickAll = async () => {
    await Promise.all(bots.map((b) => b.app.jobRunner.tick()));
    for (let i = 0; i < 10; i++) {
      const reports = await Promise.all(bots.map((b) => b.app.outboxSender.tick()));
      if (reports.every((r) => r.ready === 0)) break;
    }
  };

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) bots.push(await startHarness({ clock, prefix, env: { SLT_ADMINS: KARI.aadObjectId } }));
    const people = Object.values(PEOPLE).map(member);
    for (const b of bots) {
      b.connector.rosters.set(TEAM_ID, people);
      b.connector.channels.set(TEAM_ID, [CHANNELS.general, VEST]);
      b.connector.rosters.set(VEST.id, people); // a private channel with everyone in it
    }
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
  });

  it('posts every meeting card and meeting job once, with all three instances ticking at each due time', async () => {
    // A load balancer spreads the coordinator's clicks over the instances.
    await invoke(
      bots[0]!,
      'body.register',
      { kind: 'youthTeam', name: 'Ungdomsteam Vest 13-16', cadenceWeeks: '6', weekday: '4', time: '18:00', durationMinutes: '120' },
      KARI,
    );
    const scheduled = await invoke(bots[1]!, 'meeting.schedule', SERIES, KARI);
    expect(shown(scheduled.value as Record<string, unknown>)[0]).toBe('4 møter er planlagt – Ungdomsteam Vest 13-16');

    const jobs = (await bots[2]!.app.services.scheduler.pending(TENANT)).filter((j) => (MEETING_JOB_KINDS as readonly string[]).includes(j.kind));
    expect(jobs).toHaveLength(16);
    // A job already due (the first call for topics) fires at the first tick.
    const start = clock.now().toISOString();
    const firesAt = (dueAt: string) => (dueAt < start ? start : dueAt);
    const times = [...new Set([start, ...jobs.map((j) => firesAt(j.dueAt))])].sort();

    let seen = 0;
    for (const at of times) {
      clock.set(at);
      await tickAll();
      const fresh = allPosts().slice(seen);
      seen += fresh.length;
      // Exactly the posts of what fell due now: the meeting cards at the start, then each job's own post.
      const due = jobs.filter((j) => firesAt(j.dueAt) === at).map((j) => j.kind as Kind);
      const expected = at === start ? [...due, ...Array<Kind>(4).fill('meeting')] : due;
      expect(fresh.map((p) => classify(p).kind).sort(), `posts at ${at}`).toEqual(expected.sort());
    }

    const posts = allPosts().map(classify);
    expect(posts.filter((p) => p.kind === 'other')).toEqual([]);
    for (const kind of ['meeting', 'callForTopics', 'agenda', 'reminder', 'minutesPrompt'] as const) {
      const ofKind = posts.filter((p) => p.kind === kind);
      expect(ofKind, kind).toHaveLength(4);
      // One per meeting, where the post names its meeting's date (the reminder says "i dag").
      if (kind !== 'reminder') expect(ofKind.map((p) => p.date).sort(), kind).toEqual([...DATES].sort());
    }
    expect(posts).toHaveLength(20);
    // All of it went to the connector of the conversation reference, none to the other two.
    expect(bots[1]!.connector.posts.length + bots[2]!.connector.posts.length).toBe(0);
    // And nothing is left to fire or send.
    const left = (await bots[0]!.app.services.scheduler.pending(TENANT)).filter((j) => (MEETING_JOB_KINDS as readonly string[]).includes(j.kind));
    expect(left).toEqual([]);
  });
});
