import type { paths } from '@shared/api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type MemberPage = Json<'/api/v1/members', 'get'>;
export type MemberItem = MemberPage['items'][number];
export type DuplicatePair = Json<'/api/v1/members/duplicates', 'get'>['items'][number];
export type MergePreview = Json<'/api/v1/members/{id}/merge-preview', 'get'>;
