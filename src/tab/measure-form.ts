import type {
  Choice,
  ErrorResponse,
  MeasureFormOptions,
  MeasureFormValues,
  MeasureItem,
  MeasureStaleResponse,
  MeasureWriteResponse,
} from '../tab-api/contract';
import { ApiError } from './api';
import { h, replace } from './dom';
import { fill, type Texts } from './texts';

/**
 * The coordinators' measure form in the tab (issue 17): register a measure, or change one against
 * the version it was opened at — the fields of the bot's `measure.save` card, sent to
 * `POST /api/tab/measure-save`, which applies the card verb's rules. A refusal keeps what the person
 * typed: the server's message next to each field; for a stale version, what is stored now under
 * each field that differs, and the version moved on, so saving again replaces it knowingly.
 */
type FieldName = keyof MeasureFormValues | 'status';
type Kind = 'text' | 'area' | 'date' | 'select' | 'checks';

const FIELDS: readonly { name: FieldName; kind: Kind; only?: 'new' | 'edit'; half?: boolean }[] = [
  { name: 'title', kind: 'text' },
  { name: 'description', kind: 'area' },
  { name: 'focusAreas', kind: 'checks' },
  { name: 'level', kind: 'select', half: true },
  { name: 'ownerBodyId', kind: 'select', half: true },
  { name: 'responsible', kind: 'checks' },
  { name: 'plan', kind: 'text' },
  { name: 'start', kind: 'date', half: true },
  { name: 'end', kind: 'date', half: true },
  { name: 'status', kind: 'select', only: 'new' },
  { name: 'evaluationMethod', kind: 'text', only: 'edit' },
  { name: 'evaluation', kind: 'area', only: 'edit' },
  { name: 'conclusion', kind: 'select', only: 'edit' },
];

export interface MeasureFormHooks {
  save(data: Record<string, unknown>): Promise<MeasureWriteResponse>;
  /** Saved (or found saved already): the section shows the register again with the message. */
  saved(r: MeasureWriteResponse): void;
  cancel(): void;
}

