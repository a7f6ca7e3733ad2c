import type { Choice, ErrorResponse, FocusAreaStatusItem, FocusStatusStaleResponse, MeasureItem, MeasureStaleResponse } from '../tab-api/contract';
import { type Api, ApiError } from './api';
import { h, replace } from './dom';
import { fill, type Texts } from './texts';

/**
 * The coordinators' small edits in the «Tiltak» section (issue 17): a measure's status (as the
 * card's «Endre status», `POST /api/tab/measure-status`) and a focus area's status text for the
 * year (as `focusStatus.save`, `POST /api/tab/focus-status`). Both are sent against the version
 * shown; a refusal keeps the person's choice or text and says why next to it — for a stale
 * version, what is stored now, and the version moves on so the next try replaces it knowingly.
 */

/** Called after a change was stored, with the server's message: the section reloads. */
export type Saved = (message: string) => void;

/** The status of one measure: the states, and «Endre status». */
export function statusControl(a: Api, t: Texts, m: MeasureItem, states: readonly Choice[], saved: Saved): HTMLElement {
  const e = t.measures.edit;
  const edit = m.edit!;
  let version = edit.version;
  const fid = `status-${m.id}`;
  const select = h(
    'select',
    { id: fid, class: 'measure-status', 'aria-label': `${e.status}: ${m.title}`, 'aria-describedby': `${fid}-err` },
    ...states.map((s) => h('option', { value: s.value, selected: s.value === edit.state }, s.label)),
  );
  const err = h('p', { class: 'field-error small', id: `${fid}-err`, role: 'alert', hidden: true });
  const button = h('button', { type: 'button', class: 'small-button' }, e.setStatus);
  button.addEventListener('click', () => {
    err.hidden = true;
    button.disabled = true;
    a.setMeasureStatus({ measureId: m.id, status: select.value, version })
      .then((r) => saved(r.message))
      .catch((error: unknown) => {
        const body = error instanceof ApiError ? (error.body as (ErrorResponse & Partial<MeasureStaleResponse>) | undefined) : undefined;
        if (body?.error === 'stale' && body.current?.edit) version = body.current.edit.version;
        err.hidden = false;
        err.textContent = body?.fields?.status ?? body?.message ?? t.failed;
        select.setAttribute('aria-invalid', 'true');
      })
      .finally(() => (button.disabled = false));
  });
  return h('div', { class: 'status-edit' }, select, button, err);
}

/** A focus area's status text: the text as stored, and a button to write it, replaced by the editor. */
export function areaTextEditor(a: Api, t: Texts, year: number, x: FocusAreaStatusItem, saved: Saved): HTMLElement {
  const e = t.measures.edit;
  const box = h('div', { class: 'area-edit' });
  let version = x.edit?.version ?? 0;
  const open = (): void => {
    const fid = `area-text-${x.id}`;
    const area = h('textarea', { id: fid, rows: 5, 'aria-describedby': `${fid}-hint ${fid}-err` });
    area.value = x.edit?.text ?? '';
    const err = h('p', { class: 'field-error small', id: `${fid}-err`, role: 'alert', hidden: true });
    const save = h('button', { type: 'submit' }, e.save);
    const form = h(
      'form',
      { class: 'area-form', novalidate: true },
      h('label', { for: fid, class: 'label' }, fill(e.textLabel, { area: x.label })),
      h('p', { class: 'muted small', id: `${fid}-hint` }, e.textHint),
      area,
      err,
      h('div', { class: 'form-actions' }, save, ' ', h('button', { type: 'button', onclick: () => replace(box, button) }, e.cancel)),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      err.hidden = true;
      area.removeAttribute('aria-invalid');
      save.disabled = true;
      a.saveFocusStatus({ year, focusAreaId: x.id, text: area.value, version })
        .then((r) => saved(r.message))
        .catch((error: unknown) => {
          const body = error instanceof ApiError ? (error.body as (ErrorResponse & Partial<FocusStatusStaleResponse>) | undefined) : undefined;
          // Stale: the message quotes the stored text; the person's text stays, and saving again replaces it.
          if (body?.error === 'stale' && typeof body.version === 'number') version = body.version;
          err.hidden = false;
          err.textContent = body?.fields?.text ?? body?.fields?.focusAreaId ?? body?.message ?? t.failed;
          area.setAttribute('aria-invalid', 'true');
          area.focus();
        })
        .finally(() => (save.disabled = false));
    });
    replace(box, form);
    area.focus();
  };
  const button = h('button', { type: 'button', class: 'small-button', onclick: open }, x.edit?.text ? e.editText : e.writeText);
  replace(box, button);
  return box;
}
