import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, ActorContext } from '../kernel/context.js';
import { KithError } from '../kernel/errors.js';
import {
  can,
  MEMBER_TOKEN_PREFIX,
  SESSION_COOKIE,
  type AccessService,
  type MemberSessions,
  type Permission,
} from '../modules/access/index.js';

/**
 * What a route needs: a permission; `authenticated` (any staff member or API key); `staff` (a
 * signed-in person); `member` (a member-centre token, and nothing else); or nothing.
 */
export type RouteAccess = Permission | 'authenticated' | 'staff' | 'member' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /** The acting context handed to services. Only set on authenticated routes. */
    ctx: ActorContext;
  }
}

/** What identifies a caller: a staff session cookie, an API key, or a member-centre token. */
export type Authenticator = Pick<AccessService, 'authenticateApiKey' | 'authenticateSession'> &
  Pick<MemberSessions, 'authenticateMemberToken'>;

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * Authentication (session cookie or `Authorization: Bearer kith_…` API key) and authorisation by the
 * permission each route declares. A route under /api without a declared access level fails at boot,
 * so no route can be forgotten.
 */
export function installAuth(app: FastifyInstance, access: Authenticator, routes: RouteInfo[]) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('ctx', null as unknown as ActorContext);

  app.addHook('onRoute', (opts) => {
    const url = opts.url;
    if (!url.startsWith('/api/v1')) return;
    const declared = (opts.config as { access?: RouteAccess } | undefined)?.access;
    if (!declared) throw new Error(`Route ${String(opts.method)} ${url} declares no access level`);
    for (const m of [opts.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url, access: declared });
  });

  // onRequest: callers are identified and refused before their body is even read.
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const required = req.routeOptions.config?.access;
    if (!required || required === 'public') return;
    const actor = await authenticate(req, access);
    if (!actor) throw new KithError('UNAUTHENTICATED', 'Sign in or send an API key (Authorization: Bearer kith_…)');
    req.actor = actor;
    req.ctx = { actor, requestId: String(req.id) };
    if (required === 'member') {
      if (actor.type !== 'member') throw new KithError('FORBIDDEN', 'This is the member centre: sign in as a member');
      return;
    }
    // Members pass only routes made for them: every other level, 'authenticated' included, is for
    // staff and API keys, and its handlers answer in their terms.
    if (actor.type === 'member')
      throw new KithError('FORBIDDEN', 'Members can use the member centre only (/api/v1/me/…)');
    if (required === 'authenticated') return;
    if (required === 'staff') {
      if (actor.type !== 'staff') throw new KithError('FORBIDDEN', 'Only a signed-in staff member can do this');
      return;
    }
    if (!can(actor, required)) {
      throw new KithError(
        'FORBIDDEN',
        actor.type === 'api_key'
          ? `This API key lacks the scope ${required}`
          : `Your role (${actor.type === 'staff' ? actor.role : actor.type}) does not allow ${required}`,
      );
    }
  });
}

async function authenticate(req: FastifyRequest, access: Authenticator): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) return null;
    if (m[1]!.startsWith(MEMBER_TOKEN_PREFIX)) return access.authenticateMemberToken(m[1]!);
    return access.authenticateApiKey(m[1]!);
  }
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token) return null;
  const s = await access.authenticateSession(token);
  if (!s) return null;
  req.sessionToken = token;
  return s.actor;
}
