import { createHash } from 'node:crypto';
import type { Services } from '../../src/app/services';
import type { Body, BodyKind } from '../../src/domain/bodies';
import type { AuditEntry } from '../../src/domain/escalations';
import { type Escalation, type EscalationVerb, planTransition, submitAudit } from '../../src/domain/escalations';
import { planMeetings } from '../../src/domain/meetings';
import { DIRECTIONS, SERVICES } from '../../src/domain/trends';
import { systemScope } from '../../src/domain/visibility';
import { BOT, CHANNELS, PEOPLE, type Person, TEAM_ID, TENANT } from './activities';
import type { FakeConnector } from './connector';

/**
 * A year of invented SLT data for the tab tests: four bodies, their channel rosters, roles,
 * trend reports from December 2025 to November 2026 with counts given by a formula (so tests
 * can compute what the chart must show), matters at every level, and each body's meetings.
 * Written through the same repositories the bot uses.
 */
export const FIXTURE_NOW = '2026-11-02T09:00:00Z';
export const FIXTURE_MONTHS = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 11 + i, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
});
export const FIXTURE_AREAS = ['drugs', 'public-space', 'youth-networks'] as const;
const AREA_LABELS: Record<string, string> = {
  drugs: 'Rusmiddelbruk blant unge',
  'public-space': 'Kriminalitet i det offentlige rom',
  'youth-networks': 'Kriminelle ungdomsnettverk',
};

/** Who is who: Kari is in Vest, Ola in Øst, Amina coordinates, Per sits on the board, Sigrid is the configured admin. */
export const ROLES = { vestMember: PEOPLE.kari, ostMember: PEOPLE.ola, coordinator: PEOPLE.amina, boardMember: PEOPLE.per, admin: PEOPLE.sigrid };

/** Bodies that receive trend reports, in formula order. */
export const TREND_BODIES = ['vest', 'ost', 'koord'] as const;
export type TrendBody = (typeof TREND_BODIES)[number];

/** Trends of a body for a month and focus area (0–5): a fixed formula the tests recompute. */
export function trendCount(body: TrendBody, monthIndex: number, area: number): number {
  const b = TREND_BODIES.indexOf(body);
  return (b * 3 + monthIndex * 7 + area * 5 + ((monthIndex * area) % 3)) % 6;
}

/** The text of the n-th trend: names its body, so a leak would show. */
export function trendText(body: TrendBody, month: string, area: string, n: number): string {
  const place = { vest: 'Vest', ost: 'Øst', koord: 'Koordinering' }[body];
  return `Team ${place} merker ${area === 'drugs' ? 'mer cannabis på fest' : area === 'public-space' ? 'uro ved kjøpesenteret' : 'eldre ungdom som rekrutterer'} (${month} nr. ${n + 1})`;
}

export interface SeededYear {
  readonly bodies: Record<'vest' | 'ost' | 'koord' | 'styret', Body>;
  readonly trendCount: number;
  readonly meetings: number;
  readonly matters: Record<'vestOpen' | 'vestAtKoord' | 'ostAtBoard' | 'vestResolved', string>;
}

/** The repositories the seeding writes through (the app's services, or the benchmark's own). */
export type FixtureStores = Pick<Services, 'bodies' | 'roles' | 'trends' | 'escalations' | 'audit' | 'meetings' | 'digests'>;

const member = (p: Person) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name });

/** The fixture's trend reports over its year at `scale` (see seedYear): 270 at scale 1. */
export function fixtureTrendTotal(scale = 1): number {
  let n = 0;
  for (const body of TREND_BODIES) for (const mi of FIXTURE_MONTHS.keys()) for (const ai of FIXTURE_AREAS.keys()) n += trendCount(body, mi, ai);
  return n * scale;
}

/**
 * Seeds the year. `trendScale` multiplies every trendCount (the benchmark's larger year, about
 * 1 000 trends at 4); the tests use the default 1, so their expected counts are trendCount's.
 * `connector` needs only its URL and per-conversation rosters, so the benchmark can pass one too.
 */
