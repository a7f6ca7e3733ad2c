import { describe, expect, it } from 'vitest';
import { pageLocale, peoplePage } from '../../src/http/people-page';
import { PAGE_TEXTS } from '../../src/i18n/pages';

describe('the pages for people (src/http/people-page)', () => {
  it('speaks the language the browser asks for first, Bokmål for Norwegian of any kind, else the default', () => {
    expect(pageLocale('en-GB,en;q=0.9,nb;q=0.5', 'nb')).toBe('en');
    expect(pageLocale('nn-NO,nn;q=0.9,en;q=0.5', 'en')).toBe('nb');
    expect(pageLocale('de-DE,de;q=0.9', 'nb')).toBe('nb');
    expect(pageLocale(undefined, 'en')).toBe('en');
    expect(pageLocale('*', 'nb')).toBe('nb');
  });

  it('answers 503 when the bot cannot look the link up, 404 when it leads nowhere', () => {
    const down = peoplePage('unavailable', 'nb');
    expect(down.status).toBe(503);
    expect(down.body).toContain('<h1>SLT-boten svarer ikke akkurat nå</h1>');
    expect(down.body).toContain('Prøv igjen om et par minutter.');
    for (const kind of ['fileGone', 'calendarGone', 'agendaGone', 'notFound'] as const) expect(peoplePage(kind, 'en').status).toBe(404);
  });

  it('has every page in both languages, each with what happened and what to do', () => {
    for (const locale of ['nb', 'en'] as const)
      for (const [kind, p] of Object.entries(PAGE_TEXTS[locale].pages)) {
        expect(p.what.length, `${locale} ${kind}`).toBeGreaterThan(20);
        expect(p.todo.length, `${locale} ${kind}`).toBeGreaterThan(20);
        expect(peoplePage(kind as keyof typeof PAGE_TEXTS.nb.pages, locale).body).toContain(`<html lang="${locale}">`);
      }
  });
});
