import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * What an API operation answers on success (200, or 201 for a creation), as the generated schema
 * types it: `ApiAnswer<'/api/v1/members/{id}'>` is a member. Pages name their types with it, so a
 * changed contract fails to compile where the page uses it.
 */
export type ApiAnswer<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

/** The JSON body an API operation takes. */
export type ApiBody<P extends keyof paths, M extends Exclude<Method, 'get'> = 'post'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
