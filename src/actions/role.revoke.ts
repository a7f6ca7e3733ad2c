import { showRoles } from '../app/roles';
import type { Services } from '../app/services';
import { type Catalogue, pick } from '../i18n';
import { roleForm, roleSchema, roleText, targetName } from './role.grant';
import type { ActionDef } from './types';

const text: Catalogue<{ revoked: string; notHeld: string; configured: string; lastAdmin: string }> = {
  nb: {
    revoked: '{name} er ikke lenger {role}.',
    notHeld: '{name} var ikke {role}. Ingenting er endret.',
    configured: '{name} er administrator fra oppsettet (SLT_ADMINS) og kan ikke fjernes i boten. Be driftsansvarlig endre SLT_ADMINS.',
    lastAdmin: '{name} er den siste administratoren og kan ikke fjernes. Gi rollen til en annen først.',
  },
  en: {
    revoked: '{name} is no longer {role}.',
    notHeld: '{name} was not {role}. Nothing was changed.',
    configured: '{name} is an administrator from the configuration (SLT_ADMINS) and cannot be removed in the bot. Ask operations to change SLT_ADMINS.',
    lastAdmin: '{name} is the last administrator and cannot be removed. Grant the role to someone else first.',
  },
};

/** True when the tenant has an administrator other than `except`. */
async function anotherAdmin(services: Services, tenantId: string, except: string): Promise<boolean> {
  if (services.config.admins.length > 0) return true; // SLT_ADMINS cannot be revoked here
  return (await services.roles.list(tenantId)).some((r) => r.admin && r.aadObjectId !== except);
}

/**
 * `role.revoke`: an administrator removes a role (idempotent). SLT_ADMINS administrators cannot be
 * revoked here, and the last administrator is kept: checked before the write, and checked again
 * after it — two administrators revoking each other at the same moment would both pass the first
 * check, so whoever then sees no administrator left puts the role back and refuses.
 */
export const roleRevoke: ActionDef<typeof roleSchema> = {
  audience: 'admin',
  schema: roleSchema,
  async handle(req, services) {
    const { aadObjectId, role } = req.data;
    const t = pick(req.locale, text);
    const tenantId = req.actor.tenantId;
    const name = (await targetName(req, services)) ?? (await services.roles.get(tenantId, aadObjectId))?.name ?? aadObjectId;
    const refuse = async (template: string) =>
      ({
        type: 'card',
        card: await showRoles(req, services, { values: req.data, result: { text: roleText(req.locale, template, name, role), ok: false } }),
      }) as const;

    if (role === 'admin' && services.config.admins.includes(aadObjectId)) return refuse(t.configured);
    if (role === 'admin' && !(await anotherAdmin(services, tenantId, aadObjectId))) return refuse(t.lastAdmin);
    const at = req.now.toISOString();
    const changed = await services.roles.set(tenantId, aadObjectId, role, false, req.actor.id, at);
    if (changed && role === 'admin' && !(await anotherAdmin(services, tenantId, aadObjectId))) {
      await services.roles.set(tenantId, aadObjectId, 'admin', true, req.actor.id, at);
      return refuse(t.lastAdmin);
    }
    services.log.info({ cid: req.correlationId, role, changed }, 'role revoked');
    const result = { text: roleText(req.locale, changed ? t.revoked : t.notHeld, name, role), ok: true };
    return { type: 'card', card: await showRoles(req, services, { values: { role }, result }) };
  },
  form: roleForm,
};
