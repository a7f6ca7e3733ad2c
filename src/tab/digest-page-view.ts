import type { DigestBlock, DigestPageResponse } from '../tab-api/contract';
import { chartNotes, legend, lineChart } from './chart';
import { h } from './dom';
import type { Texts } from './texts';

/**
 * One monthly digest as a page in the tab: the card's parts in the card's order — the police's
 * figures, the trends with their tables and six-month chart, the matters, measures and tasks with
 * a deadline, the meetings — complete, with every figure a board member reads on the card.
 */
export function digestPage(page: DigestPageResponse, t: Texts): HTMLElement {
  return h(
    'article',
    { class: 'digest-page', 'data-month': page.month, 'aria-labelledby': 'digest-title' },
    h('h3', { id: 'digest-title', class: 'digest-title' }, page.title),
    h('p', { class: 'muted' }, page.subtitle),
    h('p', { class: 'muted small' }, page.stamp),
    ...page.sections.map((sec) => h('section', { class: 'digest-section' }, h('h4', {}, sec.heading), ...sec.blocks.map((b) => block(b, t)))),
  );
}

function block(b: DigestBlock, t: Texts): HTMLElement {
  switch (b.kind) {
    case 'text':
      return h('p', {}, b.text);
    case 'list':
      return h(
        'div',
        { class: 'digest-list-block' },
        b.heading ? h('h5', {}, b.heading) : null,
        b.lines.length ? h('ul', {}, ...b.lines.map((l) => h('li', {}, l))) : h('p', { class: 'muted' }, b.empty),
      );
    case 'table':
      return h(
        'div',
        { class: 'table-scroll' },
        b.heading ? h('h5', {}, b.heading) : null,
        h(
          'table',
          { class: 'data' },
          h('thead', {}, h('tr', {}, ...b.header.map((x, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : '' }, x)))),
          h('tbody', {}, ...b.rows.map((r) => h('tr', {}, ...r.map((c, i) => h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : { class: 'num' }, c))))),
        ),
        b.note ? h('p', { class: 'muted small' }, b.note) : null,
      );
    case 'chart':
      return h(
        'div',
        { class: 'digest-chart' },
        h('h5', {}, b.title),
        h('figure', { class: 'chart-box' }, lineChart(b.series, b.months, t.wheel.months, b.title), legend(b.series)),
        chartNotes(b.series, b.months, t.wheel.months, t.chart),
      );
  }
}
