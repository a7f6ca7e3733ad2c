import { RestError } from '@azure/data-tables';

/** True when the error means storage is unreachable or failing (not a logical conflict). */
export function isStorageOutage(err: unknown): boolean {
  if (err instanceof RestError) {
    if (err.statusCode === undefined) return true; // no HTTP answer at all: connection refused, reset, timeout
    return err.statusCode >= 500;
  }
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE';
}
