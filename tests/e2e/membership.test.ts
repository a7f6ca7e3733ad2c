import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/actions';
import type { TeamsRoster } from '../../src/bot/roster';
import { ManualClock } from '../../src/clock';
import { COMMANDS } from '../../src/commands';
import { bodyScope } from '../../src/domain/visibility';
import { bodyIdFor } from '../../src/storage/table/bodies';
import { DEV_TENANT_HEADER, DEV_USER_HEADER } from '../../src/tab-api/identity';
import {
  CHANNELS,
  cardAction,
  channelMessage,
  channelRegistration,
  PEOPLE,
  type Person,
  personalMessage,
  TEAM_ID,
  TENANT,
  type TestChannel,
} from '../support/activities';
import { type Card, executeData, inputValue, invokeResult, member, shown } from '../support/card-reading';
import { cardOf, type Harness, startHarness } from '../support/harness';

/**
 * Who belongs to a body, as Teams defines it (src/domain/membership.ts): the team's roster for a
 * standard channel, the channel's own for a private or shared one. Everything goes through
 * /api/messages and the tab API; the fake connector answers rosters and channel lists as Teams.
 *
 * The network: the team «SLT-nettverket» (everyone) with General, two standard channels for
 * youth teams (Nord, Sør), the private channel «Ungdomsteam Vest 13-16» (Kari and Sigrid), and
 * «Ungdomsteam Midt», private too, whose activities do not say so (only Teams' channel list
 * does); the board in the General channel of its own team «SLT-styret» (Per and Sigrid).
 */
const { kari: KARI, ola: OLA, amina: AMINA, per: PER, sigrid: SIGRID } = PEOPLE;
const NORD: TestChannel = { id: '19:ungdomsteam-nord@thread.tacv2', name: 'Ungdomsteam Nord', type: 'standard' };
const SOR: TestChannel = { id: '19:ungdomsteam-sor@thread.tacv2', name: 'Ungdomsteam Sør', type: 'standard' };
/** Private, but its activities carry no type: only Teams' channel list says it. */
const MIDT: TestChannel = { id: '19:ungdomsteam-midt@thread.tacv2', name: 'Ungdomsteam Midt' };
/** Neither the activity nor Teams' channel list says its kind. */
const UNLISTED: TestChannel = { id: '19:ungdomsteam-ukjent@thread.tacv2', name: 'Ungdomsteam Ukjent' };
const VEST = CHANNELS.vest;
const BOARD_TEAM = '19:slt-styret-team@thread.tacv2';
const BOARD_GENERAL: TestChannel = { id: BOARD_TEAM, name: 'Generelt', type: 'standard' };
/** Two bodies registered before kinds were recorded, in standard channels of one team. */
const OLD_TEAM = '19:gammelt-team@thread.tacv2';
const OLD_A: TestChannel = { id: '19:gammel-a@thread.tacv2', name: 'Ungdomsteam Gamle A' };
const OLD_B: TestChannel = { id: '19:gammel-b@thread.tacv2', name: 'Ungdomsteam Gamle B' };

const SECRET_TREND = 'Flere elever på niende trinn samles ved skogsstien etter skoletid';
const SECRET_TITLE = 'Uro rundt ungdomsklubben på fredagskvelder';
const SECRET_DESC = 'Flere tjenester ser grupper som blir stående ute etter stengetid';
const REGISTER = { kind: 'youthTeam', cadenceWeeks: '', weekday: '2', time: '09:00', durationMinutes: '90' };

/** An activity moved into another team (the fake builds them in the test team). */
function inTeam<T extends { channelData: Record<string, unknown> }>(activity: T, teamId: string, teamName: string): T {
  return { ...activity, channelData: { ...activity.channelData, team: { id: teamId, name: teamName } } };
}

