import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider, FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Logger } from '../kernel/logger.js';
import { installProblemHandlers, ProblemSchema } from './problem.js';
import { installAuth, type Authenticator, type RouteInfo } from './auth.js';
import { registerConsole } from './console.js';
import { installCsrfGuard } from './csrf.js';
import { installInputGuard } from './input-guard.js';

export interface HttpDeps {
  log: Logger;
  /** Identifies callers: staff sessions and API keys (access) and member-centre tokens. */
  access: Authenticator;
  /** Module route plugins, mounted under /api/v1. */
  modules: FastifyPluginAsyncTypebox[];
  health: () => Promise<{ database: boolean }>;
  /** Folder of the built web console, served at `/` (default `dist/console`). */
  consoleDir?: string;
  /** Largest JSON body accepted (the activity ingest batch is the biggest). */
  bodyLimitBytes?: number;
  /** `KITH_PUBLIC_URL`: its origin is accepted for cookie-borne writes besides the request's own. */
  publicUrl?: string | null;
  /**
   * `KITH_TRUST_PROXY`: which peers' X-Forwarded-For/-Proto/-Host to believe (a hop count or
   * addresses/CIDRs), so the client address (login limits, audit) is the user's, not the proxy's.
   */
  trustProxy?: false | number | string[];
  /** Largest uploaded file (imports; KITH_IMPORT_MAX_MB). */
  uploadLimitBytes?: number;
}

export interface HttpApp {
  app: FastifyInstance;
  routes: RouteInfo[];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Fastify trusts nobody for a bare number (it cannot tell the first hop from a client), so a hop
 * count becomes a function: the nearest `hops` peers are proxies. Only right when Kith cannot be
 * reached except through them; a list of proxy addresses is the safer setting.
 */
export function trustProxyOption(
  t: false | number | string[],
): false | string[] | ((addr: string, hop: number) => boolean) {
  if (typeof t === 'number') return (_addr, hop) => hop < t;
  return t;
}

export async function buildHttpApp(deps: HttpDeps): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: deps.log as unknown as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes ?? 32 * 1024 * 1024,
    trustProxy: trustProxyOption(deps.trustProxy ?? false),
    requestIdHeader: false,
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && REQUEST_ID.test(h) ? h : crypto.randomUUID();
    },
    ajv: {
      // Unknown fields are refused (not silently dropped), so a typo is a clear 400.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RouteInfo[] = [];
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });
  installProblemHandlers(app as unknown as FastifyInstance);
  app.addSchema(ProblemSchema);
  await app.register(cookie);
  // One file per request, streamed by the route to disk; the small parts beside it (import
  // options) are bounded too.
  await app.register(multipart, {
    limits: {
      fileSize: deps.uploadLimitBytes ?? 200 * 1024 * 1024,
      files: 1,
      fields: 10,
      fieldSize: 1024 * 1024,
      parts: 20,
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kith API',
        version: '1',
        description: 'Members, communities, the activity stream and the membership programme of Kith.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kith_session' },
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key created under Settings → API keys: `kith_…`',
          },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // "Try it out" runs in Kith's own page with the session cookie, so it marks its requests as
    // the console does (src/http/csrf.ts). The function is sent to the browser as its source text.
    uiConfig: {
      requestInterceptor: (r: { headers: Record<string, string> }) => {
        r.headers['X-Kith-Request'] = '1';
        return r;
      },
    } as never,
  });
  installCsrfGuard(app as unknown as FastifyInstance, { publicUrl: deps.publicUrl ?? null });
  installAuth(app as unknown as FastifyInstance, deps.access, routes);
  installInputGuard(app as unknown as FastifyInstance);

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    const h = await deps.health().catch(() => ({ database: false }));
    reply.status(h.database ? 200 : 503);
    return { status: h.database ? 'ok' : 'unavailable', ...h };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      for (const m of deps.modules) await api.register(m);
    },
    { prefix: '/api/v1' },
  );
  await registerConsole(app as unknown as FastifyInstance, deps.consoleDir);

  await app.ready();
  return { app: app as unknown as FastifyInstance, routes };
}
