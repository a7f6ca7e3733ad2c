import type { MeetingStats } from '../domain/ports';
import type { JobHandlers } from '../scheduler/runner';
import { agendaJobHandlers } from './agenda-jobs';
import { cadenceWatchHandler } from './cadence';
import { digestHandler } from './digest-jobs';
import { invitationJobHandler } from './invitation-jobs';
import { measuresWheelHandler } from './measure-jobs';
import { meetingJobHandlers } from './meeting-jobs';
import { meetingDeps } from './meetings';
import { retentionDeps, retentionHandler } from './retention';
import type { Services } from './services';

/**
 * The one table of job handlers, by kind: what the scheduler runs when a job falls due.
 * A kind without a handler is not lost — its jobs stay pending and show as failing in `status`.
 */
export function jobHandlers(services: Services, meetingStats: MeetingStats): JobHandlers {
  return {
    ...meetingJobHandlers(meetingDeps(services)),
    // Call for topics, agenda and minutes prompt: the agenda feature's (they replace the simple posts).
    ...agendaJobHandlers(services),
    cadenceWatch: cadenceWatchHandler({
      bodies: services.bodies,
      roles: services.roles,
      meetings: meetingStats,
      outbox: services.outbox,
      scheduler: services.scheduler,
      locale: services.config.defaultLocale,
      log: services.log,
    }),
    retention: retentionHandler(retentionDeps(services)),
    digest: digestHandler(services),
    measuresWheel: measuresWheelHandler(services),
    invitation: invitationJobHandler(meetingDeps(services)),
  };
}
