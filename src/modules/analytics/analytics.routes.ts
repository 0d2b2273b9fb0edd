import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../../http/schemas.js';
import type { AnalyticsService } from './analytics.service.js';
import * as S from './analytics.schemas.js';

export function analyticsRoutes(a: AnalyticsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['analytics'];

    app.get('/analytics/engagement', {
      config: { access: 'analytics:read' },
      schema: { tags, summary: 'Engagement 活跃度: DAU/WAU/MAU, active and participation rates, messages, top contributors (from the daily rollup)', querystring: S.PeriodQuery, response: { 200: S.EngagementSchema } },
    }, async (req) => a.engagement(req.ctx, req.query));

    app.get('/analytics/heatmap', {
      config: { access: 'analytics:read' },
      schema: { tags, summary: 'Meaningful activities by weekday and hour of the workspace time zone', querystring: S.PeriodQuery, response: { 200: S.HeatmapSchema } },
    }, async (req) => a.heatmap(req.ctx, req.query));

    app.get('/analytics/communities', {
      config: { access: 'analytics:read' },
      schema: { tags, summary: 'Communities side by side: members, active members, active rate, messages', querystring: Type.Omit(S.PeriodQuery, ['communityId']), response: { 200: S.CommunityComparisonSchema } },
    }, async (req) => a.communities(req.ctx, req.query));

    app.get('/analytics/rfm', {
      config: { access: 'analytics:read' },
      schema: { tags, summary: 'RFM layers 分层 with members, revenue and the operating strategy of each; the R × F grid', response: { 200: S.RfmSchema } },
    }, async (req) => a.rfm(req.ctx));

    app.post('/analytics/rfm/compute', {
      config: { access: 'analytics:compute' },
      schema: { tags, summary: 'Score every buyer now (it also runs each night)', response: { 200: Type.Object({ scored: Type.Integer() }) } },
    }, async (req) => ({ scored: await a.computeRfm(undefined, req.ctx) }));

    app.put('/analytics/rfm/layers/:layer', {
      config: { access: 'analytics:compute' },
      schema: { tags, summary: "Change a layer's name or operating strategy", params: S.LayerParam, body: S.LayerBody, response: { 200: S.LayerSchema } },
    }, async (req) => a.updateLayer(req.ctx, req.params.layer, req.body));

    app.get('/analytics/rfm/layers/:layer/members', {
      config: { access: 'analytics:read' },
      schema: { tags, summary: 'The members of a layer', params: S.LayerParam, querystring: S.LayerMembersQuery, response: { 200: S.LayerMembersSchema } },
    }, async (req) => a.layerMembers(req.ctx, req.params.layer, req.query));

    app.get('/members/:id/rfm', {
      config: { access: 'analytics:read' },
      schema: { tags, summary: "A member's RFM scores and layer (null: no order in the window)", params: IdParam, response: { 200: S.MemberRfmSchema } },
    }, async (req) => a.memberRfm(req.ctx, req.params.id));

    app.get('/analytics/settings', {
      config: { access: 'analytics:read' }, schema: { tags, summary: 'The settings behind the metric definitions', response: { 200: S.SettingsSchema } },
    }, async () => a.settings());

    app.patch('/analytics/settings', {
      config: { access: 'analytics:compute' },
      schema: { tags, summary: 'Change which kinds are meaningful (the rollups are rebuilt) or the RFM window', body: S.SettingsPatch, response: { 200: S.SettingsSchema } },
    }, async (req) => a.updateSettings(req.ctx, req.body));
  };
}
