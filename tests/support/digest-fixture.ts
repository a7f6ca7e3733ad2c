import { applyStep, targetsOf } from '../../src/app/escalations';
import type { Services } from '../../src/app/services';
import type { Body, BodyKind } from '../../src/domain/bodies';
import type { Escalation, EscalationVerb, TransitionInput } from '../../src/domain/escalations';
import type { NewMeeting } from '../../src/domain/meetings';
import { type Minutes, markTaskDone, type TaskInput, taskId } from '../../src/domain/minutes';
import { systemScope } from '../../src/domain/visibility';
import { EscalationRepository } from '../../src/storage/table/escalations';
import { BOT, CHANNELS, PEOPLE, TEAM_ID, TENANT } from './activities';

/**
 * Six months (May–October 2026) of an invented SLT network for the digest and annual-report
 * tests: two youth teams, the coordination group and the board; trend topics per month, focus
 * area and body (TREND_SPEC — tests compute the expected figures from this table themselves),
 * matters in every state, and meetings. Invented people and places only.
 */
export type BodyKey = 'vest' | 'ost' | 'koord' | 'styret';
export const FIXTURE_MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'] as const;

/** [month, body, focus area id, number of trend topics]. */
export const TREND_SPEC: readonly (readonly [string, BodyKey, string, number])[] = [
  ['2026-05', 'vest', 'drugs', 2],
  ['2026-05', 'ost', 'public-space', 3],
  ['2026-05', 'vest', 'youth-networks', 1],
  ['2026-06', 'vest', 'drugs', 3],
  ['2026-06', 'ost', 'drugs', 1],
  ['2026-06', 'ost', 'public-space', 4],
  ['2026-07', 'vest', 'drugs', 1],
  ['2026-07', 'ost', 'public-space', 2],
  ['2026-07', 'vest', 'violence-abuse', 1],
  ['2026-08', 'vest', 'drugs', 2],
  ['2026-08', 'ost', 'drugs', 2],
  ['2026-08', 'ost', 'public-space', 3],
  ['2026-08', 'vest', 'youth-networks', 2],
  ['2026-09', 'vest', 'drugs', 3],
  ['2026-09', 'ost', 'public-space', 5],
  ['2026-09', 'vest', 'youth-networks', 1],
  ['2026-09', 'koord', 'recruitment', 1],
  // October: cells of 1 and 2 next to larger ones, an area seen at one body only, and one at the coordination group.
  ['2026-10', 'vest', 'drugs', 6],
  ['2026-10', 'ost', 'drugs', 1],
  ['2026-10', 'vest', 'public-space', 2],
  ['2026-10', 'ost', 'public-space', 4],
  ['2026-10', 'vest', 'youth-networks', 3],
  ['2026-10', 'ost', 'youth-networks', 3],
  ['2026-10', 'ost', 'violence-abuse', 2],
  ['2026-10', 'koord', 'recruitment', 4],
];

/** Titles of the matters, by what the digest of October 2026 must do with them. */
export const MATTERS = {
  waitingEscalated: 'Økt rekruttering til kriminelle nettverk',
  newAtKoord: 'Knivbæring i helgene',
  newProposedOnly: 'Uro i garderoben etter trening',
  resolvedInOctober: 'Samling av ungdom ved kjøpesenteret sent på kvelden',
  koordOwnAtBoard: 'Behov for flere natteravner',
  declinedEarly: 'Forsøpling i parken',
  declinedInOctober: 'Støy fra mopeder',
  measureDueOctober: 'Deling av bilder i sosiale medier',
  measureOverdue: 'Fyrverkeri i boligområdet',
} as const;

/** Tasks in the minutes of October's meetings: [body, meeting id, task, done at]. */
export const TASKS: readonly (readonly [BodyKey, string, TaskInput, string?])[] = [
  ['koord', 'm000000000000000c-1', { title: 'Invitere natteravnene til neste møte', responsible: 'coordinator', due: '2026-10-20' }],
  ['koord', 'm000000000000000c-1', { title: 'Kartlegge tilbud på kveldstid', responsible: 'youthClub', due: '2026-11-10' }],
  ['koord', 'm000000000000000c-1', { title: 'Sende ut referatet', responsible: 'coordinator', due: '2026-10-15' }, '2026-10-14T12:00:00.000Z'],
  ['koord', 'm000000000000000c-1', { title: 'Lage plan for russetiden', responsible: 'police', due: '2027-01-15' }],
  ['vest', 'm000000000000000a-1', { title: 'Ta opp deling av bilder i klassene', responsible: 'school', due: '2026-11-05' }],
];

export interface DigestFixture {
  readonly bodies: Record<BodyKey, Body>;
  readonly matters: Record<keyof typeof MATTERS, string>;
}

