/**
 * Long text kept in a table row as binary chunks: the UTF-8 bytes in properties `<prefix>0…n`
 * of at most 60 000 bytes each (a binary property may hold 64 KiB; an entity 1 MiB).
 * Binary, not string properties, because they travel base64-encoded — plain ASCII on the wire.
 * Azurite joins a request body's network chunks as strings, which splits a multi-byte character
 * (æ, ø, å) that straddles two of them into two U+FFFD; ASCII cannot be split that way.
 */
const CHUNK_BYTES = 60_000;

/** The chunks of a text, or throws (code TooLarge) when more than `maxChunks` are needed. */
export function toChunks(text: string, prefix: string, maxChunks: number): { count: number; chunks: Record<string, Uint8Array> } {
  const bytes = Buffer.from(text, 'utf8');
  const count = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
  if (count > maxChunks) throw Object.assign(new Error(`text too large to store (${bytes.length} bytes)`), { code: 'TooLarge' });
  const chunks: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) chunks[`${prefix}${i}`] = new Uint8Array(bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
  return { count, chunks };
}

/** The text stored by toChunks. */
export function fromChunks(row: Readonly<Record<string, unknown>>, prefix: string, count: number): string {
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const v = row[`${prefix}${i}`];
    if (v instanceof Uint8Array) parts.push(Buffer.from(v));
  }
  return Buffer.concat(parts).toString('utf8');
}
