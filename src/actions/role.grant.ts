import { z } from 'zod';
import { pickableMembers, showRoles } from '../app/roles';
import type { Services } from '../app/services';
import { cleanText } from '../domain/trends';
import type { ActionRequest, FieldError } from '../handler-types';
import { type Catalogue, format, type Locale, pick } from '../i18n';
import { roleLabel } from '../views/roles';
import type { ActionDef } from './types';

/** Longest display name stored with a role. */
const MAX_ROLE_NAME = 200;

/** Data of `role.grant` / `role.revoke`. Entra object ids are GUIDs; letters, digits and '-' only. */
export const roleSchema = z.object({
  aadObjectId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/),
  role: z.enum(['coordinator', 'admin', 'police']),
});
export type RoleData = z.infer<typeof roleSchema>;

const text: Catalogue<{ badId: string; granted: string; already: string }> = {
  nb: {
    badId: 'Velg en person, eller skriv personens Entra-objekt-ID (bokstaver, tall og bindestrek).',
    granted: '{name} er nå {role}.',
    already: '{name} var allerede {role}. Ingenting er endret.',
  },
  en: {
    badId: "Choose a person, or type the person's Entra object ID (letters, digits and hyphens).",
    granted: '{name} is now {role}.',
    already: '{name} already was {role}. Nothing was changed.',
  },
};

/** The target's display name from the team roster, if there is one. */
export async function targetName(req: ActionRequest<RoleData>, services: Services): Promise<string | undefined> {
  const members = await pickableMembers(services, req.place, req.correlationId);
  // Stored with the role and shown on cards: the roster's display name is text from outside, cleaned like typed text.
  const name = members?.find((m) => m.aadObjectId === req.data.aadObjectId)?.name;
  return (name && cleanText(name).slice(0, MAX_ROLE_NAME)) || undefined;
}

/** The roles card again with the user's input kept and errors next to the fields. */
export async function roleForm(req: ActionRequest<Record<string, unknown>>, errors: readonly FieldError[], services: Services) {
  const t = pick(req.locale, text);
  const clarified = errors.map((e) => (e.field === 'aadObjectId' && req.data.aadObjectId ? { ...e, message: t.badId } : e));
  return { type: 'card' as const, card: await showRoles(req, services, { values: req.data, errors: clarified }) };
}

export function roleText(locale: Locale, template: string, name: string, role: RoleData['role']): string {
  return format(template, { name, role: roleLabel(locale, role) });
}

/** `role.grant`: an administrator gives someone the coordinator or administrator role (idempotent). */
export const roleGrant: ActionDef<typeof roleSchema> = {
  audience: 'admin',
  schema: roleSchema,
  async handle(req, services) {
    const { aadObjectId, role } = req.data;
    const t = pick(req.locale, text);
    const name = await targetName(req, services);
    const configuredAdmin = role === 'admin' && services.config.admins.includes(aadObjectId);
    const changed = !configuredAdmin && (await services.roles.set(req.actor.tenantId, aadObjectId, role, true, req.actor.id, req.now.toISOString(), name));
    services.log.info({ cid: req.correlationId, role, changed }, 'role granted');
    const result = { text: roleText(req.locale, changed ? t.granted : t.already, name ?? aadObjectId, role), ok: true };
    return { type: 'card', card: await showRoles(req, services, { values: { role }, result }) };
  },
  form: roleForm,
};
