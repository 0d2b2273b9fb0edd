import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam, Ok } from '../../http/schemas.js';
import type { RewardsService } from './rewards.service.js';
import type { BadgesService } from './badges.service.js';
import type { BadgeCriteria } from './domain/badges.js';
import * as S from './loyalty.schemas.js';

/** Staff routes of rewards, redemptions and badges. */
export function rewardsRoutes(m: { rewards: RewardsService; badges: BadgesService }): FastifyPluginAsyncTypebox {
  const { rewards, badges } = m;
  return async (app) => {
    const tags = ['loyalty'];
    const Decision = Type.Object(
      { note: Type.Optional(Type.String({ maxLength: 500 })) },
      { additionalProperties: false },
    );

    app.get(
      '/loyalty/rewards',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: 'Rewards catalogue 奖励 (archived ones when asked)',
          querystring: Type.Object({ archived: Type.Optional(Type.Boolean()) }),
          response: { 200: Type.Object({ items: Type.Array(S.RewardSchema) }) },
        },
      },
      async (req) => ({ items: await rewards.list({ archived: req.query.archived }) }),
    );

    app.post(
      '/loyalty/rewards',
      {
        config: { access: 'loyalty:manage' },
        schema: { tags, summary: 'Add a reward', body: S.RewardBody, response: { 201: S.RewardSchema } },
      },
      async (req, reply) => {
        reply.status(201);
        return rewards.create(req.ctx, req.body);
      },
    );

    app.put(
      '/loyalty/rewards/:id',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary: 'Change a reward (stock, cost, dates, archive)',
          params: IdParam,
          body: S.RewardBody,
          response: { 200: S.RewardSchema },
        },
      },
      async (req) => rewards.update(req.ctx, req.params.id, req.body),
    );

    app.post(
      '/loyalty/rewards/:id/codes',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary: "Upload codes to a coupon's pool",
          params: IdParam,
          body: S.CodesBody,
          response: { 200: S.CodesResult },
        },
      },
      async (req) => rewards.uploadCodes(req.ctx, req.params.id, req.body.codes),
    );

    app.get(
      '/loyalty/redemptions',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: 'Redemptions, newest first (status=requested is the queue to fulfil)',
          querystring: S.RedemptionsQuery,
          response: { 200: S.RedemptionsPage },
        },
      },
      async (req) => rewards.listRedemptions(req.ctx, req.query),
    );

    app.get(
      '/members/:id/loyalty/rewards',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: 'The rewards as this member sees them: each with whether they can redeem it now, and why not',
          params: IdParam,
          response: { 200: Type.Object({ items: Type.Array(S.CatalogueItemSchema) }) },
        },
      },
      async (req) => ({ items: await rewards.catalogueForStaff(req.ctx, req.params.id) }),
    );

    app.post(
      '/members/:id/loyalty/redemptions',
      {
        config: { access: 'loyalty:adjust' },
        schema: {
          tags,
          summary: 'Redeem a reward for a member (e.g. at the counter)',
          params: IdParam,
          body: S.RedeemBody,
          response: { 201: S.RedemptionSchema, 200: S.RedemptionSchema },
        },
      },
      async (req, reply) => {
        const r = await rewards.redeem(
          req.ctx,
          req.params.id,
          req.body.rewardId,
          `staff:${req.body.idempotencyKey}`,
          req.ctx.actor.label,
        );
        reply.status(r.created ? 201 : 200);
        return r.redemption;
      },
    );

    app.post(
      '/loyalty/redemptions/:id/fulfil',
      {
        config: { access: 'loyalty:adjust' },
        schema: {
          tags,
          summary: 'Mark a redemption fulfilled (gift sent, privilege granted)',
          params: IdParam,
          body: Decision,
          response: { 200: S.RedemptionSchema },
        },
      },
      async (req) => rewards.fulfil(req.ctx, req.params.id, req.body?.note ?? ''),
    );

    app.post(
      '/loyalty/redemptions/:id/cancel',
      {
        config: { access: 'loyalty:adjust' },
        schema: {
          tags,
          summary: 'Cancel a redemption: points back, stock freed',
          params: IdParam,
          body: Decision,
          response: { 200: S.RedemptionSchema },
        },
      },
      async (req) => rewards.cancel(req.ctx, req.params.id, req.body?.note ?? ''),
    );

    app.get(
      '/loyalty/badges',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: 'Badges 勋章 and honour titles 荣誉称号 with how many hold each',
          response: { 200: Type.Object({ items: Type.Array(S.BadgeSchema) }) },
        },
      },
      async () => ({ items: await badges.list() }),
    );

    app.post(
      '/loyalty/badges',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary: 'Add a badge (criteria: awarded automatically each night; null: by hand only)',
          body: S.BadgeBody,
          response: { 201: S.BadgeSchema },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return badges.create(req.ctx, { ...req.body, criteria: req.body.criteria as BadgeCriteria | null });
      },
    );

    app.put(
      '/loyalty/badges/:id',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary: 'Change a badge',
          params: IdParam,
          body: S.BadgeBody,
          response: { 200: S.BadgeSchema },
        },
      },
      async (req) =>
        badges.update(req.ctx, req.params.id, { ...req.body, criteria: req.body.criteria as BadgeCriteria | null }),
    );

    app.get(
      '/members/:id/loyalty/badges',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: "A member's badges and titles",
          params: IdParam,
          response: { 200: Type.Object({ items: Type.Array(S.MemberBadgeSchema) }) },
        },
      },
      async (req) => ({ items: await badges.ofMember(req.ctx, req.params.id) }),
    );

    app.post(
      '/members/:id/loyalty/badges',
      {
        config: { access: 'loyalty:adjust' },
        schema: {
          tags,
          summary: 'Award a badge by hand',
          params: IdParam,
          body: S.AwardBody,
          response: { 201: Type.Object({ id: Type.Integer() }) },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return { id: await badges.award(req.ctx, req.params.id, req.body.badgeId, req.body.reason) };
      },
    );

    app.delete(
      '/members/:id/loyalty/badges/:awardId',
      {
        config: { access: 'loyalty:adjust' },
        schema: { tags, summary: 'Take a badge back', params: S.AwardParams, response: { 200: Ok } },
      },
      async (req) => {
        await badges.revoke(req.ctx, req.params.id, req.params.awardId);
        return { ok: true };
      },
    );
  };
}
