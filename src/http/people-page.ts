import { type Locale, pick, resolveLocale } from '../i18n';
import { PAGE_TEXTS, type PageKind } from '../i18n/pages';

/**
 * The small HTML page a person gets when a link they opened in a browser (an annual report
 * download, a calendar file, an invitation's agenda link, a mistyped address) leads nowhere or
 * the bot cannot answer: what happened and what to do, in Norwegian (English when the browser
 * asks for English first). No part of the request is echoed, nothing is loaded, no script runs.
 * The JSON routes (`/api/…`) keep answering JSON.
 */
export interface PeoplePage {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Headers of every people page: not stored, not framed, nothing fetched, not indexed. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
} as const;

const CSS = `
  body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1f; background: #f4f5f7; }
  main { max-width: 36rem; margin: 12vh auto 2rem; padding: 2rem 2.25rem; background: #fff; border-top: 4px solid #1d3557; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
  h1 { font-size: 1.5rem; margin: 0 0 .75rem; color: #1d3557; }
  p { margin: .6rem 0; }
  .todo { font-weight: 600; }
  footer { margin-top: 1.5rem; color: #555; font-size: .85rem; }
  @media (prefers-color-scheme: dark) {
    body { background: #1f1f1f; color: #f0f0f0; }
    main { background: #292929; border-top-color: #9ea2ff; box-shadow: none; }
    h1 { color: #c5cbfa; }
    footer { color: #adadad; }
  }
`;

/** The language a browser asks for first, between ours; the network's default otherwise. */
export function pageLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim())
    .find((tag) => tag && tag !== '*');
  return resolveLocale(first, fallback);
}

/** The page of a kind, with its status: 503 for `unavailable`, 404 otherwise. */
export function peoplePage(kind: PageKind, locale: Locale): PeoplePage {
  const t = pick(locale, PAGE_TEXTS);
  const p = t.pages[kind];
  const e = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(p.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body data-page="${kind}">`,
    '<main>',
    `<h1>${e(p.title)}</h1>`,
    `<p>${e(p.what)}</p>`,
    `<p class="todo">${e(p.todo)}</p>`,
    `<footer>${e(t.footer)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { status: kind === 'unavailable' ? 503 : 404, headers: HEADERS, body };
}
