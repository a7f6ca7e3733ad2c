import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { isNotFound } from '../etag';
import { fromChunks, toChunks } from './chunks';
import { odataString } from './keys';

/**
 * Table `files` — documents the bot made for one person to download (the annual report draft),
 * served by `GET /files/<token>` for a limited time.
 *   PartitionKey = 'f'
 *   RowKey       = token: 18 random bytes = 144 bits, base64url (24 characters) — the URL's only
 *                  key, unguessable, never derived from the content or the person
 *   columns      = tenant, who asked, file name, content type, `expiresAt`, the content as UTF-8
 *                  in binary chunks b0… of ≤ 60 000 bytes (see chunks.ts)
 * One small partition: files live for hours, an expired row is deleted when it is asked for, and
 * every new file first deletes the expired ones (a range filter on `expiresAt`), so the partition
 * holds only what is still downloadable.
 */
type FileRow = { tenantId: string; createdBy: string; fileName: string; contentType: string; createdAt: string; expiresAt: string; bCount: number } & Record<
  `b${number}`,
  Uint8Array
>;

/** A document to serve. */
export interface StoredFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string;
}

const P = 'f';
const MAX_CHUNKS = 15;
const TOKEN_RE = /^[A-Za-z0-9_-]{24}$/;

export class FileRepository {
  constructor(private readonly client: TableClient) {}

  /** Stores a file until `expiresAt` and returns its token. Throws (code TooLarge) above 900 000 bytes. */
  async put(file: StoredFile & { tenantId: string; createdBy: string }, now: Date, expiresAt: Date): Promise<string> {
    const { count, chunks } = toChunks(file.body, 'b', MAX_CHUNKS);
    await this.purgeExpired(now);
    const token = randomBytes(18).toString('base64url');
    await this.client.createEntity<FileRow>({
      partitionKey: P,
      rowKey: token,
      tenantId: file.tenantId,
      createdBy: file.createdBy,
      fileName: file.fileName,
      contentType: file.contentType,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      bCount: count,
      ...chunks,
    } as FileRow & { partitionKey: string; rowKey: string });
    return token;
  }

  /** The file behind a token, or undefined for an unknown, malformed or expired one. */
  async get(token: string, now: Date): Promise<StoredFile | undefined> {
    if (!TOKEN_RE.test(token)) return undefined;
    let row: FileRow;
    try {
      row = await this.client.getEntity<FileRow>(P, token);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    if (row.expiresAt <= now.toISOString()) {
      await this.remove(token);
      return undefined;
    }
    return { fileName: row.fileName, contentType: row.contentType, body: fromChunks(row, 'b', row.bCount ?? 1) };
  }

  /** Deletes every expired file. Returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    const filter = `PartitionKey eq '${P}' and expiresAt le ${odataString(now.toISOString())}`;
    let n = 0;
    for await (const e of this.client.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) {
      await this.remove(e.rowKey ?? '');
      n++;
    }
    return n;
  }

  private async remove(token: string): Promise<void> {
    try {
      await this.client.deleteEntity(P, token);
    } catch (err) {
      // Another instance deleted it first: the goal is reached.
      if (!isNotFound(err)) throw err;
    }
  }
}
