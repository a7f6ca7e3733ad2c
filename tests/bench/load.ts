import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One HTTP answer as the load generator saw it. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** A POST the generator sends: the JSON body and, after the answer, its check. */
export interface PlannedRequest {
  body: object;
  /** undefined when the answer is right; otherwise a short error kind for the report. */
  check(answer: HttpAnswer): string | undefined;
}

export interface LoadOptions {
  /** Full URL of `/api/messages`. */
  url: string;
  /** Users, each with one request in flight. */
  concurrency: number;
  /**
   * 0: closed loop, no think time (each user sends again as soon as answered). Otherwise each
   * user starts a request at most every `paceMs` (waiting out the rest after an answer), the
   * users' first requests spread over one interval so they do not arrive in step.
   */
  paceMs?: number;
  warmupMs: number;
  durationMs: number;
  /** The request user `user` sends as its `seq`-th. */
  next(user: number, seq: number): PlannedRequest;
  /** Called every ~250 ms while the load runs (memory sampling). */
  onTick?(): void;
}

export interface LoadResult {
  /** Latencies (ms) of the requests started after the warm-up. */
  latencies: Float64Array;
  errors: number;
  errorKinds: Record<string, number>;
  /** Measured window: from the end of the warm-up to the last answer. */
  elapsedMs: number;
  /** Every request answered, warm-up included (to divide CPU time by). */
  completed: number;
}

/** POSTs JSON over a keep-alive agent; resolves with status and body (network errors reject). */
export function postJson(agent: http.Agent, url: URL, body: object): Promise<HttpAnswer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        method: 'POST',
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Closed-loop load (or paced, see LoadOptions.paceMs): `concurrency` users each send, wait for the answer, and send again, for
 * warm-up + duration. Only requests started after the warm-up are measured.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const url = new URL(o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + o.warmupMs;
  const stopAt = measureFrom + o.durationMs;
  let lastEnd = measureFrom;
  let completed = 0;
  const tick = o.onTick ? setInterval(o.onTick, 250) : undefined;

  const pace = o.paceMs ?? 0;
  const user = async (n: number): Promise<void> => {
    if (pace > 0) await sleep((pace * n) / o.concurrency);
    for (let seq = 0; performance.now() < stopAt; seq++) {
      const planned = o.next(n, seq);
      const t0 = performance.now();
      let kind: string | undefined;
      try {
        kind = planned.check(await postJson(agent, url, planned.body));
      } catch (err) {
        kind = `network ${(err as { code?: string }).code ?? (err as Error).message}`;
      }
      const t1 = performance.now();
      completed += 1;
      if (pace > 0 && t1 - t0 < pace) await sleep(pace - (t1 - t0));
      if (t0 < measureFrom) continue;
      latencies.push(t1 - t0);
      lastEnd = Math.max(lastEnd, t1);
      if (kind) {
        errors += 1;
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, (_, i) => user(i)));
  } finally {
    if (tick) clearInterval(tick);
    agent.destroy();
  }
  return { latencies: Float64Array.from(latencies), errors, errorKinds, elapsedMs: lastEnd - measureFrom, completed };
}
