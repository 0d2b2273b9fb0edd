import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, networkError, problemToError } from './problem';

export { ApiError };

/** The header that proves a write comes from Kith's own pages (see src/http/csrf.ts). */
export const REQUEST_HEADER = 'X-Kith-Request';
export type { paths };

/**
 * The typed Kith API client. Paths, parameters and answers come from the generated `schema.d.ts`
 * (`npm run gen:api`), so a call that does not match the server's contract does not compile.
 * The session cookie travels by itself (same origin). Every request carries `X-Kith-Request: 1`:
 * the server refuses a cookie-borne write without it (or a JSON body), which a form or a plain link
 * on another site cannot add — multipart uploads included.
 *
 *   const page = await call(api.GET('/api/v1/members', { params: { query: { q: '小林' } } }));
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', headers: { [REQUEST_HEADER]: '1' } });

let onUnauthenticated: (() => void) | null = null;

/** Who to tell when the session has ended (the console then shows the login page). */
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

api.use({
  onResponse({ request, response }) {
    // A wrong password at login is also a 401: that one is for the login form, not a signed-out session.
    if (response.status === 401 && !new URL(request.url, location.href).pathname.endsWith('/auth/login'))
      onUnauthenticated?.();
    return undefined;
  },
});

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Waits for an API call and returns its data, or throws an ApiError carrying the server's message. */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let r: Result<T>;
  try {
    r = await request;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
  if (!r.response.ok) throw problemToError(r.response.status, r.error);
  return r.data as T;
}

/** A query string for plain links (CSV export) built the way the API reads it: repeated keys for lists. */
export function queryString(
  params: Record<string, string | number | boolean | (string | number)[] | undefined | null>,
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, String(x)));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
