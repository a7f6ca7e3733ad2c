import type { EscalationItem, EscalationsResponse } from '../tab-api/contract';
import type { Api } from './api';
import { h, osloDate, replace } from './dom';
import { fill, type TabLocale, type Texts } from './texts';

const LEVELS = ['youthTeam', 'coordinationGroup', 'board'] as const;
const STATE_ORDER = ['proposed', 'accepted', 'escalated', 'declined', 'resolved', 'decided'];

/**
 * The Escalations section: a board with one column per level (youth teams, coordination group,
 * board), the matters sitting there grouped by state, each with its history from the audit log.
 */
export function escalationsSection(root: HTMLElement, a: Api, t: Texts, locale: TabLocale, first: EscalationsResponse): void {
  const board = h('div', { class: 'board' });
  const toggle = h('input', { type: 'checkbox', id: 'esc-closed' });
  toggle.addEventListener('change', () => {
    void a
      .escalations(toggle.checked ? 'all' : 'open')
      .then((data) => renderBoard(board, data, t, locale))
      .catch(() => replace(board, h('p', { class: 'field-error', role: 'alert' }, t.failed)));
  });
  replace(root, h('h2', {}, t.escalations.heading), h('label', { class: 'inline', for: 'esc-closed' }, toggle, ` ${t.escalations.showClosed}`), board);
  renderBoard(board, first, t, locale);
}

function renderBoard(board: HTMLElement, data: EscalationsResponse, t: Texts, locale: TabLocale): void {
  replace(
    board,
    ...LEVELS.map((level) => {
      const here = data.items.filter((e) => e.levelKind === level).sort((x, y) => STATE_ORDER.indexOf(x.state) - STATE_ORDER.indexOf(y.state));
      return h(
        'section',
        { class: 'column', 'data-level': level, 'aria-label': t.escalations.levels[level] },
        h('h3', {}, t.escalations.levels[level], ' ', h('span', { class: 'count' }, here.length)),
        here.length ? h('ul', { class: 'matters' }, ...here.map((e) => matter(e, t, locale))) : h('p', { class: 'muted' }, t.escalations.none),
      );
    }),
  );
}

function matter(e: EscalationItem, t: Texts, locale: TabLocale): HTMLElement {
  return h(
    'li',
    { class: `matter state-${e.state}`, 'data-escalation-id': e.id, 'data-state': e.state },
    h(
      'div',
      { class: 'trend-head' },
      h('span', { class: `badge state-${e.state}` }, t.escalations.states[e.state] ?? e.state),
      h('span', { class: 'muted' }, osloDate(e.updatedAt, locale)),
    ),
    h('strong', { class: 'matter-title' }, e.title || '—'),
    h(
      'p',
      { class: 'muted small' },
      fill(t.escalations.from, { body: e.originBodyName }),
      e.levelBodyName && e.levelBodyName !== e.originBodyName ? ` → ${e.levelBodyName}` : '',
    ),
    e.description ? h('p', { class: 'matter-text' }, e.description) : null,
    e.decision ? h('p', { class: 'small' }, h('strong', {}, `${t.escalations.decision}: `), e.decision) : null,
    e.measure ? h('p', { class: 'small' }, h('strong', {}, `${t.escalations.measure}: `), e.measure) : null,
    h(
      'details',
      { class: 'history' },
      h('summary', {}, fill(t.escalations.history, { n: e.history.length })),
      h(
        'ol',
        {},
        ...e.history.map((s) =>
          h(
            'li',
            { 'data-verb': s.verb },
            `${osloDate(s.at, locale)}: ${t.escalations.verbs[s.verb] ?? s.verb}`,
            s.fromState ? ` (${t.escalations.states[s.fromState] ?? s.fromState} → ${t.escalations.states[s.toState] ?? s.toState})` : '',
            s.actorName ? ` · ${s.actorName}` : '',
            s.note ? h('div', { class: 'muted small' }, s.note) : null,
          ),
        ),
      ),
    ),
  );
}
