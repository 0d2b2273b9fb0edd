import type { paths } from '@shared/api/schema';

/** Answers of the analytics API, as the generated schema types them. */
type Get<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type Engagement = Get<'/api/v1/analytics/engagement'>;
export type TopContributors = Get<'/api/v1/analytics/top-contributors'>;
export type Heatmap = Get<'/api/v1/analytics/heatmap'>;
export type Comparison = Get<'/api/v1/analytics/communities'>;
export type Health = Get<'/api/v1/analytics/health'>;
export type HealthItem = Health['items'][number];
export type Funnel = Get<'/api/v1/analytics/funnel'>;
export type FunnelStep = Funnel['total'];
export type Cohorts = Get<'/api/v1/analytics/cohorts'>;
export type Stages = Get<'/api/v1/analytics/lifecycle'>;
export type Rfm = Get<'/api/v1/analytics/rfm'>;
export type RfmLayer = Rfm['layers'][number];
export type LayerMember = Get<'/api/v1/analytics/rfm/layers/{layer}/members'>['items'][number];
export type Business = Get<'/api/v1/analytics/business'>;
export type Campaign = Get<'/api/v1/analytics/campaigns'>['items'][number];
