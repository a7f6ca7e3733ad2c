import type { JobSpec } from '../domain/ports';
import type { JobHandler, JobHandlers } from '../scheduler/runner';
import { type MeetingDeps, runMeetingJob } from './meetings';

/** Reads the payload every meeting job carries (see domain/meetings `meetingJobs`). */
function payloadOf(job: JobSpec): { tenantId: string; bodyId: string; meetingId: string } | undefined {
  const { bodyId, meetingId } = job.payload;
  return typeof bodyId === 'string' && typeof meetingId === 'string' ? { tenantId: job.tenantId, bodyId, meetingId } : undefined;
}

/**
 * The scheduler's handler for the meeting reminder (the call for topics, agenda and minutes
 * prompt are src/app/agenda-jobs.ts's). It queues one outbox post keyed `<kind>:<meetingId>`, so
 * a re-run after a crash posts nothing twice; a cancelled, deleted or finished meeting is
 * recorded as skipped.
 */
export function meetingJobHandlers(deps: MeetingDeps): JobHandlers {
  const handler =
    (kind: 'reminder'): JobHandler =>
    async (job, ctx) => {
      const payload = payloadOf(job);
      if (!payload) return { skipped: 'payload without bodyId/meetingId' };
      const result = await runMeetingJob(deps, kind, payload, ctx.now);
      return result === 'skipped' ? { skipped: 'meeting cancelled, gone or already under way' } : undefined;
    };
  return { reminder: handler('reminder') };
}
