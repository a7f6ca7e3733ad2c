import { readersOfBodies } from '../app/body-readers';
import { statusCard } from '../views/status';
import type { CommandDef } from './types';

/**
 * `status` (coordinators): is the scheduler running, what is due next, and which deliveries are
 * failing and why — so nothing fails silently — and each body's channel kind and number of
 * readers, with a warning for bodies that share their readers with another. Only the asker's
 * tenant is shown.
 */
export const statusCommand: CommandDef = {
  id: 'status',
  words: { nb: 'status', en: 'status' },
  audience: 'coordinator',
  describe: {
    nb: 'Viser om planleggeren går, de neste planlagte innleggene og leveranser som feiler.',
    en: 'Shows whether the scheduler runs, the next scheduled posts and failing deliveries.',
  },
  async handle(req, services) {
    const tenantId = req.actor.tenantId;
    const [lastRun, jobs, deliveries, bodies] = await Promise.all([
      services.scheduler.lastRun(),
      services.scheduler.pending(tenantId),
      services.outbox.pending(tenantId),
      services.bodies.list(tenantId),
    ]);
    const bodyNames = new Map(bodies.map((b) => [b.id, b.name]));
    const readers = await readersOfBodies(services, tenantId, bodies, req.correlationId);
    return [{ type: 'card', card: statusCard(req.locale, { lastRun, jobs, deliveries, bodyNames, now: req.now, readers }) }];
  },
};
