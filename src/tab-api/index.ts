import { randomUUID } from 'node:crypto';
import { readersOfBodies } from '../app/body-readers';
import type { Services } from '../app/services';
import type { SsoValidator } from '../auth/sso';
import { utcToOslo } from '../domain/calendar';
import { membersOf } from '../domain/membership';
import { monthOf } from '../domain/trends';
import type { AnnualReportResponse, ErrorResponse, MeResponse } from './contract';
import { devPeople } from './dev';
import { digestPageFor } from './digest-page';
import { digestsFor, type TabDigestSource } from './digests';
import { escalationsFor } from './escalations';
import { type Headers, type IdentityResult, identify } from './identity';
import { MEASURE_WRITES } from './measure-writes';
import { measuresFor } from './measures';
import { policeFor } from './police-stats';
import {
  annualReportQuery,
  devPeopleQuery,
  digestQuery,
  digestsQuery,
  escalationsQuery,
  localeOf,
  MAX_MONTHS,
  measuresQuery,
  meQuery,
  message,
  parseQuery,
  policeQuery,
  trendsQuery,
  wheelQuery,
} from './schemas';
import { defaultPeriod, monthRange, trendsFor } from './trends';
import { type TabViewer, tabViewer } from './viewer';
import { wheelFor } from './wheel';

/** A tab API request as the HTTP edge hands it over: no framework types. */
export interface TabRequest {
  readonly method: 'GET' | 'POST';
  /** Path after `/api/tab/`, e.g. `trends` or `dev/people`. */
  readonly route: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  /** A POST's parsed JSON body (the HTTP edge accepts application/json only). */
  readonly body?: unknown;
}

export interface TabResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface TabApiDeps {
  readonly services: Services;
  readonly sso: Pick<SsoValidator, 'verify'>;
  /** The monthly digest archive, once that feature is wired in. */
  readonly digests?: TabDigestSource;
  /** Development mode: tenants that have bodies (when SLT_TENANT_IDS is not set). */
  readonly devTenants?: () => Promise<string[]>;
}

export interface TabApi {
  handle(req: TabRequest): Promise<TabResponse>;
}

const REFUSED: Record<string, string> = {
  missing: 'Du må være logget inn (mangler token).',
  devHeaderRefused: 'Utviklingsidentitet godtas ikke i produksjon.',
  devIdentity: 'Ugyldig utviklingsidentitet.',
  tenant: 'Organisasjonen din har ikke tilgang til SLT-boten.',
  expired: 'Innloggingen er utløpt. Last fanen på nytt.',
};

function error(status: number, code: string, text: string, extra: Partial<ErrorResponse> = {}): TabResponse {
  return { status, body: { error: code, message: text, ...extra } satisfies ErrorResponse };
}

/**
 * The tab's JSON API: authentication first (SSO token, or in development mode the picked
 * identity), then the viewer as the bot resolves it for a personal chat, then the section's
 * read through the same repositories and scopes as the bot. Query parameters are validated with
 * zod and refused with a Norwegian message per parameter.
 */