export async function seedYear(
  s: FixtureStores,
  connector: Pick<FakeConnector, 'url' | 'rosters'>,
  options: { trendScale?: number } = {},
): Promise<SeededYear> {
  const scale = options.trendScale ?? 1;
  const at = '2025-11-20T10:00:00.000Z';
  const register = async (key: keyof typeof CHANNELS, kind: BodyKind, name: string): Promise<Body> => {
    const ch = CHANNELS[key];
    const r = await s.bodies.upsert({
      tenantId: TENANT,
      kind,
      name,
      cadenceWeeks: 6,
      weekday: 2,
      time: '18:00',
      durationMinutes: 90,
      channelId: ch.id,
      channelName: ch.name,
      channelType: ch.type,
      teamName: 'SLT-nettverket',
      ref: { serviceUrl: connector.url, conversationId: ch.id, tenantId: TENANT, botId: BOT.id, botName: BOT.name, teamId: TEAM_ID, channelId: ch.id },
      registeredBy: ROLES.coordinator.aadObjectId,
      at,
    });
    if (!r.ok) throw new Error('fixture body not registered');
    return r.body;
  };
  const bodies = {
    vest: await register('vest', 'youthTeam', 'Ungdomsteam Vest 13-16'),
    ost: await register('ost', 'youthTeam', 'Ungdomsteam Øst 13-16'),
    koord: await register('koord', 'coordinationGroup', 'Koordineringsgruppen'),
    styret: await register('styret', 'board', 'SLT-styret'),
  };
  // Private channels, each with its own roster (Teams answers those with the channel's members).
  connector.rosters.set(CHANNELS.vest.id, [member(PEOPLE.kari), member(PEOPLE.amina)]);
  connector.rosters.set(CHANNELS.ost.id, [member(PEOPLE.ola), member(PEOPLE.amina)]);
  connector.rosters.set(CHANNELS.koord.id, [member(PEOPLE.amina)]);
  connector.rosters.set(CHANNELS.styret.id, [member(PEOPLE.per), member(PEOPLE.amina)]);
  await s.roles.set(TENANT, ROLES.coordinator.aadObjectId, 'coordinator', true, 'seed', at, ROLES.coordinator.name);

  let trends = 0;
  const drafts = [];
  for (const body of TREND_BODIES) {
    for (const [mi, month] of FIXTURE_MONTHS.entries()) {
      for (const [ai, area] of FIXTURE_AREAS.entries()) {
        for (let n = 0; n < trendCount(body, mi, ai) * scale; n++) {
          const reporter = body === 'ost' ? PEOPLE.ola : body === 'vest' ? PEOPLE.kari : PEOPLE.amina;
          // Reported on or before the fixture's now (2 November 2026): the current month has only its first day.
          const day = mi === FIXTURE_MONTHS.length - 1 ? '01' : String(1 + ((n * 5 + ai * 3) % 27)).padStart(2, '0');
          drafts.push({
            draft: {
              tenantId: TENANT,
              bodyId: bodies[body].id,
              month,
              focusAreaId: area,
              focusAreaLabel: AREA_LABELS[area]!,
              direction: DIRECTIONS[(mi + n) % 4]!,
              description: trendText(body, month, area, n),
              area: n % 2 ? 'sentrum' : undefined,
              ageGroup: '13-16' as const,
              service: SERVICES[(ai + n) % 5]!,
              reporterId: reporter.aadObjectId,
              reportedAt: `${month}-${day}T10:00:00.000Z`,
            },
            key: `${body}-${month}-${area}-${n}`,
          });
          trends++;
        }
      }
    }
  }
  for (let i = 0; i < drafts.length; i += 25) await Promise.all(drafts.slice(i, i + 25).map((d) => s.trends.add(d.draft, d.key)));

  const matters = {
    vestOpen: await matter(s, bodies, bodies.vest, 'Mer uro i friminuttene', [], '2026-09-01'),
    vestAtKoord: await matter(s, bodies, bodies.vest, 'Behov for flere natteravner', ['accept'], '2026-06-01'),
    ostAtBoard: await matter(s, bodies, bodies.ost, 'Felles tiltak mot kniver', ['accept', 'escalate'], '2026-03-01'),
    vestResolved: await matter(s, bodies, bodies.vest, 'Belysning i parken', ['accept', 'resolve'], '2026-02-01'),
  };

  let meetings = 0;
  const series = async (body: Body, date: string, time: string, count: number, cadenceWeeks: number): Promise<void> => {
    const seriesId = `m${createHash('sha256').update(`${body.id}${date}`).digest('hex').slice(0, 16)}`;
    const planned = planMeetings(
      { date, time, durationMinutes: 90, location: 'Rådhuset, møterom 2', count, cadenceWeeks },
      { tenantId: TENANT, bodyId: body.id, seriesId, createdBy: ROLES.coordinator.aadObjectId, now: new Date(at) },
    );
    await s.meetings.createSeries(planned);
    meetings += planned.length;
  };
  await series(bodies.vest, '2026-01-13', '18:00', 8, 6);
  await series(bodies.ost, '2026-01-15', '17:00', 8, 6);
  await series(bodies.koord, '2026-01-08', '09:00', 11, 4);
  await series(bodies.styret, '2026-02-10', '10:00', 4, 13);
  // One monthly digest in the archive (the digest feature writes these when it sends).
  await s.digests.record({
    tenantId: TENANT,
    month: '2026-10',
    sendNo: 1,
    sentBy: 'scheduler',
    sentByName: '',
    sentAt: '2026-11-01T07:00:00.000Z',
    boardId: bodies.styret.id,
    content: '{}',
  });
  return { bodies, trendCount: trends, meetings, matters };
}

