import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness';

/**
 * Links people open in a browser — an annual report download, a meeting's calendar file, the
 * agenda link of an Outlook invitation, a mistyped address — answer with a small Norwegian page
 * that says what happened and what to do when they lead nowhere; the JSON API keeps JSON.
 */
describe('pages for people when a link leads nowhere', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.stop());

  const open = async (path: string, language = 'nb-NO,nb;q=0.9,en;q=0.8') => {
    const res = await fetch(`${h.baseUrl}${path}`, { headers: { accept: 'text/html', 'accept-language': language }, redirect: 'manual' });
    return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, text: await res.text() };
  };
  const heading = (html: string): string | undefined => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
  const todo = (html: string): string | undefined => /<p class="todo">([^<]*)<\/p>/.exec(html)?.[1];

  it('an unknown or expired download link: how to make a new draft', async () => {
    for (const path of ['/files/AAAAAAAAAAAAAAAAAAAAAAAA', '/files/kort']) {
      const page = await open(path);
      expect(page.status, path).toBe(404);
      expect(page.type).toBe('text/html; charset=utf-8');
      expect(heading(page.text)).toBe('Lenken er utløpt');
      expect(todo(page.text)).toBe(
        'Lag et nytt utkast: skriv «årsrapport» til SLT-boten i Teams, eller trykk «Lag utkast til årsrapport» under «Rapporter» i fanen «SLT-oversikt». Du får nye lenker med en gang.',
      );
      expect(page.text).toContain('<html lang="nb">');
    }
  });

  it('an unknown calendar file or agenda link: where the meeting card and the agenda are', async () => {
    const ics = await open('/ics/AAAAAAAAAAAAAAAAAAAAAAAA.ics');
    expect(ics.status).toBe(404);
    expect(heading(ics.text)).toBe('Kalenderfilen finnes ikke');
    expect(todo(ics.text)).toContain('trykk «Legg til i kalender»');
    expect(heading((await open('/ics/not-a-token')).text)).toBe('Kalenderfilen finnes ikke');
    const agenda = await open('/agenda/AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(agenda.status).toBe(404);
    expect(heading(agenda.text)).toBe('Fant ikke agendaen');
    expect(todo(agenda.text)).toContain('«@SLT-boten agenda»');
  });

  it('a mistyped address, also under /tab: the page says SLT-boten lives in Teams', async () => {
    for (const path of ['/', '/arsrapport', '/tab/finnes-ikke.js', '/files']) {
      const page = await open(path);
      expect(page.status, path).toBe(404);
      expect(heading(page.text), path).toBe('Siden finnes ikke');
    }
  });

  it('answers in English when the browser asks for English first', async () => {
    const page = await open('/files/AAAAAAAAAAAAAAAAAAAAAAAA', 'en-GB,en;q=0.9,nb;q=0.5');
    expect(heading(page.text)).toBe('This link has expired');
    expect(page.text).toContain('<html lang="en">');
  });

  it('the page runs nothing, loads nothing, is not stored and echoes nothing of the request', async () => {
    const page = await open('/files/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.text).not.toMatch(/<script|alert|src=|href=/i);
  });

  it('the JSON API keeps answering JSON', async () => {
    const api = await open('/api/finnes-ikke');
    expect(api.status).toBe(404);
    expect(api.type).toContain('application/json');
    const tab = await open('/api/tab/finnes-ikke');
    expect(tab.status).toBe(404);
    expect(JSON.parse(tab.text)).toMatchObject({ error: 'notFound' });
    const health = await open('/healthz');
    expect(health.type).toContain('application/json');
  });
});
