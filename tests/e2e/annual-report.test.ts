import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import { applyStep, targetsOf } from '../../src/app/escalations';
import { ManualClock } from '../../src/clock';
import { systemScope } from '../../src/domain/visibility';
import { EscalationRepository } from '../../src/storage/table/escalations';
import { CHANNELS, cardAction, channelMessage, PEOPLE, type Person, personalMessage, TENANT } from '../support/activities';
import { type DigestFixture, MATTERS, seedDigestFixture, TASKS, TREND_SPEC } from '../support/digest-fixture';
import { cardOf, cardTexts, type Harness, startHarness } from '../support/harness';

type Node = Record<string, unknown>;
const SIGRID = PEOPLE.sigrid;
const SCREENSHOT = path.resolve(__dirname, '..', '..', 'screenshots', 'arsrapport-2026.png');
const EXPIRED_SHOT = path.resolve(__dirname, '..', '..', 'screenshots', 'files-link-expired.png');
/** A title a member could type (it passes the guard): markup and a table pipe, shown as typed. */
const TRICKY = '<b>Fest & "moro"</b> | *etter* skoletid';
/** The sections of the draft, in the order of the SLT annual reports (002: 2021, 003: 2024). */
const SECTIONS = [
  'Innledning',
  'Organisering',
  'Politiets statistikk',
  'Utfordringsbildet: trender meldt inn fra tjenestene',
  'Status og fremdrift per innsatsområde',
  'Tiltak',
  'Temaer i ungdomsteamene',
  'Saker behandlet i koordineringsgruppen',
  'Saker løftet til SLT-styret og utfallet',
  'Løftede saker i tall',
  'Møter per organ',
  'Oppgaver fra referatene',
  'Videre arbeid',
];
/** Measures of the register for 2026, entered the way coordinators enter them. */
const MEASURES = [
  {
    title: 'Tett oppfølging av unge i risiko',
    level: 'individual',
    focusAreas: 'recruitment',
    responsible: 'outreach,nav',
    start: '2026-02-01',
    status: 'ongoing',
  },
  {
    title: 'Aktivitetsgrupper i ferien',
    level: 'group',
    focusAreas: 'youth-networks',
    responsible: 'youthClub',
    start: '2026-06-20',
    end: '2026-08-10',
    status: 'completed',
  },
  { title: 'Sonemøter i sentrum', level: 'area', focusAreas: 'public-space', responsible: 'police,outreach', start: '2026-01-15', status: 'ongoing' },
  {
    title: 'Utsett! for foreldre',
    level: 'universal',
    focusAreas: 'drugs',
    responsible: 'school',
    start: '2026-08-20',
    status: 'ongoing',
    plan: 'Rusmiddelpolitisk handlingsplan, tiltak 9',
  },
] as const;

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
    // The coordination group's minutes of 13 October also treated an item the coordinators added and a lifted matter.
    await h.app.services.agendas.changeMinutes(TENANT, fx.bodies.koord.id, 'm000000000000000c-1', (m) =>
      m
        ? {
            ...m,
            items: [
              ...m.items,
              {
                itemId: `esc-${fx.matters.resolvedInOctober}`,
                number: 2,
                title: `Sak: ${MATTERS.resolvedInOctober}`,
                decision: 'Utekontakten går kveldsrunder.',
              },
              { itemId: 'add-5a5a5a5a', number: 3, title: 'Sommerjobber 2027', decision: 'Arbeidsgruppe nedsettes.' },
            ],
            version: m.version + 1,
          }
        : undefined,
    );
    // The register: four measures on four levels, one completed and evaluated; a status text for one focus area.
    const act = async (verb: string, data: Record<string, unknown>) => {
      const res = await h.send(cardAction(verb, data, { serviceUrl: h.connector.url, from: SIGRID, channel: null }));
      const body = res.body as { type?: string; value?: Node };
      if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`${verb}: ${JSON.stringify(body.value)}`);
      return body.value!;
    };
    for (const [i, m] of MEASURES.entries()) await act('measure.save', { ...m, formId: `report-${i}`, ownerBodyId: fx.bodies.koord.id });
    const done = (await h.app.services.measures.list(systemScope(TENANT, [fx.bodies.koord.id]))).find((m) => m.title === 'Aktivitetsgrupper i ferien')!;
    await act('measure.save', {
      measureId: done.id,
      version: String(done.version),
      evaluationMethod: 'Prosessevaluering',
      evaluation: 'Ungdommene ba om flere grupper.',
      conclusion: 'continue',
    });
    await act('focusStatus.save', { year: '2026', versions: '{}', text__drugs: 'Utsett! er tatt i bruk på alle ungdomsskolene.' });
  });
  afterAll(async () => h.stop());

  it("answers a coordinator with a card to download last year's draft as HTML or Markdown", async () => {
    const { card } = await ask('årsrapport', SIGRID);
    expect(cardTexts(card)[0]).toBe('Årsrapport 2026 – utkast');
    const actions = (card!.actions as Node[]).map((a) => ({ type: a.type, title: a.title, url: String(a.url) }));
    expect(actions.map((a) => [a.type, a.title])).toEqual([
      ['Action.OpenUrl', 'Åpne i nettleseren (HTML)'],
      ['Action.OpenUrl', 'Last ned (Markdown)'],
    ]);
    for (const a of actions) expect(a.url).toMatch(/\/files\/[A-Za-z0-9_-]{24}$/);
    expect(actions[0]!.url).not.toBe(actions[1]!.url);
    links.html = actions[0]!.url;
    links.md = actions[1]!.url;
  });

  it("serves the HTML to open in the browser, escaped, with the sections of an SLT annual report and the year's figures", async () => {
    const res = await get(links.html!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="slt-arsrapport-2026-utkast.html"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = res.text;
    // Every section, in the order of the seed reports.
    const at = SECTIONS.map((h2) => html.indexOf(`<h2>${h2}</h2>`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
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
    expect(html).toContain('de har ingen «utført»-markering');
    // A youth team's matter that never reached the coordination group is not listed; reporters and requesters are never named.
    expect(html).not.toContain(MATTERS.newProposedOnly);
    for (const p of [PEOPLE.kari, PEOPLE.amina]) expect(html).not.toContain(p.name);
  });

  it("accounts for the year's measures by level, the status per focus area, the youth teams' topics and the coordination group's items", async () => {
    const html = (await get(links.html!)).text;
    const section = (h2: string): string => {
      const from = html.indexOf(`<h2>${h2}</h2>`);
      return html.slice(from, html.indexOf('</section>', from));
    };
    // Measures grouped by level (individ, gruppe, lokalmiljø, universelt) with status, evaluation and conclusion.
    const measures = section('Tiltak');
    expect([...measures.matchAll(/<caption>([^<]*)<\/caption>/g)].map((m) => m[1])).toEqual([
      'Individnivå',
      'Gruppenivå',
      'Lokalmiljø og område',
      'Universelt nivå',
    ]);
    expect(measures).toContain(
      '<tr><td>Aktivitetsgrupper i ferien</td><td>Kriminelle ungdomsnettverk</td><td>Fritidsklubb / ungdomshus</td><td>20. juni 2026 – 10. august 2026</td><td>Fullført 11. januar 2027</td><td>Ungdommene ba om flere grupper. Konklusjon: Videreføres</td></tr>',
    );
    expect(measures).toContain('<td>Utsett! for foreldre (Rusmiddelpolitisk handlingsplan, tiltak 9)</td><td>Rusmiddelbruk blant unge</td><td>Skole</td>');
    expect(measures).toContain('<td>Tett oppfølging av unge i risiko</td><td>Rekruttering til kriminalitet</td><td>Utekontakt / oppsøkende tjeneste, NAV</td>');
    // Status and progress per focus area: the year's list, its measures and topics, the coordinators' text or a placeholder.
    const status = section('Status og fremdrift per innsatsområde');
    const drugs = TREND_SPEC.filter(([, , a]) => a === 'drugs').reduce((n, [, , , c]) => n + c, 0);
    expect(status).toContain(`<tr><td>Rusmiddelbruk blant unge</td><td>Pågår 1</td><td>${drugs} (${drugs} økende)</td><td class="num">0</td></tr>`);
    expect(status).toContain('<h3>Rusmiddelbruk blant unge</h3>\n<p>Utsett! er tatt i bruk på alle ungdomsskolene.</p>');
    expect(status.match(/class="placeholder"/g)).toHaveLength(6);
    // The youth teams' topics per focus area as short descriptions, no team or service named.
    const youth = section('Temaer i ungdomsteamene');
    const youthDrugs = TREND_SPEC.filter(([, b, a]) => a === 'drugs' && (b === 'vest' || b === 'ost')).reduce((n, [, , , c]) => n + c, 0);
    expect(youth).toContain(`<h3>Rusmiddelbruk blant unge (${youthDrugs})</h3>`);
    expect(youth).toContain('<li>Observasjon nummer 0</li>');
    expect(youth).toMatch(/<li>… og \d+ andre temaer<\/li>/);
    for (const name of [CHANNELS.vest.name, CHANNELS.ost.name, 'Skole']) expect(youth).not.toContain(name);
    // What the coordination group treated: added items and lifted matters with the minutes' decisions, then matters no minutes mention.
    const koord = section('Saker behandlet i koordineringsgruppen');
    expect(koord).toContain(
      `<tr><td>${MATTERS.resolvedInOctober}</td><td>Løftet fra ${CHANNELS.vest.name}</td><td>13. oktober 2026</td><td>Utekontakten går kveldsrunder. (Vedtak i saken: Utekontakten og politiet går sammen på kveldstid.)</td></tr>`,
    );
    expect(koord).toContain('<tr><td>Sommerjobber 2027</td><td>Satt på dagsordenen</td><td>13. oktober 2026</td><td>Arbeidsgruppe nedsettes.</td></tr>');
    expect(koord).toContain(`<tr><td>${MATTERS.newAtKoord}</td><td>Løftet fra ${CHANNELS.ost.name}</td><td>ikke i referat</td><td></td></tr>`);
    expect(koord.indexOf('Sommerjobber 2027')).toBeLessThan(koord.indexOf(MATTERS.newAtKoord));
  });

  it('serves the same draft as readable Markdown, with user text escaped', async () => {
    const res = await get(links.md!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="slt-arsrapport-2026-utkast.md"');
    const md = res.text;
    expect(md.startsWith('# SLT – årsrapport 2026\n')).toBe(true);
    expect(md).toContain('## Saker behandlet i koordineringsgruppen');
    expect(md).toContain('| Sak | Type | Møte | Vedtak |');
    expect(md).toContain('\\<b\\>Fest & "moro"\\</b\\> \\| \\*etter\\* skoletid');
    expect(md).toContain(`| ${MATTERS.waitingEscalated} |`);
  });

  it('opens as a readable page in Chromium from its link, not as a download (screenshot kept in screenshots/)', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'nb-NO' });
      // A download would make goto fail («Download is starting»); inline, the page is shown.
      const res = await page.goto(local(links.html!), { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      expect(await page.title()).toBe('SLT – årsrapport 2026');
      // Every section and the police chapter (issue 16; «no figures entered» here).
      expect(await page.locator('h2').allTextContents()).toEqual(SECTIONS);
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

  it('answers 404 for an unknown or malformed token, and once the link has expired, with a Norwegian page that says what to do', async () => {
    expect((await get(`${h.baseUrl}/files/AAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await get(`${h.baseUrl}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    clock.advance(25 * 3_600_000);
    try {
      const expired = await get(links.html!);
      expect(expired.status).toBe(404);
      expect(expired.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(expired.headers.get('cache-control')).toBe('no-store');
      expect(expired.text).not.toContain('"error"');
      expect((await get(links.md!)).status).toBe(404);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 900, height: 600 }, locale: 'nb-NO' });
        const res = await page.goto(local(links.html!));
        expect(res?.status()).toBe(404);
        expect(await page.textContent('h1')).toBe('Lenken er utløpt');
        expect(await page.textContent('p.todo')).toContain('skriv «årsrapport» til SLT-boten i Teams');
        fs.mkdirSync(path.dirname(EXPIRED_SHOT), { recursive: true });
        await page.screenshot({ path: EXPIRED_SHOT });
      } finally {
        await browser.close();
      }
    } finally {
      clock.advance(-25 * 3_600_000);
    }
  }, 60_000);

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
