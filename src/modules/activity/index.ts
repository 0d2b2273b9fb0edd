/** Activity: the append-only activity stream, orders, the ingest API and the importers. */
export {
  createIngestService,
  MAX_BATCH,
  ACTIVITY_INGESTED,
  type ActivityIngestedPayload,
  type IngestService,
  type IngestSummary,
  type ItemResult,
} from './ingest.service.js';
export { activityRoutes } from './activity.routes.js';
export { activityMemberParticipant } from './activity.participant.js';
export {
  ACTIVITY_KINDS,
  checkActivity,
  parseAmount,
  type ActivityInput,
  type ActivityKind,
} from './domain/activity-input.js';
export {
  createImportService,
  rejectionsCsv,
  IMPORT_KINDS,
  type ImportService,
  type ImportReport,
  type ImportKind,
  type ImportOptions,
} from './importers/import.service.js';
export { planFactory } from './importers/plans.js';
export { createUploadStore, uploadDirFor, type UploadStore, type StoredUpload } from './importers/upload-store.js';
export { wholeFileReader } from './importers/whole-file.js';
export { importRoutes } from './importers/import.routes.js';
export { IMPORT_EXIT_CODES } from './formats/index.js';
export { lastActiveSubscriber } from './last-active.subscriber.js';

import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Jobs } from '../../kernel/jobs.js';
import type { Logger } from '../../kernel/logger.js';
import { kithModule } from '../module.js';
import { createIngestService as makeIngest } from './ingest.service.js';
import { createActivityService as makeActivity } from './activity.service.js';
import { activityRoutes as makeActivityRoutes } from './activity.routes.js';
import { activityMemberParticipant as participant } from './activity.participant.js';
import { createImportService as makeImports } from './importers/import.service.js';
import { planFactory as plans } from './importers/plans.js';
import { createUploadStore as makeUploads } from './importers/upload-store.js';
import { wholeFileReader as reader } from './importers/whole-file.js';
import { importRoutes as makeImportRoutes } from './importers/import.routes.js';
import { lastActiveSubscriber as lastActive } from './last-active.subscriber.js';

export function createActivityModule(deps: {
  database: Database;
  clock: Clock;
  jobs: Jobs;
  log: Logger;
  timeZone: string;
  /** Where uploads wait while they are imported, and the largest accepted. */
  uploadDir: string;
  uploadMaxBytes: number;
}) {
  const { database, clock, timeZone } = deps;
  const ingest = makeIngest({ database, clock, jobs: deps.jobs });
  const activity = makeActivity({ database });
  const uploads = makeUploads(deps.uploadDir, deps.uploadMaxBytes);
  const imports = makeImports({
    database,
    clock,
    log: deps.log,
    uploads,
    plans: plans({ ingest, timeZone }),
    readWholeFile: reader({ timeZone }),
  });
  return kithModule({
    name: 'activity',
    ingest,
    activity,
    imports,
    uploads,
    routes: [makeActivityRoutes({ ingest, activity }), makeImportRoutes(imports)],
    subscribers: [lastActive],
    participant,
    stop: () => imports.stop(),
  });
}
