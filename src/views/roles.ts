import type { CardJson, FieldError } from '../handler-types';
import { type Catalogue, type Locale, pick } from '../i18n';
import { errorMap, keptText } from './form';
import { renderCard } from './render';

export type RoleName = 'coordinator' | 'admin' | 'police';
export const ROLE_FIELDS = ['aadObjectId', 'role'] as const;

/** One person with a role, as the card lists them. */
export interface RoleHolder {
  readonly aadObjectId: string;
  readonly name?: string;
  readonly admin: boolean;
  /** Administrator through SLT_ADMINS (cannot be revoked in the bot). */
  readonly configured: boolean;
  readonly coordinator: boolean;
  /** Enters the police's statistics (issue 16). */
  readonly police?: boolean;
}

const text: Catalogue<{
  title: string;
  intro: string;
  nobody: string;
  footer: string;
  roles: Record<RoleName, string>;
  configured: string;
  labels: Record<string, string>;
}> = {
  nb: {
    title: 'Roller i SLT-boten',
    intro:
      'Koordinatorer registrerer kanaler, planlegger møter og følger opp saker. Politikontakter legger inn politiets statistikk. Administratorer gir og fjerner roller.',
    nobody: 'Ingen har fått roller ennå.',
    footer: 'Administratorer fra oppsettet (SLT_ADMINS) kan bare endres der. Den siste administratoren kan ikke fjernes.',
    roles: { coordinator: 'SLT-koordinator', admin: 'administrator', police: 'politikontakt' },
    configured: 'administrator (SLT_ADMINS)',
    labels: {
      person: 'Person i teamet',
      personPlaceholder: 'Søk etter navn',
      objectId: 'Personens Entra-objekt-ID',
      role: 'Rolle',
      required: 'Feltet må fylles ut.',
      grant: 'Gi rollen',
      revoke: 'Fjern rollen',
    },
  },
  en: {
    title: 'Roles in SLT-boten',
    intro:
      "Coordinators register channels, schedule meetings and follow up matters. Police contacts enter the police's statistics. Administrators grant and revoke roles.",
    nobody: 'Nobody has been given a role yet.',
    footer: 'Administrators from the configuration (SLT_ADMINS) can only be changed there. The last administrator cannot be removed.',
    roles: { coordinator: 'SLT coordinator', admin: 'administrator', police: 'police contact' },
    configured: 'administrator (SLT_ADMINS)',
    labels: {
      person: 'Person in the team',
      personPlaceholder: 'Search by name',
      objectId: "The person's Entra object ID",
      role: 'Role',
      required: 'This field is required.',
      grant: 'Grant the role',
      revoke: 'Revoke the role',
    },
  },
};

/** 'SLT-koordinator' / 'administrator'. */
export function roleLabel(locale: Locale, role: RoleName): string {
  return pick(locale, text).roles[role];
}

export interface RolesCardInput {
  readonly holders: readonly RoleHolder[];
  /** People to pick from (the team's roster); undefined → type the object id. */
  readonly choices?: readonly { readonly name: string; readonly aadObjectId: string }[];
  readonly values: Record<string, unknown>;
  readonly errors?: readonly FieldError[];
  readonly result?: { readonly text: string; readonly ok: boolean };
}

/** The roles card: who holds which role, and the grant/revoke form. */
export function rolesCard(locale: Locale, input: RolesCardInput): CardJson {
  const t = pick(locale, text);
  const people = input.holders.map((h) => ({
    name: h.name || h.aadObjectId,
    roles: [h.configured ? t.configured : h.admin ? t.roles.admin : '', h.coordinator ? t.roles.coordinator : '', h.police ? t.roles.police : '']
      .filter(Boolean)
      .join(', '),
  }));
  const choices = input.choices
    ? [...input.choices].sort((a, b) => a.name.localeCompare(b.name, 'nb')).map((c) => ({ title: c.name || c.aadObjectId, value: c.aadObjectId }))
    : [];
  const data = {
    title: t.title,
    intro: t.intro,
    nobody: t.nobody,
    footer: t.footer,
    labels: t.labels,
    people,
    choices,
    roleChoices: (['coordinator', 'police', 'admin'] as const).map((r) => ({ title: t.roles[r], value: r })),
    result: input.result?.text ?? '',
    err: errorMap(ROLE_FIELDS, input.errors ?? []),
  };
  const form = { aadObjectId: keptText(input.values.aadObjectId, 200), role: keptText(input.values.role, 20) || 'coordinator' };
  return renderCard('roles', data, {
    form,
    hasRoster: !!input.choices && input.choices.length > 0,
    resultColor: input.result?.ok === false ? 'Attention' : 'Good',
  });
}
