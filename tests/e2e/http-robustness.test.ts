import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalMessage } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';

describe('malformed requests to /api/messages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.stop());

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('answers malformed JSON with a 400', async () => {
    expect((await post('{"type": "message",')).status).toBe(400);
  });

  it('answers a 5 MB body with a 413', async () => {
    const res = await post(JSON.stringify({ type: 'message', text: 'x'.repeat(5 * 1024 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('answers a wrong content type with a 4xx', async () => {
    const res = await post('type=message', 'application/x-www-form-urlencoded');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers an activity without type or conversation with a 4xx', async () => {
    expect((await post(JSON.stringify({ text: 'hjelp' }))).status).toBe(400);
    const noConversation = { ...personalMessage('hjelp', { serviceUrl: h.connector.url }), conversation: undefined };
    const res = await post(JSON.stringify(noConversation));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('keeps serving after all of that', async () => {
    h.connector.clear();
    const res = await h.send(personalMessage('hjelp', { serviceUrl: h.connector.url }));
    expect(res.status).toBe(200);
    expect(h.connector.messages).toHaveLength(1);
  });
});

describe('repeated delivery of the same activity', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.stop());

  it('answers a message Teams delivers twice only once', async () => {
    h.connector.clear();
    const activity = personalMessage('hjelp', { serviceUrl: h.connector.url });
    expect((await h.send(activity)).status).toBe(200);
    expect((await h.send(activity)).status).toBe(200);
    expect(h.connector.messages).toHaveLength(1);
    // A new message with the same text is a new request and is answered.
    await h.send(personalMessage('hjelp', { serviceUrl: h.connector.url }));
    expect(h.connector.messages).toHaveLength(2);
  });
});
