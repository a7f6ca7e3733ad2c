import type { DigestsResponse } from '../tab-api/contract';
import { h, monthLabel, osloDate, replace } from './dom';
import { fill, type TabLocale, type Texts } from './texts';

/** The Digests section: the archive of monthly digests and the annual report draft download. */
export function digestsSection(root: HTMLElement, t: Texts, locale: TabLocale, data: DigestsResponse): void {
  const body = !data.allowed
    ? h('p', { class: 'muted', 'data-state': 'not-allowed' }, t.digests.notAllowed)
    : data.source === 'unavailable'
      ? h('p', { class: 'muted', 'data-state': 'unavailable' }, t.digests.unavailable)
      : h(
          'div',
          {},
          data.annualReport ? h('p', {}, h('a', { class: 'button', href: data.annualReport.url, target: '_blank', rel: 'noopener', download: '' }, fill(t.digests.annual, { year: data.annualReport.year }))) : null,
          data.items.length
            ? h(
                'ul',
                { class: 'digest-list' },
                ...data.items.map((d) =>
                  h(
                    'li',
                    { 'data-month': d.month },
                    h('strong', {}, monthLabel(d.month, t.wheel.months)),
                    ` · ${d.title}`,
                    d.createdAt ? h('span', { class: 'muted small' }, ` · ${osloDate(d.createdAt, locale)}`) : null,
                    d.url ? h('a', { href: d.url, target: '_blank', rel: 'noopener', class: 'open' }, t.digests.open) : null,
                  ),
                ),
              )
            : h('p', { class: 'muted' }, t.digests.empty),
        );
  replace(root, h('h2', {}, t.digests.heading), body);
}
