import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam, Ok } from '../../http/schemas.js';
import type { MemberSessions } from './member-sessions.js';

export function memberSessionRoutes(sessions: MemberSessions): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['access'];
    app.post(
      '/members/:id/member-tokens',
      {
        config: { access: 'member_sessions:issue' },
        schema: {
          tags,
          summary: 'Issue a member-centre token for a member (after the integration signed them in); shown once',
          params: IdParam,
          body: Type.Object(
            { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 30 })) },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }) },
        },
      },
      async (req, reply) => {
        const r = await sessions.issueMemberToken(req.ctx, req.params.id, req.body?.days ?? 30);
        reply.status(201);
        return { token: r.token, expiresAt: r.expiresAt.toISOString() };
      },
    );

    app.delete(
      '/members/:id/member-tokens',
      {
        config: { access: 'member_sessions:issue' },
        schema: {
          tags,
          summary: "End all of a member's member-centre sessions",
          params: IdParam,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await sessions.revokeMemberSessions(req.ctx, req.params.id);
        return { ok: true };
      },
    );
  };
}
