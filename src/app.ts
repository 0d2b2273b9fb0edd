import { sql } from 'kysely';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from './kernel/config.js';
import { openDatabase, type Database } from './kernel/db/database.js';
import { migrate } from './kernel/db/migrator.js';
import { createLogger, type Logger } from './kernel/logger.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { createJobs, type Jobs } from './kernel/jobs.js';
import { buildHttpApp, type HttpApp } from './http/app.js';
import type { KithModule } from './modules/module.js';
import { createAccessModule, type AccessService, type MemberSessions } from './modules/access/index.js';
import { createCommunitiesModule, type CommunitiesService } from './modules/communities/index.js';
import { createMembersModule, type MembersService } from './modules/members/index.js';
import {
  createActivityModule,
  uploadDirFor,
  type IngestService,
  type ImportService,
} from './modules/activity/index.js';
import { createOverviewModule } from './modules/overview/index.js';
import { createSystemModule } from './modules/system/index.js';
import { createLoyaltyModule, type LoyaltyModule } from './modules/loyalty/index.js';
import { createAnalyticsModule, type AnalyticsModule } from './modules/analytics/index.js';

/**
 * The composition root: opens the database, applies migrations, builds every module with its
 * dependencies and mounts their routes and jobs. Everything else receives what it needs from here.
 */
export interface Kith {
  config: Config;
  database: Database;
  log: Logger;
  clock: Clock;
  jobs: Jobs;
  access: AccessService;
  /** Member-centre sign-in tokens. */
  memberSessions: MemberSessions;
  communities: CommunitiesService;
  /** Members; other modules join merges, exports and erasure through `members.participants.register`. */
  members: MembersService;
  /** The one write path of the activity stream. */
  ingest: IngestService;
  imports: ImportService;
  /** The membership programme: tiers, points ledger, rules, adjustments. */
  loyalty: LoyaltyModule;
  /** Engagement, community comparison, heatmap, RFM from rollups. */
  analytics: AnalyticsModule;
  http: HttpApp;
  close(): Promise<void>;
}

export interface CreateKithOptions {
  config: Config;
  database?: Database;
  clock?: Clock;
  log?: Logger;
  /** Folder of the built console served at `/` (default `dist/console`; tests pass a fake one). */
  consoleDir?: string;
  /** `kith start`: adopt the embedded PostgreSQL if another command started it (embedded-server.ts). */
  adoptEmbedded?: boolean;
}

export async function createKith(opts: CreateKithOptions): Promise<Kith> {
  const { config } = opts;
  const log = opts.log ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const database =
    opts.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      adoptEmbedded: opts.adoptEmbedded,
      log: (m) => log.info(m),
    }));
  try {
    return await assemble(opts, database, log, clock);
  } catch (e) {
    // A database opened here is closed here: a failed start must not leave the embedded
    // database's folder locked (or a pool open) behind it.
    if (!opts.database) await database.close().catch(() => {});
    throw e;
  }
}

async function assemble(opts: CreateKithOptions, database: Database, log: Logger, clock: Clock): Promise<Kith> {
  const { config } = opts;
  const timeZone = config.timeZone;
  await migrate(database);

  const jobs = createJobs({ database, log, clock });
  // Every module, built in order of what it needs from the ones before it (docs/new-module.md).
  const access = createAccessModule({ database, clock, settings: config, cookieSecure: config.cookieSecure });
  const communities = createCommunitiesModule({ database, clock, timeZone });
  const members = createMembersModule({ database, clock, jobs, timeZone: config.timeZone });
  const activity = createActivityModule({
    database,
    clock,
    jobs,
    log,
    timeZone,
    uploadDir: uploadDirFor({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      embeddedOnDisk: !opts.database,
    }),
    uploadMaxBytes: config.importMaxMb * 1024 * 1024,
  });
  const loyalty = createLoyaltyModule({ database, clock, jobs, timeZone });
  const analytics = createAnalyticsModule({ database, clock, jobs, timeZone });
  const overview = createOverviewModule({ database, clock, timeZone, analytics: analytics.service });
  const system = createSystemModule({ database, databaseUrl: config.databaseUrl });
  const all: KithModule[] = [access, communities, members, activity, overview, loyalty, system, analytics];

  for (const m of all) {
    for (const h of m.jobs ?? []) jobs.register(h);
    for (const sub of m.subscribers ?? []) jobs.subscribe(sub);
    if (m.participant) members.members.participants.register(m.participant);
  }
  for (const m of all) if (m.schedule) await database.transaction((tx) => m.schedule!(tx));
  const modules: FastifyPluginAsyncTypebox[] = all.flatMap((m) => m.routes);

  const http = await buildHttpApp({
    log,
    access: {
      authenticateApiKey: access.access.authenticateApiKey,
      authenticateSession: access.access.authenticateSession,
      authenticateMemberToken: access.memberSessions.authenticateMemberToken,
    },
    modules,
    consoleDir: opts.consoleDir,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    uploadLimitBytes: activity.uploads.maxBytes,
    health: async () => {
      await database.ping();
      return { database: true };
    },
  });

  return {
    config,
    database,
    log,
    clock,
    jobs,
    http,
    loyalty,
    analytics,
    access: access.access,
    memberSessions: access.memberSessions,
    communities: communities.communities,
    members: members.members,
    ingest: activity.ingest,
    imports: activity.imports,
    async close() {
      for (const m of all) await m.stop?.();
      await jobs.stop();
      await http.app.close();
      if (!opts.database) await database.close();
    },
  };
}
