import type { ApiAnswer } from '@shared/api/answers';

export type MemberPage = ApiAnswer<'/api/v1/members', 'get'>;
export type MemberItem = MemberPage['items'][number];
export type DuplicatePair = ApiAnswer<'/api/v1/members/duplicates', 'get'>['items'][number];
export type MergePreview = ApiAnswer<'/api/v1/members/{id}/merge-preview', 'get'>;
