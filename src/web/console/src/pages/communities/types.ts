import type { paths } from '@shared/api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'patch'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type CommunityPage = Json<'/api/v1/communities', 'get'>;
export type CommunityItem = CommunityPage['items'][number];
export type CommunityDetail = Json<'/api/v1/communities/{id}', 'get'>;
export type Community = Json<'/api/v1/communities/{id}', 'patch'>;
export type CommunityInput = NonNullable<
  paths['/api/v1/communities']['post']['requestBody']
>['content']['application/json'];
export type AdminRef = NonNullable<CommunityInput['owner']>;
