import type { Body } from '../domain/bodies';
import { jobStillMeaningful, type Meeting, type MeetingJobKind } from '../domain/meetings';
import type { JobSpec } from '../domain/ports';
import type { JobHandler, JobHandlers } from '../scheduler/runner';
import { callForTopicsCard } from '../views/meetings';
import { agendaLabel, syncAgendaCard } from './agenda';
import { minutesFormFor } from './minutes';
import type { Services } from './services';

/**
 * The agenda feature's meeting jobs. They take the place of the meetings' simple posts for
 * three kinds (src/app/jobs.ts lists them after the meeting handlers):
 * - `callForTopics`: the call for trend topics, with its activity id kept on the agenda record
 *   (outbox sink) so an @mention answering it in its thread opens a prefilled trend card;
 * - `agenda`: posts the composed agenda card (record first, then the post with a sink), or —
 *   for a sync job (`agenda-sync:<meeting>`) — updates the posted card in place;
 * - `minutesPrompt`: the minutes form, 1:1 to the coordinator who scheduled the meeting.
 * Each queues its post under a key of its own, so a re-run posts nothing twice.
 */
type Handler = (services: Services, body: Body, meeting: Meeting, now: Date) => Promise<void>;

const callForTopics: Handler = async (services, body, m, now) => {
  await services.agendas.ensureAgenda(body.tenantId, body.id, m.id, now.toISOString());
  await services.outbox.enqueue({
    key: `callForTopics:${m.id}`,
    tenantId: m.tenantId,
    target: body.ref,
    message: { type: 'card', card: callForTopicsCard(services.config.defaultLocale, m) },
    sink: services.agendas.callSink(body.tenantId, body.id, m.id),
    label: agendaLabel('callForTopics', body, m),
  });
};

const agenda: Handler = async (services, body, m, now) => {
  await syncAgendaCard(services, body, m, now, true);
};

const minutesPrompt: Handler = async (services, body, m, now) => {
  const locale = services.config.defaultLocale;
  await services.outbox.enqueue({
    key: `minutesPrompt:${m.id}`,
    tenantId: m.tenantId,
    target: body.ref,
    toUser: { aadObjectId: m.createdBy },
    message: { type: 'card', card: await minutesFormFor(services, body, m, now, locale) },
    label: agendaLabel('minutesPrompt', body, m),
  });
};

function handler(services: Services, kind: MeetingJobKind, run: Handler): JobHandler {
  return async (job: JobSpec, ctx) => {
    const { bodyId, meetingId } = job.payload;
    if (typeof bodyId !== 'string' || typeof meetingId !== 'string') return { skipped: 'payload without bodyId/meetingId' };
    const [body, m] = await Promise.all([services.bodies.get(job.tenantId, bodyId), services.meetings.get(job.tenantId, bodyId, meetingId)]);
    if (!body || !m || !jobStillMeaningful(kind, m, ctx.now)) return { skipped: 'meeting cancelled, gone or already under way' };
    await run(services, body, m, ctx.now);
    return undefined;
  };
}

/** Handlers for `callForTopics`, `agenda` and `minutesPrompt`. */
export function agendaJobHandlers(services: Services): JobHandlers {
  return {
    callForTopics: handler(services, 'callForTopics', callForTopics),
    agenda: handler(services, 'agenda', agenda),
    minutesPrompt: handler(services, 'minutesPrompt', minutesPrompt),
  };
}
