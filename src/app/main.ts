import { SsoValidator, ssoAudiences } from '../auth/sso';
import { type AdapterOptions, createAdapter } from '../bot/adapter';
import { SltBot } from '../bot/handler';
import { TeamsRoster } from '../bot/roster';
import { BotFrameworkSender } from '../bot/sender';
import { type Clock, startingClock, systemClock } from '../clock';
import type { Config } from '../config';
import { meetingStatsFrom } from '../domain/cadence';
import type { OutboxItem, Roster, TeamDirectory } from '../domain/ports';
import { graphCalendar, type HttpTransport } from '../graph';
import { createServer } from '../http/server';
import { createLogger, type Logger } from '../log';
import { StorageJobScheduler } from '../scheduler/jobs';
import { OutboxSender, StorageOutbox } from '../scheduler/outbox';
import { JobRunner } from '../scheduler/runner';
import { LOOKUP_TTL_MS } from '../storage/cache';
import { AgendaRepository } from '../storage/table/agendas';
import { AuditRepository } from '../storage/table/audit';
import { BodyRepository } from '../storage/table/bodies';
import { DeliveryLog } from '../storage/table/deliveries';
import { DigestSources } from '../storage/table/digest-sources';
import { DigestRepository } from '../storage/table/digests';
import { EscalationRepository } from '../storage/table/escalations';
import { FileRepository } from '../storage/table/files';
import { FocusAreaRepository } from '../storage/table/focus-areas';
import { JobTable } from '../storage/table/jobs';
import { MeasureRepository } from '../storage/table/measures';
import { MeetingRepository } from '../storage/table/meetings';
import { OutboxTable } from '../storage/table/outbox';
import { PoliceStatsRepository } from '../storage/table/police-stats';
import { ProfileRepository } from '../storage/table/profiles';
import { RoleRepository } from '../storage/table/roles';
import { tenantsWithBodies } from '../storage/table/tenants';
import { TrendRepository } from '../storage/table/trends';
import { YearTopics } from '../storage/table/year-topics';
import { TABLE_NAMES, type TableName, TableStore } from '../storage/tables';
import { createTabApi } from '../tab-api';
import { digestArchiveOver } from '../tab-api/digest-archive';
import type { TabDigestSource } from '../tab-api/digests';
import { defaultTabDir, tabFiles } from '../tab-api/static';
import { agendaLinkFor } from './agenda-link';
import { annualReportLinks, fileLookup } from './annual-report';
import { cadenceWatchEnsurer, ensureCadenceWatch } from './cadence';
import { conversationTracker } from './conversations';
import { digestPosted } from './digest';
import { digestJobEnsurer, ensureDigestJobs } from './digest-jobs';
import { invitationCardPosted, inviteesOf } from './invitations';
import { jobHandlers } from './jobs';
import { ensureMeasureJobs, measureJobEnsurer } from './measure-jobs';
import { icsFor, meetingDeps } from './meetings';
import { standingResolver } from './roles-of-request';
import type { Services } from './services';

export interface App {
  readonly services: Services;
  /** Creates tables, then listens. Resolves with the bound port. */
  start(): Promise<number>;
  stop(): Promise<void>;
  /** The scheduler's runner; tests with `loops: false` call `tick()` themselves. */
  readonly jobRunner: JobRunner;
  /** The outbox's sender; tests with `loops: false` call `tick()` themselves. */
  readonly outboxSender: OutboxSender;
}

