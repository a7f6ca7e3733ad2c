import type { FocusAreaStatusItem, MeasureFormOptions, MeasureItem, MeasuresResponse } from '../tab-api/contract';
import type { Api } from './api';
import { h, replace } from './dom';
import { areaTextEditor, type Saved, statusControl } from './measure-edits';
import { measureForm } from './measure-form';
import { fill, type Texts } from './texts';

/**
 * The Measures section (issue 17): the status per focus area of a year (measures by status, trend
 * topics, lifted matters, the coordinators' status text) and the measures register, grouped by
 * level, each with its status, evaluation and conclusion. Coordinators also register a measure,
 * change one, set its status and write the focus areas' status texts here (the server applies the
 * card verbs' rules); everyone else reads.
 */
export function measuresSection(root: HTMLElement, a: Api, t: Texts, first: MeasuresResponse): void {
  /** Shows a year again, with a message about what was just stored. */
  const reload = (year: number, message?: string): void => {
    void a
      .measures(year)
      .then((data) => render(data, message))
      .catch(() => replace(root, h('p', { class: 'field-error', role: 'alert' }, t.failed)));
  };
  const render = (data: MeasuresResponse, message?: string): void => {
    const saved: Saved = (m) => reload(data.year, m);
    const year = h('select', { id: 'measures-year' }, ...data.years.map((y) => h('option', { value: y, selected: y === data.year }, y)));
    year.addEventListener('change', () => reload(Number(year.value)));
    const form = data.form;
    const newBox = h('div', { id: 'measure-new' });
    const openNew = form
      ? h(
          'button',
          {
            type: 'button',
            id: 'measure-new-open',
            class: 'primary',
            onclick: () => {
              openNew!.hidden = true;
              const close = (): void => {
                replace(newBox);
                openNew!.hidden = false;
              };
              replace(newBox, measureForm(t, form, undefined, { save: a.saveMeasure, saved: (r) => reload(data.year, r.message), cancel: close }));
              newBox.querySelector('input')?.focus();
            },
          },
          t.measures.edit.newMeasure,
        )
      : null;
    replace(
      root,
      h(
        'div',
        { class: 'wheel-head' },
        h('h2', {}, fill(t.measures.heading, { year: data.year })),
        h('label', { class: 'inline', for: 'measures-year' }, t.measures.year, ' ', year),
      ),
      message ? h('p', { class: 'notice good', role: 'status', id: 'measures-notice' }, message) : null,
      h('p', { class: 'muted small' }, form ? t.measures.howCoordinator : t.measures.how),
      h('h3', {}, t.measures.status),
      data.areas.length
        ? h('div', { class: 'area-grid' }, ...data.areas.map((x) => area(x, t, form ? areaTextEditor(a, t, data.year, x, saved) : null)))
        : h('p', { class: 'muted' }, t.measures.noAreas),
      h('div', { class: 'register-head' }, h('h3', {}, t.measures.register), openNew),
      newBox,
      ...(data.levels.length
        ? data.levels.map((l) => level(l.label, l.items, t, l.level, form ? { a, form, saved } : undefined))
        : [h('p', { class: 'muted', 'data-state': 'empty' }, fill(t.measures.empty, { year: data.year }))]),
    );
    // The person pressed «Lagre» further down: bring the outcome into view.
    if (message) root.querySelector('#measures-notice')?.scrollIntoView({ block: 'nearest' });
  };
  render(first);
}

/** What a coordinator's rows need to edit. */
interface Editing {
  readonly a: Api;
  readonly form: MeasureFormOptions;
  readonly saved: Saved;
}

function area(x: FocusAreaStatusItem, t: Texts, editor: HTMLElement | null): HTMLElement {
  return h(
    'section',
    { class: 'area-card', 'data-area': x.id, 'aria-label': x.label },
    h('strong', {}, x.label),
    h('p', { class: 'small' }, x.measures),
    h('p', { class: 'small' }, x.topics),
    h('p', { class: 'small' }, x.matters),
    x.text ? h('p', { class: 'area-text' }, x.text) : h('p', { class: 'muted small' }, t.measures.noText),
    x.by ? h('p', { class: 'muted small' }, x.by) : null,
    editor,
  );
}

function level(label: string, items: readonly MeasureItem[], t: Texts, key: string, editing: Editing | undefined): HTMLElement {
  const c = t.measures.cols;
  return h(
    'div',
    { class: 'measure-level', 'data-level': key },
    h('h4', {}, label, ' ', h('span', { class: 'count' }, items.length)),
    h(
      'table',
      { class: 'measures' },
      h('thead', {}, h('tr', {}, ...[c.measure, c.area, c.responsible, c.period, c.status, c.evaluation].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...items.map((m) => row(m, t, editing))),
    ),
  );
}

function row(m: MeasureItem, t: Texts, editing: Editing | undefined): HTMLElement {
  const d = t.measures;
  const facts: [string, string | undefined][] = [
    [d.owner, m.ownerBodyName],
    [d.plan, m.plan],
    [d.source, m.source],
    [d.method, m.evaluationMethod],
    [d.statusSet, m.statusSet],
  ];
  const canEdit = editing && m.edit;
  const tr = h(
    'tr',
    { 'data-measure-id': m.id, 'data-standing': m.standing },
    h(
      'td',
      {},
      h('strong', { class: 'matter-title' }, m.title),
      h(
        'details',
        { class: 'history' },
        h('summary', {}, d.details),
        m.description ? h('p', { class: 'matter-text' }, m.description) : null,
        h('dl', { class: 'facts' }, ...facts.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      ),
      canEdit ? h('button', { type: 'button', class: 'small-button measure-edit', onclick: () => openEdit() }, d.edit.edit) : null,
    ),
    h('td', {}, m.focusAreas.join(', ')),
    h('td', {}, m.responsible),
    h('td', {}, m.period),
    h(
      'td',
      {},
      h('span', { class: `badge standing-${m.standing}` }, m.statusText),
      canEdit ? statusControl(editing.a, t, m, editing.form.states, editing.saved) : null,
    ),
    h('td', {}, m.evaluation ?? '', m.conclusion ? h('div', { class: 'small' }, h('strong', {}, `${d.conclusion}: `), m.conclusion) : null),
  );
  /** The edit form in a row of its own under the measure. */
  const openEdit = (): void => {
    if (!editing || tr.nextElementSibling?.classList.contains('edit-row')) return;
    const cell = h('td', { colspan: 6 });
    const editRow = h('tr', { class: 'edit-row', 'data-edit-for': m.id }, cell);
    cell.append(measureForm(t, editing.form, m, { save: editing.a.saveMeasure, saved: (r) => editing.saved(r.message), cancel: () => editRow.remove() }));
    tr.after(editRow);
    cell.querySelector('input')?.focus();
  };
  return tr;
}
