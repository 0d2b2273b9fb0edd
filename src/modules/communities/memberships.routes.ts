import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../../http/schemas.js';
import type { CommunitiesService } from './communities.service.js';
import type { Membership } from './memberships.service.js';
import * as S from './communities.schemas.js';

const membershipOut = (m: Membership) => ({
  ...m,
  joinedAt: m.joinedAt.toISOString(),
  leftAt: m.leftAt?.toISOString() ?? null,
});

export function membershipRoutes(service: CommunitiesService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['communities'];

    app.get(
      '/communities/:id/members',
      {
        config: { access: 'communities:read' },
        schema: {
          tags,
          summary: 'Current members with their role and join time, newest first',
          params: IdParam,
          querystring: S.MembersQuery,
          response: {
            200: Type.Object({
              items: Type.Array(S.CurrentMemberSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (req) => {
        const r = await service.listMembers(req.ctx, req.params.id, req.query);
        return { nextCursor: r.nextCursor, items: r.items.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })) };
      },
    );

    app.post(
      '/communities/:id/members',
      {
        config: { access: 'communities:write' },
        schema: {
          tags,
          summary: 'Add members (409 CAPACITY_REACHED when they would not fit: then nobody is added)',
          params: IdParam,
          body: S.AddMembersBody,
          response: { 200: S.AddMembersResult },
        },
      },
      async (req) => {
        const items = req.body.items.map((i) => ({ ...i, joinedAt: i.joinedAt ? new Date(i.joinedAt) : undefined }));
        const r = await service.addMembers(req.ctx, req.params.id, items);
        return { added: r.added.map(membershipOut), alreadyMembers: r.alreadyMembers };
      },
    );

    app.patch(
      '/communities/:id/members/:memberId',
      {
        config: { access: 'communities:write' },
        schema: {
          tags,
          summary: "Change a member's role in the group (making someone owner hands the role over)",
          params: S.MemberParams,
          body: S.RoleBody,
          response: { 200: S.MembershipSchema },
        },
      },
      async (req) =>
        membershipOut(await service.changeRole(req.ctx, req.params.id, req.params.memberId, req.body.role)),
    );

    app.delete(
      '/communities/:id/members/:memberId',
      {
        config: { access: 'communities:write' },
        schema: {
          tags,
          summary: 'Remove a member: their stay ends now and stays in their history',
          params: S.MemberParams,
          response: { 200: S.MembershipSchema },
        },
      },
      async (req) => membershipOut(await service.removeMember(req.ctx, req.params.id, req.params.memberId)),
    );

    app.get(
      '/members/:id/community-memberships',
      {
        config: { access: 'communities:read' },
        schema: {
          tags,
          summary: "A member's stays in communities, current and past, newest first",
          params: IdParam,
          response: { 200: S.HistorySchema },
        },
      },
      async (req) => ({
        items: (await service.memberHistory(req.ctx, req.params.id)).map((h) => ({
          ...h,
          joinedAt: h.joinedAt.toISOString(),
          leftAt: h.leftAt?.toISOString() ?? null,
        })),
      }),
    );
  };
}
