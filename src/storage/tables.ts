import { TableClient, type TableEntityResult, TableServiceClient } from '@azure/data-tables';

/**
 * Every table the bot uses. Names are prefixed (SLT_TABLE_PREFIX, default `slt`) so several
 * environments or test files can share one account. Each repository documents its own
 * PartitionKey/RowKey design next to its code; `src/storage/README.md` collects them.
 */
export const TABLE_NAMES = [
  'bodies',
  'conversations',
  'roles',
  'meetings',
  'jobs',
  'claims',
  'outbox',
  'trends',
  'escalations',
  'audit',
  'digests',
  'idempotency',
  'settings',
  'members',
  'files',
  'agendas',
  'policestats',
  'measures',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Access to the account's tables, created at start-up. */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly service: TableServiceClient;

  constructor(
    private readonly connectionString: string,
    private readonly prefix: string,
  ) {
    // Same short retries as the tables: /healthz must answer 503 within a probe's timeout, not
    // after the SDK's default ~7 s of backoff.
    this.service = TableServiceClient.fromConnectionString(connectionString, {
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
    });
  }

  /** Full table name in the account, e.g. `sltbodies`. */
  tableName(name: TableName): string {
    return `${this.prefix}${name}`;
  }

  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      client = TableClient.fromConnectionString(this.connectionString, this.tableName(name), {
        allowInsecureConnection: true,
        // The bot has its own retry/backoff where it matters; keep storage calls snappy so a
        // storage outage turns into a friendly "try again shortly" quickly instead of hanging.
        retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
      });
      this.clients.set(name, client);
    }
    return client;
  }

  /** Creates every table (idempotent: an existing table is fine). */
  async ensureTables(): Promise<void> {
    await Promise.all(TABLE_NAMES.map((n) => this.table(n).createTable()));
  }

  /** Cheap reachability check for /healthz. */
  async ping(): Promise<void> {
    const iter = this.service.listTables({ queryOptions: { filter: `TableName eq '${this.tableName('bodies')}'` } }).byPage({ maxPageSize: 1 });
    await iter.next();
  }
}

/** A stored entity as the SDK returns it. */
export type Stored<T extends object> = TableEntityResult<T>;
