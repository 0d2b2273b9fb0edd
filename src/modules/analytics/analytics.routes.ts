import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../../http/schemas.js';
import type { AnalyticsService } from './analytics.service.js';
import type { LifecycleService } from './lifecycle.service.js';
import * as S from './analytics.schemas.js';
import * as L from './lifecycle.schemas.js';

export function analyticsRoutes(a: AnalyticsService, life: LifecycleService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['analytics'];

    app.get(
      '/analytics/engagement',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary:
            'Engagement 活跃度: DAU/WAU/MAU, active and participation rates, messages, a daily series (from the rollups)',
          querystring: S.PeriodQuery,
          response: { 200: S.EngagementSchema },
        },
      },
      async (req) => a.engagement(req.ctx, req.query),
    );

    app.get(
      '/analytics/top-contributors',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: 'The 10 members with the most meaningful activities in the period',
          querystring: S.PeriodQuery,
          response: { 200: S.TopContributorsSchema },
        },
      },
      async (req) => a.topContributors(req.ctx, req.query),
    );

    app.get(
      '/analytics/heatmap',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: 'Meaningful activities by weekday and hour of the workspace time zone',
          querystring: S.PeriodQuery,
          response: { 200: S.HeatmapSchema },
        },
      },
      async (req) => a.heatmap(req.ctx, req.query),
    );

    app.get(
      '/analytics/communities',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: 'Communities side by side: members, active members, active rate, messages',
          querystring: Type.Omit(S.PeriodQuery, ['communityId']),
          response: { 200: S.CommunityComparisonSchema },
        },
      },
      async (req) => a.communities(req.ctx, req.query),
    );

    app.get(
      '/analytics/health',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary:
            'Community health 社群健康度: a score from growth, activity and retention, its parts, and advice for the stage',
          querystring: Type.Omit(S.PeriodQuery, ['communityId']),
          response: { 200: S.HealthSchema },
        },
      },
      async (req) => a.health(req.ctx, req.query),
    );

    app.get(
      '/analytics/cohorts',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary:
            'Cohort retention 留存: members by join week or month × periods since joining, for a community or a segment',
          querystring: L.CohortQuery,
          response: { 200: L.CohortSchema },
        },
      },
      async (req) => life.cohorts(req.ctx, req.query),
    );

    app.get(
      '/analytics/funnel',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary:
            'Lifecycle funnel 获客 → 激活 → 留存 → 变现 of the members who joined in the period, with conversions; by community, channel or join source',
          querystring: L.FunnelQuery,
          response: { 200: L.FunnelSchema },
        },
      },
      async (req) => life.funnel(req.ctx, req.query),
    );

    app.get(
      '/analytics/lifecycle',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: 'Members per lifecycle stage (kept by the nightly job)',
          querystring: L.StagesQuery,
          response: { 200: L.StagesSchema },
        },
      },
      async (req) => life.stages(req.ctx, req.query),
    );

    app.post(
      '/analytics/lifecycle/update',
      {
        config: { access: 'analytics:compute' },
        schema: {
          tags,
          summary: "Set every member's lifecycle stage now (it also runs each night)",
          response: { 200: Type.Object({ changed: Type.Integer() }) },
        },
      },
      async (req) => ({ changed: await life.updateStages(req.ctx) }),
    );

    app.get(
      '/analytics/rfm',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: 'RFM layers 分层 with members, revenue and the operating strategy of each; the R × F grid',
          response: { 200: S.RfmSchema },
        },
      },
      async (req) => a.rfm(req.ctx),
    );

    app.post(
      '/analytics/rfm/compute',
      {
        config: { access: 'analytics:compute' },
        schema: {
          tags,
          summary:
            'Score every buyer as of a workspace day, by default today (it also runs each night, as of that day); records and returns what it computed',
          body: S.RfmComputeBody,
          response: { 200: S.RfmRunSchema },
        },
        // The body is optional (a bare POST scores as of today): no body reads as an empty one.
        preValidation: async (req) => {
          req.body ??= {};
        },
      },
      async (req) => a.computeRfm({ asOf: req.body.asOf }, req.ctx),
    );

    app.put(
      '/analytics/rfm/layers/:layer',
      {
        config: { access: 'analytics:compute' },
        schema: {
          tags,
          summary: "Change a layer's name or operating strategy",
          params: S.LayerParam,
          body: S.LayerBody,
          response: { 200: S.LayerSchema },
        },
      },
      async (req) => a.updateLayer(req.ctx, req.params.layer, req.body),
    );

    app.get(
      '/analytics/rfm/layers/:layer/members',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: 'The members of a layer',
          params: S.LayerParam,
          querystring: S.LayerMembersQuery,
          response: { 200: S.LayerMembersSchema },
        },
      },
      async (req) => a.layerMembers(req.ctx, req.params.layer, req.query),
    );

    app.get(
      '/members/:id/rfm',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: "A member's RFM scores and layer (null: no order in the window)",
          params: IdParam,
          response: { 200: S.MemberRfmSchema },
        },
      },
      async (req) => a.memberRfm(req.ctx, req.params.id),
    );

    app.get(
      '/analytics/settings',
      {
        config: { access: 'analytics:read' },
        schema: { tags, summary: 'The settings behind the metric definitions', response: { 200: S.SettingsSchema } },
      },
      async () => a.settings(),
    );

    app.patch(
      '/analytics/settings',
      {
        config: { access: 'analytics:compute' },
        schema: {
          tags,
          summary:
            'Change which kinds are meaningful (the rollups are rebuilt), the RFM window, or the lifecycle definitions',
          body: S.SettingsPatch,
          response: { 200: S.SettingsSchema },
        },
      },
      async (req) => a.updateSettings(req.ctx, req.body),
    );
  };
}
