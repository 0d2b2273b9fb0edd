import type { ApiAnswer } from '@shared/api/answers';

export type Member = ApiAnswer<'/api/v1/members/{id}', 'get'>;
export type Activity = ApiAnswer<'/api/v1/activities', 'get'>['items'][number];
export type Stay = ApiAnswer<'/api/v1/members/{id}/community-memberships', 'get'>['items'][number];
export type MergeRecord = ApiAnswer<'/api/v1/members/{id}/merges', 'get'>['items'][number];