describe('membership as Teams defines it, through /api/messages and the tab API', () => {
  let h: Harness;
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  const url = () => h.connector.url;
  const invoke = async (
    verb: string,
    data: Record<string, unknown>,
    from: Person,
    channel: TestChannel | null,
    teamId = TEAM_ID,
    teamName = 'SLT-nettverket',
  ) => invokeResult(await h.send(inTeam(cardAction(verb, data, { serviceUrl: url(), from, channel }), teamId, teamName)));
  /** Sends a channel message; resolves with the bot's replies. */
  const say = async (text: string, from: Person, channel: TestChannel, teamId = TEAM_ID, teamName = 'SLT-nettverket') => {
    const before = h.connector.calls.length;
    await h.send(inTeam(channelMessage(text, { serviceUrl: url(), from, channel }), teamId, teamName));
    return h.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.body.type === 'message');
  };
  const sayOne = async (text: string, from: Person, channel: TestChannel, teamId?: string, teamName?: string) => {
    const [reply] = await say(text, from, channel, teamId, teamName);
    return { card: reply ? (cardOf(reply.body) as Card | undefined) : undefined, text: reply?.body.text as string | undefined, id: reply?.assignedId };
  };
  const tab = async (route: string, who: Person, method = 'GET') => {
    const res = await fetch(`${h.baseUrl}/api/tab/${route}`, { method, headers: { [DEV_USER_HEADER]: who.aadObjectId, [DEV_TENANT_HEADER]: TENANT } });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    h = await startHarness({ clock, env: { SLT_ADMINS: SIGRID.aadObjectId } });
    const everyone = Object.values(PEOPLE).map(member);
    h.connector.rosters.set(TEAM_ID, everyone);
    h.connector.channels.set(TEAM_ID, [CHANNELS.general, NORD, SOR, VEST, { ...MIDT, type: 'private' }]);
    h.connector.rosters.set(VEST.id, [member(KARI), member(SIGRID)]);
    h.connector.rosters.set(MIDT.id, [member(AMINA), member(SIGRID)]);
    h.connector.rosters.set(BOARD_TEAM, [member(PER), member(SIGRID)]);
    h.connector.channels.set(BOARD_TEAM, [BOARD_GENERAL]);
    h.connector.rosters.set(OLD_TEAM, [member(KARI), member(OLA), member(SIGRID)]);
    // Teams lists them, without a kind.
    h.connector.channels.set(OLD_TEAM, [
      { id: OLD_A.id, name: OLD_A.name },
      { id: OLD_B.id, name: OLD_B.name },
    ]);
  });
  afterAll(async () => h.stop());

  it('says on the form and the confirmation that the private channel’s own members read a youth team there', async () => {
    const form = await sayOne('registrer', SIGRID, VEST);
    const readers = '2 medlemmer av den private kanalen «Ungdomsteam Vest 13-16» kan lese det som meldes inn her.';
    expect(shown(form.card).join('\n')).toContain(readers);
    const done = await invoke('body.register', { ...REGISTER, name: 'Ungdomsteam Vest 13-16' }, SIGRID, VEST);
    expect(shown(done.card)[0]).toBe('Kanalen er registrert');
    expect(shown(done.card).join('\n')).toContain(`${readers} SLT-koordinatorene kan også lese det.`);
    expect(await h.app.services.bodies.byChannel(TENANT, VEST.id)).toMatchObject({ channelType: 'private', teamName: 'SLT-nettverket' });
  });

  it('asks Teams for the team’s channel list when the activity does not say the kind', async () => {
    h.connector.clear();
    const done = await invoke('body.register', { ...REGISTER, name: 'Ungdomsteam Midt' }, SIGRID, MIDT);
    expect(shown(done.card).join('\n')).toContain('2 medlemmer av den private kanalen «Ungdomsteam Midt» kan lese det som meldes inn her.');
    expect(h.connector.calls.some((c) => c.method === 'GET' && c.path === `/v3/teams/${encodeURIComponent(TEAM_ID)}/conversations`)).toBe(true);
    expect((await h.app.services.bodies.byChannel(TENANT, MIDT.id))?.channelType).toBe('private');
  });

  it('registers a youth team in a standard channel as read by the whole team', async () => {
    const done = await invoke('body.register', { ...REGISTER, name: 'Ungdomsteam Nord' }, SIGRID, NORD);
    expect(shown(done.card).join('\n')).toContain('Alle 5 medlemmer av teamet «SLT-nettverket» kan lese det som meldes inn her.');
    expect((await h.app.services.bodies.byChannel(TENANT, NORD.id))?.channelType).toBe('standard');
  });

  it('refuses a second youth team in a standard channel of the same team, with the two ways to do it right, and stores nothing', async () => {
    const count = (await h.app.services.bodies.list(TENANT)).length;
    const form = await sayOne('registrer', SIGRID, SOR);
    const warning = shown(form.card).join('\n');
    expect(warning).toContain('«Ungdomsteam Nord» er allerede registrert i standardkanalen «Ungdomsteam Nord» i samme team');
    const res = await invoke('body.register', { ...REGISTER, name: 'Ungdomsteam Sør' }, SIGRID, SOR);
    const message = shown(res.card).find((t) => t.includes('er en standardkanal')) ?? '';
    expect(message).toContain('«Ungdomsteam Sør» er en standardkanal, og alle i teamet «SLT-nettverket» leser teamets standardkanaler.');
    expect(message).toContain('1) Gi organet et eget team');
    expect(message).toContain('2) Lag en privat eller delt kanal i dette teamet');
    expect(inputValue(res.card, 'name')).toBe('Ungdomsteam Sør');
    expect(await h.app.services.bodies.byChannel(TENANT, SOR.id)).toBeUndefined();
    expect(await h.app.services.bodies.list(TENANT)).toHaveLength(count);
  });

  it('counts a channel whose kind neither the activity nor Teams says as standard, says so, and refuses it as a second', async () => {
    const form = await sayOne('registrer', SIGRID, UNLISTED);
    expect(shown(form.card).join('\n')).toContain('Teams sa ikke om kanalen er privat, så den regnes som en standardkanal.');
    const res = await invoke('body.register', { ...REGISTER, name: 'Ungdomsteam Ukjent' }, SIGRID, UNLISTED);
    expect(shown(res.card).join('\n')).toContain('«Ungdomsteam Nord» er allerede registrert');
    expect(await h.app.services.bodies.byChannel(TENANT, UNLISTED.id)).toBeUndefined();
  });

  it('stores no kind Teams did not say: the body counts as standard, yet its members are read from its own channel, never widened to the team', async () => {
    // A channel of another team that neither the activity nor Teams' list describes, with its own (private) roster.
    const team = '19:taust-team@thread.tacv2';
    const quiet: TestChannel = { id: '19:taus-kanal@thread.tacv2', name: 'Ungdomsteam Taus' };
    h.connector.rosters.set(team, Object.values(PEOPLE).map(member));
    h.connector.rosters.set(quiet.id, [member(AMINA), member(SIGRID)]);
    const done = await invoke('body.register', { ...REGISTER, name: 'Ungdomsteam Taus' }, SIGRID, quiet, team, 'Taust team');
    // Counted as the bot reads it (the channel itself), the kind not claimed.
    expect(shown(done.card).join('\n')).toContain(
      '2 medlemmer av kanalen «Ungdomsteam Taus» kan lese det som meldes inn her. Teams sa ikke om kanalen er privat, så den regnes som en standardkanal.',
    );
    expect((await h.app.services.bodies.byChannel(TENANT, quiet.id))?.channelType).toBeUndefined();
    // Enforced as Teams answers for the channel itself: Kari, in the team but not in the channel, is refused.
    expect((await sayOne('trend', KARI, quiet, team, 'Taust team')).text).toContain('Bare medlemmer av Ungdomsteam Taus');
    expect(shown((await sayOne('trend', AMINA, quiet, team, 'Taust team')).card)[0]).toBe('Meld inn en trend');
  });

  it('keeps two standard channels of one team to one body when both are registered at the same moment', async () => {
    const team = '19:parallell-team@thread.tacv2';
    const a: TestChannel = { id: '19:parallell-a@thread.tacv2', name: 'Parallell A', type: 'standard' };
    const b: TestChannel = { id: '19:parallell-b@thread.tacv2', name: 'Parallell B', type: 'standard' };
    h.connector.rosters.set(team, [member(SIGRID)]);
    const results = await Promise.all([
      invoke('body.register', { ...REGISTER, name: 'Parallell A' }, SIGRID, a, team, 'Parallell'),
      invoke('body.register', { ...REGISTER, name: 'Parallell B' }, SIGRID, b, team, 'Parallell'),
    ]);
    const registered = results.filter((r) => shown(r.card)[0] === 'Kanalen er registrert');
    expect(registered).toHaveLength(1);
    const stored = (await h.app.services.bodies.list(TENANT)).filter((x) => x.ref.teamId === team);
    expect(stored).toHaveLength(1);
  });

  it('lets the board in a standard channel of its own team work: its members are that team', async () => {
    const done = await invoke(
      'body.register',
      { kind: 'board', name: 'SLT-styret', cadenceWeeks: '', weekday: '', time: '', durationMinutes: '' },
      SIGRID,
      BOARD_GENERAL,
      BOARD_TEAM,
      'SLT-styret',
    );
    expect(shown(done.card).join('\n')).toContain('Alle 2 medlemmer av teamet «SLT-styret» kan lese det som meldes inn her.');
    h.connector.clear();
    await h.send(personalMessage('hjelp', { serviceUrl: url(), from: PER }));
    expect(shown(cardOf(h.connector.messages[0]!.body))).toContain('Du er medlem av SLT-styret.');
    h.connector.clear();
    await h.send(personalMessage('rapport', { serviceUrl: url(), from: PER }));
    expect(shown(cardOf(h.connector.messages[0]!.body))[0]).toContain('Månedsrapport for SLT-styret');
    h.connector.clear();
    await h.send(personalMessage('rapport', { serviceUrl: url(), from: OLA }));
    expect(String(h.connector.messages[0]!.body.text)).toContain('SLT-koordinator eller medlem av SLT-styret');
  });

  describe('a team member outside a youth team’s private channel', () => {
    let escalationId: string;
    let meetingId: string;

    beforeAll(async () => {
      // Kari (in Vest's roster) reports a trend and lifts a matter; Sigrid schedules a meeting.
      const trendForm = await sayOne('trend', KARI, VEST);
      const trend = await invoke(
        'trend.submit',
        { ...executeData(trendForm.card, 'trend.submit'), focusArea: 'drugs', direction: 'new', description: SECRET_TREND, service: 'school' },
        KARI,
        VEST,
      );
      expect(shown(trend.card)[0]).toBe('Takk! Trenden er registrert.');
      const form = await sayOne('løft', KARI, VEST);
      const proposed = await invoke(
        'escalation.submit',
        { title: SECRET_TITLE, description: SECRET_DESC, formId: executeData(form.card, 'escalation.submit')?.formId },
        KARI,
        VEST,
      );
      escalationId = String((proposed.card?.refresh as { action: { data: { escalationId: string } } }).action.data.escalationId);
      await invoke('meeting.schedule', { date: '2026-11-17', time: '09:00', durationMinutes: '90', location: 'Rådhuset', repeat: 'none' }, SIGRID, VEST);
      meetingId = (await h.app.services.meetings.listForBody(TENANT, bodyIdFor(VEST.id)))[0]!.id;
      await h.drain();
    });

    /** Everything the bot sent anywhere since `before`, and the invoke answers, as one text. */
    const leaked = (texts: string[]): string[] => texts.filter((t) => t.includes(SECRET_TREND) || t.includes(SECRET_TITLE) || t.includes(SECRET_DESC));

    it('is a member of the team (so a standard channel would have let him read), and Kari reads both (the control)', async () => {
      expect(h.connector.rosters.get(TEAM_ID)?.map((m) => m.aadObjectId)).toContain(OLA.aadObjectId);
      const saker = await sayOne('saker', KARI, VEST);
      expect(shown(saker.card)).toContain(SECRET_TITLE);
      const trends = await tab('trends', KARI);
      expect(trends.text).toContain(SECRET_TREND);
      expect((await tab('escalations?status=all', KARI)).text).toContain(SECRET_TITLE);
    });

    it('is refused them by every command, in the channel and in a personal chat', async () => {
      (h.app.services.roster as TeamsRoster).clear();
      const before = h.connector.calls.length;
      for (const command of COMMANDS) {
        await say(command.words.nb, OLA, VEST);
        await h.send(personalMessage(command.words.nb, { serviceUrl: url(), from: OLA }));
      }
      await h.drain();
      const sent = h.connector.calls.slice(before).map((c) => JSON.stringify(c.body));
      expect(sent.length).toBeGreaterThanOrEqual(COMMANDS.length * 2);
      expect(leaked(sent)).toEqual([]);
      // The refusals say why, where the command needs a member.
      expect((await sayOne('agenda', OLA, VEST)).text).toContain('Ungdomsteam Vest 13-16');
      expect((await sayOne('trend', OLA, VEST)).text).toContain('Bare medlemmer av Ungdomsteam Vest 13-16');
    });

    it('is refused them by every card verb', async () => {
      const bodyId = bodyIdFor(VEST.id);
      const data = {
        escalationId,
        meetingId,
        bodyId,
        itemId: 'i0000000000000000',
        taskId: 't0000000000000000',
        month: '2026-10',
        focusArea: 'drugs',
        direction: 'new',
        description: 'Et forsøk fra utsiden av kanalen.',
        title: 'Et forsøk fra utsiden',
        note: 'x',
        decision: 'x',
        formId: 'outsider',
      };
      const before = h.connector.calls.length;
      const answers: string[] = [];
      for (const verb of Object.keys(ACTIONS)) {
        for (const channel of [VEST, null]) {
          const res = await h.send(cardAction(verb, data, { serviceUrl: url(), from: OLA, channel }));
          expect(res.status, verb).toBe(200);
          answers.push(JSON.stringify(res.body));
        }
      }
      await h.drain();
      expect(leaked(answers)).toEqual([]);
      expect(leaked(h.connector.calls.slice(before).map((c) => JSON.stringify(c.body)))).toEqual([]);
      // Nothing of his was stored in Vest.
      const trends = await h.app.services.trends.list(bodyScope(TENANT, bodyId), ['2026-11']);
      expect(trends.map((t) => t.description)).toEqual([SECRET_TREND]);
    });

    it('is refused them by every tab API route', async () => {
      const routes = ['me', 'trends', `trends?body=${bodyIdFor(VEST.id)}`, 'escalations', 'escalations?status=all', 'wheel', 'digests'];
      for (const route of routes) {
        const res = await tab(route, OLA);
        expect(res.status, route).toBe(200);
        expect(leaked([res.text]), route).toEqual([]);
      }
      const report = await tab('annual-report?year=2026', OLA, 'POST');
      expect(report.status).toBe(403);
      const me = JSON.parse((await tab('me', OLA)).text) as { bodies: { id: string; name: string }[] };
      expect(me.bodies.map((b) => b.name)).not.toContain('Ungdomsteam Vest 13-16');
      // What he may read: the youth team whose standard channel the whole team reads.
      expect(me.bodies.map((b) => b.name)).toContain('Ungdomsteam Nord');
    });
  });

  describe('bodies registered before kinds were recorded', () => {
    beforeAll(async () => {
      // As an older version stored them: no channel kind, no team claim.
      for (const ch of [OLD_A, OLD_B]) {
        const reg = channelRegistration(ch, 'youthTeam', url(), clock.now().toISOString());
        const r = await h.app.services.bodies.upsert({ ...reg, channelType: 'private', ref: { ...reg.ref, teamId: OLD_TEAM } });
        if (!r.ok) throw new Error('legacy body not registered');
        const table = h.app.services.store.table('bodies');
        const row = await table.getEntity<Record<string, unknown>>(TENANT, r.body.id);
        const { etag: _e, timestamp: _t, channelType: _c, teamName: _n, ...old } = row as Record<string, unknown>;
        await table.updateEntity(old as { partitionKey: string; rowKey: string }, 'Replace');
      }
      (h.app.services.roster as TeamsRoster).clear();
    });

    it('keep working: a member reports a trend as before', async () => {
      const form = await sayOne('trend', KARI, OLD_A, OLD_TEAM, 'Gammelt team');
      const res = await invoke(
        'trend.submit',
        { ...executeData(form.card, 'trend.submit'), focusArea: 'drugs', direction: 'stable', description: 'Stabilt rolig i området.', service: 'school' },
        KARI,
        OLD_A,
        OLD_TEAM,
        'Gammelt team',
      );
      expect(shown(res.card)[0]).toBe('Takk! Trenden er registrert.');
    });

    it('status shows every body’s channel kind and member count, and flags those sharing a team’s readers', async () => {
      const { card } = await sayOne('status', SIGRID, CHANNELS.general);
      const texts = shown(card);
      expect(texts).toContain('Organer og hvem som leser dem');
      const row = (name: string) => texts[texts.indexOf(name) + 1];
      expect(row('Ungdomsteam Vest 13-16')).toBe('privat kanal, 2 medlemmer');
      expect(row('Ungdomsteam Midt')).toBe('privat kanal, 2 medlemmer');
      expect(row('Ungdomsteam Nord')).toBe('standardkanal, 5 medlemmer');
      expect(row('SLT-styret')).toBe('standardkanal, 2 medlemmer');
      expect(row('Ungdomsteam Gamle A')).toBe('standardkanal (antatt), 3 medlemmer');
      expect(texts).toContain(
        'Deler lesere med «Ungdomsteam Gamle B»: begge er standardkanaler i teamet. Flytt ett av organene til et eget team eller en privat kanal.',
      );
      expect(texts).toContain(
        'Deler lesere med «Ungdomsteam Gamle A»: begge er standardkanaler i teamet. Flytt ett av organene til et eget team eller en privat kanal.',
      );
      expect(texts.filter((t) => t.startsWith('Deler lesere'))).toHaveLength(2);
    });

    it('the tab shows the same for the bodies the viewer reads', async () => {
      const me = JSON.parse((await tab('me', KARI)).text) as {
        bodies: { name: string; channelKind: string; channelKindKnown: boolean; memberCount?: number; sharesReadersWith?: string }[];
      };
      expect(me.bodies.find((b) => b.name === 'Ungdomsteam Vest 13-16')).toMatchObject({ channelKind: 'private', channelKindKnown: true, memberCount: 2 });
      expect(me.bodies.find((b) => b.name === 'Ungdomsteam Gamle A')).toMatchObject({
        channelKind: 'standard',
        channelKindKnown: false,
        memberCount: 3,
        sharesReadersWith: 'Ungdomsteam Gamle B',
      });
      expect(me.bodies.map((b) => b.name)).not.toContain('Ungdomsteam Midt');
    });
  });
});
