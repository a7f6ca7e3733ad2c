import { CalendarCallError, invitationRetryMs } from '../domain/invitations';
import { type JobHandler, RetryLater } from '../scheduler/runner';
import { type InvitationDeps, syncInvitation } from './invitations';

/**
 * The scheduler's handler for `invitation` jobs (one per meeting, `invitation:<meeting id>`):
 * brings the meeting's Outlook event in step (src/app/invitations.ts). A failed Graph call is
 * retried by the scheduler after invitationRetryMs — jittered backoff from 2 s, never before
 * Graph's Retry-After, slow for what an operator must fix — and shows in `status` meanwhile
 * with its code (`429 TooManyRequests`, `403 ErrorAccessDenied`, `nett ECONNREFUSED`).
 */
export function invitationJobHandler(deps: InvitationDeps): JobHandler {
  return async (job, ctx) => {
    const { bodyId, meetingId } = job.payload;
    if (typeof bodyId !== 'string' || typeof meetingId !== 'string') return { skipped: 'payload without bodyId/meetingId' };
    try {
      const outcome = await syncInvitation(deps, { tenantId: job.tenantId, bodyId, meetingId }, ctx.now);
      return outcome === 'inStep' || outcome === 'cancelled' ? undefined : { skipped: `invitation: ${outcome}` };
    } catch (err) {
      if (!(err instanceof CalendarCallError)) throw err;
      const retryInMs = invitationRetryMs(ctx.attempt, err);
      deps.log.warn({ key: job.key, attempt: ctx.attempt, code: err.code, retryInMs }, 'invitation: calendar call failed; will retry');
      throw new RetryLater(retryInMs, err.code, { cause: err });
    }
  };
}
