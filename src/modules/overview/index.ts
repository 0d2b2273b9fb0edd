/**
 * Overview 概览: read-only figures of the whole workspace for the console's first page — members
 * and growth, active members, messages per day, joins and leaves per community — and the
 * getting-started checklist, whose dismissals are the only thing it writes.
 * The only door into the module.
 */
export {
  createOverviewService,
  growthPercent,
  MAX_OVERVIEW_DAYS,
  type OverviewService,
  type Overview,
  type OverviewDeps,
} from './overview.service.js';
export { overviewRoutes } from './overview.routes.js';
export { resolveDayPeriod, addDays, daysBetween, isCalendarDate, type DayPeriod } from './domain/period.js';

import { kithModule } from '../module.js';
import { createOverviewService as makeOverview, type OverviewDeps as Deps } from './overview.service.js';
import { overviewRoutes as makeRoutes } from './overview.routes.js';
import { createChecklistService } from './checklist.service.js';

export function createOverviewModule(deps: Deps) {
  return kithModule({ name: 'overview', routes: [makeRoutes(makeOverview(deps), createChecklistService(deps))] });
}
