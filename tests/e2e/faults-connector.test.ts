import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { personalMessage } from '../support/activities';
import type { ConnectorCall } from '../support/connector';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

/**
 * The connector refuses the bot's REPLY to a user (429 with or without Retry-After, 412, 500,
 * 502) a first time: the reply is retried with a pause and posted exactly once, and the user
 * gets the answer, not an apology. Proactive posts are the outbox's tests.
 */
describe('replies survive connector faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.stop());
  beforeEach(() => h.connector.clear());

  const HELP_TITLE = 'Dette kan du gjøre med SLT-boten';

  /** Fails the next reply to `activityId` `times` times; counts the refused attempts. */
  function failReplies(activityId: string, status: number, times: number, retryAfterSeconds?: number): { refused: () => number } {
    let refused = 0;
    const isReply = (c: ConnectorCall): boolean => c.method === 'POST' && c.activityId === activityId;
    h.connector.fail({ status, times, retryAfterSeconds, match: (c) => isReply(c) && ++refused > 0 });
    return { refused: () => refused };
  }

  /** Sends `hjelp`, returns the HTTP status, how long the turn took, and the replies posted. */
  async function hjelpWith(fault: { status: number; times?: number; retryAfterSeconds?: number }) {
    const activity = personalMessage('hjelp', { serviceUrl: h.connector.url });
    const counter = failReplies(activity.id, fault.status, fault.times ?? 1, fault.retryAfterSeconds);
    const t0 = Date.now();
    const res = await h.send(activity);
    const ms = Date.now() - t0;
    const replies = h.connector.messages.filter((m) => m.activityId === activity.id);
    return { status: res.status, ms, replies, refused: counter.refused() };
  }

  function expectOneHelpCard(replies: ConnectorCall[]): void {
    expect(replies).toHaveLength(1);
    expect(cardTexts(cardOf(replies[0]!.body))[0]).toBe(HELP_TITLE);
  }

  it('waits out 429 with Retry-After: 1 and posts the reply once', async () => {
    const r = await hjelpWith({ status: 429, retryAfterSeconds: 1 });
    expect(r.status).toBe(200);
    expect(r.refused).toBe(1);
    expectOneHelpCard(r.replies);
    expect(r.ms).toBeGreaterThanOrEqual(950);
  });

  it('honours a longer Retry-After (2 s) rather than its own shorter backoff', async () => {
    const r = await hjelpWith({ status: 429, retryAfterSeconds: 2 });
    expect(r.refused).toBe(1);
    expectOneHelpCard(r.replies);
    // The SDK's own exponential backoff would have retried after at most 1 s.
    expect(r.ms).toBeGreaterThanOrEqual(1_950);
  });

  it('retries 429 without Retry-After with backoff and posts the reply once', async () => {
    const r = await hjelpWith({ status: 429 });
    expect(r.refused).toBe(1);
    expectOneHelpCard(r.replies);
  });

  it.each([500, 502])('retries a %i with backoff and posts the reply once', async (status) => {
    const r = await hjelpWith({ status });
    expect(r.status).toBe(200);
    expect(r.refused).toBe(1);
    expectOneHelpCard(r.replies);
    expect(r.ms).toBeGreaterThanOrEqual(400); // a pause, not a hammering retry
  });

  it('retries 412 (transient in Teams) and posts the reply once', async () => {
    const r = await hjelpWith({ status: 412 });
    expect(r.refused).toBe(1);
    expectOneHelpCard(r.replies);
  });

  it('recovers from two 502s in a row', async () => {
    const r = await hjelpWith({ status: 502, times: 2 });
    expect(r.refused).toBe(2);
    expectOneHelpCard(r.replies);
  });

  it('gives up after three refused attempts and tells the user to try again, once', async () => {
    const r = await hjelpWith({ status: 429, times: 3 });
    expect(r.status).toBe(200);
    expect(r.refused).toBe(3);
    expect(r.replies).toHaveLength(1);
    expect(cardOf(r.replies[0]!.body)).toBeUndefined();
    expect(String(r.replies[0]!.body.text)).toMatch(/^Beklager, .*Prøv igjen om litt/);
  });

  it('keeps serving the next message normally after the faults', async () => {
    const activity = personalMessage('hjelp', { serviceUrl: h.connector.url });
    const res = await h.send(activity);
    expect(res.status).toBe(200);
    expectOneHelpCard(h.connector.messages.filter((m) => m.activityId === activity.id));
  });
});
