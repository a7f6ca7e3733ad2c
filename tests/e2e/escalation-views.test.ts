import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import type { BodyKind } from '../../src/domain/bodies';
import { bodyIdFor } from '../../src/storage/table/bodies';
import { CHANNELS, cardAction, channelMessage, channelRegistration, PEOPLE, type Person, TENANT } from '../support/activities';
import { type Card, executeData, member, shown, verbs } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import type { ConnectorCall } from '../support/connector';
import { cardOf, type Harness, startHarness } from '../support/harness';

/**
 * Escalation cards are user-specific (issue 5, "Living cards"): the card in a channel is the
 * read-only view for everyone, with `refresh.userIds` naming the coordinators and administrators
 * in that channel, for whom Teams asks `escalation.refresh` and shows the steps legal now.
 */

const KARI = PEOPLE.kari; // youth team Vest, no role: asks for the matter
const SIGRID = PEOPLE.sigrid; // SLT coordinator, in Vest, the coordination group and the board
const AMINA = PEOPLE.amina; // administrator (SLT_ADMINS), in Vest
const OLA = PEOPLE.ola; // SLT coordinator, on the board only (not in Vest's roster)
const PER = PEOPLE.per; // coordination group member, no role
const { vest: VEST, koord: KOORD, styret: STYRET } = CHANNELS;
const STEPS = ['escalation.accept', 'escalation.decline', 'escalation.resolve', 'escalation.escalate', 'escalation.decide'];

type Channel = { id: string; name: string };
type Refresh = { action: { verb: string; data: Record<string, string> }; userIds: string[] };

