import { sql } from 'kysely';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from './kernel/config.js';
import { openDatabase, type Database } from './kernel/db/database.js';
import { migrate } from './kernel/db/migrator.js';
import { createLogger, type Logger } from './kernel/logger.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { createJobs, type Jobs } from './kernel/jobs.js';
import { buildHttpApp, type HttpApp } from './http/app.js';
import { createAccessService, accessRoutes, createMemberSessions, memberSessionRoutes, type AccessService, type MemberSessions } from './modules/access/index.js';
import { createCommunitiesService, communitiesRoutes, communitiesMemberParticipant, type CommunitiesService } from './modules/communities/index.js';
import { createMembersService, membersRoutes, type MembersService } from './modules/members/index.js';
import {
  createIngestService, activityRoutes, activityMemberParticipant, createImportService, planFactory, importRoutes, lastActiveSubscriber, createUploadStore, uploadDirFor, wholeFileReader,
  type IngestService, type ImportService,
} from './modules/activity/index.js';
import { createOverviewService, overviewRoutes } from './modules/overview/index.js';
import { createSystemService, systemRoutes } from './modules/system/index.js';
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
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, adoptEmbedded: opts.adoptEmbedded, log: (m) => log.info(m) }));
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
  await migrate(database);

  const jobs = createJobs({ database, log, clock });
  const access = createAccessService({ database, clock, settings: config });
  const memberSessions = createMemberSessions({ database, clock });
  const communities = createCommunitiesService({ database, clock, timeZone: config.timeZone });
  const members = createMembersService({ database, clock });
  members.participants.register(communitiesMemberParticipant);
  const ingest = createIngestService({ database, clock, jobs });
  members.participants.register(activityMemberParticipant);
  jobs.subscribe(lastActiveSubscriber);
  const loyalty = createLoyaltyModule({ database, clock, jobs, timeZone: config.timeZone });
  members.participants.register(loyalty.participant);
  await database.transaction((tx) => loyalty.schedule(tx));
  const analytics = createAnalyticsModule({ database, clock, jobs, timeZone: config.timeZone });
  members.participants.register(analytics.participant);
  await database.transaction((tx) => analytics.schedule(tx));
  const uploads = createUploadStore(
    uploadDirFor({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, embeddedOnDisk: !opts.database }),
    config.importMaxMb * 1024 * 1024,
  );
  const imports = createImportService({
    database, clock, log, uploads, plans: planFactory({ ingest, timeZone: config.timeZone }), readWholeFile: wholeFileReader({ timeZone: config.timeZone }),
  });

  const modules: FastifyPluginAsyncTypebox[] = [
    accessRoutes(access, { cookieSecure: config.cookieSecure, sessionTtlHours: config.sessionTtlHours }),
    communitiesRoutes(communities),
    membersRoutes(members),
    activityRoutes({ ingest, database }),
    importRoutes(imports),
    overviewRoutes(createOverviewService({ database, clock, timeZone: config.timeZone, analytics: analytics.service })),
    ...loyalty.routes,
    memberSessionRoutes(memberSessions),
    systemRoutes(createSystemService({ database, databaseUrl: config.databaseUrl })),
    analytics.routes,
  ];

  const http = await buildHttpApp({
    log,
    access: { authenticateApiKey: access.authenticateApiKey, authenticateSession: access.authenticateSession, authenticateMemberToken: memberSessions.authenticateMemberToken },
    modules,
    consoleDir: opts.consoleDir,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    uploadLimitBytes: uploads.maxBytes,
    health: async () => {
      await database.ping();
      return { database: true };
    },
  });

  return {
    config, database, log, clock, jobs, access, memberSessions, communities, members, ingest, imports, loyalty, analytics, http,
    async close() {
      await imports.stop();
      await jobs.stop();
      await http.app.close();
      if (!opts.database) await database.close();
    },
  };
}