export function createTabApi(deps: TabApiDeps): TabApi {
  const s = deps.services;
  const identityDeps = { devMode: s.config.devMode, tenantIds: s.config.tenantIds, sso: deps.sso };

  const sections: Record<string, (v: TabViewer, req: TabRequest) => Promise<TabResponse>> = {
    async me(v, req) {
      const q = parseQuery(meQuery, req.query, localeOf(req.query));
      if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
      const locale = q.value.lang ?? 'nb';
      // A token carries the person's name; a development identity gets the name the roles table knows, if any.
      const [areas, role, member, readers] = await Promise.all([
        s.focusAreas.get(v.identity.tid),
        v.identity.name ? undefined : s.roles.get(v.identity.tid, v.identity.oid),
        v.identity.via === 'dev' ? rosterName(v) : undefined,
        readersOfBodies(s, v.identity.tid, v.bodies, 'tab'),
      ]);
      const now = s.clock.now();
      const channelBody = q.value.channel ? v.bodies.find((b) => b.channelId === q.value.channel!.split(';')[0]) : undefined;
      const body: MeResponse = {
        devMode: s.config.devMode,
        viewer: {
          id: v.identity.oid,
          tenantId: v.identity.tid,
          name: v.identity.name ?? role?.name ?? member,
          coordinator: v.standing.coordinator,
          admin: v.standing.admin,
          boardMember: v.standing.boardMember,
        },
        bodies: readers.map((r) => ({
          id: r.body.id,
          name: r.body.name,
          kind: r.body.kind,
          channelKind: r.kind,
          channelKindKnown: r.kindKnown,
          memberCount: r.count,
          sharesReadersWith: r.sharesWith?.name,
        })),
        focusAreas: areas.map((a) => ({ id: a.id, label: locale === 'en' ? a.en : a.nb })),
        channelBodyId: channelBody?.id,
        now: now.toISOString(),
        month: monthOf(now),
      };
      return { status: 200, body };
    },
    async trends(v, req) {
      const locale = localeOf(req.query);
      const q = parseQuery(trendsQuery, req.query, locale);
      if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
      const period = defaultPeriod(s.clock.now());
      const to = q.value.to ?? (q.value.from && q.value.from > period.to ? q.value.from : period.to);
      const from = q.value.from ?? shift(to, -11);
      if (from > to) return error(400, 'invalid', 'Ugyldig spørring.', { fields: { from: message(locale, 'order') } });
      if (monthRange(from, to).length > MAX_MONTHS) return error(400, 'invalid', 'Ugyldig spørring.', { fields: { from: message(locale, 'span') } });
      const areas = await s.focusAreas.get(v.identity.tid);
      return { status: 200, body: await trendsFor(s.trends, v, areas, { from, to, body: q.value.body, focusArea: q.value.focusArea }, locale) };
    },
    async escalations(v, req) {
      const q = parseQuery(escalationsQuery, req.query, localeOf(req.query));
      if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
      return { status: 200, body: await escalationsFor(s.escalations, s.audit, v, q.value.status) };
    },
    async wheel(v, req) {
      const locale = localeOf(req.query);
      const q = parseQuery(wheelQuery, req.query, locale);
      if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
      const now = s.clock.now();
      const year = q.value.year ?? Number(utcToOslo(now.toISOString()).date.slice(0, 4));
      return { status: 200, body: await wheelFor(s.meetings, v, year, now, locale) };
    },
    async police(v, req) {
      const q = parseQuery(policeQuery, req.query, localeOf(req.query));
      if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
      return { status: 200, body: await policeFor(s, v) };
    },
    async measures(v, req) {
      const locale = localeOf(req.query);
      const q = parseQuery(measuresQuery, req.query, locale);
      if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
      const now = s.clock.now();
      const year = q.value.year ?? Number(utcToOslo(now.toISOString()).date.slice(0, 4));
      return { status: 200, body: await measuresFor(s, v, year, now, locale) };
    },
    async digests(v, req) {
      const q = parseQuery(digestsQuery, req.query, localeOf(req.query));
      if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
      const year = Number(utcToOslo(s.clock.now().toISOString()).date.slice(0, 4));
      return { status: 200, body: await digestsFor(deps.digests, v.standing, v.identity.tid, year) };
    },
    async digest(v, req) {
      const locale = localeOf(req.query);
      const q = parseQuery(digestQuery, req.query, locale);
      if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
      const out = await digestPageFor(deps.digests, v.standing, v.identity.tid, q.value.month, locale);
      if (out.kind === 'page') return { status: 200, body: out.page };
      if (out.kind === 'notAllowed') return error(403, 'forbidden', 'Månedsrapportene er for SLT-koordinatorer og SLT-styret.');
      if (out.kind === 'notSent') return error(404, 'notFound', `Rapporten for ${q.value.month} er ikke sendt til styret.`);
      return error(404, 'unreadable', `Rapporten for ${q.value.month} kan ikke vises her. Skriv «rapport ${q.value.month}» til SLT-boten.`);
    },
  };

  /** Development identities carry no name: take it from the roster of a body they belong to (cached briefly). */
  async function rosterName(v: TabViewer): Promise<string | undefined> {
    for (const b of v.bodies) {
      const { members } = await membersOf(s, b).catch((err: unknown) => {
        s.log.warn({ bodyId: b.id, err: (err as Error).message }, 'tab: roster unreadable for a development name');
        return { members: [] };
      });
      const m = members.find((x) => x.aadObjectId === v.identity.oid);
      if (m?.name) return m.name;
    }
    return undefined;
  }

  /** The POST routes: they make or change something, coordinators only. */
  const posts: Record<string, (v: TabViewer, req: TabRequest, cid: string) => Promise<TabResponse>> = {
    'annual-report': (v, req) => annualReport(v, req),
    ...Object.fromEntries(
      Object.entries(MEASURE_WRITES).map(([route, write]) => [
        route,
        (v: TabViewer, req: TabRequest, cid: string) => write(s, v, { query: req.query, body: req.body, cid }),
      ]),
    ),
  };

  /** The route that makes a download: as «årsrapport». */
  async function annualReport(v: TabViewer, req: TabRequest): Promise<TabResponse> {
    const locale = localeOf(req.query);
    const q = parseQuery(annualReportQuery, req.query, locale);
    if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
    if (!(v.standing.coordinator || v.standing.admin)) return error(403, 'forbidden', 'Utkast til årsrapport er for SLT-koordinatorer.');
    if (!deps.digests?.annualReport) return error(404, 'notFound', 'Finnes ikke.');
    const links = await deps.digests.annualReport(v.identity.tid, q.value.year, v.identity.oid);
    return { status: 200, body: { year: q.value.year, ...links } satisfies AnnualReportResponse };
  }

  async function devRoute(req: TabRequest): Promise<TabResponse> {
    // Not even its existence is told in production.
    if (!s.config.devMode) return error(404, 'notFound', 'Finnes ikke.');
    const q = parseQuery(devPeopleQuery, req.query, localeOf(req.query));
    if (!q.ok) return error(400, 'invalid', 'Ugyldig spørring.', { fields: q.fields });
    const tenants = q.value.tenant ? [q.value.tenant] : s.config.tenantIds.length ? [...s.config.tenantIds] : ((await deps.devTenants?.()) ?? []);
    return { status: 200, body: await devPeople(s, tenants) };
  }

  return {
    async handle(req) {
      const cid = randomUUID();
      const started = Date.now();
      let res: TabResponse;
      try {
        if (req.route === 'dev/people' && req.method === 'GET') res = await devRoute(req);
        else {
          const post = Object.hasOwn(posts, req.route);
          const section = post ? posts[req.route] : Object.hasOwn(sections, req.route) ? sections[req.route] : undefined;
          if (!section) res = error(404, 'notFound', 'Finnes ikke.');
          else if (req.method !== (post ? 'POST' : 'GET')) res = error(405, 'method', 'Metoden er ikke tillatt.');
          else {
            const who: IdentityResult = await identify(identityDeps, req.headers);
            if (!who.ok) res = error(401, who.reason, REFUSED[who.reason] ?? 'Innloggingen kunne ikke godkjennes.');
            else res = await section(await tabViewer(s, who.identity), req, cid);
          }
        }
      } catch (err) {
        // One sink: log with the correlation id, answer with it (never the error's text).
        s.log.error({ cid, route: req.route, err }, 'tab api failed');
        res = error(isStorageDown(err) ? 503 : 500, 'internal', 'Noe gikk galt. Prøv igjen om litt.', { correlationId: cid });
      }
      const level = res.status >= 500 ? 'error' : res.status >= 400 ? 'warn' : 'info';
      s.log[level](
        { cid, route: req.route, status: res.status, ms: Date.now() - started, ...(res.status === 401 ? { reason: (res.body as ErrorResponse).error } : {}) },
        'tab api',
      );
      return res;
    },
  };
}

/** YYYY-MM shifted by n months. */
function shift(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Storage unreachable (connection refused / timed out) rather than a bug. */
function isStorageDown(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'ECONNRESET' || code === 'REQUEST_SEND_ERROR';
}
