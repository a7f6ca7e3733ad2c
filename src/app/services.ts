import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Standing } from '../domain/access';
import type { Invitees, MeetingCalendar } from '../domain/invitations';
import type { JobScheduler, Outbox, Roster, TeamDirectory } from '../domain/ports';
import type { Actor, Place } from '../handler-types';
import type { Logger } from '../log';
import type { SchedulerStatusReader } from '../scheduler/jobs';
import type { OutboxRetention, OutboxStatusReader } from '../scheduler/outbox';
import type { AgendaRepository } from '../storage/table/agendas';
import type { AuditRepository } from '../storage/table/audit';
import type { BodyRepository } from '../storage/table/bodies';
import type { DigestSources } from '../storage/table/digest-sources';
import type { DigestRepository } from '../storage/table/digests';
import type { EscalationRepository } from '../storage/table/escalations';
import type { FileRepository } from '../storage/table/files';
import type { FocusAreaRepository } from '../storage/table/focus-areas';
import type { MeasureRepository } from '../storage/table/measures';
import type { MeetingRepository } from '../storage/table/meetings';
import type { PoliceStatsRepository } from '../storage/table/police-stats';
import type { ProfileRepository } from '../storage/table/profiles';
import type { RoleRepository } from '../storage/table/roles';
import type { TrendRepository } from '../storage/table/trends';
import type { YearTopics } from '../storage/table/year-topics';
import type { TableStore } from '../storage/tables';

/**
 * Everything a command or action handler may use, built once by the composition root
 * (src/index.ts). Handlers get plain services — never a TurnContext.
 */
export interface Services {
  readonly config: Config;
  readonly clock: Clock;
  readonly log: Logger;
  readonly store: TableStore;
  readonly roles: RoleRepository;
  /** SLT bodies bound to channels, with their conversation references. */
  readonly bodies: BodyRepository;
  /** Members of a team or channel, read from Teams and cached briefly; a body's through src/domain/membership.ts. */
  readonly roster: Roster;
  /** A team's channels with their kinds, and its name, from Teams (cached briefly). */
  readonly teams: TeamDirectory;
  /** Meetings of the bodies, with their calendar-download tokens. */
  readonly meetings: MeetingRepository;
  /** Trend topics; reads take the viewer's ReadScope. */
  readonly trends: TrendRepository;
  /** Escalated matters, one copy per body reached; reads take the viewer's ReadScope. */
  readonly escalations: EscalationRepository;
  /** Append-only log of every step of a matter. */
  readonly audit: AuditRepository;
  /** The network's focus areas (defaults until coordinators edit them). */
  readonly focusAreas: FocusAreaRepository;
  /** Per-person remembered choices (the reporter's service). */
  readonly profiles: ProfileRepository;
  /** Every monthly digest sent, and the board's "Lest". */
  readonly digests: DigestRepository;
  /** Streamed reads of trends and matters for the digest and the annual report. */
  readonly digestSources: DigestSources;
  /** Documents to download for a limited time (`GET /files/<token>`). */
  readonly files: FileRepository;
  /** Coordinators' agenda edits, the agenda/call/minutes card ids, and the minutes with their tasks. */
  readonly agendas: AgendaRepository;
  /** The police's statistics per year, and imports waiting for «Lagre» (issue 16). */
  readonly policeStats: PoliceStatsRepository;
  /** The measures register with its log and the focus-area status texts (issue 17). */
  readonly measures: MeasureRepository;
  /** The trend topics of a year with their directions (and texts), streamed, for the measures feature. */
  readonly yearTopics: YearTopics;
  /** The persistent job table: schedule/cancel timed jobs (idempotent by key); read for `status`. */
  readonly scheduler: JobScheduler & SchedulerStatusReader;
  /** The one way anything proactive is posted (idempotent by key, retried, rate-limited). */
  readonly outbox: Outbox & OutboxStatusReader & OutboxRetention;
  /** The organizers' Outlook calendars through Microsoft Graph; undefined with SLT_CALENDAR=ics. */
  readonly calendar?: MeetingCalendar;
  /** Who is invited to a body's meetings (its channel's members). */
  readonly invitees: Invitees;
  /** Keeps a registered channel's conversation reference current; called for every activity. */
  noteConversation(place: Place): Promise<void>;
  /** Resolves what the server knows of a person's roles, in this place. */
  standing(actor: Actor, place: Place): Promise<Standing>;
}
