import type { paths } from '@shared/api/schema';

type Json<P extends keyof paths> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type CommunityStats = Json<'/api/v1/communities/{id}/stats'>;
export type CommunityTrend = Json<'/api/v1/communities/{id}/trend'>;
export type CommunityMember = Json<'/api/v1/communities/{id}/members'>['items'][number];
