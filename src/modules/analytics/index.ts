import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Jobs } from '../../kernel/jobs.js';
import { createAnalyticsService } from './analytics.service.js';
import { createLifecycleService } from './lifecycle.service.js';
import { analyticsRoutes } from './analytics.routes.js';
import { analyticsJobs, analyticsMemberParticipant } from './analytics.jobs.js';

/**
 * Analytics 数据分析: engagement, community comparison, heatmap, RFM layering, cohort retention and
 * the lifecycle funnel, from rollups kept
 * as activities arrive (definitions in docs/metrics.md). The only door into the module.
 */
export { RFM_LAYERS, RFM_GRID, type RfmLayer } from './domain/rfm.js';

export function createAnalyticsModule(deps: { database: Database; clock: Clock; jobs: Jobs; timeZone: string }) {
  const analytics = createAnalyticsService(deps);
  const lifecycle = createLifecycleService({ ...deps, analytics });
  const background = analyticsJobs({ jobs: deps.jobs, clock: deps.clock, timeZone: deps.timeZone, analytics, lifecycle });
  deps.jobs.subscribe(background.subscriber);
  for (const h of background.handlers) deps.jobs.register(h);
  return {
    service: analytics,
    lifecycle,
    routes: analyticsRoutes(analytics, lifecycle),
    participant: analyticsMemberParticipant(deps.timeZone),
    schedule: (tx: Tx) => background.schedule(tx),
  };
}

export type AnalyticsModule = ReturnType<typeof createAnalyticsModule>;
