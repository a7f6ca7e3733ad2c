import type { DevPeopleResponse } from '../tab-api/contract';
import { h, replace } from './dom';
import { applyTheme, asTheme, type Theme } from './host';
import type { Texts } from './texts';

export interface DevChoice {
  readonly user: string;
  readonly tenant: string;
}

/**
 * Development mode only (the server offers `/api/tab/dev/people` only then): a visible banner
 * and a picker of whom to view the tab as — the people the server knows (administrators, role
 * holders, channel members, trend reporters) or any id typed in — and the theme to preview.
 * The choice also goes into the address (`?devUser=…&devTenant=…`) so a reload keeps it.
 */
export function devPicker(
  root: HTMLElement,
  banner: HTMLElement,
  t: Texts,
  people: DevPeopleResponse,
  initial: Partial<DevChoice>,
  theme: Theme,
  onPick: (c: DevChoice) => void,
): void {
  banner.hidden = false;
  banner.textContent = t.devBanner;
  // A text field with the known tenants as suggestions: with no SLT_TENANT_IDS and no bodies yet, one can still be typed.
  const tenant = h('input', {
    id: 'dev-tenant',
    type: 'text',
    list: 'dev-tenants',
    value: initial.tenant ?? people.tenants[0] ?? '',
    autocomplete: 'off',
    size: 38,
  });
  const tenants = h('datalist', { id: 'dev-tenants' }, ...people.tenants.map((id) => h('option', { value: id })));
  const person = h(
    'select',
    { id: 'dev-person' },
    h('option', { value: '' }, '—'),
    ...people.people.map((p) =>
      h('option', { value: p.id, 'data-tenant': p.tenantId, selected: p.id === initial.user }, `${p.name}${p.roles.length ? ` (${p.roles.join(', ')})` : ''}`),
    ),
  );
  const free = h('input', {
    id: 'dev-id',
    type: 'text',
    placeholder: 'aad-…',
    value: initial.user && !people.people.some((p) => p.id === initial.user) ? initial.user : '',
    autocomplete: 'off',
  });
  const themeSelect = h(
    'select',
    { id: 'dev-theme' },
    ...(['default', 'dark', 'contrast'] as const).map((k) => h('option', { value: k, selected: k === theme }, t.themes[k])),
  );
  themeSelect.addEventListener('change', () => applyTheme(asTheme(themeSelect.value)));
  person.addEventListener('change', () => {
    const chosen = person.selectedOptions[0]?.dataset.tenant;
    if (chosen) tenant.value = chosen;
    free.value = '';
  });
  const show = (e?: Event): void => {
    e?.preventDefault();
    const user = free.value.trim() || person.value;
    const tid = tenant.value.trim();
    if (!user || !tid) return;
    const url = new URL(location.href);
    url.searchParams.set('devUser', user);
    url.searchParams.set('devTenant', tid);
    history.replaceState(null, '', url);
    onPick({ user, tenant: tid });
  };
  replace(
    root,
    h(
      'form',
      { class: 'dev-picker', onsubmit: show },
      h('strong', {}, t.devPick),
      h('label', { for: 'dev-person' }, h('span', {}, t.devPerson), person),
      h('label', { for: 'dev-id' }, h('span', {}, t.devFreeId), free),
      h('label', { for: 'dev-tenant' }, h('span', {}, t.devTenant), tenant, tenants),
      h('button', { type: 'submit', id: 'dev-show' }, t.devShow),
      h('label', { for: 'dev-theme' }, h('span', {}, t.devTheme), themeSelect),
    ),
  );
  root.hidden = false;
}
