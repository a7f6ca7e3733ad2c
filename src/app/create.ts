import type { Server } from 'restify';
import type { Config } from '../config';
import { createLogger, type Logger } from '../log';
import { startingClock, systemClock, type Clock } from '../clock';
import { TableStore } from '../storage/tables';
import { RoleRepository } from '../storage/table/roles';
import { BodyRepository } from '../storage/table/bodies';
import { MeetingRepository } from '../storage/table/meetings';
import { icsFor } from './meetings';
import { TrendRepository } from '../storage/table/trends';
import { EscalationRepository } from '../storage/table/escalations';
import { AuditRepository } from '../storage/table/audit';
import { FocusAreaRepository } from '../storage/table/focus-areas';
import { ProfileRepository } from '../storage/table/profiles';
import { createAdapter } from '../bot/adapter';
import { SltBot } from '../bot/handler';
import { TeamsRoster } from '../bot/roster';
import { standingResolver } from './standing';
import { conversationTracker } from './conversations';
import { createServer } from '../http/server';
import { JobTable } from '../storage/table/jobs';
import { OutboxTable } from '../storage/table/outbox';
import { TABLE_NAMES, type TableName } from '../storage/tables';
import { StorageJobScheduler } from '../scheduler/jobs';
import { StorageOutbox } from '../scheduler/outbox';
import type { Services } from './services';

export interface App {
  readonly services: Services;
  readonly server: Server;
  /** Creates tables, then listens. Resolves with the bound port. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

export interface AppOverrides {
  clock?: Clock;
  log?: Logger;
}

/** Composition root: config → storage → services → bot → server. */
export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const log = overrides.log ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? (config.clockStart ? startingClock(config.clockStart) : systemClock);
  if (!config.storageConnectionString) throw new Error('STORAGE_CONNECTION_STRING missing (npm start provides Azurite)');
  const store = new TableStore(config.storageConnectionString, config.tablePrefix);
  const roles = new RoleRepository(store.table('roles'));
  const bodies = new BodyRepository(store.table('bodies'));
  const meetings = new MeetingRepository(store.table('meetings'));
  const jobTable = new JobTable(store.table('jobs'), store.table('claims'));
  const scheduler = new StorageJobScheduler(jobTable, clock);
  const isTable = (name: string): name is TableName => (TABLE_NAMES as readonly string[]).includes(name);
  const outboxTable = new OutboxTable(store.table('outbox'), (name) => (isTable(name) ? store.table(name) : undefined));
  const outbox = new StorageOutbox(outboxTable, clock);

  // The adapter comes first: the roster reads Teams through it, proactively.
  const adapter = createAdapter(config, log);
  const roster = new TeamsRoster(adapter, config.bot.appId);

  const services: Services = {
    config,
    clock,
    log,
    store,
    roles,
    bodies,
    roster,
    meetings,
    scheduler,
    outbox,
    trends: new TrendRepository(store.table('trends')),
    escalations: new EscalationRepository(store.table('escalations')),
    audit: new AuditRepository(store.table('audit')),
    focusAreas: new FocusAreaRepository(store.table('settings')),
    profiles: new ProfileRepository(store.table('members')),
    noteConversation: conversationTracker(bodies, log),
    standing: standingResolver({ config, roles, bodies, roster, log }),
  };

  const bot = new SltBot(services);
  const server = createServer({ config, log, adapter, bot, pingStorage: () => store.ping(), icsFor: (token) => icsFor({ bodies, meetings }, token) });

  return {
    services,
    server,
    async start() {
      await store.ensureTables();
      await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      log.info(
        { port, host: config.host, devMode: config.devMode, tenants: config.tenantIds.length || 'any' },
        config.devMode
          ? 'SLT-boten listening in DEVELOPMENT MODE: no authentication, loopback only'
          : 'SLT-boten listening with Bot Framework authentication',
      );
      return port;
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
