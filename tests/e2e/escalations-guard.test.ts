import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import type { BodyKind } from '../../src/domain/bodies';
import { bodyScope } from '../../src/domain/visibility';
import { CHANNELS, cardAction, channelMessage, channelRegistration, PEOPLE, type Person, TEAM_ID, TENANT } from '../support/activities';
import { byId, type Card, errorAfter, executeData, member } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';
import { makeNationalId } from '../unit/guard/helpers';

/**
 * The confidentiality guard on every free-text field of an escalation, end to end: the request
 * (escalation.submit) and the steps after it (decline note; resolve decision, measure and
 * responsible). A refusal returns the card with the text kept and the offending part named, and
 * stores nothing: no matter, no state change, no audit entry, nobody notified.
 */

const KARI = PEOPLE.kari; // teacher, youth team Vest
const SIGRID = PEOPLE.sigrid; // SLT coordinator
const PER = PEOPLE.per; // police, coordination group member

describe('the confidentiality guard on escalations, through /api/messages', () => {
  let h: Harness;
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  const url = () => h.connector.url;

  const invoke = async (verb: string, data: Record<string, unknown>, from: Person, channel: { id: string; name: string }, replyToId?: string) => {
    const res = await h.send(cardAction(verb, data, { serviceUrl: url(), from, channel, replyToId }));
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown };
    return body?.type === 'application/vnd.microsoft.card.adaptive'
      ? { card: body.value as Card, message: undefined }
      : { card: undefined, message: String(body?.value) };
  };
  const say = async (text: string, from: Person, channel: { id: string; name: string }) => {
    const before = h.connector.calls.length;
    await h.send(channelMessage(text, { serviceUrl: url(), from, channel }));
    const reply = h.connector.calls.slice(before).find((c) => c.method === 'POST' && c.body.type === 'message');
    return { card: reply ? cardOf(reply.body) : undefined, activityId: reply?.assignedId };
  };
  const drain = async () => {
    for (let i = 0; i < 10 && (await h.app.outboxSender.tick()).ready > 0; i++);
  };
  const bodyId = async (channel: { id: string }) => (await h.app.services.bodies.byChannel(TENANT, channel.id))!.id;
  /** The matter as stored (its copy at the origin, which every step updates) and its audit log. */
  const stored = async (id: string) => {
    const vest = await bodyId(CHANNELS.vest);
    const copy = await h.app.services.escalations.get(bodyScope(TENANT, vest), id);
    return { state: copy?.escalation.state, version: copy?.escalation.version, escalation: copy?.escalation, log: await h.app.services.audit.list(TENANT, id) };
  };
  /** What the connector has been sent since `from` (posts, updates and 1:1 notes alike). */
  const sentSince = (from: number): string => JSON.stringify(h.connector.calls.slice(from).map((c) => c.body));

  /** A clean request from Kari in youth team Vest; resolves with the matter's id and the card's activity. */
  const propose = async (title: string) => {
    const { activityId } = await say('løft', KARI, CHANNELS.vest);
    const res = await invoke(
      'escalation.submit',
      { title, description: 'Flere tjenester ser det samme mønsteret i høst.', formId: `guard-${title}` },
      KARI,
      CHANNELS.vest,
      activityId,
    );
    // The requester's (read-only) view has no step buttons; its refresh action names the matter.
    const id = String(executeData(res.card, 'escalation.refresh')?.escalationId);
    await drain();
    return { id, activityId };
  };

  beforeAll(async () => {
    h = await startHarness({ clock });
    const services = h.app.services;
    const register = (channel: { id: string; name: string }, kind: BodyKind) =>
      services.bodies.upsert(channelRegistration(channel, kind, url(), clock.now().toISOString()));
    await register(CHANNELS.vest, 'youthTeam');
    await register(CHANNELS.koord, 'coordinationGroup');
    await register(CHANNELS.styret, 'board');
    h.connector.rosters.set(CHANNELS.vest.id, [member(KARI), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.koord.id, [member(SIGRID), member(PER)]);
    h.connector.rosters.set(CHANNELS.styret.id, [member(SIGRID)]);
    h.connector.rosters.set(TEAM_ID, Object.values(PEOPLE).map(member));
    await services.roles.set(TENANT, SIGRID.aadObjectId, 'coordinator', true, 'test', clock.now().toISOString(), SIGRID.name);
  });
  afterAll(async () => h.stop());

  it('refuses escalation.submit with an identity number in the description: card back, text kept, number named, nothing stored', async () => {
    const { card: form, activityId } = await say('løft', KARI, CHANNELS.vest);
    const formId = executeData(form, 'escalation.submit')?.formId;
    const fnr = makeNationalId('220710', 400);
    // Written with a no-break space after the date part, as a number pasted from a document often is.
    const written = `${fnr.slice(0, 6)}\u00a0${fnr.slice(6)}`;
    const typed = `Gutten har fødselsnummer ${written} og blir rekruttert til å selge hasj ved kjøpesenteret.`;
    const data = { title: 'Rekruttering til salg av hasj', description: typed, requestedAction: 'Felles tiltak med politiet', formId };
    const before = h.connector.calls.length;

    const refused = await invoke('escalation.submit', data, KARI, CHANNELS.vest, activityId);
    expect(refused.card, 'the form comes back, not a message').toBeDefined();
    expect(cardTexts(refused.card)[0]).toBe('Løft en sak');
    expect(byId(refused.card, 'description')?.value).toBe(typed);
    expect(byId(refused.card, 'title')?.value).toBe(data.title);
    expect(byId(refused.card, 'requestedAction')?.value).toBe(data.requestedAction);
    const error = errorAfter(refused.card, 'description');
    expect(error).toContain(`fødselsnummer («${written}»)`);
    expect(error).toContain('SLT drøfter trender, ikke enkeltsaker');
    expect(errorAfter(refused.card, 'title')).toBe('');
    expect(executeData(refused.card, 'escalation.submit')?.formId).toBe(formId);
    expect(validateCard(refused.card)).toEqual([]);

    // Nothing stored at any level, nothing queued for the coordinator or the requester.
    for (const channel of [CHANNELS.vest, CHANNELS.koord]) {
      const at = await bodyId(channel);
      expect(await h.app.services.escalations.listAt(bodyScope(TENANT, at), at, false)).toEqual([]);
    }
    await drain();
    expect(sentSince(before)).not.toContain(fnr.slice(6));
    expect(sentSince(before)).not.toContain('Ny sak til vurdering');
  });

  it('refuses a decline note with a phone number or a name; the matter stays proposed and the requester hears nothing', async () => {
    const { id, activityId } = await propose('Lite tilbud til unge om kvelden');
    const start = await stored(id);
    expect(start.state).toBe('proposed');
    const before = h.connector.calls.length;

    const note = 'Snakk med mora direkte på 912\u00a034\u00a0567 først';
    const phone = await invoke('escalation.decline', { escalationId: id, declineNote: note }, SIGRID, CHANNELS.vest, activityId);
    expect(byId(phone.card, 'declineNote')?.value).toBe(note);
    expect(errorAfter(phone.card, 'declineNote')).toContain('telefonnummer («912\u00a034\u00a0567»)');
    expect(validateCard(phone.card)).toEqual([]);

    // A scripted invoke uses the contract's `note`; the card shows it in its own input.
    const name = await invoke(
      'escalation.decline',
      { escalationId: id, note: 'eleven jonas i 9b bør følges opp av skolen' },
      SIGRID,
      CHANNELS.vest,
      activityId,
    );
    expect(byId(name.card, 'declineNote')?.value).toBe('eleven jonas i 9b bør følges opp av skolen');
    expect(errorAfter(name.card, 'declineNote')).toContain('navn («jonas»)');

    const after = await stored(id);
    expect([after.state, after.version, after.escalation?.declineNote]).toEqual(['proposed', start.version, undefined]);
    expect(after.log.map((l) => l.verb)).toEqual(start.log.map((l) => l.verb));
    await drain();
    expect(sentSince(before)).not.toContain('912');
    expect(sentSince(before)).not.toContain('Avslått');

    // The same matter declined with a clean reason goes through: the guard, nothing else, held it.
    const declined = await invoke(
      'escalation.decline',
      { escalationId: id, declineNote: 'Ungdomsteamet følger det opp selv først' },
      SIGRID,
      CHANNELS.vest,
      activityId,
    );
    expect(cardTexts(declined.card)[1]).toBe('Avslått');
  });

  it('refuses a resolve whose decision, measure or responsible names a person or a phone number; the matter stays accepted', async () => {
    const { id, activityId } = await propose('Økende salg av snus i friminuttene');
    const accepted = await invoke('escalation.accept', { escalationId: id }, SIGRID, CHANNELS.vest, activityId);
    expect(cardTexts(accepted.card)[1]).toBe('Godtatt – ligger hos Koordineringsgruppen');
    await drain();
    const start = await stored(id);
    const clean = {
      decision: 'Skolene og utekontakten lager felles plan',
      measure: 'Oppsøkende arbeid i friminuttene',
      responsible: 'Utekontakten',
      due: '2026-12-15',
    };
    const before = h.connector.calls.length;

    const cases: [field: 'decision' | 'measure' | 'responsible', typed: string, named: string][] = [
      ['decision', 'Utekontakten følger opp Kornelius Bergersen tett', 'navn («Kornelius Bergersen»)'],
      ['measure', 'Ring faren på tlf 912 34567 hver fredag', 'telefonnummer («912 34567»)'],
      ['responsible', 'Ansvarlig: Ali', 'navn («Ali»)'],
    ];
    for (const [field, typed, named] of cases) {
      const data = { escalationId: id, ...clean, [field]: typed };
      const refused = await invoke('escalation.resolve', data, SIGRID, CHANNELS.koord);
      expect(refused.card, `${field}: the status card comes back`).toBeDefined();
      expect(byId(refused.card, field)?.value).toBe(typed);
      expect(errorAfter(refused.card, field)).toContain(named);
      // The other inputs are kept as typed and carry no error.
      for (const other of ['decision', 'measure', 'responsible'] as const) {
        if (other === field) continue;
        expect(byId(refused.card, other)?.value).toBe(clean[other]);
        expect(errorAfter(refused.card, other)).toBe('');
      }
      expect(validateCard(refused.card)).toEqual([]);
    }

    // All three at once: each field names its own offending part.
    const all = await invoke(
      'escalation.resolve',
      { escalationId: id, decision: cases[0]![1], measure: cases[1]![1], responsible: cases[2]![1] },
      SIGRID,
      CHANNELS.koord,
    );
    for (const [field, , named] of cases) expect(errorAfter(all.card, field)).toContain(named);

    const after = await stored(id);
    expect([after.state, after.version, after.escalation?.decision, after.escalation?.measure, after.escalation?.responsible]).toEqual([
      'accepted',
      start.version,
      undefined,
      undefined,
      undefined,
    ]);
    expect(after.log.map((l) => l.verb)).toEqual(start.log.map((l) => l.verb));
    await drain();
    const sent = sentSince(before);
    for (const part of ['Kornelius', '912 34567', 'Ansvarlig: Ali']) expect(sent).not.toContain(part);

    const resolved = await invoke('escalation.resolve', { escalationId: id, ...clean }, SIGRID, CHANNELS.koord);
    expect(cardTexts(resolved.card)).toContain('Tiltak: Oppsøkende arbeid i friminuttene');
    expect((await stored(id)).state).toBe('resolved');
  });
});
