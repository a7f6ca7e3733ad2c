import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FOCUS_AREAS } from '../../src/domain/focus-areas';
import { DIRECTIONS } from '../../src/domain/trends';
import { BOT, CHANNELS, cardAction, type Person, TEAM_ID, TENANT } from '../support/activities';
import { cardTexts, type Harness, startHarness } from '../support/harness';

/**
 * Load held (issue 8): 5 000 `trend.submit` actions from 50 people at once, each waiting for its
 * answer before sending the next (closed loop, no think time), through /api/messages of the real
 * server against Azurite. Every submission must be stored exactly once and confirmed to its sender.
 */
const USERS = 50;
const PER_USER = 100;
const TOTAL = USERS * PER_USER;
const DONE_TITLE = 'Takk! Trenden er registrert.';
const DUPLICATE_TEXT = 'Denne trenden var allerede registrert – den er ikke lagret to ganger.';

/** Invented members of the youth team (no real names). */
const people: Person[] = Array.from({ length: USERS }, (_, i) => ({
  id: `29:last-${i}`,
  aadObjectId: `aad-last-${String(i).padStart(2, '0')}`,
  name: `Lasttester ${i + 1}`,
}));

/** The n-th report of user u: a trend as a member would describe it, distinct for every (u, n). */
function report(u: number, n: number): Record<string, unknown> {
  return {
    focusArea: DEFAULT_FOCUS_AREAS[(u + n) % DEFAULT_FOCUS_AREAS.length]!.id,
    direction: DIRECTIONS[n % DIRECTIONS.length],
    description: `Flere unge samles ved idrettsparken sent på kvelden, runde ${n} fra gruppe ${u}.`,
    ageGroup: '13-16',
    service: 'school',
    formId: randomUUID(),
  };
}

interface Answer {
  status: number;
  title?: string;
  texts: string[];
}

describe('load: 5 000 trend reports from 50 members at once', () => {
  let h: Harness;
  const answers = new Map<string, Answer[]>();
  const sent = new Map<string, Record<string, unknown>[]>();
  let elapsedMs = 0;
  let repeatAnswers: Answer[] = [];

  const submit = async (p: Person, data: Record<string, unknown>): Promise<Answer> => {
    const res = await h.send(cardAction('trend.submit', data, { serviceUrl: h.connector.url, from: p, channel: CHANNELS.vest }));
    const body = res.body as { type?: string; value?: unknown } | undefined;
    const card = body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
    const texts = card ? cardTexts(card) : [String(body?.value)];
    return { status: res.status, title: texts[0], texts };
  };

  beforeAll(async () => {
    h = await startHarness();
    const registered = await h.app.services.bodies.upsert({
      tenantId: TENANT,
      kind: 'youthTeam',
      name: CHANNELS.vest.name,
      cadenceWeeks: 6,
      durationMinutes: 90,
      channelId: CHANNELS.vest.id,
      channelName: CHANNELS.vest.name,
      channelType: 'private',
      ref: {
        serviceUrl: h.connector.url,
        conversationId: CHANNELS.vest.id,
        tenantId: TENANT,
        botId: BOT.id,
        botName: BOT.name,
        teamId: TEAM_ID,
        channelId: CHANNELS.vest.id,
      },
      registeredBy: 'aad-last-koordinator',
      at: '2026-11-02T09:00:00.000Z',
    });
    expect(registered.ok).toBe(true);
    h.connector.rosters.set(
      CHANNELS.vest.id,
      people.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })),
    );

    const started = Date.now();
    await Promise.all(
      people.map(async (p, u) => {
        const mine: Answer[] = [];
        const data: Record<string, unknown>[] = [];
        for (let n = 0; n < PER_USER; n++) {
          data.push(report(u, n));
          mine.push(await submit(p, data[n]!));
        }
        answers.set(p.aadObjectId, mine);
        sent.set(p.aadObjectId, data);
      }),
    );
    elapsedMs = Date.now() - started;
    // Then everyone presses the button on their last card again (a double click, or Teams retrying).
    repeatAnswers = await Promise.all(people.map((p) => submit(p, sent.get(p.aadObjectId)![PER_USER - 1]!)));
  }, 300_000);
  afterAll(async () => h?.stop());

  it('confirms every one of the 5 000 submissions to the person who sent it', () => {
    const all = [...answers.values()].flat();
    expect(all).toHaveLength(TOTAL);
    expect(all.filter((a) => a.status !== 200)).toEqual([]);
    expect(all.filter((a) => a.title !== DONE_TITLE).slice(0, 3)).toEqual([]);
    for (const p of people) expect(answers.get(p.aadObjectId)!.every((a) => a.title === DONE_TITLE)).toBe(true);
    // Each confirmation shows the sender's own report.
    const [first] = answers.get(people[7]!.aadObjectId)!;
    expect(first!.texts).toContain(`Beskrivelse: ${String(report(7, 0).description)}`);
    console.info(`load: ${TOTAL} trend.submit from ${USERS} users in ${(elapsedMs / 1000).toFixed(1)} s (${Math.round(TOTAL / (elapsedMs / 1000))} per s)`);
  });

  it('stores exactly 5 000 trend rows, each submission once, with the sender and data it was sent with', async () => {
    const rows: Record<string, unknown>[] = [];
    for await (const e of h.app.services.store.table('trends').listEntities()) rows.push(e);
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r.rowKey)).size).toBe(TOTAL);
    const stored = new Set(rows.map((r) => `${String(r.reporterId)}\u0000${String(r.description)}\u0000${String(r.focusAreaId)}\u0000${String(r.direction)}`));
    expect(stored.size).toBe(TOTAL);
    for (const p of people) {
      for (const d of sent.get(p.aadObjectId)!) {
        expect(stored.has(`${p.aadObjectId}\u0000${String(d.description)}\u0000${String(d.focusArea)}\u0000${String(d.direction)}`)).toBe(true);
      }
    }
    expect(rows.every((r) => r.service === 'school' && r.ageGroup === '13-16' && r.textErased === false)).toBe(true);
  });

  it('answers a repeated submission with "not stored twice" and stores nothing more', () => {
    expect(repeatAnswers.map((a) => a.status)).toEqual(people.map(() => 200));
    expect(repeatAnswers.filter((a) => !a.texts.join(' ').includes(DUPLICATE_TEXT))).toEqual([]);
  });
});
