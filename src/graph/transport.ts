import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/** One HTTP exchange, as the Graph client and the token client need it. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * How Graph (and, when given, MSAL) reach the network. Production uses `fetchTransport`: Node's
 * fetch, which trusts the system's certificates plus NODE_EXTRA_CA_CERTS — how a local fake
 * served with a self-signed certificate is trusted. Tests in one process (where that variable
 * can no longer be set) pass their own.
 */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** Thrown when no answer came at all (refused, reset, timed out, TLS refused). */
export class TransportError extends Error {
  constructor(readonly cause: string) {
    super(`no answer: ${cause}`);
    this.name = 'TransportError';
  }
}

/** The default transport: fetch with a timeout, so a hanging Graph never holds a job's lease. */
export function fetchTransport(timeoutMs = 30_000): HttpTransport {
  return {
    async send(req) {
      let res: Response;
      try {
        res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (err) {
        throw new TransportError(causeOf(err));
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: res.status, headers, body: await res.text() };
    },
  };
}

/** A short, code-like cause (ECONNREFUSED, TimeoutError, …): never a message that could carry data. */
function causeOf(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string } } | undefined;
  const raw = e?.cause?.code ?? e?.code ?? e?.cause?.name ?? e?.name ?? 'Error';
  return (
    String(raw)
      .replace(/[^A-Za-z0-9_.-]/g, '')
      .slice(0, 40) || 'Error'
  );
}

/** MSAL's network interface over a transport (used when a transport is given; else MSAL uses its own client). */
export function msalNetwork(transport: HttpTransport): INetworkModule {
  const call = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const res = await transport.send({ method, url, headers: options?.headers ?? {}, body: options?.body });
    let body: unknown = {};
    try {
      body = res.body ? JSON.parse(res.body) : {};
    } catch {
      body = {}; // MSAL reports a response without the fields it needs as its own error
    }
    return { status: res.status, headers: { ...res.headers }, body: body as T };
  };
  return {
    sendGetRequestAsync: (url, options) => call('GET', url, options),
    sendPostRequestAsync: (url, options) => call('POST', url, options),
  };
}
