import type { TableClient } from '@azure/data-tables';
import { SERVICES, type Service } from '../../domain/trends';
import { isNotFound } from '../etag';

/**
 * Table `members`, column `reporterService` — the service a person reports trends for (school,
 * police …), chosen once on the trend card and remembered, so trends show the service, never
 * the person.
 *   PartitionKey = tenant id
 *   RowKey       = Entra object id
 * Written with Merge (upsert), so other features may keep their own columns on the same row.
 * One person writes their own row; last write wins is right here.
 */
type ProfileRow = { reporterService?: string; reporterServiceAt?: string };

export class ProfileRepository {
  constructor(private readonly client: TableClient) {}

  async reporterService(tenantId: string, aadObjectId: string): Promise<Service | undefined> {
    if (!aadObjectId) return undefined;
    try {
      const row = await this.client.getEntity<ProfileRow>(tenantId, aadObjectId);
      return (SERVICES as readonly string[]).includes(row.reporterService ?? '') ? (row.reporterService as Service) : undefined;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async setReporterService(tenantId: string, aadObjectId: string, service: Service, at: string): Promise<void> {
    await this.client.upsertEntity<ProfileRow>({ partitionKey: tenantId, rowKey: aadObjectId, reporterService: service, reporterServiceAt: at }, 'Merge');
  }
}
