import type {
  AnnualReportResponse,
  DevPeopleResponse,
  DigestPageResponse,
  DigestsResponse,
  ErrorResponse,
  EscalationsResponse,
  FocusStatusWriteResponse,
  MeasuresResponse,
  MeasureWriteResponse,
  MeResponse,
  PoliceResponse,
  TrendsResponse,
  WheelResponse,
} from '../tab-api/contract';

/** How each request proves who it is for: the SSO token, or (development mode) the picked identity. */
export type Auth = { readonly kind: 'sso'; token(): Promise<string> } | { readonly kind: 'dev'; readonly user: string; readonly tenant: string };

/** A refused or failed request, with the server's Norwegian message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | undefined>;

async function get<T>(auth: Auth | undefined, route: string, query: Query = {}, method: 'GET' | 'POST' = 'GET', json?: object): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth?.kind === 'sso') headers.authorization = `Bearer ${await auth.token()}`;
  if (auth?.kind === 'dev') {
    headers['x-slt-dev-user'] = auth.user;
    headers['x-slt-dev-tenant'] = auth.tenant;
  }
  // The server takes JSON bodies only.
  if (json) headers['content-type'] = 'application/json';
  const qs = params.toString();
  const res = await fetch(`/api/tab/${route}${qs ? `?${qs}` : ''}`, {
    method,
    headers,
    credentials: 'omit',
    ...(json ? { body: JSON.stringify(json) } : {}),
  });
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) throw new ApiError(res.status, body as ErrorResponse | undefined);
  return body as T;
}

/** The tab API, one method per route (src/tab-api). */
export function api(auth: Auth, lang: string) {
  return {
    me: (channel?: string) => get<MeResponse>(auth, 'me', { lang, channel }),
    trends: (q: { from?: string; to?: string; body?: string; focusArea?: string }) => get<TrendsResponse>(auth, 'trends', { lang, ...q }),
    escalations: (status: 'open' | 'all') => get<EscalationsResponse>(auth, 'escalations', { lang, status }),
    wheel: (year?: number) => get<WheelResponse>(auth, 'wheel', { lang, year }),
    measures: (year?: number) => get<MeasuresResponse>(auth, 'measures', { lang, year }),
    digests: () => get<DigestsResponse>(auth, 'digests', { lang }),
    digest: (month: string) => get<DigestPageResponse>(auth, 'digest', { lang, month }),
    police: () => get<PoliceResponse>(auth, 'police', { lang }),
    annualReport: (year: number) => get<AnnualReportResponse>(auth, 'annual-report', { lang, year }, 'POST'),
    /** Coordinators: `measure.save`'s data (no measureId: a new measure). A refusal is an ApiError (400 fields, 409 stale). */
    saveMeasure: (data: object) => get<MeasureWriteResponse>(auth, 'measure-save', { lang }, 'POST', data),
    setMeasureStatus: (data: { measureId: string; status: string; version: number }) =>
      get<MeasureWriteResponse>(auth, 'measure-status', { lang }, 'POST', data),
    saveFocusStatus: (data: { year: number; focusAreaId: string; text: string; version: number }) =>
      get<FocusStatusWriteResponse>(auth, 'focus-status', { lang }, 'POST', data),
  };
}

export type Api = ReturnType<typeof api>;

/** Development mode only; undefined when the server is not in development mode (404). */
export async function devPeople(tenant?: string): Promise<DevPeopleResponse | undefined> {
  try {
    return await get<DevPeopleResponse>(undefined, 'dev/people', { tenant });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}
