import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { bodyIdFor } from '../../src/storage/table/bodies';
import { CHANNELS, cardAction, PEOPLE, personalMessage, TENANT } from '../support/activities';
import { type Card, errorAfter, shown, verbs } from '../support/card-reading';
import { cardOf, type Harness, startHarness } from '../support/harness';

const KARI = PEOPLE.kari; // administrator: schedules the meeting and records the minutes
const OLA = PEOPLE.ola; // another user, asking for help meanwhile
const VEST = CHANNELS.vest;

/**
 * Issue 14: length limits are checked before the guard screens anything. A megabyte of minutes is
 * refused for its length (not screened, nothing stored), and another user is answered meanwhile.
 * How fast belongs in `npm run bench` (tests/bench/guard.ts); this asserts what users see.
 */
describe('an oversized minutes submission, through /api/messages', () => {
  let h: Harness;
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  const vestId = bodyIdFor(VEST.id);
  let meetingId = '';

  const invoke = async (verb: string, data: Record<string, unknown>, channel: typeof VEST | null = VEST) => {
    const res = await h.send(cardAction(verb, data, { serviceUrl: h.connector.url, from: KARI, channel }));
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Card) : undefined;
  };

  beforeAll(async () => {
    h = await startHarness({ clock, env: { SLT_ADMINS: KARI.aadObjectId } });
    await invoke('body.register', { kind: 'youthTeam', name: 'Ungdomsteam Vest 13-16', cadenceWeeks: '6', weekday: '4', time: '18:00' });
    await invoke('meeting.schedule', { date: '2026-11-12', time: '18:00', durationMinutes: '120', repeat: 'none' });
    meetingId = (await h.app.services.meetings.listForBody(TENANT, vestId))[0]!.id;
    clock.set('2026-11-12T19:20:00Z'); // after the meeting
  });
  afterAll(async () => h.stop());

  it('refuses a 1 MB decision for its length, stores nothing, and answers «hjelp» from another user meanwhile', async () => {
    // A phone number at the start: were the text screened, the refusal would name it.
    const decision = `Ring 912 34 567. ${'Koordineringsgruppen følger opp. '.repeat(31_000)}`.slice(0, 1_000_000);
    expect(decision.length).toBe(1_000_000);
    h.connector.clear();
    const [minutes, help] = await Promise.all([
      invoke('minutes.record', { meetingId, bodyId: vestId, decision__police: decision }, null),
      h.send(personalMessage('hjelp', { serviceUrl: h.connector.url, from: OLA })),
    ]);

    expect(verbs(minutes)).toEqual(['minutes.record']);
    expect(errorAfter(minutes, 'decision__police')).toBe(`Kan ha høyst 1000 tegn (nå ${decision.trim().length}).`);
    expect(JSON.stringify(minutes)).not.toContain('personopplysninger');
    expect(await h.app.services.agendas.getMinutes(TENANT, vestId, meetingId)).toBeUndefined();

    expect(help.status).toBe(200);
    const reply = h.connector.messages.find((m) => m.conversationId === `a:personal-${OLA.id}`);
    expect(reply).toBeDefined();
    expect(shown(cardOf(reply!.body)).join(' ')).toContain('SLT-boten');
  });

  it('refuses minutes with more items than any agenda has, before reading them', async () => {
    const items = Array.from({ length: 2_000 }, () => ({ itemId: 'police', decision: 'Ring 912 34 567.' }));
    const card = await invoke('minutes.record', { meetingId, bodyId: vestId, items }, null);
    expect(shown(card).join(' ')).toContain('Et referat kan ha høyst 100 punkter (nå 2000).');
    expect(await h.app.services.agendas.getMinutes(TENANT, vestId, meetingId)).toBeUndefined();
  });
});