/** «31. januar 2027» for a day YYYY-MM-DD, in the page's language. */
function dayText(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const locale = document.documentElement.lang === 'en' ? 'en-GB' : 'nb-NO';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A new form id per opened form: the server registers a form once, however often it is sent. */
function formId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The choices a field offers; a measure keeps focus areas of another year under their stored labels. */
function choicesOf(name: FieldName, o: MeasureFormOptions, m: MeasureItem | undefined): readonly Choice[] {
  switch (name) {
    case 'focusAreas':
      return [...o.focusAreas, ...(m?.edit?.otherAreas ?? []).filter((a) => !o.focusAreas.some((x) => x.value === a.value))];
    case 'responsible':
      return o.responsibles;
    case 'level':
      return o.levels;
    case 'ownerBodyId':
      return o.bodies;
    case 'status':
      return o.states;
    case 'conclusion':
      return o.conclusions;
    default:
      return [];
  }
}

export function measureForm(t: Texts, options: MeasureFormOptions, measure: MeasureItem | undefined, hooks: MeasureFormHooks): HTMLFormElement {
  const e = t.measures.edit;
  const mode = measure ? 'edit' : 'new';
  const start: Record<string, string | readonly string[]> = measure?.edit?.values
    ? { ...measure.edit.values }
    : { ownerBodyId: options.defaultOwner ?? '', status: 'planned', focusAreas: [], responsible: [] };
  let version = measure?.edit?.version ?? 0;
  const id = formId();
  const prefix = measure ? `m-${measure.id}` : 'm-new';
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });
  const errors = new Map<string, HTMLElement>();
  const stored = new Map<string, HTMLElement>();

  const control = (f: (typeof FIELDS)[number]): HTMLElement => {
    const fid = `${prefix}-${f.name}`;
    const value = start[f.name] ?? '';
    const attrs = { id: fid, name: f.name, 'aria-describedby': `${fid}-err` };
    if (f.kind === 'checks') {
      const chosen = new Set(Array.isArray(value) ? value : []);
      return h(
        'div',
        { class: 'checks', role: 'group', 'aria-labelledby': `${fid}-label`, 'aria-describedby': `${fid}-err` },
        ...choicesOf(f.name, options, measure).map((c) =>
          h('label', { class: 'check' }, h('input', { type: 'checkbox', name: f.name, value: c.value, checked: chosen.has(c.value) }), ` ${c.label}`),
        ),
      );
    }
    if (f.kind === 'select') {
      const blank = f.name === 'level' || f.name === 'conclusion' ? [h('option', { value: '' }, e.choose)] : [];
      return h(
        'select',
        attrs,
        ...blank,
        ...choicesOf(f.name, options, measure).map((c) => h('option', { value: c.value, selected: c.value === value }, c.label)),
      );
    }
    if (f.kind === 'area') {
      const area = h('textarea', { ...attrs, rows: 3 });
      area.value = String(value);
      return area;
    }
    const input = h('input', { ...attrs, type: f.kind === 'date' ? 'date' : 'text', placeholder: e.placeholders[f.name] });
    input.value = String(value);
    return input;
  };

  const fields = FIELDS.filter((f) => !f.only || f.only === mode).map((f) => {
    const fid = `${prefix}-${f.name}`;
    const err = h('p', { class: 'field-error', id: `${fid}-err`, hidden: true });
    const was = h('p', { class: 'stored small', hidden: true });
    errors.set(f.name, err);
    stored.set(f.name, was);
    const label = h(
      f.kind === 'checks' ? 'span' : 'label',
      { class: 'label', id: `${fid}-label`, ...(f.kind === 'checks' ? {} : { for: fid }) },
      e.fields[f.name],
    );
    return h('div', { class: `field${f.half ? ' half' : ''}`, 'data-field': f.name }, label, control(f), err, was);
  });

  const submit = h('button', { type: 'submit' }, e.save);
  const form = h(
    'form',
    { class: 'measure-form', novalidate: true, 'data-mode': mode, 'aria-label': measure ? `${e.editTitle}: ${measure.title}` : e.newTitle },
    h('h4', {}, measure ? `${e.editTitle}: ${measure.title}` : e.newTitle),
    notice,
    h('div', { class: 'form-grid' }, ...fields),
    h('div', { class: 'form-actions' }, submit, ' ', h('button', { type: 'button', onclick: () => hooks.cancel() }, e.cancel)),
  );

  /** What the person has typed, in the form's shape. */
  const read = (): Record<string, string | string[]> => {
    const out: Record<string, string | string[]> = {};
    for (const f of FIELDS.filter((x) => !x.only || x.only === mode)) {
      if (f.kind === 'checks') out[f.name] = Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${f.name}"]:checked`), (c) => c.value);
      else out[f.name] = (form.elements.namedItem(f.name) as HTMLInputElement | null)?.value ?? '';
    }
    return out;
  };

  const show = (kind: 'attention' | 'warning', text: string): void => {
    notice.hidden = false;
    notice.className = `notice ${kind}`;
    notice.textContent = text;
  };

  /** The field's control (a group of checkboxes counts as one). */
  const controlOf = (name: string): HTMLElement | null => form.querySelector(`[data-field="${name}"] .checks, [data-field="${name}"] [name="${name}"]`);

  const clear = (): void => {
    notice.hidden = true;
    for (const [name, el] of [...errors, ...stored]) {
      el.hidden = true;
      el.textContent = '';
      controlOf(name)?.removeAttribute('aria-invalid');
    }
  };

  /** Under each field changed meanwhile (or, when the server does not say which, each that differs from the input): what is stored now. */
  const showStored = (current: MeasureFormValues, typed: Record<string, string | string[]>, changed: readonly string[] | undefined): void => {
    for (const f of FIELDS) {
      const el = stored.get(f.name);
      if (!el || f.name === 'status') continue;
      const now = current[f.name as keyof MeasureFormValues];
      const mine = typed[f.name] ?? '';
      const same = Array.isArray(now) ? [...now].sort().join(',') === [...(mine as string[])].sort().join(',') : now === mine;
      if (changed ? !changed.includes(f.name) : same) continue;
      const shown = (v: string): string =>
        f.kind === 'date'
          ? dayText(v)
          : f.kind === 'select' || f.kind === 'checks'
            ? (choicesOf(f.name, options, measure).find((c) => c.value === v)?.label ?? v)
            : v;
      const text = Array.isArray(now) ? now.map(shown).join(', ') : shown(now as string);
      el.hidden = false;
      el.textContent = fill(e.stored, { value: text || e.empty });
    }
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clear();
    const typed = read();
    const data: Record<string, unknown> = measure ? { ...typed, measureId: measure.id, version } : { ...typed, formId: id };
    submit.disabled = true;
    submit.textContent = e.saving;
    hooks
      .save(data)
      .then((r) => hooks.saved(r))
      .catch((err: unknown) => {
        const body = err instanceof ApiError ? (err.body as (ErrorResponse & Partial<MeasureStaleResponse>) | undefined) : undefined;
        if (!body) return show('attention', t.failed);
        if (body.error === 'stale' && body.current?.edit) {
          // Nothing saved: the input stays, the stored values show, and saving again replaces them.
          version = body.current.edit.version;
          showStored(body.current.edit.values, typed, body.changed);
          return show('warning', body.message);
        }
        show('attention', body.message);
        for (const [name, message] of Object.entries(body.fields ?? {})) {
          const el = errors.get(name);
          if (!el) continue;
          el.hidden = false;
          el.textContent = message;
          controlOf(name)?.setAttribute('aria-invalid', 'true');
        }
        const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
        (first?.matches('.checks') ? first.querySelector<HTMLElement>('input') : first)?.focus();
      })
      .finally(() => {
        submit.disabled = false;
        replace(submit, e.save);
      });
  });
  return form;
}