export interface AppOverrides {
  clock?: Clock;
  log?: Logger;
  /** false: start no scheduler/outbox timers (tests tick by hand). Default true. */
  loops?: boolean;
  /** Scheduler tick interval. Default 15 s. */
  schedulerIntervalMs?: number;
  /** Outbox drain interval. Default 1 s. */
  outboxIntervalMs?: number;
  /** Real time for the outbox's send lease (tests: a restart weeks later, when the old lease has long lapsed). */
  realNow?: () => number;
  /** Stand-in for the Teams roster (tests in production mode, where the real one needs Entra). */
  roster?: Roster;
  /** Stand-in for Teams' channel list and team names (as `roster`). */
  teams?: TeamDirectory;
  /** The bot's JWT check (tests: the channel's OpenID metadata served locally, with a test key). */
  botAuth?: AdapterOptions;
  /**
   * How Graph and MSAL reach the network (tests in one process: an https client trusting their
   * fake's self-signed certificate, which NODE_EXTRA_CA_CERTS can no longer do once started).
   */
  graphTransport?: HttpTransport;
  /** The tab: where tenants' signing keys are published (tests: a local key set), its built folder, the digest archive. */
  tab?: { jwksUrl?: (tenantId: string) => string; dir?: string; digests?: TabDigestSource };
}

