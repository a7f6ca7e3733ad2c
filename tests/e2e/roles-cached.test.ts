import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, cardAction, channelMessage, PEOPLE, type Person, TEAM_ID } from '../support/activities';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

/**
 * Roles are cached per instance for 30 s (LOOKUP_TTL_MS). A grant or revoke made through this
 * instance must still count from the very next request: the cache is forgotten on the write.
 */
describe('role changes with the lookup cache', () => {
  let h: Harness;
  const admin = PEOPLE.sigrid;
  const kari = PEOPLE.kari;
  const say = async (text: string, from: Person) => {
    h.connector.clear();
    await h.send(channelMessage(text, { serviceUrl: h.connector.url, from, channel: CHANNELS.vest }));
    return h.connector.messages.map((m) => m.body);
  };
  const setRole = async (verb: 'role.grant' | 'role.revoke') => {
    const res = await h.send(
      cardAction(verb, { aadObjectId: kari.aadObjectId, role: 'coordinator' }, { serviceUrl: h.connector.url, from: admin, channel: CHANNELS.general }),
    );
    expect(res.status).toBe(200);
  };
  /** What `registrer` answers Kari: the registration card, or the refusal text. */
  const registerAnswer = async () => {
    const [reply] = await say('registrer', kari);
    const card = reply ? cardOf(reply) : undefined;
    return card ? `card: ${cardTexts(card)[0]}` : `text: ${String(reply?.text)}`;
  };

  beforeAll(async () => {
    h = await startHarness({ env: { SLT_ADMINS: admin.aadObjectId } });
    h.connector.rosters.set(
      TEAM_ID,
      [kari, admin].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })),
    );
  });
  afterAll(async () => h.stop());

  it('refuses a revoked coordinator on the next request, though her role was looked up (and cached) a moment before', async () => {
    expect(await registerAnswer()).toMatch(/^text: Dette krever rollen SLT-koordinator/);
    await setRole('role.grant');
    expect(await registerAnswer()).toMatch(/^card: /);
    expect(await registerAnswer()).toMatch(/^card: /); // the cached answer
    await setRole('role.revoke');
    expect(await registerAnswer()).toMatch(/^text: Dette krever rollen SLT-koordinator/);
  });

  it('shows the changed role in the help card at once', async () => {
    await setRole('role.grant');
    const granted = await say('hjelp', kari);
    expect(cardTexts(cardOf(granted[0]!))).toContain('Du er SLT-koordinator.');
    await setRole('role.revoke');
    const revoked = await say('hjelp', kari);
    expect(cardTexts(cardOf(revoked[0]!))).toContain('Du er medlem. Koordinatorene kan gi deg flere muligheter.');
  });
});
