import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KithError } from '../kernel/errors.js';
import { SESSION_COOKIE } from '../modules/access/index.js';
import type { RouteAccess } from './auth.js';

/**
 * Cross-site request forgery. The session cookie is SameSite=Lax, which keeps it off requests from
 * other *sites* but not from other origins of the same site: another app on the same host (another
 * port) or a sibling subdomain can still submit a form to Kith with the operator's cookie. So every
 * state-changing request carried by that cookie must prove it came from Kith's own pages:
 *
 * 1. its `Origin` is Kith's own origin (or `KITH_PUBLIC_URL`'s); without `Origin`, the browser's
 *    `Sec-Fetch-Site` must say `same-origin` — a client sending neither is not a browser page and
 *    has no business using a cookie;
 * 2. and it is JSON, or carries `X-Kith-Request` — neither of which a form or a plain link on
 *    another page can produce without a CORS preflight, which Kith never grants.
 *
 * Requests with `Authorization: Bearer` (API keys, member tokens) are exempt: no browser attaches
 * that header by itself. The public routes that set the cookie (sign-in, first-run setup) refuse a
 * foreign origin too, so another page cannot sign the browser into an account of its choosing.
 */

/** The header the console sends with every API call. */
export const REQUEST_HEADER = 'x-kith-request';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^Bearer\s/i;

/** What the rules look at, lifted off the request. */
export interface RequestFacts {
  origin: string | undefined;
  secFetchSite: string | undefined;
  contentType: string | undefined;
  requestHeader: string | undefined;
  /** Origins Kith's own pages are served from (the request's own, `KITH_PUBLIC_URL`'s). */
  allowedOrigins: string[];
}

/** `scheme://host[:port]` with default ports dropped, or null for anything that is not such a URL. */
export function originOf(url: string): string | null {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

const isJson = (contentType: string | undefined) => {
  const type = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
};

function foreignOrigin(f: RequestFacts): string | null {
  if (f.origin === undefined) return null;
  const o = originOf(f.origin);
  return o && f.allowedOrigins.includes(o) ? null : `it comes from another origin (${f.origin.slice(0, 100)})`;
}

/** Why a state-changing request carried by the session cookie is refused, or null when it is not. */
export function cookieWriteRefusal(f: RequestFacts): string | null {
  if (f.origin !== undefined) {
    const foreign = foreignOrigin(f);
    if (foreign) return foreign;
  } else if (f.secFetchSite !== 'same-origin') {
    return 'it carries neither an Origin header nor Sec-Fetch-Site: same-origin';
  }
  if (!isJson(f.contentType) && !f.requestHeader)
    return `it is neither JSON nor marked with the ${REQUEST_HEADER} header`;
  return null;
}

/**
 * Why a public request that signs a browser in (sign-in, setup) is refused, or null. Only proof of
 * another origin refuses: scripts and command-line clients send no Origin and stay welcome.
 */
export function publicWriteRefusal(f: RequestFacts): string | null {
  if (f.origin !== undefined) return foreignOrigin(f);
  if (f.secFetchSite !== undefined && f.secFetchSite !== 'same-origin' && f.secFetchSite !== 'none') {
    return `the browser says it comes from another origin (Sec-Fetch-Site: ${f.secFetchSite.slice(0, 20)})`;
  }
  return null;
}

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function facts(req: FastifyRequest, publicOrigin: string | null): RequestFacts {
  // req.protocol and req.host follow X-Forwarded-Proto/-Host only when the proxy is trusted.
  const own = originOf(`${req.protocol}://${req.host}`);
  return {
    origin: header(req, 'origin'),
    secFetchSite: header(req, 'sec-fetch-site')?.toLowerCase(),
    contentType: header(req, 'content-type'),
    requestHeader: header(req, REQUEST_HEADER),
    allowedOrigins: [own, publicOrigin].filter((o): o is string => !!o),
  };
}

/**
 * Refuses forged writes before anything else runs (authentication, body parsing, the handler), so
 * a refused request reads and writes nothing. Install before the authentication hook.
 */
export function installCsrfGuard(app: FastifyInstance, opts: { publicUrl: string | null }) {
  const publicOrigin = opts.publicUrl ? originOf(opts.publicUrl) : null;
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!UNSAFE.has(req.method)) return;
    const access = req.routeOptions.config?.access as RouteAccess | undefined;
    if (!access) return;
    let why: string | null = null;
    if (access === 'public') why = publicWriteRefusal(facts(req, publicOrigin));
    else if (!BEARER.test(req.headers.authorization ?? '') && req.cookies?.[SESSION_COOKIE])
      why = cookieWriteRefusal(facts(req, publicOrigin));
    if (why)
      throw new KithError(
        'CSRF_REJECTED',
        `Refused because ${why}. Kith accepts changes made with the session cookie only from its own pages.`,
      );
  });
}
