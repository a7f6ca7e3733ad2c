import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/azurite';
import { type App, createApp } from '../../src/app/main';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { CHANNELS, cardAction, channelMessage, personalMessage } from '../support/activities';
import { FakeConnector } from '../support/connector';
import { uniquePrefix } from '../support/harness';

/**
 * The bot's own log lines, captured through pino's destination stream while real activities go
 * through /api/messages: one correlation id per activity on every line of its turn, and none of
 * the user's words (confidentiality: forvaltningsloven § 13).
 */
describe('structured logs', () => {
  /** Invented identifying details a careless member might type: a name and a phone number. */
  const NAME = 'Signe Tverrbakk';
  const PHONE = '482 19 377';
  const SECRETS = ['Signe', 'Tverrbakk', PHONE, PHONE.replace(/ /g, ''), 'helgefesten'];

  const raw: string[] = [];
  let app: App;
  let connector: FakeConnector;
  let baseUrl: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    await connector.start();
    const port = await freePort();
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
      PORT: String(port),
      SLT_TABLE_PREFIX: uniquePrefix(),
      LOG_LEVEL: 'debug',
    });
    const log = createLogger('debug', { write: (line: string) => void raw.push(line) });
    // No scheduler/outbox timers: a background line in the middle of a turn would blur what the turn logged.
    const overrides = { clock: new ManualClock('2026-11-02T09:00:00Z'), log, loops: false };
    app = createApp(config, overrides);
    await app.start();
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  /** Posts a body and returns the log lines written while the bot handled it. */
  async function linesOf(body: string, contentType = 'application/json'): Promise<{ status: number; raw: string[]; lines: Record<string, unknown>[] }> {
    const from = raw.length;
    const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
    await res.text();
    const mine = raw.slice(from);
    return { status: res.status, raw: mine, lines: mine.map((l) => JSON.parse(l) as Record<string, unknown>) };
  }

  function expectOneCid(lines: Record<string, unknown>[]): string {
    expect(lines.length).toBeGreaterThan(0);
    const cids = new Set(lines.map((l) => l.cid));
    expect(cids.size).toBe(1);
    const [cid] = [...cids];
    expect(cid).toMatch(/^[0-9a-f]{8}$/);
    return cid as string;
  }

  function expectNoSecrets(lines: string[]): void {
    for (const line of lines) for (const secret of SECRETS) expect(line).not.toContain(secret);
  }

  it('writes JSON lines that carry one correlation id per activity, a new one for each', async () => {
    const first = await linesOf(JSON.stringify(personalMessage('hjelp', { serviceUrl: connector.url })));
    const second = await linesOf(JSON.stringify(personalMessage('hjelp', { serviceUrl: connector.url })));
    expect(first.status).toBe(200);
    const a = expectOneCid(first.lines);
    const b = expectOneCid(second.lines);
    expect(a).not.toBe(b);
    expect(first.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['command', 'turn']));
    expect(first.lines.find((l) => l.msg === 'turn')).toMatchObject({ app: 'slt-boten', type: 'message', level: 30 });
  });

  it('logs an unknown command typed with a name and a phone number without any of the words', async () => {
    const text = `ring ${NAME} på ${PHONE} om helgefesten`;
    const turn = await linesOf(JSON.stringify(personalMessage(text, { serviceUrl: connector.url })));
    expect(turn.status).toBe(200);
    expectOneCid(turn.lines);
    expectNoSecrets(turn.raw);
  });

  it('logs the same in a channel, after an @mention', async () => {
    const turn = await linesOf(JSON.stringify(channelMessage(`trend ${NAME} ${PHONE} helgefesten`, { serviceUrl: connector.url, channel: CHANNELS.vest })));
    expectOneCid(turn.lines);
    expectNoSecrets(turn.raw);
  });

  it('logs a submitted trend card with identifying free text without the text', async () => {
    const data = { focusArea: 'rus', direction: 'increasing', description: `${NAME} (tlf ${PHONE}) selger på helgefesten`, area: NAME };
    const turn = await linesOf(JSON.stringify(cardAction('trend.submit', data, { serviceUrl: connector.url, channel: CHANNELS.vest })));
    expect(turn.status).toBe(200);
    expectOneCid(turn.lines);
    expectNoSecrets(turn.raw);
  });

  it('rejects malformed JSON with a log line that quotes none of the body', async () => {
    // Node's JSON.parse puts a fragment of the text into its message: that must not reach the log.
    for (const body of [`{"type":"message","text": ring ${NAME} på ${PHONE}}`, `${NAME} ${PHONE}`]) {
      const turn = await linesOf(body);
      expect(turn.status).toBe(400);
      expect(turn.lines.length).toBeGreaterThan(0);
      expectNoSecrets(turn.raw);
    }
  });

  /** A refused request: a 4xx and exactly one warning that says why, quoting none of the body. */
  function expectRefusalLogged(turn: { status: number; raw: string[]; lines: Record<string, unknown>[] }, status: number | 'any4xx', msg: RegExp): void {
    if (status === 'any4xx') expect(turn.status).toBeGreaterThanOrEqual(400);
    else expect(turn.status).toBe(status);
    expect(turn.status).toBeLessThan(500);
    const warnings = turn.lines.filter((l) => l.level === 40);
    expect(warnings.map((l) => l.msg)).toEqual([expect.stringMatching(msg)]);
    expectNoSecrets(turn.raw);
  }

  it('rejects a 5 MB body with a log line that quotes none of it', async () => {
    const text = `ring ${NAME} på ${PHONE} `.repeat(Math.ceil((5 * 1024 * 1024) / 40));
    const turn = await linesOf(JSON.stringify({ type: 'message', text }));
    expectRefusalLogged(turn, 413, /^request rejected$/);
    expect(turn.lines.find((l) => l.level === 40)).toMatchObject({ status: 413 });
  });

  it('rejects a wrong content type with a log line that quotes none of the body', async () => {
    const form = await linesOf(`text=${encodeURIComponent(`ring ${NAME} på ${PHONE}`)}`, 'application/x-www-form-urlencoded');
    expectRefusalLogged(form, 415, /^rejected: not JSON$/);
    expect(form.lines.find((l) => l.level === 40)).toMatchObject({ contentType: 'application/x-www-form-urlencoded' });
    const plain = await linesOf(`ring ${NAME} på ${PHONE}`, 'text/plain');
    expectRefusalLogged(plain, 'any4xx', /rejected/);
  });

  it('rejects an activity with missing fields with a log line that quotes none of it', async () => {
    const noFrom = { ...personalMessage(`ring ${NAME} på ${PHONE}`, { serviceUrl: connector.url }), from: undefined };
    for (const body of [{ text: `ring ${NAME} på ${PHONE} om helgefesten` }, noFrom]) {
      expectRefusalLogged(await linesOf(JSON.stringify(body)), 400, /^rejected: not an activity$/);
    }
  });
});
