import { kithModule } from '../module.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Jobs } from '../../kernel/jobs.js';
import { createAnalyticsService } from './analytics.service.js';
import { createLifecycleService } from './lifecycle.service.js';
import { analyticsRoutes } from './analytics.routes.js';
import { createBusinessService } from './business.service.js';
import { businessRoutes } from './business.routes.js';
import { analyticsJobs, analyticsMemberParticipant } from './analytics.jobs.js';

/**
 * Analytics 数据分析: engagement, community comparison and health, heatmap, RFM layering, cohort
 * retention and the lifecycle funnel, from rollups kept as activities arrive; business impact and
 * campaign ROI, from orders and tags (definitions in docs/metrics.md). The only door into the module.
 */
export { RFM_LAYERS, RFM_GRID, type RfmLayer } from './domain/rfm.js';

export function createAnalyticsModule(deps: { database: Database; clock: Clock; jobs: Jobs; timeZone: string }) {
  const analytics = createAnalyticsService(deps);
  const lifecycle = createLifecycleService({ ...deps, analytics });
  const business = createBusinessService(deps);
  /** One plugin for app.ts: the reports' routes, then business impact and campaigns. */
  const routes: FastifyPluginAsyncTypebox = async (app) => {
    await app.register(analyticsRoutes(analytics, lifecycle));
    await app.register(businessRoutes(business));
  };
  const background = analyticsJobs({
    jobs: deps.jobs,
    clock: deps.clock,
    timeZone: deps.timeZone,
    analytics,
    lifecycle,
  });
  return kithModule({
    name: 'analytics',
    jobs: background.handlers,
    subscribers: [background.subscriber],
    service: analytics,
    lifecycle,
    business,
    routes: [routes],
    participant: analyticsMemberParticipant(deps.timeZone),
    schedule: (tx: Tx) => background.schedule(tx),
  });
}

export type AnalyticsModule = ReturnType<typeof createAnalyticsModule>;