async function matter(s: FixtureStores, b: SeededYear['bodies'], origin: Body, title: string, steps: EscalationVerb[], day: string): Promise<string> {
  const requester = origin.id === b.ost.id ? PEOPLE.ola : PEOPLE.kari;
  const createdAt = `${day}T08:00:00.000Z`;
  const e: Escalation = {
    tenantId: TENANT,
    id: `e${createHash('sha256').update(title).digest('hex').slice(0, 20)}`,
    originBodyId: origin.id,
    originKind: origin.kind,
    title,
    description: `${title}: beskrevet som en trend, uten enkeltpersoner.`,
    state: 'proposed',
    levelBodyId: origin.id,
    path: [origin.id],
    requester: { id: requester.aadObjectId, channelAccountId: requester.id, name: requester.name, locale: 'nb' },
    createdAt,
    updatedAt: createdAt,
    version: 1,
    last: { verb: 'submit', actorId: requester.aadObjectId, actorName: requester.name, dataKey: '', at: createdAt },
  };
  await s.escalations.create(e);
  await s.audit.append(submitAudit(e));
  const scope = systemScope(TENANT, [b.vest.id, b.ost.id, b.koord.id, b.styret.id]);
  for (const [i, verb] of steps.entries()) {
    const when = new Date(Date.parse(createdAt) + (i + 1) * 7 * 86_400_000).toISOString();
    const input =
      verb === 'resolve'
        ? { decision: 'Kommunen setter opp lys', measure: 'Nye lyktestolper', responsible: 'Bydrift', due: '2026-12-01' }
        : { note: `Notat fra koordinator (${verb})` };
    let entry: AuditEntry | undefined;
    await s.escalations.transition(scope, e.id, (current) => {
      const plan = planTransition(current, verb, input, { id: ROLES.coordinator.aadObjectId, name: ROLES.coordinator.name }, when, {
        coordinationGroup: b.koord.id,
        board: b.styret.id,
      });
      if (plan.kind !== 'apply') throw new Error(`fixture step ${verb} not applicable: ${plan.kind}`);
      entry = plan.audit;
      return { write: { next: plan.next, newBodyId: plan.newBodyId }, result: undefined };
    });
    if (entry) await s.audit.append(entry);
  }
  return e.id;
}
