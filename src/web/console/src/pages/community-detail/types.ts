import type { ApiAnswer } from '@shared/api/answers';

export type CommunityStats = ApiAnswer<'/api/v1/communities/{id}/stats'>;
export type CommunityTrend = ApiAnswer<'/api/v1/communities/{id}/trend'>;
export type CommunityMember = ApiAnswer<'/api/v1/communities/{id}/members'>['items'][number];
