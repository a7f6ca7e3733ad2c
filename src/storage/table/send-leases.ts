import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { isConflict, isNotFound } from '../etag';
import { encodeKey } from './keys';

/**
 * Rows `l|<tenant id>` of table `outbox` (its PartitionKey, outside the `k|` and `p|` ranges):
 * which bot instance sends a tenant's proactive posts.
 *   instance  the holder's instance id
 *   until     when its hold ends (ISO, real time: limits are about elapsed seconds)
 * Why: Teams limits sends per conversation (7/1 s, 8/2 s, 60/30 s) and per tenant (50/s), and a
 * RateLimiter only knows its own process's sends — N instances sending side by side could reach
 * N times the limits. With one holder per tenant there is one set of books.
 * Claim = insert-only (409: another instance holds it) or, once the holder's time is over (it
 * stopped, or had nothing more to send), Replace with If-Match (412: another instance was
 * first). The holder renews with If-Match once half its time is used, so while it sends the
 * lease never lapses, and it lapses no sooner than half a lease after the holder's last send.
 * An instance that stops cleanly (release) shortens its holds to end one short rate window after
 * its last send, so a restarted bot takes over within seconds instead of waiting out the lease.
 */
type LeaseRow = { instance: string; until: string };

export class SendLeases {
  /** This process's holds: etag and end, per instance and tenant (senders may share a table object). */
  private readonly held = new Map<string, { etag: string; until: number; used: number }>();
  /** Claims under way, shared by the conversations of one tenant served side by side. */
  private readonly claiming = new Map<string, Promise<boolean>>();

  constructor(
    private readonly client: TableClient,
    private readonly partition: string,
  ) {}

  /** True when `instance` holds the tenant's lease for at least another `ms / 2`, claiming or renewing it as needed. */
  hold(tenantId: string, instance: string, ms: number, now: number): Promise<boolean> {
    const k = `${instance}|${tenantId}`;
    const mine = this.held.get(k);
    if (mine && mine.until - now > ms / 2) return Promise.resolve(true);
    let claim = this.claiming.get(k);
    if (!claim) {
      claim = this.claim(k, tenantId, instance, ms, now).finally(() => this.claiming.delete(k));
      this.claiming.set(k, claim);
    }
    return claim;
  }

  /** Notes a send under `instance`'s hold of the tenant's lease: a release counts from the last one. */
  sent(tenantId: string, instance: string, now: number): void {
    const mine = this.held.get(`${instance}|${tenantId}`);
    if (mine) mine.used = Math.max(mine.used, now);
  }

  /**
   * Gives up `instance`'s holds as it stops: each ends `afterLastUse` ms after its last use (the
   * longest short rate window, so the next holder's books start clean) or now, whichever is
   * later, and never later than it would have. A hold taken over in the meantime is left alone.
   */
  async release(instance: string, now: number, afterLastUse: number): Promise<number> {
    let released = 0;
    for (const [k, mine] of [...this.held]) {
      if (!k.startsWith(`${instance}|`)) continue;
      this.held.delete(k);
      const until = Math.max(now, mine.used + afterLastUse);
      if (until >= mine.until) continue;
      const tenantId = k.slice(instance.length + 1);
      const entity = { partitionKey: this.partition, rowKey: `l|${encodeKey(tenantId)}`, instance, until: new Date(until).toISOString() };
      try {
        await this.client.updateEntity(entity, 'Replace', { etag: mine.etag });
        released++;
      } catch (err) {
        if (!isConflict(err) && !isNotFound(err)) throw err;
      }
    }
    return released;
  }

  private async claim(k: string, tenantId: string, instance: string, ms: number, now: number): Promise<boolean> {
    const rowKey = `l|${encodeKey(tenantId)}`;
    const entity = { partitionKey: this.partition, rowKey, instance, until: new Date(now + ms).toISOString() };
    const keep = (res: { etag?: string }): true => {
      this.held.set(k, { etag: res.etag ?? '', until: now + ms, used: mine?.used ?? now });
      return true;
    };
    const mine = this.held.get(k);
    this.held.delete(k);
    if (mine) {
      try {
        return keep(await this.client.updateEntity(entity, 'Replace', { etag: mine.etag }));
      } catch (err) {
        if (!isConflict(err) && !isNotFound(err)) throw err; // lost it: look at who has it now
      }
    }
    let current: TableEntityResult<LeaseRow>;
    try {
      current = await this.client.getEntity<LeaseRow>(this.partition, rowKey);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      try {
        return keep(await this.client.createEntity(entity));
      } catch (e) {
        if (isConflict(e)) return false;
        throw e;
      }
    }
    if (current.instance !== instance && Date.parse(current.until) > now) return false;
    try {
      return keep(await this.client.updateEntity(entity, 'Replace', { etag: current.etag }));
    } catch (err) {
      if (isConflict(err) || isNotFound(err)) return false;
      throw err;
    }
  }
}
