import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam, Ok } from '../../http/schemas.js';
import { ROLE_PERMISSIONS } from './domain/permissions.js';
import type { AccessService } from './access.service.js';
import * as S from './access.schemas.js';

const staffOut = (s: {
  id: number;
  email: string;
  name: string;
  role: string;
  disabled_at: Date | null;
  community_ids: number[];
  created_at: Date;
}) => ({
  id: s.id,
  email: s.email,
  name: s.name,
  role: s.role as never,
  disabled: !!s.disabled_at,
  communityIds: s.community_ids,
  createdAt: s.created_at.toISOString(),
});
const keyOut = (k: Awaited<ReturnType<AccessService['listApiKeys']>>[number]) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.created_at.toISOString(),
  lastUsedAt: k.last_used_at?.toISOString() ?? null,
  revokedAt: k.revoked_at?.toISOString() ?? null,
  createdBy: k.createdBy,
  active: k.active,
  inactiveReason: k.inactiveReason,
});

/** The cookie a console session travels in. */
export const SESSION_COOKIE = 'kith_session';

export function accessRoutes(
  access: AccessService,
  opts: { cookieSecure: boolean; sessionTtlHours: number },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['access'];
    const setSessionCookie = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        path: '/',
        maxAge: opts.sessionTtlHours * 3600,
      });

    app.post(
      '/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Sign in with email and password (sets the session cookie)',
          body: S.LoginBody,
          response: { 200: S.MeSchema },
        },
      },
      async (req, reply) => {
        const r = await access.login({
          email: req.body.email,
          password: req.body.password,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        });
        setSessionCookie(reply, r.token);
        return whoIs(r.actor);
      },
    );

    // First-run setup. Public by necessity (nobody can sign in yet); the one-time token printed by
    // `kith start` is what keeps the first visitor from taking the workspace over.
    app.get(
      '/setup',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Whether first-run setup is needed (no staff account exists yet)',
          response: { 200: S.SetupStatusSchema },
        },
      },
      async () => ({ needed: !(await access.hasAnyStaff()) }),
    );

    app.post(
      '/setup',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Create the owner with the one-time token of the setup link, and sign in as the owner (sets the session cookie)',
          body: S.SetupBody,
          response: { 200: S.MeSchema },
        },
      },
      async (req, reply) => {
        const r = await access.completeSetup({
          ...req.body,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          requestId: String(req.id),
        });
        setSessionCookie(reply, r.token);
        return whoIs(r.actor);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'staff' },
        schema: { tags, summary: 'Sign out (ends this session)', response: { 200: Ok } },
      },
      async (req, reply) => {
        if (req.sessionToken) await access.logout(req.ctx, req.sessionToken);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    );

    /** Who the caller is, with the name a staff member gave (the console's header shows it). */
    const whoIs = async (actor: NonNullable<import('../../kernel/context.js').Actor>) => ({
      ...me(actor),
      name: actor.type === 'staff' ? await access.staffName(actor.id) : null,
    });

    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Who am I, and what may I do', response: { 200: S.MeSchema } },
      },
      async (req) => whoIs(req.actor!),
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'Change my password (other sessions are signed out)',
          body: S.PasswordBody,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await access.changePassword(req.ctx, req.body, req.sessionToken ?? undefined);
        return { ok: true };
      },
    );

    app.get(
      '/staff',
      {
        config: { access: 'staff:manage' },
        schema: {
          tags,
          summary: 'List staff accounts',
          response: { 200: Type.Object({ items: Type.Array(S.StaffSchema) }) },
        },
      },
      async () => ({ items: (await access.listStaff()).map(staffOut) }),
    );

    app.post(
      '/staff',
      {
        config: { access: 'staff:manage' },
        schema: { tags, summary: 'Create a staff account', body: S.CreateStaffBody, response: { 201: S.StaffSchema } },
      },
      async (req, reply) => {
        reply.status(201);
        return staffOut(await access.createStaff(req.ctx, req.body));
      },
    );

    app.patch(
      '/staff/:id',
      {
        config: { access: 'staff:manage' },
        schema: {
          tags,
          summary: 'Change a staff account: name, role, disabled, assigned communities',
          params: IdParam,
          body: S.UpdateStaffBody,
          response: { 200: S.StaffSchema },
        },
      },
      async (req) => staffOut(await access.updateStaff(req.ctx, req.params.id, req.body)),
    );

    app.get(
      '/api-keys',
      {
        config: { access: 'api_keys:manage' },
        schema: {
          tags,
          summary: 'List API keys (never their secret)',
          response: { 200: Type.Object({ items: Type.Array(S.ApiKeySchema) }) },
        },
      },
      async () => ({ items: (await access.listApiKeys()).map(keyOut) }),
    );

    app.post(
      '/api-keys',
      {
        config: { access: 'api_keys:manage' },
        schema: {
          tags,
          summary: 'Create an API key; the key is shown in this response only',
          body: S.CreateApiKeyBody,
          response: { 201: Type.Object({ key: Type.String(), apiKey: S.ApiKeySchema }) },
        },
      },
      async (req, reply) => {
        const r = await access.createApiKey(req.ctx, req.body);
        reply.status(201);
        return { key: r.key, apiKey: keyOut(r.apiKey) };
      },
    );

    app.delete(
      '/api-keys/:id',
      {
        config: { access: 'api_keys:manage' },
        schema: { tags, summary: 'Revoke an API key', params: IdParam, response: { 200: Ok } },
      },
      async (req) => {
        await access.revokeApiKey(req.ctx, req.params.id);
        return { ok: true };
      },
    );

    app.get(
      '/audit',
      {
        config: { access: 'audit:read' },
        schema: {
          tags,
          summary: 'Audit log of every staff and API-key write, newest first',
          querystring: S.AuditQuery,
          response: {
            200: Type.Object({
              items: Type.Array(S.AuditEntrySchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (req) => {
        const q = req.query;
        const r = await access.queryAudit({
          actorType: q.actorType,
          actorId: q.actorId,
          action: q.action,
          targetType: q.targetType,
          targetId: q.targetId,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          cursor: q.cursor,
          limit: q.limit ?? 100,
        });
        return {
          nextCursor: r.nextCursor,
          items: r.items.map((e) => ({
            id: e.id,
            actorType: e.actor_type,
            actorId: e.actor_id,
            actorLabel: e.actor_label,
            action: e.action,
            targetType: e.target_type,
            targetId: e.target_id,
            before: e.before,
            after: e.after,
            requestId: e.request_id,
            occurredAt: e.occurred_at.toISOString(),
          })),
        };
      },
    );
  };
}

function me(actor: NonNullable<import('../../kernel/context.js').Actor>) {
  if (actor.type === 'staff') {
    return {
      type: 'staff' as const,
      id: actor.id,
      label: actor.label,
      role: actor.role,
      communityIds: actor.communityIds,
      permissions: [...ROLE_PERMISSIONS[actor.role]],
    };
  }
  if (actor.type === 'api_key')
    return {
      type: 'api_key' as const,
      id: actor.id,
      label: actor.label,
      communityIds: null,
      permissions: actor.scopes,
    };
  throw new Error('system actor has no HTTP identity');
}
