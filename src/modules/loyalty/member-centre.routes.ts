import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Cursor } from '../../http/schemas.js';
import type { AccountsService } from './accounts.service.js';
import type { BadgesService } from './badges.service.js';
import type { RewardsService } from './rewards.service.js';
import * as S from './loyalty.schemas.js';

/**
 * The member-facing programme API 会员中心, for a member signed in with a member-centre token: my
 * tier and progress, benefits, points and when they expire, my history, rewards I can redeem, and
 * redeeming. A member only ever reaches their own data: the member id comes from the token.
 */
export function memberCentreRoutes(m: {
  accounts: AccountsService;
  rewards: RewardsService;
  badges: BadgesService;
}): FastifyPluginAsyncTypebox {
  const { accounts, rewards, badges } = m;
  return async (app) => {
    const tags = ['member centre'];
    const me = (req: { actor: { id: number | null } | null }) => req.actor!.id!;

    app.get(
      '/me/loyalty',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'My tier, progress to the next, benefits, points, expiring points and tier history',
          response: { 200: S.StandingSchema },
        },
      },
      async (req) => accounts.standing(req.ctx, me(req)),
    );

    app.get(
      '/me/loyalty/ledger',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'My points history, newest first',
          querystring: S.LedgerQuery,
          response: {
            200: Type.Object({
              items: Type.Array(S.PostingSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (req) => accounts.ledgerPage(req.ctx, me(req), req.query),
    );

    app.get(
      '/me/rewards',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Rewards, each with whether I can redeem it now and why not',
          response: { 200: Type.Object({ items: Type.Array(S.CatalogueItemSchema) }) },
        },
      },
      async (req) => ({ items: await rewards.catalogueFor(me(req)) }),
    );

    app.post(
      '/me/redemptions',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Redeem a reward (send the same idempotencyKey when retrying)',
          body: S.RedeemBody,
          response: { 201: S.RedemptionSchema, 200: S.RedemptionSchema },
        },
      },
      async (req, reply) => {
        const r = await rewards.redeem(
          req.ctx,
          me(req),
          req.body.rewardId,
          `member:${me(req)}:${req.body.idempotencyKey}`,
          req.ctx.actor.label,
        );
        reply.status(r.created ? 201 : 200);
        return r.redemption;
      },
    );

    app.get(
      '/me/redemptions',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'My redemptions, newest first',
          querystring: Type.Object({ cursor: Cursor }),
          response: { 200: S.RedemptionsPage },
        },
      },
      async (req) => rewards.listRedemptions(req.ctx, { memberId: me(req), cursor: req.query.cursor }),
    );

    app.get(
      '/me/badges',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'My badges and honour titles',
          response: { 200: Type.Object({ items: Type.Array(S.MemberBadgeSchema) }) },
        },
      },
      async (req) => ({ items: await badges.ofMember(req.ctx, me(req)) }),
    );
  };
}
