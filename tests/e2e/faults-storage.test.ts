import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AzuriteHandle, freePort, startAzurite } from '../../scripts/azurite';
import { bodyScope } from '../../src/domain/visibility';
import { BOT, CHANNELS, cardAction, PEOPLE, personalMessage, TEAM_ID, TENANT } from '../support/activities';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

const HELP_TITLE = 'Dette kan du gjøre med SLT-boten';

/**
 * Storage goes away in the middle of a run and comes back. This file runs its own Azurite
 * (persistent, in a temp folder, on a fixed port) so it can stop and restart it on the same
 * address without touching the Azurite the other test files share.
 */
describe('storage outage: Azurite stops and returns while the bot runs', () => {
  let port: number;
  let location: string;
  let azurite: AzuriteHandle | undefined;
  let h: Harness;
  /** The `hjelp` answered before the outage; Teams might deliver it again later. */
  let before: ReturnType<typeof personalMessage>;
  /** The `hjelp` that arrived during the outage; Teams redelivers what it got no answer to. */
  let during: ReturnType<typeof personalMessage>;
  let vestId: string;

  const KARI = PEOPLE.kari;
  const trend = (formId: string, description: string) => ({ focusArea: 'drugs', direction: 'increasing', description, service: 'school', formId });
  const BEFORE = trend('outage-before', 'Flere unge samles ved stasjonen sent på kvelden.');
  const DURING = trend('outage-during', 'Mer uro rundt skolen etter skoletid enn i fjor.');
  /** Submits a trend card from the youth team's channel; resolves with the invoke's answer. */
  const submit = async (data: Record<string, unknown>) => {
    const res = await h.send(cardAction('trend.submit', data, { serviceUrl: h.connector.url, from: KARI, channel: CHANNELS.vest }));
    return { status: res.status, body: res.body as { type?: string; value?: unknown } };
  };
  const storedTrends = async () => (await h.app.services.trends.list(bodyScope(TENANT, vestId), ['2026-11'])).map((t) => t.description).sort();

  /**
   * Stops Azurite the way it saves its data (SIGINT). Azure Storage is durable; Azurite only
   * writes its files every 5 s, so a SIGKILL would lose recent rows — an artefact of the
   * emulator, not the outage this test is about.
   */
  async function stopAzurite(): Promise<void> {
    const child = azurite!.process;
    if (child.exitCode === null) {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGINT');
      });
    }
    azurite = undefined;
  }

  const repliesTo = (activityId: string) => h.connector.messages.filter((m) => m.activityId === activityId);
  const healthz = async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    port = await freePort();
    location = mkdtempSync(path.join(os.tmpdir(), 'slt-outage-'));
    azurite = await startAzurite({ port, location });
    h = await startHarness({ env: { STORAGE_CONNECTION_STRING: azurite.connectionString } });
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
      registeredBy: PEOPLE.sigrid.aadObjectId,
      at: '2026-11-02T09:00:00Z',
    });
    if (!registered.ok) throw new Error(`youth team not registered: ${registered.reason}`);
    vestId = registered.body.id;
    h.connector.rosters.set(CHANNELS.vest.id, [{ id: KARI.id, aadObjectId: KARI.aadObjectId, name: KARI.name }]);
  });

  afterAll(async () => {
    await h?.stop();
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
  });

  it('answers "hjelp", stores a trend and reports healthy while storage is up', async () => {
    before = personalMessage('hjelp', { serviceUrl: h.connector.url });
    expect((await h.send(before)).status).toBe(200);
    expect(cardTexts(cardOf(repliesTo(before.id)[0]!.body))[0]).toBe(HELP_TITLE);
    expect(await healthz()).toEqual({ status: 200, body: { status: 'ok', storage: 'ok' } });
    const accepted = await submit(BEFORE);
    expect(cardTexts(accepted.body.value)[0]).toBe('Takk! Trenden er registrert.');
  });

  it('tells the user in Norwegian to try again shortly, turns /healthz 503 and keeps serving while storage is down', async () => {
    await stopAzurite();

    during = personalMessage('hjelp', { serviceUrl: h.connector.url, from: PEOPLE.ola });
    const t0 = Date.now();
    const res = await h.send(during);
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(3_000); // storage retries are short: no hanging turn
    const apology = repliesTo(during.id);
    expect(apology).toHaveLength(1);
    expect(cardOf(apology[0]!.body)).toBeUndefined();
    expect(apology[0]!.body.text).toMatch(
      /^Beklager, jeg får ikke lagret eller hentet noe akkurat nå\. Prøv igjen om litt – det du sendte er ikke lagret\. \(Feilkode [0-9a-f]{8}\)$/,
    );

    const t1 = Date.now();
    expect(await healthz()).toEqual({ status: 503, body: { status: 'degraded', storage: 'unreachable' } });
    expect(Date.now() - t1).toBeLessThan(3_000); // a health probe must answer quickly

    // Nothing crashed: the same process answers the next person too.
    const next = personalMessage('hjelp', { serviceUrl: h.connector.url, from: PEOPLE.amina });
    expect((await h.send(next)).status).toBe(200);
    expect(String(repliesTo(next.id)[0]?.body.text)).toContain('Prøv igjen om litt');

    // A download link opened in a browser meanwhile: a page that says to try again, not JSON.
    const link = await fetch(`${h.baseUrl}/files/AAAAAAAAAAAAAAAAAAAAAAAA`, { headers: { accept: 'text/html' } });
    expect(link.status).toBe(503);
    expect(link.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await link.text()).toContain('<h1>SLT-boten svarer ikke akkurat nå</h1>');

    // A card submitted now: the card is answered with the same apology, saying nothing was saved.
    const refused = await submit(DURING);
    expect(refused.status).toBe(200);
    expect(refused.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(refused.body.value)).toContain('Prøv igjen om litt – det du sendte er ikke lagret');
  });

  it('works again after storage returns, without a restart, and has lost nothing it had accepted', async () => {
    azurite = await startAzurite({ port, location });

    const after = personalMessage('hjelp', { serviceUrl: h.connector.url, from: PEOPLE.per });
    expect((await h.send(after)).status).toBe(200);
    expect(cardTexts(cardOf(repliesTo(after.id)[0]!.body))[0]).toBe(HELP_TITLE);
    expect(await healthz()).toEqual({ status: 200, body: { status: 'ok', storage: 'ok' } });

    // The message that got the apology was not recorded as handled: Teams' redelivery is answered.
    expect((await h.send(during)).status).toBe(200);
    expect(repliesTo(during.id)).toHaveLength(2);
    expect(cardTexts(cardOf(repliesTo(during.id)[1]!.body))[0]).toBe(HELP_TITLE);

    // What was stored before the outage is still there: the earlier message is still known as answered.
    expect((await h.send(before)).status).toBe(200);
    expect(repliesTo(before.id)).toHaveLength(1);

    // The trend accepted before the outage is kept; the refused one was not half-written…
    expect(await storedTrends()).toEqual([BEFORE.description]);
    // …and the user's second try of the same card is stored, once.
    const retried = await submit(DURING);
    expect(cardTexts(retried.body.value)[0]).toBe('Takk! Trenden er registrert.');
    expect(await storedTrends()).toEqual([BEFORE.description, DURING.description].sort());
  });
});
