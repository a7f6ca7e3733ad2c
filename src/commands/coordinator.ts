import { showRoles } from '../app/roles';
import type { CommandDef } from './types';

/** `koordinator` / `coordinator`: who holds which role, and the form to grant or revoke one. */
export const coordinatorCommand: CommandDef = {
  id: 'coordinator',
  words: { nb: 'koordinator', en: 'coordinator' },
  audience: 'admin',
  describe: {
    nb: 'Viser hvem som er koordinatorer og administratorer, og lar deg gi eller fjerne rollen.',
    en: 'Shows the coordinators and administrators, and lets you grant or revoke the role.',
  },
  async handle(req, services) {
    return [{ type: 'card', card: await showRoles(req, services) }];
  },
};
