import type { DigestsResponse } from '../tab-api/contract';
import { type Api, ApiError } from './api';
import { digestPage } from './digest-page-view';
import { h, monthLabel, osloDate, replace } from './dom';
import { fill, type TabLocale, type Texts } from './texts';

/**
 * The Digests section: the archive of monthly digests — each one opens here to read, as sent to
 * the board — and, for coordinators, the annual report draft.
 */
export function digestsSection(root: HTMLElement, a: Api, t: Texts, locale: TabLocale, data: DigestsResponse): void {
  const showList = (): void => {
    const body = !data.allowed
      ? h('p', { class: 'muted', 'data-state': 'not-allowed' }, t.digests.notAllowed)
      : data.source === 'unavailable'
        ? h('p', { class: 'muted', 'data-state': 'unavailable' }, t.digests.unavailable)
        : h('div', {}, data.annualReport ? annual(a, t, data.annualReport.years) : null, archive(t, locale, data, read));
    replace(root, h('h2', {}, t.digests.heading), body);
  };
  /** Opens one month's digest in place of the list; «Tilbake» shows the list again. */
  const read = (month: string): void => {
    const back = h('button', { type: 'button', class: 'back', onclick: showList }, `← ${t.digests.back}`);
    const out = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t.digests.reading));
    replace(root, h('h2', {}, t.digests.heading), back, out);
    a.digest(month)
      .then((page) => replace(out, digestPage(page, t), h('p', {}, h('button', { type: 'button', class: 'back', onclick: showList }, `← ${t.digests.back}`))))
      .catch((err: unknown) =>
        replace(
          out,
          h(
            'p',
            { class: 'field-error', role: 'alert' },
            err instanceof ApiError && err.status === 404
              ? (err.body?.message ?? fill(t.digests.notFound, { month: monthLabel(month, t.wheel.months) }))
              : t.failed,
          ),
        ),
      )
      .finally(() => out.removeAttribute('aria-busy'));
    back.focus();
  };
  showList();
}

function archive(t: Texts, locale: TabLocale, data: DigestsResponse, read: (month: string) => void): HTMLElement {
  if (!data.items.length) return h('p', { class: 'muted' }, t.digests.empty);
  return h(
    'ul',
    { class: 'digest-list' },
    ...data.items.map((d) =>
      h(
        'li',
        { 'data-month': d.month },
        h('strong', {}, monthLabel(d.month, t.wheel.months)),
        ` · ${d.title}`,
        d.createdAt ? h('span', { class: 'muted small' }, ` · ${osloDate(d.createdAt, locale)}`) : null,
        h(
          'button',
          {
            type: 'button',
            class: 'read',
            'aria-label': fill(t.digests.readLabel, { month: monthLabel(d.month, t.wheel.months) }),
            onclick: () => read(d.month),
          },
          t.digests.read,
        ),
      ),
    ),
  );
}

/** «Lag utkast»: the server writes the draft now (as «årsrapport» does) and answers with two links valid for 24 hours. */
function annual(a: Api, t: Texts, years: readonly number[]): HTMLElement {
  const year = h('select', { id: 'annual-year' }, ...years.map((y, i) => h('option', { value: y, selected: i === 0 }, y)));
  const out = h('p', { class: 'annual-links', 'aria-live': 'polite' });
  const make = h('button', { type: 'button', id: 'annual-make' }, t.digests.make);
  make.addEventListener('click', () => {
    make.disabled = true;
    out.textContent = t.digests.making;
    a.annualReport(Number(year.value))
      .then((r) =>
        replace(
          out,
          h('a', { class: 'button', href: r.html, target: '_blank', rel: 'noopener', 'data-format': 'html' }, fill(t.digests.openHtml, { year: r.year })),
          ' ',
          h('a', { href: r.markdown, target: '_blank', rel: 'noopener', download: '', 'data-format': 'markdown' }, t.digests.markdown),
          h('span', { class: 'muted small' }, ` ${t.digests.validFor}`),
        ),
      )
      .catch(() => (out.textContent = t.failed))
      .finally(() => (make.disabled = false));
  });
  return h(
    'div',
    { class: 'annual' },
    h('h3', {}, t.digests.annualHeading),
    h('label', { class: 'inline', for: 'annual-year' }, t.digests.year, ' ', year),
    ' ',
    make,
    out,
  );
}
