import type { ApiAnswer, ApiBody } from '@shared/api/answers';

export type CommunityPage = ApiAnswer<'/api/v1/communities', 'get'>;
export type CommunityItem = CommunityPage['items'][number];
export type CommunityDetail = ApiAnswer<'/api/v1/communities/{id}', 'get'>;
export type Community = ApiAnswer<'/api/v1/communities/{id}', 'patch'>;
export type CommunityInput = ApiBody<'/api/v1/communities', 'post'>;
export type AdminRef = NonNullable<CommunityInput['owner']>;
