/**
 * Row-key helpers shared by the scheduler's tables. Azure Tables forbid `/ \ # ?` and control
 * characters in keys; job and outbox keys are built by the bot (`agenda:<meetingId>`), but are
 * escaped anyway so no key can break a row.
 */
export function encodeKey(key: string): string {
  return key.replace(/[%/\\#?\u0000-\u001f\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

/** Inverse of encodeKey. */
export function decodeKey(encoded: string): string {
  return encoded.replace(/%([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Quotes a string for an OData filter literal. */
export function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Canonical UTC ISO form (fixed length 24), so string order is time order. Throws on garbage. */
export function canonicalIso(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`not an ISO instant: ${iso.slice(0, 40)}`);
  return new Date(t).toISOString();
}
