import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAddedToTeam, CHANNELS, channelMessage, PEOPLE, personalMessage } from '../support/activities';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

describe('conversation basics through /api/messages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { SLT_ADMINS: PEOPLE.sigrid.aadObjectId } });
  });
  afterAll(async () => h.stop());

  it('answers "@SLT-boten hjelp" in a channel with the help card in the same thread', async () => {
    h.connector.clear();
    const activity = channelMessage('hjelp', { serviceUrl: h.connector.url, channel: CHANNELS.vest });
    const res = await h.send(activity);
    expect(res.status).toBe(200);
    expect(h.connector.messages).toHaveLength(1);
    const reply = h.connector.messages[0]!;
    expect(reply.conversationId).toBe(activity.conversation.id);
    expect(reply.activityId).toBe(activity.id); // a reply to the user's message
    const texts = cardTexts(cardOf(reply.body));
    expect(texts[0]).toBe('Dette kan du gjøre med SLT-boten');
    expect(texts).toContain('hjelp');
    expect(texts.join('\n')).toContain('Du er medlem');
    // A plain member is not offered the administrator's command.
    expect(texts).not.toContain('koordinator');
  });

  it('accepts the command in any case and with extra whitespace in a personal chat', async () => {
    h.connector.clear();
    await h.send(personalMessage('   HJELP  ', { serviceUrl: h.connector.url }));
    expect(cardTexts(cardOf(h.connector.messages[0]!.body))[0]).toBe('Dette kan du gjøre med SLT-boten');
  });

  it('answers in English for an English Teams client', async () => {
    h.connector.clear();
    await h.send(personalMessage('help', { serviceUrl: h.connector.url, locale: 'en-GB' }));
    expect(cardTexts(cardOf(h.connector.messages[0]!.body))[0]).toBe('What you can do with SLT-boten');
  });

  it('tells an administrator from SLT_ADMINS that they are one', async () => {
    h.connector.clear();
    await h.send(personalMessage('hjelp', { serviceUrl: h.connector.url, from: PEOPLE.sigrid }));
    expect(cardTexts(cardOf(h.connector.messages[0]!.body)).join('\n')).toContain('Du er administrator');
  });

  it('points to "hjelp" when the command is unknown, in Norwegian', async () => {
    h.connector.clear();
    await h.send(channelMessage('hvem er på vakt?', { serviceUrl: h.connector.url }));
    expect(h.connector.messages).toHaveLength(1);
    expect(h.connector.messages[0]!.body.text).toBe('Jeg kjenner ikke kommandoen «hvem». Skriv «hjelp» for å se hva du kan gjøre.');
  });

  it('greets a bare mention with a pointer to "hjelp"', async () => {
    h.connector.clear();
    await h.send(channelMessage('', { serviceUrl: h.connector.url }));
    expect(h.connector.messages[0]!.body.text).toContain('Skriv «hjelp»');
  });

  it('posts a welcome in the General channel when added to a team, explaining how to register', async () => {
    h.connector.clear();
    const res = await h.send(botAddedToTeam({ serviceUrl: h.connector.url }));
    expect(res.status).toBe(200);
    expect(h.connector.messages).toHaveLength(1);
    const msg = h.connector.messages[0]!;
    expect(msg.conversationId).toBe(CHANNELS.general.id);
    expect(msg.body.text).toContain('@SLT-boten registrer');
  });

  it('shows user text typed into a message as text, not as markup', async () => {
    h.connector.clear();
    await h.send(channelMessage('[klikk](https://example.org)', { serviceUrl: h.connector.url }));
    // Unknown command: the word is quoted back, but only the first 40 characters.
    expect(String(h.connector.messages[0]!.body.text)).toContain('«[klikk](https://example.org)»');
  });

  it('reports storage health on /healthz', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', storage: 'ok' });
  });

  it('refuses a body that is not an activity with 400', async () => {
    const res = await fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":1}' });
    expect(res.status).toBe(400);
  });
});
