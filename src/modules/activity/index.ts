/** Activity: the append-only activity stream, orders, the ingest API and the importers. */
export { createIngestService, MAX_BATCH, ACTIVITY_INGESTED, type IngestService, type IngestSummary, type ItemResult } from './ingest.service.js';
export { activityRoutes } from './activity.routes.js';
export { activityMemberParticipant } from './activity.participant.js';
export { ACTIVITY_KINDS, checkActivity, parseAmount, type ActivityInput, type ActivityKind } from './domain/activity-input.js';
export { createImportService, rejectionsCsv, IMPORT_KINDS, type ImportService, type ImportReport, type ImportKind, type ImportOptions } from './importers/import.service.js';
export { planFactory } from './importers/plans.js';
export { createUploadStore, uploadDirFor, type UploadStore, type StoredUpload } from './importers/upload-store.js';
export { wholeFileReader } from './importers/whole-file.js';
export { importRoutes } from './importers/import.routes.js';
export { IMPORT_EXIT_CODES } from './formats/index.js';
export { lastActiveSubscriber } from './last-active.subscriber.js';
