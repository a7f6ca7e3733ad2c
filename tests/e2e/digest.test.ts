import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { DEFAULT_FOCUS_AREAS } from '../../src/domain/focus-areas';
import { CHANNELS, cardAction, channelMessage, PEOPLE, type Person, personalMessage } from '../support/activities';
import { cardNodes, tableUnder as findTable, member, tableTexts } from '../support/card-reading';
import { validateCard } from '../support/card-validator';
import type { ConnectorCall } from '../support/connector';
import { type BodyKey, type DigestFixture, MATTERS, seedDigestFixture, TASKS, TREND_SPEC } from '../support/digest-fixture';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

type Node = Record<string, unknown>;
const SIGRID = PEOPLE.sigrid; // coordinator (also in the board's channel, as its secretary)
const OLA = PEOPLE.ola; // board member
const PER = PEOPLE.per; // board member
const AMINA = PEOPLE.amina; // youth team member only

/** The table under `heading` (see card-reading's tableUnder); the test fails if there is none. */
function tableUnder(card: unknown, heading: string): string[][] {
  const table = findTable(card, heading);
  if (!table) throw new Error(`no table under «${heading}»`);
  return table;
}
/** The lines of the list whose heading is `heading`. */
function listUnder(card: unknown, heading: string): string[] {
  const box = cardNodes(card).find((n) => Array.isArray(n.items) && (n.items as Node[])[0]?.text === heading);
  return box ? (box.items as Node[]).slice(1).map((i) => String(i.text)) : [];
}

// ---- the figures, computed from the fixture's own table (independently of src/domain/digest) ----
const BODY_NAME: Record<BodyKey, string> = { vest: CHANNELS.vest.name, ost: CHANNELS.ost.name, koord: CHANNELS.koord.name, styret: CHANNELS.styret.name };
const count = (month: string, area?: string, body?: BodyKey): number =>
  TREND_SPEC.filter(([m, b, a]) => m === month && (area === undefined || a === area) && (body === undefined || b === body)).reduce((s, [, , , n]) => s + n, 0);
const PREV = ['2026-09', '2026-08', '2026-07'];
const avg3 = (f: (m: string) => number): number => Math.round((PREV.reduce((s, m) => s + f(m), 0) / 3) * 10) / 10;
const nb = (n: number): string => String(n).replace('.', ',');
const signed = (n: number): string => (n > 0 ? `+${nb(n)}` : n < 0 ? `\u2212${nb(-n)}` : '±0');
const expectedLine = (f: (m: string) => number): string[] => {
  const now = f('2026-10');
  return [String(now), signed(now - f('2026-09')), signed(Math.round((now - avg3(f)) * 10) / 10)];
};

