import type { TableClient } from '@azure/data-tables';
import type { RedeliveryLog } from '../../domain/ports';
import { insertOnce } from '../etag';

/**
 * Incoming activities already handled, so a delivery Teams retries is processed once.
 * Table `idempotency`:
 *   PartitionKey = `activity|<tenant id>|<yyyy-mm-dd>` (UTC day the activity arrived — old days can
 *                  be dropped wholesale by partition)
 *   RowKey       = activity id
 */
export class DeliveryLog implements RedeliveryLog {
  constructor(private readonly client: TableClient) {}

  /** True the first time an activity id is seen in a tenant, false for a repeated delivery. */
  async firstDelivery(tenantId: string, activityId: string, now: Date): Promise<boolean> {
    const day = now.toISOString().slice(0, 10);
    return insertOnce(this.client, {
      partitionKey: `activity|${tenantId}|${day}`,
      rowKey: activityId.replace(/[\\/#?\u0000-\u001f\u007f]/g, '_'),
      at: now.toISOString(),
    });
  }
}
