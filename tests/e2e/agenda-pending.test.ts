import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { bodyIdFor } from '../../src/storage/table/bodies';
import { CHANNELS, cardAction, PEOPLE, type Person, TEAM_ID, TENANT } from '../support/activities';
import { member } from '../support/card-reading';
import type { ConnectorCall } from '../support/connector';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

const KARI = PEOPLE.kari; // administrator
const OLA = PEOPLE.ola; // member
const VEST = CHANNELS.vest;

describe('an agenda change while the first post is still on its way', () => {
  let h: Harness;
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  const vestId = bodyIdFor(VEST.id);
  const invoke = async (verb: string, data: Record<string, unknown>, from: Person) => {
    const res = await h.send(cardAction(verb, data, { serviceUrl: h.connector.url, from, channel: VEST }));
    expect(res.status).toBe(200);
    return res.body as { type?: string; value?: unknown };
  };
  const drain = async () => {
    for (let i = 0; i < 10 && (await h.app.outboxSender.tick()).ready > 0; i++);
  };
  const isAgenda = (c: ConnectorCall) => JSON.stringify(c.body).includes('Dagsorden – ');

  beforeAll(async () => {
    h = await startHarness({ clock, env: { SLT_ADMINS: KARI.aadObjectId } });
    h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
    h.connector.channels.set(TEAM_ID, [CHANNELS.general, VEST]);
    h.connector.rosters.set(VEST.id, Object.values(PEOPLE).map(member)); // a private channel with everyone in it
    await invoke('body.register', { kind: 'youthTeam', name: 'Ungdomsteam Vest 13-16', cadenceWeeks: '6', durationMinutes: '90' }, KARI);
    await invoke('meeting.schedule', { date: '2026-11-12', time: '18:00', durationMinutes: '90', repeat: 'none' }, KARI);
  });
  afterAll(async () => h.stop());

  it('posts the first version, then brings the card up to date in place once its id is known', async () => {
    h.connector.fail({ status: 403, times: 1, match: isAgenda });
    clock.set('2026-11-10T18:00:00Z');
    await h.app.jobRunner.tick();
    await drain(); // the agenda post fails once and waits for its retry
    const [meeting] = await h.app.services.meetings.listForBody(TENANT, vestId);
    expect((await h.app.services.agendas.getAgenda(TENANT, vestId, meeting!.id))?.card.activityId).toBeUndefined();

    // A trend arrives meanwhile: there is no activity to update yet, so a sync job will look again.
    await invoke(
      'trend.submit',
      { focusArea: 'drugs', direction: 'new', description: 'Salg av snus via sosiale medier.', service: 'school', formId: 'p1' },
      OLA,
    );

    clock.set('2026-11-10T18:05:00Z'); // a refused post is retried after five minutes
    await drain(); // the retried post goes out, with the content queued before the trend
    const post = h.connector.posts.find(isAgenda);
    expect(post).toBeDefined();
    expect(cardTexts(cardOf(post!.body)).join('\n')).not.toContain('Salg av snus');

    h.connector.clear();
    clock.set('2026-11-10T18:06:00Z');
    await h.app.jobRunner.tick();
    await drain();
    const put = h.connector.updates.find((u) => u.activityId === post!.assignedId);
    expect(put).toBeDefined();
    expect(cardTexts(cardOf(put!.body)).join('\n')).toContain('Salg av snus via sosiale medier.');
    expect(h.connector.posts.filter(isAgenda)).toEqual([]);
  });
});
