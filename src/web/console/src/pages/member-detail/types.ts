import type { paths } from '@shared/api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Member = Json<'/api/v1/members/{id}', 'get'>;
export type Activity = Json<'/api/v1/activities', 'get'>['items'][number];
export type Stay = Json<'/api/v1/members/{id}/community-memberships', 'get'>['items'][number];
export type MergeRecord = Json<'/api/v1/members/{id}/merges', 'get'>['items'][number];