/** Composition root: config → storage → services → bot → server. */
export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const log = overrides.log ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? (config.clockStart ? startingClock(config.clockStart) : systemClock);
  if (!config.storageConnectionString) throw new Error('STORAGE_CONNECTION_STRING missing (npm start provides Azurite)');
  const store = new TableStore(config.storageConnectionString, config.tablePrefix);
  // Roles, bodies, focus areas and profiles are looked up on most requests and change rarely: reused for LOOKUP_TTL_MS (README "Roles").
  const lookups = { cacheTtlMs: LOOKUP_TTL_MS };
  const roles = new RoleRepository(store.table('roles'), lookups);
  const bodies = new BodyRepository(store.table('bodies'), lookups);
  const meetings = new MeetingRepository(store.table('meetings'));
  const jobTable = new JobTable(store.table('jobs'), store.table('claims'));
  const scheduler = new StorageJobScheduler(jobTable, clock);
  const isTable = (name: string): name is TableName => (TABLE_NAMES as readonly string[]).includes(name);
  const outboxTable = new OutboxTable(store.table('outbox'), (name) => (isTable(name) ? store.table(name) : undefined));
  const outbox = new StorageOutbox(outboxTable, clock);

  // The adapter comes first: the roster reads Teams through it, proactively.
  const adapter = createAdapter(config, log, overrides.botAuth);
  const teamsApi = new TeamsRoster(adapter, config.bot.appId);
  const roster = overrides.roster ?? teamsApi;
  const teams = overrides.teams ?? teamsApi;

  // Outlook invitations: only with SLT_CALENDAR=graph; src/graph is the only place that talks to Graph.
  const calendar = config.calendar.mode === 'graph' ? graphCalendar(config.calendar, log, overrides.graphTransport) : undefined;
  if (config.calendar.mode === 'graph') log.info({ tenant: config.calendar.tenantId }, 'meetings become Outlook invitations (Microsoft Graph)');

  const trackConversation = conversationTracker(bodies, log);
  const ensureDigest = digestJobEnsurer(scheduler, clock, log);
  const ensureCadence = cadenceWatchEnsurer(scheduler, clock, log);
  const ensureMeasures = measureJobEnsurer(scheduler, clock, log);
  const services: Services = {
    config,
    clock,
    log,
    store,
    roles,
    bodies,
    roster,
    teams,
    meetings,
    scheduler,
    outbox,
    calendar,
    invitees: inviteesOf({ roster, teams }),
    trends: new TrendRepository(store.table('trends')),
    escalations: new EscalationRepository(store.table('escalations')),
    audit: new AuditRepository(store.table('audit')),
    focusAreas: new FocusAreaRepository(store.table('settings'), { ...lookups, now: () => clock.now() }),
    profiles: new ProfileRepository(store.table('members'), lookups),
    digests: new DigestRepository(store.table('digests')),
    digestSources: new DigestSources(store.table('trends'), store.table('escalations'), store.table('agendas')),
    files: new FileRepository(store.table('files')),
    agendas: new AgendaRepository(store.table('agendas')),
    policeStats: new PoliceStatsRepository(store.table('policestats')),
    measures: new MeasureRepository(store.table('measures')),
    yearTopics: new YearTopics(store.table('trends')),
    noteConversation: async (place) => {
      await trackConversation(place);
      // A network that started using the bot since the last restart gets its monthly digest and
      // its daily cadence watch scheduled too (start knows only the tenants it has jobs for).
      await Promise.all([ensureDigest(place.tenantId), ensureCadence(place.tenantId), ensureMeasures(place.tenantId)]);
    },
    standing: standingResolver({ config, roles, bodies, roster, log }),
  };

  const jobRunner = new JobRunner(
    {
      table: jobTable,
      clock,
      log,
      handlers: jobHandlers(
        services,
        meetingStatsFrom((tenantId, bodyId) => meetings.listForBody(tenantId, bodyId)),
      ),
    },
    overrides.schedulerIntervalMs ?? 15_000,
  );
  // A job scheduled due now (an invitation to send) runs at once rather than at the next tick.
  scheduler.onDueNow = () => jobRunner.wake();
  // Retry-After dates are compared with real time, not the (possibly shifted) business clock.
  const proactive = new BotFrameworkSender(adapter, config.bot.appId, () => systemClock.now().getTime());
  // A digest's «Lest» clicked before its post had an id is carried onto the post once it has one.
  const afterSink = async (item: OutboxItem): Promise<void> => {
    if (item.sink?.table === 'digests') await digestPosted(services, item.tenantId, item.sink.rowKey);
    if (item.sink?.table === 'meetings') await invitationCardPosted(meetingDeps(services), item);
  };
  const outboxSender = new OutboxSender(
    { table: outboxTable, sender: proactive, clock, log, afterSink, realNow: overrides.realNow },
    overrides.outboxIntervalMs ?? 1_000,
  );

  const bot = new SltBot(services, new DeliveryLog(store.table('idempotency')));
  const sso = new SsoValidator({ audiences: ssoAudiences(config), tenantIds: config.tenantIds, jwksUrl: overrides.tab?.jwksUrl });
  const tabApi = createTabApi({
    services,
    sso,
    digests:
      overrides.tab?.digests ??
      digestArchiveOver(
        services.digests,
        () => clock.now(),
        (tenantId, year, by) => annualReportLinks(services, tenantId, year, by, clock.now()),
      ),
    devTenants: () => tenantsWithBodies(store.table('bodies')),
  });
  const server = createServer({
    config,
    log,
    adapter,
    bot,
    pingStorage: () => store.ping(),
    icsFor: (token) => icsFor({ bodies, meetings }, token),
    agendaLinkFor: (token) => agendaLinkFor({ bodies, meetings, agendas: services.agendas }, token),
    fileFor: fileLookup(services),
    tabApi,
    tabFile: tabFiles(overrides.tab?.dir ?? defaultTabDir()),
  });

  return {
    services,
    jobRunner,
    outboxSender,
    async start() {
      await store.ensureTables();
      // Each known tenant's daily cadence watch (it reschedules itself from then on).
      const tenants = [...new Set([...config.tenantIds, ...(await jobTable.tenants())])];
      await ensureCadenceWatch(scheduler, tenants, clock.now());
      // And each one's next monthly digest (each run schedules the following month's).
      await ensureDigestJobs(scheduler, tenants, clock.now());
      // And each one's measures wheel (autumn agenda item, December evaluations).
      await ensureMeasureJobs(scheduler, tenants, clock.now());
      if (overrides.loops !== false) {
        jobRunner.start();
        outboxSender.start();
      }
      await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      log.info(
        { port, host: config.host, devMode: config.devMode, tenants: config.tenantIds.length || 'any' },
        config.devMode ? 'SLT-boten listening in DEVELOPMENT MODE: no authentication, loopback only' : 'SLT-boten listening with Bot Framework authentication',
      );
      return port;
    },
    async stop() {
      await Promise.all([jobRunner.stop(), outboxSender.stop()]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
