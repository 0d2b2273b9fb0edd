import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParam } from '../../http/schemas.js';
import type { BusinessService } from './business.service.js';
import * as S from './business.schemas.js';

/** Business impact and campaigns (docs/metrics.md, "Business impact and campaign ROI"). */
export function businessRoutes(b: BusinessService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['analytics'];

    app.get(
      '/analytics/business',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary:
            'Word of mouth and business impact 口碑与商业价值: referrals, and revenue and orders by community, tier and RFM layer',
          querystring: S.BusinessQuery,
          response: { 200: S.BusinessSchema },
        },
      },
      async (req) => b.impact(req.ctx, req.query),
    );

    app.get(
      '/analytics/campaigns',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: 'Campaigns 营销活动 with their attributed revenue and ROI (archived ones when asked)',
          querystring: S.CampaignListQuery,
          response: { 200: S.CampaignListSchema },
        },
      },
      async (req) => b.list(req.ctx, req.query),
    );

    app.post(
      '/analytics/campaigns',
      {
        config: { access: 'analytics:compute' },
        schema: {
          tags,
          summary: 'Add a campaign: a tag, its days, attribution days and cost',
          body: S.CampaignBody,
          response: { 201: S.CampaignSchema },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return b.create(req.ctx, req.body);
      },
    );

    app.get(
      '/analytics/campaigns/:id',
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: "A campaign's figures with its attributed revenue per day",
          params: IdParam,
          response: { 200: S.CampaignDetailSchema },
        },
      },
      async (req) => b.get(req.ctx, req.params.id),
    );

    app.patch(
      '/analytics/campaigns/:id',
      {
        config: { access: 'analytics:compute' },
        schema: {
          tags,
          summary: 'Change a campaign',
          params: IdParam,
          body: S.CampaignPatch,
          response: { 200: S.CampaignSchema },
        },
      },
      async (req) => b.update(req.ctx, req.params.id, req.body),
    );

    app.delete(
      '/analytics/campaigns/:id',
      {
        config: { access: 'analytics:compute' },
        schema: {
          tags,
          summary: 'Archive a campaign (it leaves the list; its figures can still be read)',
          params: IdParam,
          response: { 200: S.CampaignSchema },
        },
      },
      async (req) => b.archive(req.ctx, req.params.id),
    );
  };
}
