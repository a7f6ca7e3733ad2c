import type { JobSpec } from '../domain/ports';
import { MEETING_JOB_KINDS, type MeetingJobKind } from '../domain/meetings';
import type { JobHandler, JobHandlers } from '../scheduler/runner';
import { runMeetingJob, type MeetingDeps } from './meetings';

/** Reads the payload every meeting job carries (see domain/meetings `meetingJobs`). */
function payloadOf(job: JobSpec): { tenantId: string; bodyId: string; meetingId: string } | undefined {
  const { bodyId, meetingId } = job.payload;
  return typeof bodyId === 'string' && typeof meetingId === 'string' ? { tenantId: job.tenantId, bodyId, meetingId } : undefined;
}

/**
 * The scheduler's handlers for the four meeting jobs: call for topics, agenda, reminder and the
 * minutes prompt. Each queues one outbox post keyed `<kind>:<meetingId>`, so a re-run after a
 * crash posts nothing twice; a cancelled, deleted or finished meeting is recorded as skipped.
 */
export function meetingJobHandlers(deps: MeetingDeps): JobHandlers {
  const handler = (kind: MeetingJobKind): JobHandler => async (job, ctx) => {
    const payload = payloadOf(job);
    if (!payload) return { skipped: 'payload without bodyId/meetingId' };
    const result = await runMeetingJob(deps, kind, payload, ctx.now);
    return result === 'skipped' ? { skipped: 'meeting cancelled, gone or already under way' } : undefined;
  };
  return Object.fromEntries(MEETING_JOB_KINDS.map((k) => [k, handler(k)]));
}
