import type { RetentionDeps } from '../../src/app/retention';
import { createLogger } from '../../src/log';
import { AgendaRepository } from '../../src/storage/table/agendas';
import { AuditRepository } from '../../src/storage/table/audit';
import { DigestRepository } from '../../src/storage/table/digests';
import { EscalationRepository } from '../../src/storage/table/escalations';
import { FileRepository } from '../../src/storage/table/files';
import { MeetingRepository } from '../../src/storage/table/meetings';
import { OutboxTable } from '../../src/storage/table/outbox';
import { ProfileRepository } from '../../src/storage/table/profiles';
import { RoleRepository } from '../../src/storage/table/roles';
import { TrendRepository } from '../../src/storage/table/trends';
import type { TableStore } from '../../src/storage/tables';

/**
 * The retention run's dependencies over a test's own tables (Norwegian network, 24 months), with
 * any repository the test holds already passed in `given`, so the test reads what the run wrote.
 */
export function retentionDepsOver(store: TableStore, given: Partial<RetentionDeps> = {}): RetentionDeps {
  const outbox = new OutboxTable(store.table('outbox'), () => undefined);
  return {
    trends: new TrendRepository(store.table('trends')),
    escalations: new EscalationRepository(store.table('escalations')),
    audit: new AuditRepository(store.table('audit')),
    agendas: new AgendaRepository(store.table('agendas')),
    meetings: new MeetingRepository(store.table('meetings')),
    digests: new DigestRepository(store.table('digests')),
    profiles: new ProfileRepository(store.table('members')),
    roles: new RoleRepository(store.table('roles')),
    files: new FileRepository(store.table('files')),
    outbox: { forgetBefore: (tenantId, cutoff) => outbox.forgetBefore(tenantId, cutoff) },
    scheduler: { schedule: async () => undefined, cancel: async () => undefined },
    locale: 'nb',
    retentionMonths: 24,
    log: createLogger('silent'),
    ...given,
  };
}