describe('user-specific escalation cards, through /api/messages', () => {
  let h: Harness;
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  const url = () => h.connector.url;
  let formActivity = '';
  let id = '';

  const invoke = async (verb: string, data: Record<string, unknown>, from: Person, channel: Channel, replyToId?: string, trigger = 'manual') => {
    const activity = cardAction(verb, data, { serviceUrl: url(), from, channel, replyToId });
    const res = await h.send({ ...activity, value: { ...activity.value, trigger } });
    expect(res.status).toBe(200);
    const body = res.body as { type?: string; value?: unknown };
    return body?.type === 'application/vnd.microsoft.card.adaptive'
      ? { card: body.value as Card, message: undefined }
      : { card: undefined, message: String(body?.value) };
  };
  /** What Teams asks for a user looking at the card in a channel. */
  const refresh = (from: Person, channel: Channel, bodyId = bodyIdFor(channel.id)) =>
    invoke('escalation.refresh', { escalationId: id, bodyId }, from, channel, undefined, 'automatic');
  const steps = (card: Card | undefined) => verbs(card).filter((v) => STEPS.includes(v));
  const refreshOf = (card: Card | undefined) => card?.refresh as Refresh | undefined;
  const drain = async () => {
    for (let i = 0; i < 10 && (await h.app.outboxSender.tick()).ready > 0; i++);
  };
  const postIn = (channel: Channel): ConnectorCall | undefined =>
    h.connector.posts.find((p) => (p.conversationId ?? '').split(';')[0] === channel.id && !p.activityId);
  const lastUpdateOf = (activityId: string): Card | undefined => cardOf(h.connector.updates.filter((u) => u.activityId === activityId).at(-1)!.body);

  beforeAll(async () => {
    h = await startHarness({ clock, env: { SLT_ADMINS: AMINA.aadObjectId } });
    const services = h.app.services;
    const register = (channel: { id: string; name: string }, kind: BodyKind) =>
      services.bodies.upsert(channelRegistration(channel, kind, url(), clock.now().toISOString()));
    await register(VEST, 'youthTeam');
    await register(KOORD, 'coordinationGroup');
    await register(STYRET, 'board');
    h.connector.rosters.set(VEST.id, [member(KARI), member(SIGRID), member(AMINA)]);
    h.connector.rosters.set(KOORD.id, [member(SIGRID), member(PER)]);
    h.connector.rosters.set(STYRET.id, [member(OLA), member(SIGRID)]);
    for (const p of [SIGRID, OLA]) await services.roles.set(TENANT, p.aadObjectId, 'coordinator', true, 'test', clock.now().toISOString(), p.name);
  });
  afterAll(async () => h.stop());

  it('posts the matter as the read-only card, refreshed for the coordinators and administrators in the channel', async () => {
    const before = h.connector.calls.length;
    await h.send(channelMessage('løft', { serviceUrl: url(), from: KARI, channel: VEST }));
    formActivity = h.connector.calls.slice(before).find((c) => c.method === 'POST' && c.body.type === 'message')!.assignedId!;
    const data = { title: 'Unge samles ved stasjonen etter stengetid', description: 'Flere tjenester ser det samme over tid.', formId: 'views-1' };
    const proposed = await invoke('escalation.submit', data, KARI, VEST, formActivity);
    expect(shown(proposed.card).slice(0, 2)).toEqual([data.title, 'Foreslått – venter på SLT-koordinator']);
    expect(steps(proposed.card)).toEqual([]);
    id = refreshOf(proposed.card)!.action.data.escalationId!;

    await drain();
    // Teams replaces the card with the response for the requester only: the card everyone sees is updated too.
    const posted = lastUpdateOf(formActivity);
    expect(validateCard(posted)).toEqual([]);
    expect(shown(posted)[1]).toBe('Foreslått – venter på SLT-koordinator');
    expect(steps(posted)).toEqual([]);
    expect(verbs(posted)).toEqual(['escalation.refresh']);
    const r = refreshOf(posted)!;
    expect(r.action).toMatchObject({ verb: 'escalation.refresh', data: { escalationId: id, bodyId: bodyIdFor(VEST.id) } });
    // OLA is a coordinator but not in this channel; KARI is a member without a role.
    expect(r.userIds.sort()).toEqual([AMINA.id, SIGRID.id].sort());
  });

  it('answers escalation.refresh with the steps for the state to coordinators and administrators, and none to members', async () => {
    for (const p of [SIGRID, AMINA]) {
      const view = await refresh(p, VEST);
      expect(validateCard(view.card)).toEqual([]);
      expect(steps(view.card).sort()).toEqual(['escalation.accept', 'escalation.decline']);
    }
    const kari = await refresh(KARI, VEST);
    expect(steps(kari.card)).toEqual([]);
    expect(shown(kari.card).slice(0, 2)).toEqual(['Unge samles ved stasjonen etter stengetid', 'Foreslått – venter på SLT-koordinator']);
  });

  it('refuses a refresh by someone outside the channel, from another channel, or for a body the matter has not reached', async () => {
    const refused = 'Fant ikke saken – eller du har ikke tilgang til den.';
    expect((await refresh(PER, VEST)).message).toBe(refused); // not in Vest's roster
    expect((await refresh(KARI, KOORD, bodyIdFor(VEST.id))).message).toBe(refused); // another channel's card replayed
    expect((await refresh(SIGRID, KOORD)).message).toBe(refused); // not at the coordination group yet
  });

  it('shows the new state in every refreshed view after a step, with the steps moving to where the matter sits', async () => {
    const sigridView = (await refresh(SIGRID, VEST)).card;
    const accepted = await invoke('escalation.accept', executeData(sigridView, 'escalation.accept')!, SIGRID, VEST, formActivity);
    expect(shown(accepted.card)[1]).toBe('Godtatt – ligger hos Koordineringsgruppen');
    expect(steps(accepted.card)).toEqual([]); // the steps are the coordination group's now
    await drain();
    expect(shown(lastUpdateOf(formActivity))[1]).toBe('Godtatt – ligger hos Koordineringsgruppen');
    const koordPost = cardOf(postIn(KOORD)!.body);
    expect(steps(koordPost)).toEqual([]);
    expect(refreshOf(koordPost)).toMatchObject({ action: { data: { escalationId: id, bodyId: bodyIdFor(KOORD.id) } }, userIds: [SIGRID.id] });

    expect(shown((await refresh(KARI, VEST)).card)[1]).toBe('Godtatt – ligger hos Koordineringsgruppen');
    expect(steps((await refresh(SIGRID, VEST)).card)).toEqual([]);
    expect(steps((await refresh(PER, KOORD)).card)).toEqual([]);
    const koordView = (await refresh(SIGRID, KOORD)).card;
    expect(steps(koordView).sort()).toEqual(['escalation.escalate', 'escalation.resolve']);

    await invoke('escalation.escalate', executeData(koordView, 'escalation.escalate')!, SIGRID, KOORD, postIn(KOORD)!.assignedId);
    await drain();
    expect(refreshOf(cardOf(postIn(STYRET)!.body))?.userIds.sort()).toEqual([OLA.id, SIGRID.id].sort());
    expect(steps((await refresh(OLA, STYRET)).card)).toEqual(['escalation.decide']);
    const koordAfter = await refresh(PER, KOORD);
    expect(shown(koordAfter.card)[1]).toBe('Løftet til SLT-styret');
    expect(steps((await refresh(SIGRID, KOORD)).card)).toEqual([]);
  });
});
