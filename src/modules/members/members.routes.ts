import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParam, Ok } from '../../http/schemas.js';
import type { MembersService } from './members.service.js';
import * as S from './members.schemas.js';
import { tagsRoutes } from './tags.routes.js';
import { mergeRoutes } from './merge.routes.js';

/** The members API under /api/v1/members: thin handlers over the members service. */
export function membersRoutes(members: MembersService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['members'];

    app.get(
      '/members',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary: 'Search and list members (keyset pages)',
          querystring: S.ListQuery,
          response: { 200: S.MemberPage },
        },
      },
      async (req) => members.list(req.ctx, req.query),
    );

    app.get(
      '/members/count',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary: "How many members match a filter: exact up to 100,000, the planner's estimate beyond",
          querystring: S.MemberFilterSchema,
          response: { 200: S.MemberCount },
        },
      },
      async (req) => members.count(req.ctx, req.query),
    );

    app.get(
      '/members/export.csv',
      {
        config: { access: 'members:export' },
        schema: {
          tags,
          summary: 'Export the members matching a filter as CSV (UTF-8 with BOM, opens in Excel)',
          querystring: S.ExportQuery,
          description:
            'Answers text/csv, streamed: one row per member, tags, communities and channel accounts joined with |.',
        },
      },
      async (req, reply) => {
        const stream = Readable.from(members.exportCsv(req.ctx, req.query));
        const day = new Date().toISOString().slice(0, 10);
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="kith-members-${day}.csv"`);
        reply.header('cache-control', 'no-store');
        return reply.send(stream);
      },
    );

    app.get(
      '/members/duplicates',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary:
            'Pairs of members that look like one person (same phone, email, name or nickname in a community, or an uncommon nickname across channels)',
          querystring: S.DuplicatesQuery,
          response: { 200: S.DuplicatesResponse },
        },
      },
      async (req) => ({ items: await members.duplicates(req.ctx, req.query) }),
    );

    app.post(
      '/members',
      {
        config: { access: 'members:write' },
        schema: { tags, summary: 'Create a member', body: S.CreateMemberBody, response: { 201: S.MemberSchema } },
      },
      async (req, reply) => {
        reply.status(201);
        return members.create(req.ctx, req.body);
      },
    );

    app.get(
      '/members/:id',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary: "A member's profile with identities, tags and communities",
          description:
            'Phones and emails (and phone/email channel accounts) are masked; `reveal=contact` shows them in full, takes members:contact and is audited.',
          params: IdParam,
          querystring: S.RevealQuery,
          response: { 200: S.MemberSchema },
        },
      },
      async (req) => members.get(req.ctx, req.params.id, req.query),
    );

    app.patch(
      '/members/:id',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: "Change a member's profile, consent, lifecycle stage or attributes",
          params: IdParam,
          body: S.UpdateMemberBody,
          response: { 200: S.MemberSchema },
        },
      },
      async (req) => members.update(req.ctx, req.params.id, req.body),
    );

    app.post(
      '/members/:id/identities',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: 'Add a channel account to a member (409 IDENTITY_TAKEN names the member who has it)',
          params: IdParam,
          body: S.IdentityBody,
          response: { 200: S.IdentitySchema, 201: S.IdentitySchema },
        },
      },
      async (req, reply) => {
        const r = await members.addIdentity(req.ctx, req.params.id, req.body);
        reply.status(r.created ? 201 : 200);
        return r.identity;
      },
    );

    app.delete(
      '/members/:id/identities/:identityId',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: 'Remove a channel account (not the last one of a member without phone or email)',
          params: S.IdentityParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await members.removeIdentity(req.ctx, req.params.id, req.params.identityId);
        return { ok: true };
      },
    );

    await app.register(tagsRoutes(members));
    await app.register(mergeRoutes(members));
  };
}
