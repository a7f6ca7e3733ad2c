import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import { applyStep, targetsOf } from '../../src/app/escalations';
import { ManualClock } from '../../src/clock';
import { systemScope } from '../../src/domain/visibility';
import { EscalationRepository } from '../../src/storage/table/escalations';
import { CHANNELS, channelMessage, PEOPLE, type Person, personalMessage, TENANT } from '../support/activities';
import { type DigestFixture, MATTERS, seedDigestFixture, TASKS, TREND_SPEC } from '../support/digest-fixture';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

type Node = Record<string, unknown>;
const SIGRID = PEOPLE.sigrid;
const SCREENSHOT = path.resolve(__dirname, '..', '..', 'screenshots', 'arsrapport-2026.png');
/** A title a member could type (it passes the guard): markup and a table pipe, shown as typed. */
const TRICKY = '<b>Fest & "moro"</b> | *etter* skoletid';

describe('the annual report draft through /api/messages and GET /files/<token>', () => {
  let h: Harness;
  let fx: DigestFixture;
  const clock = new ManualClock('2027-01-11T09:00:00.000Z');
  const links: Record<string, string> = {};
  const local = (url: string): string => url.replace(/^https?:\/\/[^/]+/, h.baseUrl);
  const get = async (url: string) => {
    const res = await fetch(local(url));
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const ask = async (text: string, from: Person): Promise<{ text?: string; card?: Node }> => {
    h.connector.clear();
    await h.send(personalMessage(text, { serviceUrl: h.connector.url, from }));
    const m = h.connector.messages[0]!.body;
    return { text: m.text as string | undefined, card: cardOf(m) };
  };

  beforeAll(async () => {
    h = await startHarness({ clock });
    fx = await seedDigestFixture(h.app.services, h.connector.url);
    h.connector.rosters.set(CHANNELS.styret.id, [{ id: PEOPLE.ola.id, aadObjectId: PEOPLE.ola.aadObjectId, name: PEOPLE.ola.name }]);
    // One more matter, accepted into the coordination group, whose title has markup in it.
    const all = Object.values(fx.bodies);
    const id = EscalationRepository.idFor(TENANT, fx.bodies.ost.id, PEOPLE.amina.aadObjectId, 'tricky');
    const at = '2026-11-03T09:00:00.000Z';
    await h.app.services.escalations.create({
      tenantId: TENANT,
      id,
      originBodyId: fx.bodies.ost.id,
      originKind: 'youthTeam',
      title: TRICKY,
      description: 'Uten personopplysninger.',
      state: 'proposed',
      levelBodyId: fx.bodies.ost.id,
      path: [fx.bodies.ost.id],
      requester: { id: PEOPLE.amina.aadObjectId, channelAccountId: PEOPLE.amina.id, name: PEOPLE.amina.name, locale: 'nb' },
      createdAt: at,
      updatedAt: at,
      version: 1,
      last: { verb: 'submit', actorId: PEOPLE.amina.aadObjectId, actorName: PEOPLE.amina.name, dataKey: 'tricky', at },
    });
    await applyStep(
      h.app.services,
      systemScope(
        TENANT,
        all.map((b) => b.id),
      ),
      id,
      'accept',
      {},
      { id: SIGRID.aadObjectId, name: SIGRID.name },
      '2026-11-04T09:00:00.000Z',
      targetsOf(all),
    );
  });
  afterAll(async () => h.stop());

  it("answers a coordinator with a card to download last year's draft as HTML or Markdown", async () => {
    const { card } = await ask('årsrapport', SIGRID);
    expect(cardTexts(card)[0]).toBe('Årsrapport 2026 – utkast');
    const actions = (card!.actions as Node[]).map((a) => ({ type: a.type, title: a.title, url: String(a.url) }));
    expect(actions.map((a) => [a.type, a.title])).toEqual([
      ['Action.OpenUrl', 'Last ned (HTML)'],
      ['Action.OpenUrl', 'Last ned (Markdown)'],
    ]);
    for (const a of actions) expect(a.url).toMatch(/\/files\/[A-Za-z0-9_-]{24}$/);
    expect(actions[0]!.url).not.toBe(actions[1]!.url);
    links.html = actions[0]!.url;
    links.md = actions[1]!.url;
  });

  it("serves the HTML as a download, escaped, with the sections of an SLT annual report and the year's figures", async () => {
    const res = await get(links.html!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="slt-arsrapport-2026-utkast.html"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = res.text;
    for (const h2 of [
      'Innledning',
      'Organisering',
      'Politiets statistikk',
      'Temaer meldt inn i ungdomsteamene',
      'Saker behandlet i koordineringsgruppen',
      'Saker løftet til SLT-styret og utfallet',
      'Møter per organ',
      'Tiltak og status',
      'Videre arbeid',
    ])
      expect(html).toContain(`<h2>${h2}</h2>`);
    const total = TREND_SPEC.reduce((s, [, , , n]) => s + n, 0);
    expect(html).toContain(`I 2026 ble det meldt inn ${total} trender fra tjenestene.`);
    expect(html).toContain('<td class="num">&lt;3</td>');
    expect(html).toContain('&lt;b&gt;Fest &amp; &quot;moro&quot;&lt;/b&gt; | *etter* skoletid');
    expect(html).not.toContain('<b>Fest');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(MATTERS.resolvedInOctober);
    expect(html).toContain('Utekontakten og politiet går sammen på kveldstid.');
    expect(html).toContain('Informasjonsmøte for foreldre');
    expect(html).toContain('Fristen er passert');
    // Tasks from the minutes: «Utført» where ticked off; a matter's measure has no such marker.
    expect(html).toContain(
      `<td>${TASKS[2]![2].title}</td><td>Referat fra ${CHANNELS.koord.name} 13. oktober 2026</td><td>SLT-koordinator</td><td>15. oktober 2026</td><td>Utført 14. oktober 2026</td>`,
    );
    expect(html).toContain(`<td>${TASKS[1]![2].title}</td>`);
    expect(html).toContain('ingen «utført»-markering i boten');
    // A youth team's matter that never reached the coordination group is not listed; reporters and requesters are never named.
    expect(html).not.toContain(MATTERS.newProposedOnly);
    for (const p of [PEOPLE.kari, PEOPLE.amina]) expect(html).not.toContain(p.name);
  });

  it('serves the same draft as readable Markdown, with user text escaped', async () => {
    const res = await get(links.md!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = res.text;
    expect(md.startsWith('# SLT – årsrapport 2026\n')).toBe(true);
    expect(md).toContain('## Saker behandlet i koordineringsgruppen');
    expect(md).toContain('| Sak | Meldt fra | Meldt | Status | Vedtak |');
    expect(md).toContain('\\<b\\>Fest & "moro"\\</b\\> \\| \\*etter\\* skoletid');
    expect(md).toContain(`| ${MATTERS.waitingEscalated} |`);
  });

  it('renders as a readable page in Chromium (screenshot kept in screenshots/)', async () => {
    const html = (await get(links.html!)).text;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'nb-NO' });
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.title()).toBe('SLT – årsrapport 2026');
      // Nine sections and the police chapter (issue 16; «no figures entered» here).
      expect(await page.locator('h2').count()).toBe(10);
      expect(await page.locator('table').count()).toBeGreaterThanOrEqual(6);
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).boxShadow)).toBe('none');
    } finally {
      await browser.close();
    }
    const png = PNG.sync.read(fs.readFileSync(SCREENSHOT));
    expect(png.width).toBe(1100);
    expect(png.height).toBeGreaterThan(1500);
  }, 60_000);

  it('answers 404 for an unknown or malformed token, and once the link has expired', async () => {
    expect((await get(`${h.baseUrl}/files/AAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await get(`${h.baseUrl}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    clock.advance(25 * 3_600_000);
    expect((await get(links.html!)).status).toBe(404);
    expect((await get(links.md!)).status).toBe(404);
    clock.advance(-25 * 3_600_000);
  });

  it('in a channel, sends the links to the coordinator 1:1 and tells the channel only that', async () => {
    h.connector.clear();
    await h.send(channelMessage('årsrapport 2026', { serviceUrl: h.connector.url, from: SIGRID, channel: CHANNELS.koord }));
    expect(h.connector.messages.map((m) => m.body.text)).toEqual(['Jeg har sendt lenkene til årsrapporten til deg i en personlig melding.']);
    await h.app.outboxSender.tick();
    const direct = h.connector.messages.filter((m) => m.conversationId === `a:1on1-${SIGRID.id}`);
    expect(cardTexts(cardOf(direct[0]!.body))[0]).toBe('Årsrapport 2026 – utkast');
  });

  it('refuses board members and other members, and a year that is not a year', async () => {
    expect((await ask('årsrapport', PEOPLE.ola)).text).toMatch(/^Dette krever rollen SLT-koordinator/);
    expect((await ask('annual-report', PEOPLE.amina)).text).toMatch(/^Dette krever rollen SLT-koordinator/);
    expect((await ask('årsrapport 26', SIGRID)).text).toBe('Skriv året som ÅÅÅÅ, for eksempel «årsrapport 2026».');
    expect((await ask('årsrapport 2099', SIGRID)).text).toBe('Skriv året som ÅÅÅÅ, for eksempel «årsrapport 2026».');
  });
});
