import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { CHANNELS, channelMessage, channelRef, PEOPLE, personalMessage, TENANT } from '../support/activities';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

const T0 = '2026-11-02T09:00:00.000Z'; // Monday 10:00 in Oslo

describe('status (coordinators) through /api/messages', () => {
  let h: Harness;
  const clock = new ManualClock(T0);
  let bodyId = '';

  beforeAll(async () => {
    h = await startHarness({ clock });
    const { services } = h.app;
    await services.roles.set(TENANT, PEOPLE.kari.aadObjectId, 'coordinator', true, 'test', T0, PEOPLE.kari.name);
    const ref = channelRef(h.connector.url);
    const registered = await services.bodies.upsert({
      tenantId: TENANT,
      kind: 'youthTeam',
      name: CHANNELS.vest.name,
      cadenceWeeks: 6,
      durationMinutes: 90,
      channelId: CHANNELS.vest.id,
      channelName: CHANNELS.vest.name,
      channelType: 'private',
      ref,
      registeredBy: PEOPLE.kari.aadObjectId,
      at: T0,
    });
    if (!registered.ok) throw new Error('body not registered');
    bodyId = registered.body.id;

    await services.scheduler.schedule([
      { key: 'agenda:m-test', kind: 'agenda', tenantId: TENANT, dueAt: '2026-11-04T09:00:00Z', payload: { bodyId, meetingId: 'm-test' } },
    ]);
    await h.app.jobRunner.tick();

    // A delivery Teams refuses: the bot was removed from the team.
    h.connector.fail({ status: 403, times: 1_000, match: (c) => c.method === 'POST' && c.path === '/v3/conversations' });
    await services.outbox.enqueue({
      key: 'card:m-test',
      tenantId: TENANT,
      target: ref,
      message: { type: 'text', text: 'Møtekort' },
      label: 'møtekort Ungdomsteam Vest 04.11',
    });
    await h.app.outboxSender.tick();
    h.connector.clearFaults();
  });
  afterAll(async () => h.stop());

  it('shows a coordinator the last run, the next post due and a failing delivery with its reason', async () => {
    h.connector.clear();
    await h.send(personalMessage('status', { serviceUrl: h.connector.url, from: PEOPLE.kari }));
    expect(h.connector.messages).toHaveLength(1);
    const texts = cardTexts(cardOf(h.connector.messages[0]!.body));
    expect(texts[0]).toBe('Status for planlagte innlegg');
    expect(texts).toContain('Planleggeren kjørte sist mandag 2. november 2026 kl. 10:00. Planleggeren går som den skal.');
    expect(texts).toContain('I kø nå: 1 innlegg.');
    const next = texts.indexOf('Dagsorden – Ungdomsteam Vest 13-16');
    expect(next).toBeGreaterThan(texts.indexOf('Neste planlagte'));
    expect(texts[next + 1]).toBe('onsdag 4. november 2026 kl. 10:00');
    const failing = texts.indexOf('møtekort Ungdomsteam Vest 04.11');
    expect(failing).toBeGreaterThan(texts.indexOf('Leveranser som feiler'));
    expect(texts[failing + 1]).toBe('boten har ikke tilgang – er den fjernet fra teamet eller kanalen? (403 Scripted)');
    expect(texts[failing + 2]).toMatch(/^feiler · 1 forsøk · nytt forsøk mandag 2\. november 2026 kl\. 1\d:\d\d$/);
  });

  it('answers in English for an English client, in a channel too', async () => {
    h.connector.clear();
    await h.send(channelMessage('status', { serviceUrl: h.connector.url, from: PEOPLE.kari, channel: CHANNELS.vest, locale: 'en-GB' }));
    const texts = cardTexts(cardOf(h.connector.messages[0]!.body));
    expect(texts[0]).toBe('Status of scheduled posts');
    expect(texts).toContain('Agenda – Ungdomsteam Vest 13-16');
    expect(texts).toContain('Failing deliveries');
  });

  it('warns when the scheduler has not run for a while', async () => {
    clock.set('2026-11-02T09:30:00.000Z');
    h.connector.clear();
    await h.send(personalMessage('status', { serviceUrl: h.connector.url, from: PEOPLE.kari }));
    const texts = cardTexts(cardOf(h.connector.messages[0]!.body));
    expect(texts).toContain(
      'Planleggeren har ikke kjørt siden mandag 2. november 2026 kl. 10:00. Planlagte innlegg går ikke ut før den kjører igjen – kontakt driften.',
    );
    clock.set(T0);
  });

  it('refuses someone who is not a coordinator and shows them nothing of the schedule', async () => {
    h.connector.clear();
    await h.send(personalMessage('status', { serviceUrl: h.connector.url, from: PEOPLE.ola }));
    expect(h.connector.messages).toHaveLength(1);
    expect(h.connector.messages[0]!.body.text).toBe(
      'Dette krever rollen SLT-koordinator, og den har du ikke. Ta kontakt med en SLT-koordinator eller administrator hvis du trenger den.',
    );
    expect(cardOf(h.connector.messages[0]!.body)).toBeUndefined();
  });
});