describe('the monthly digest through /api/messages', () => {
  let h: Harness;
  let fx: DigestFixture;
  const clock = new ManualClock('2026-11-02T09:00:00.000Z');
  const url = () => h.connector.url;
  const invoke = async (verb: string, data: Record<string, unknown>, from: Person, channel: { id: string; name: string } | null) => {
    const res = await h.send(cardAction(verb, data, { serviceUrl: url(), from, channel }));
    const body = res.body as { type?: string; value?: unknown };
    return body?.type === 'application/vnd.microsoft.card.adaptive'
      ? { card: body.value as Node, message: undefined }
      : { card: undefined, message: String(body?.value) };
  };
  const directTo = (p: Person): ConnectorCall[] => h.connector.messages.filter((m) => m.conversationId === `a:1on1-${p.id}`);
  const boardPosts = (): ConnectorCall[] => h.connector.posts.filter((m) => (m.conversationId ?? '').split(';')[0] === CHANNELS.styret.id && !m.activityId);
  const preview = async (from: Person, text = 'rapport 2026-10'): Promise<Node> => {
    h.connector.clear();
    await h.send(personalMessage(text, { serviceUrl: url(), from }));
    const card = cardOf(h.connector.messages[0]!.body);
    if (!card) throw new Error(`no card: ${JSON.stringify(h.connector.messages[0]?.body.text)}`);
    return card;
  };

  beforeAll(async () => {
    h = await startHarness({ clock });
    fx = await seedDigestFixture(h.app.services, h.connector.url);
    h.connector.rosters.set(CHANNELS.styret.id, [member(OLA), member(PER), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.vest.id, [member(PEOPLE.kari), member(SIGRID)]);
    h.connector.rosters.set(CHANNELS.ost.id, [member(AMINA), member(SIGRID)]);
  });
  afterAll(async () => h.stop());

  it("rapport 2026-10 shows each focus area's count with its change from September and from the July–September average", async () => {
    const card = await preview(SIGRID);
    expect(cardTexts(card)[0]).toBe('Månedsrapport for SLT-styret – oktober 2026');
    expect(validateCard(card)).toEqual([]);
    const seen = DEFAULT_FOCUS_AREAS.filter((a) => TREND_SPEC.some(([, , id]) => id === a.id));
    const rows = tableUnder(card, 'Per innsatsområde');
    expect(rows[0]).toEqual(['Innsatsområde', 'okt', 'Fra sep', 'Fra snitt 3 mnd.']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(seen.map((a) => a.nb));
    for (const a of seen) expect(rows.find((r) => r[0] === a.nb)!.slice(1)).toEqual(expectedLine((m) => count(m, a.id)));
    const total = TREND_SPEC.filter(([m]) => m === '2026-10').reduce((s, [, , , n]) => s + n, 0);
    const all = (m: string) => count(m);
    expect(cardTexts(card)).toContain(
      `${total} trender i oktober 2026: ${signed(total - all('2026-09'))} fra september 2026, ${signed(Math.round((total - avg3(all)) * 10) / 10)} fra snittet av de tre månedene før (${nb(avg3(all))}).`,
    );
  });

  it('shows the same figures per body, and names the areas that rose most', async () => {
    const card = await preview(SIGRID);
    const rows = tableUnder(card, 'Per organ');
    for (const key of ['vest', 'ost', 'koord'] as BodyKey[])
      expect(rows.find((r) => r[0] === BODY_NAME[key])!.slice(1)).toEqual(expectedLine((m) => count(m, undefined, key)));
    const rising = DEFAULT_FOCUS_AREAS.map((a) => ({ label: a.nb, rise: count('2026-10', a.id) - avg3((m) => count(m, a.id)) }))
      .filter((x) => x.rise > 0)
      .sort((x, y) => y.rise - x.rise)
      .slice(0, 3);
    expect(listUnder(card, 'Mest økende').map((l) => l.split(':')[0])).toEqual(rising.map((x) => x.label));
  });

  it('shows every trend count exactly, small ones too, and the same count for an area in the table, «Mest økende» and the chart', async () => {
    const card = await preview(SIGRID);
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const perArea = tableUnder(card, 'Per innsatsområde');
    const chart = cardNodes(card).find((n) => n.type === 'Chart.Line')!;
    const rising = listUnder(card, 'Mest økende');
    let small = 0;
    for (const a of DEFAULT_FOCUS_AREAS.filter((x) => TREND_SPEC.some(([, , id]) => id === x.id))) {
      const n = count('2026-10', a.id);
      if (n === 1 || n === 2) small++;
      expect(perArea.find((r) => r[0] === a.nb)![1], a.id).toBe(String(n));
      const line = (chart.data as Node[]).find((s) => s.legend === a.nb)!;
      expect((line.values as Node[]).map((v) => v.y)).toEqual(months.map((m) => count(m, a.id)));
      const r = rising.find((l) => l.startsWith(`${a.nb}:`));
      if (r) expect(r.startsWith(`${a.nb}: ${n} (`), r).toBe(true);
    }
    expect(small).toBeGreaterThan(0); // the fixture has areas with 1 or 2 topics in October
    // No trend count is «<3»: nothing on the card breaks the trends down by area and body at once.
    expect(cardTexts(card)).not.toContain('<3');
    expect(tableUnder(card, 'Per organ').at(-1)).toBeDefined();
    expect(cardTexts(card)).toContain(
      'Alle tall er antall trender, eksakte også når de er små. De telles per innsatsområde og per organ hver for seg, aldri fordelt på begge samtidig (taushetsplikt).',
    );
    expect(cardTexts(card).join('\n')).not.toContain('Innsatsområde fordelt på organ');
  });

  it('carries a six-month line chart per focus area, with a plain table as its fallback', async () => {
    const card = await preview(SIGRID);
    const chart = cardNodes(card).find((n) => n.type === 'Chart.Line')!;
    expect(chart.title).toBe('Trender per innsatsområde, siste seks måneder');
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const drugs = (chart.data as Node[]).find((s) => s.legend === 'Rusmiddelbruk blant unge')!;
    expect((drugs.values as Node[]).map((v) => v.y)).toEqual(months.map((m) => count(m, 'drugs')));
    expect((drugs.values as Node[]).map((v) => v.x)).toEqual(['mai', 'jun', 'jul', 'aug', 'sep', 'okt']);
    // Whole-number ticks (Teams divides the axis in four) and a colour per line from the colour-blind-safe list.
    expect(chart.yMin).toBe(0);
    expect(Number(chart.yMax) % 4).toBe(0);
    expect(new Set((chart.data as Node[]).map((s) => s.color)).size).toBe((chart.data as Node[]).length);
    const fallback = chart.fallback as Node;
    expect(fallback.type).toBe('Container');
    const table = tableTexts((fallback.items as Node[]).find((i) => i.type === 'Table')!);
    expect(table[0]).toEqual(['Innsatsområde', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt']);
    expect(table.find((r) => r[0] === 'Rusmiddelbruk blant unge')!.slice(1)).toEqual(months.map((m) => String(count(m, 'drugs'))));
  });

  it("lists the matters waiting for the board and the month's matters, naming only those that reached the coordination group or the board", async () => {
    const card = await preview(SIGRID);
    const texts = cardTexts(card);
    expect(texts).toContain('Nye: 4 · Behandlet: 1 · Avslått: 1 · Venter på styret: 2');
    const waiting = listUnder(card, 'Venter på styret');
    expect(waiting).toHaveLength(2);
    expect(waiting[0]).toMatch(new RegExp(`^${MATTERS.waitingEscalated} – SLT-styret, `));
    expect(waiting[1]).toMatch(new RegExp(`^${MATTERS.koordOwnAtBoard} – SLT-styret, `));
    expect(listUnder(card, 'Nye saker i koordineringsgruppen og styret').map((l) => l.split(' – ')[0])).toEqual([MATTERS.newAtKoord, MATTERS.koordOwnAtBoard]);
    expect(listUnder(card, 'Behandlet i oktober 2026')[0]).toMatch(new RegExp(`^${MATTERS.resolvedInOctober} – Koordineringsgruppen`));
    const json = JSON.stringify(card);
    // Statistical form: a youth team's own matter is counted, not named; no reporter or requester names.
    expect(json).not.toContain(MATTERS.newProposedOnly);
    for (const p of [PEOPLE.kari, AMINA]) expect(json).not.toContain(p.name);
    expect(json).not.toContain('Observasjon');
  });

  it('lists measures and minutes tasks not done: overdue with how long (also from earlier months), then due by the end of November', async () => {
    const card = await preview(SIGRID);
    const koord = CHANNELS.koord.name;
    expect(listUnder(card, 'Forfalt')).toEqual([
      `Tiltak: Foreldrevandring i boligområdet – Kulturetaten, ${koord}, frist 15. august (2 måneder over fristen)`,
      `Oppgave: ${TASKS[0]![2].title} – SLT-koordinator, ${koord}, frist 20. oktober (11 dager over fristen)`,
      `Tiltak: Informasjonsmøte for foreldre – Skoleetaten, ${koord}, frist 30. oktober (1 dag over fristen)`,
    ]);
    expect(listUnder(card, 'Forfaller innen utgangen av november 2026')).toEqual([
      `Oppgave fra møtet 6. oktober – Skole, ${CHANNELS.vest.name}, frist 5. november`,
      `Oppgave: ${TASKS[1]![2].title} – Fritidsklubb / ungdomshus, ${koord}, frist 10. november`,
      `Tiltak: Flere voksne ute på kveldstid – Utekontakten, ${koord}, frist 20. november`,
    ]);
    // A task marked done, or due after next month, is not listed; a youth team's own task is not named.
    const json = JSON.stringify(card);
    for (const [, , task] of [TASKS[2]!, TASKS[3]!, TASKS[4]!]) expect(json).not.toContain(task.title);
  });

  it("shows meetings held against planned per body, the bodies behind their rhythm, and next month's meetings", async () => {
    const card = await preview(SIGRID);
    const rows = cardNodes(card)
      .filter((n) => n.type === 'Table')
      .map((t) => tableTexts(t))
      .find((r) => r[0]![0] === 'Organ' && r[0]![1] === 'Holdt')!;
    expect(rows.find((r) => r[0] === CHANNELS.vest.name)!.slice(1)).toEqual(['1', '1', '1']);
    expect(rows.find((r) => r[0] === CHANNELS.koord.name)!.slice(1)).toEqual(['1', '1', '0']);
    const texts = cardTexts(card);
    expect(texts).toContain(`${CHANNELS.ost.name} har gått lenger enn møterytmen sin uten møte.`);
    expect(texts).not.toContain(`${CHANNELS.vest.name} har gått lenger enn møterytmen sin uten møte.`);
    expect(texts).toContain(`${CHANNELS.styret.name} ligger an til færre enn fire møter i år.`);
    expect(listUnder(card, 'Møter i november 2026')).toEqual([
      `tirsdag 17. november 2026 kl. 17:00 – ${CHANNELS.vest.name}`,
      `tirsdag 24. november 2026 kl. 10:00 – ${CHANNELS.styret.name}`,
    ]);
  });

  it("in the board's channel, sends the digest to the board member 1:1 and tells the channel only that", async () => {
    h.connector.clear();
    await h.send(channelMessage('rapport 2026-10', { serviceUrl: url(), from: OLA, channel: CHANNELS.styret }));
    const inChannel = h.connector.messages.filter((m) => !m.conversationId?.startsWith('a:1on1'));
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0]!.body.text).toBe('Jeg har sendt rapporten til deg i en personlig melding.');
    expect(cardOf(inChannel[0]!.body)).toBeUndefined();
    await h.app.outboxSender.tick();
    const direct = directTo(OLA);
    expect(direct).toHaveLength(1);
    const card = cardOf(direct[0]!.body)!;
    expect(cardTexts(card)[0]).toBe('Månedsrapport for SLT-styret – oktober 2026');
    // A board member sees no coordinators-only part and cannot send it.
    expect(cardTexts(card)).not.toContain('Bare for koordinatorer');
    expect(JSON.stringify(card)).not.toContain('digest.send');
  });

  it('refuses a member who is neither coordinator nor on the board, and shows them nothing', async () => {
    h.connector.clear();
    await h.send(personalMessage('rapport', { serviceUrl: url(), from: AMINA }));
    expect(h.connector.messages).toHaveLength(1);
    expect(h.connector.messages[0]!.body.text).toBe(
      'Dette krever rollen SLT-koordinator eller medlem av SLT-styret, og den har du ikke. Ta kontakt med en SLT-koordinator eller administrator hvis du trenger den.',
    );
    expect(cardOf(h.connector.messages[0]!.body)).toBeUndefined();
    expect((await invoke('digest.ack', { month: '2026-10' }, AMINA, CHANNELS.styret)).message).toMatch(/^Dette krever rollen medlem av SLT-styret/);
  });

  it('speaks English to an English client', async () => {
    h.connector.clear();
    await h.send(personalMessage('digest 2026-10', { serviceUrl: url(), from: SIGRID, locale: 'en-GB' }));
    const card = cardOf(h.connector.messages[0]!.body)!;
    expect(cardTexts(card)[0]).toBe('Monthly digest for the SLT board – October 2026');
    expect(tableUnder(card, 'By focus area')[0]).toEqual(['Focus area', 'Oct', 'From Sept', 'From 3-month avg.']);
    expect(cardNodes(card).find((n) => n.verb === 'digest.send')?.title).toBe('Send to the board');
  });

  it('answers a month that is not a month, or has not begun, with how to write it', async () => {
    h.connector.clear();
    await h.send(personalMessage('rapport 2026-13', { serviceUrl: url(), from: SIGRID }));
    await h.send(personalMessage('rapport 2027-01', { serviceUrl: url(), from: SIGRID }));
    expect(h.connector.messages.map((m) => m.body.text)).toEqual([
      'Skriv måneden som ÅÅÅÅ-MM, for eksempel «rapport 2026-10».',
      'Måneden januar 2027 har ikke begynt ennå.',
    ]);
  });

  it("digest.send posts it in the board's channel once, archives it, and asks before sending the same month again", async () => {
    h.connector.clear();
    const first = await invoke('digest.send', { month: '2026-10' }, SIGRID, null);
    expect(first.message).toBe(`Rapporten for oktober 2026 er sendt til ${CHANNELS.styret.name}.`);
    await h.app.outboxSender.tick();
    expect(boardPosts()).toHaveLength(1);
    const posted = cardOf(boardPosts()[0]!.body)!;
    expect(cardTexts(posted)).toContain('Lest av 0 av 2 i styret.');
    expect(cardNodes(posted).find((n) => n.verb === 'digest.ack')?.title).toBe('Lest');
    const archived = await h.app.services.digests.latest(fx.bodies.styret.tenantId, '2026-10');
    expect(archived).toMatchObject({ sendNo: 1, sentBy: SIGRID.aadObjectId, sentByName: SIGRID.name, cardActivityId: boardPosts()[0]!.assignedId });
    expect(archived!.content).not.toContain(MATTERS.newProposedOnly);

    // The same month again (or a double click): a confirmation, no post.
    const again = await invoke('digest.send', { month: '2026-10' }, SIGRID, null);
    expect(cardTexts(again.card)[0]).toBe('Sende rapporten for oktober 2026 på nytt?');
    const confirm = cardNodes(again.card).find((n) => n.verb === 'digest.send')!.data as Record<string, unknown>;
    expect(confirm).toEqual({ month: '2026-10', confirm: true, seen: 1 });
    await h.app.outboxSender.tick();
    expect(boardPosts()).toHaveLength(1);

    // Confirmed twice (double click): one new post.
    expect((await invoke('digest.send', confirm, SIGRID, null)).message).toBe(`Rapporten for oktober 2026 er sendt til ${CHANNELS.styret.name}.`);
    expect((await invoke('digest.send', confirm, SIGRID, null)).message).toMatch(/^Rapporten for oktober 2026 er allerede sendt på nytt/);
    await h.app.outboxSender.tick();
    expect(boardPosts()).toHaveLength(2);
    expect((await h.app.services.digests.latest(fx.bodies.styret.tenantId, '2026-10'))?.sendNo).toBe(2);
  });

  it('"Lest" counts each board member once, updates the posted card in place, and coordinators see who has not read it', async () => {
    h.connector.clear();
    const latest = (await h.app.services.digests.latest(fx.bodies.styret.tenantId, '2026-10'))!;
    const first = await invoke('digest.ack', { month: '2026-10' }, OLA, CHANNELS.styret);
    expect(cardTexts(first.card)).toContain('Lest av 1 av 2 i styret.');
    const twice = await invoke('digest.ack', { month: '2026-10' }, OLA, CHANNELS.styret);
    expect(cardTexts(twice.card)).toContain('Lest av 1 av 2 i styret.');
    await h.app.outboxSender.tick();
    const updates = h.connector.updates.filter((u) => u.activityId === latest.cardActivityId);
    expect(updates).toHaveLength(1);
    expect(cardTexts(cardOf(updates[0]!.body))).toContain('Lest av 1 av 2 i styret.');

    const coordinatorView = await preview(SIGRID);
    expect(cardTexts(coordinatorView)).toContain('Bare for koordinatorer');
    expect(cardTexts(coordinatorView)).toContain(`Ikke lest ennå: ${PER.name}.`);
    expect(cardTexts(coordinatorView)).toContain('Lest av 1 av 2 i styret.');
    // Shown again from the archive, as it was sent.
    expect(cardTexts(coordinatorView).join(' ')).toContain(`Sendt til styret 2. november av ${SIGRID.name}.`);

    await invoke('digest.ack', { month: '2026-10' }, PER, CHANNELS.styret);
    expect(cardTexts(await preview(SIGRID))).toContain('Alle i styret har lest rapporten.');
  });

  it('"Lest" clicked before the post has its activity id is shown once the post is in the channel', async () => {
    h.connector.clear();
    expect((await invoke('digest.send', { month: '2026-08' }, SIGRID, null)).message).toBe(`Rapporten for august 2026 er sendt til ${CHANNELS.styret.name}.`);
    // The post is still in the outbox: no activity id to update yet.
    expect((await h.app.services.digests.latest(fx.bodies.styret.tenantId, '2026-08'))?.cardActivityId).toBeUndefined();
    expect(cardTexts((await invoke('digest.ack', { month: '2026-08' }, OLA, CHANNELS.styret)).card)).toContain('Lest av 1 av 2 i styret.');
    await h.app.outboxSender.tick(); // the post (rendered with 0 read) goes out and its id comes back
    await h.app.outboxSender.tick(); // the update that carries the read count
    const posted = (await h.app.services.digests.latest(fx.bodies.styret.tenantId, '2026-08'))!;
    expect(cardTexts(cardOf(boardPosts().find((p) => p.assignedId === posted.cardActivityId)!.body))).toContain('Lest av 0 av 2 i styret.');
    const updates = h.connector.updates.filter((u) => u.activityId === posted.cardActivityId);
    expect(updates).toHaveLength(1);
    expect(cardTexts(cardOf(updates[0]!.body))).toContain('Lest av 1 av 2 i styret.');
  });

  it('"Lest" on a month never sent says so and records nothing', async () => {
    const r = await invoke('digest.ack', { month: '2026-09' }, OLA, CHANNELS.styret);
    expect(r.message).toBe('Rapporten for september 2026 er ikke sendt til styret ennå, så den kan ikke merkes som lest.');
    expect(await h.app.services.digests.acks(fx.bodies.styret.tenantId, '2026-09')).toEqual([]);
  });
});