const CHANNEL_OF: Record<BodyKey, { id: string; name: string }> = { vest: CHANNELS.vest, ost: CHANNELS.ost, koord: CHANNELS.koord, styret: CHANNELS.styret };
const KIND_OF: Record<BodyKey, BodyKind> = { vest: 'youthTeam', ost: 'youthTeam', koord: 'coordinationGroup', styret: 'board' };
const REPORTERS = [PEOPLE.kari, PEOPLE.amina];
const COORDINATOR = PEOPLE.sigrid;

/** Seeds the network through the repositories (and the escalation step flow). */
export async function seedDigestFixture(services: Services, serviceUrl: string): Promise<DigestFixture> {
  const bodies = {} as Record<BodyKey, Body>;
  for (const key of Object.keys(CHANNEL_OF) as BodyKey[]) {
    const ch = CHANNEL_OF[key];
    const r = await services.bodies.upsert({
      tenantId: TENANT,
      kind: KIND_OF[key],
      name: ch.name,
      cadenceWeeks: key === 'styret' ? 12 : 6,
      durationMinutes: 90,
      channelId: ch.id,
      channelName: ch.name,
      channelType: 'private',
      ref: { serviceUrl, conversationId: ch.id, tenantId: TENANT, botId: BOT.id, botName: BOT.name, teamId: TEAM_ID, channelId: ch.id },
      registeredBy: COORDINATOR.aadObjectId,
      at: '2026-04-06T08:00:00.000Z',
    });
    if (!r.ok) throw new Error(`fixture: body ${key} not registered`);
    bodies[key] = r.body;
  }
  await services.roles.set(TENANT, COORDINATOR.aadObjectId, 'coordinator', true, 'fixture', '2026-04-06T08:00:00.000Z', COORDINATOR.name);

  let n = 0;
  for (const [month, key, area, count] of TREND_SPEC) {
    for (let i = 0; i < count; i++) {
      const reporter = REPORTERS[n % REPORTERS.length]!;
      const day = String(1 + (n % 27)).padStart(2, '0');
      await services.trends.add(
        {
          tenantId: TENANT,
          bodyId: bodies[key].id,
          month,
          focusAreaId: area,
          focusAreaLabel: area,
          direction: 'increasing',
          description: `Observasjon nummer ${n}`,
          service: 'school',
          reporterId: reporter.aadObjectId,
          reportedAt: `${month}-${day}T10:00:00.000Z`,
        },
        `fixture-${n++}`,
      );
    }
  }

  const matters = {} as Record<keyof typeof MATTERS, string>;
  const all = Object.values(bodies);
  const step = async (id: string, verb: EscalationVerb, at: string, input: TransitionInput = {}): Promise<void> => {
    const done = await applyStep(
      services,
      systemScope(
        TENANT,
        all.map((b) => b.id),
      ),
      id,
      verb,
      input,
      { id: COORDINATOR.aadObjectId, name: COORDINATOR.name },
      at,
      targetsOf(all),
    );
    if (done?.plan.kind !== 'apply') throw new Error(`fixture: ${verb} on ${id} did not apply (${done?.plan.kind})`);
  };
  const raise = async (key: keyof typeof MATTERS, from: BodyKey, at: string): Promise<string> => {
    const body = bodies[from];
    const requester = REPORTERS[0]!;
    const e: Escalation = {
      tenantId: TENANT,
      id: EscalationRepository.idFor(TENANT, body.id, requester.aadObjectId, key),
      originBodyId: body.id,
      originKind: body.kind,
      title: MATTERS[key],
      description: 'Beskrivelse av utfordringen, uten personopplysninger.',
      state: 'proposed',
      levelBodyId: body.id,
      path: [body.id],
      requester: { id: requester.aadObjectId, channelAccountId: requester.id, name: requester.name, locale: 'nb' },
      createdAt: at,
      updatedAt: at,
      version: 1,
      last: { verb: 'submit', actorId: requester.aadObjectId, actorName: requester.name, dataKey: key, at },
    };
    await services.escalations.create(e);
    matters[key] = e.id;
    return e.id;
  };
  const a = await raise('waitingEscalated', 'vest', '2026-06-10T09:00:00.000Z');
  await step(a, 'accept', '2026-06-15T09:00:00.000Z');
  await step(a, 'escalate', '2026-09-20T09:00:00.000Z');
  await step(await raise('newAtKoord', 'ost', '2026-10-03T09:00:00.000Z'), 'accept', '2026-10-05T09:00:00.000Z');
  await raise('newProposedOnly', 'vest', '2026-10-07T09:00:00.000Z');
  const d = await raise('resolvedInOctober', 'vest', '2026-09-02T09:00:00.000Z');
  await step(d, 'accept', '2026-09-05T09:00:00.000Z');
  await step(d, 'resolve', '2026-10-15T09:00:00.000Z', {
    decision: 'Utekontakten og politiet går sammen på kveldstid.',
    measure: 'Flere voksne ute på kveldstid',
    responsible: 'Utekontakten',
    due: '2026-11-20',
  });
  await step(await raise('koordOwnAtBoard', 'koord', '2026-10-12T09:00:00.000Z'), 'accept', '2026-10-14T09:00:00.000Z');
  await step(await raise('declinedEarly', 'ost', '2026-05-10T09:00:00.000Z'), 'decline', '2026-05-12T09:00:00.000Z', { note: 'Hører hjemme hos parketaten.' });
  await step(await raise('declinedInOctober', 'ost', '2026-10-20T09:00:00.000Z'), 'decline', '2026-10-21T09:00:00.000Z', { note: 'Ikke en sak for SLT.' });
  const h = await raise('measureDueOctober', 'vest', '2026-07-01T09:00:00.000Z');
  await step(h, 'accept', '2026-07-03T09:00:00.000Z');
  await step(h, 'resolve', '2026-08-10T09:00:00.000Z', {
    decision: 'Foreldremøte på alle ungdomsskolene.',
    measure: 'Informasjonsmøte for foreldre',
    responsible: 'Skoleetaten',
    due: '2026-10-30',
  });
  // A measure whose deadline passed two months before October: still open, since nothing marks it done.
  const o = await raise('measureOverdue', 'ost', '2026-05-20T09:00:00.000Z');
  await step(o, 'accept', '2026-05-22T09:00:00.000Z');
  await step(o, 'resolve', '2026-06-05T09:00:00.000Z', {
    decision: 'Felles innsats før sommeren.',
    measure: 'Foreldrevandring i boligområdet',
    responsible: 'Kulturetaten',
    due: '2026-08-15',
  });

  const meeting = (key: BodyKey, series: string, startUtc: string): NewMeeting => ({
    tenantId: TENANT,
    bodyId: bodies[key].id,
    id: `${series}-1`,
    startUtc,
    endUtc: new Date(Date.parse(startUtc) + 90 * 60_000).toISOString(),
    durationMinutes: 90,
    status: 'scheduled',
    seriesId: series,
    seriesIndex: 1,
    seriesCount: 1,
    createdBy: COORDINATOR.aadObjectId,
    createdAt: '2026-04-06T08:00:00.000Z',
  });
  const plan: [BodyKey, string, string][] = [
    ['vest', 'm000000000000000a', '2026-10-06T16:00:00.000Z'],
    ['vest', 'm000000000000000b', '2026-10-20T16:00:00.000Z'],
    ['koord', 'm000000000000000c', '2026-10-13T08:00:00.000Z'],
    ['ost', 'm000000000000000d', '2026-08-25T16:00:00.000Z'],
    ['vest', 'm000000000000000e', '2026-11-17T16:00:00.000Z'],
    ['styret', 'm000000000000000f', '2026-11-24T09:00:00.000Z'],
    ['styret', 'm0000000000000010', '2026-03-10T09:00:00.000Z'],
  ];
  for (const [key, series, start] of plan) await services.meetings.createSeries([meeting(key, series, start)]);
  await services.meetings.cancel(TENANT, bodies.vest.id, 'm000000000000000b-1', COORDINATOR.aadObjectId, 'Høstferie', new Date('2026-10-01T08:00:00.000Z'));

  for (const [key, meetingId, task, doneAt] of TASKS) {
    const start = plan.find(([, series]) => `${series}-1` === meetingId)![2];
    const id = taskId(meetingId, 'police', task);
    const recorded = `${start.slice(0, 10)}T18:00:00.000Z`;
    await services.agendas.changeMinutes(TENANT, bodies[key].id, meetingId, (current): Minutes => {
      const base: Minutes = current ?? {
        tenantId: TENANT,
        bodyId: bodies[key].id,
        meetingId,
        meetingStartUtc: start,
        items: [{ itemId: 'police', number: 1, title: 'Politiets oppdatering' }],
        tasks: [],
        recordedBy: COORDINATOR.aadObjectId,
        recordedAt: recorded,
        version: 0,
      };
      const next = {
        ...base,
        tasks: [...base.tasks, { id, itemId: 'police', ...task, createdAt: recorded, createdBy: COORDINATOR.aadObjectId }],
        version: base.version + 1,
      };
      return doneAt ? markTaskDone(next, id, COORDINATOR.aadObjectId, doneAt).next : next;
    });
  }
  return { bodies, matters };
}
