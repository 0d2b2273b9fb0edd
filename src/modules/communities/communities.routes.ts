import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../../http/schemas.js';
import type { CommunitiesService } from './communities.service.js';
import type { Community } from './community-views.js';
import type { Period } from './domain/period.js';
import { membershipRoutes } from './memberships.routes.js';
import * as S from './communities.schemas.js';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
export const periodOut = (p: Period) => ({ from: p.from.toISOString(), to: p.to.toISOString() });
const communityOut = <T extends Community>(c: T) => ({
  ...c,
  archivedAt: iso(c.archivedAt),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});
const ARCHIVED = { false: 'active', true: 'archived', all: 'all' } as const;

export function communitiesRoutes(service: CommunitiesService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['communities'];

    app.get(
      '/communities',
      {
        config: { access: 'communities:read' },
        schema: {
          tags,
          summary: 'List communities with member counts (archived ones hidden unless asked for)',
          querystring: S.ListQuery,
          response: {
            200: Type.Object({
              items: Type.Array(S.CommunityWithCountsSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
              period: S.PeriodSchema,
            }),
          },
        },
      },
      async (req) => {
        const { type, archived, ...q } = req.query;
        const r = await service.list(req.ctx, {
          ...q,
          positioningType: q.positioningType ?? type,
          archived: archived ? ARCHIVED[archived] : undefined,
        });
        return { items: r.items.map((c) => communityOut(c)), nextCursor: r.nextCursor, period: periodOut(r.period) };
      },
    );

    app.post(
      '/communities',
      {
        config: { access: 'communities:create' },
        schema: {
          tags,
          summary: 'Create a community',
          body: S.CreateCommunityBody,
          response: { 201: S.CommunitySchema },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return communityOut(await service.create(req.ctx, req.body));
      },
    );

    app.get(
      '/communities/:id',
      {
        config: { access: 'communities:read' },
        schema: {
          tags,
          summary: 'One community, with member counts for a period',
          params: IdParam,
          querystring: S.PeriodQuery,
          response: { 200: S.CommunityDetailSchema },
        },
      },
      async (req) => {
        const c = await service.get(req.ctx, req.params.id, req.query);
        return { ...communityOut(c), period: periodOut(c.period) };
      },
    );

    app.patch(
      '/communities/:id',
      {
        config: { access: 'communities:write' },
        schema: {
          tags,
          summary: 'Change a community (owner and admins are replaced when given)',
          params: IdParam,
          body: S.UpdateCommunityBody,
          response: { 200: S.CommunitySchema },
        },
      },
      async (req) => communityOut(await service.update(req.ctx, req.params.id, req.body)),
    );

    app.post(
      '/communities/:id/archive',
      {
        config: { access: 'communities:write' },
        schema: {
          tags,
          summary: 'Archive a community: hidden from lists, takes no new members, history kept',
          params: IdParam,
          response: { 200: S.CommunitySchema },
        },
      },
      async (req) => communityOut(await service.archive(req.ctx, req.params.id)),
    );

    app.post(
      '/communities/:id/unarchive',
      {
        config: { access: 'communities:write' },
        schema: {
          tags,
          summary: 'Bring an archived community back',
          params: IdParam,
          response: { 200: S.CommunitySchema },
        },
      },
      async (req) => communityOut(await service.unarchive(req.ctx, req.params.id)),
    );

    app.get(
      '/communities/:id/stats',
      {
        config: { access: 'communities:read' },
        schema: {
          tags,
          summary: 'Members now, joins and leaves in a period, capacity use',
          params: IdParam,
          querystring: S.PeriodQuery,
          response: { 200: S.StatsSchema },
        },
      },
      async (req) => {
        const s = await service.stats(req.ctx, req.params.id, req.query);
        return { ...s, period: periodOut(s.period) };
      },
    );

    app.get(
      '/communities/:id/trend',
      {
        config: { access: 'communities:read' },
        schema: {
          tags,
          summary: 'Joins, leaves and members per day (days of the workspace time zone; at most 400 days)',
          params: IdParam,
          querystring: S.PeriodQuery,
          response: { 200: S.TrendSchema },
        },
      },
      async (req) => {
        const t = await service.trend(req.ctx, req.params.id, req.query);
        return { ...t, period: periodOut(t.period) };
      },
    );

    await app.register(membershipRoutes(service));
  };
}
