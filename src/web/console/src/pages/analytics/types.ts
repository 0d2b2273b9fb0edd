import type { ApiAnswer } from '@shared/api/answers';

export type Engagement = ApiAnswer<'/api/v1/analytics/engagement'>;
export type TopContributors = ApiAnswer<'/api/v1/analytics/top-contributors'>;
export type Heatmap = ApiAnswer<'/api/v1/analytics/heatmap'>;
export type Comparison = ApiAnswer<'/api/v1/analytics/communities'>;
export type Health = ApiAnswer<'/api/v1/analytics/health'>;
export type HealthItem = Health['items'][number];
export type Funnel = ApiAnswer<'/api/v1/analytics/funnel'>;
export type FunnelStep = Funnel['total'];
export type Cohorts = ApiAnswer<'/api/v1/analytics/cohorts'>;
export type Stages = ApiAnswer<'/api/v1/analytics/lifecycle'>;
export type Rfm = ApiAnswer<'/api/v1/analytics/rfm'>;
export type RfmLayer = Rfm['layers'][number];
export type LayerMember = ApiAnswer<'/api/v1/analytics/rfm/layers/{layer}/members'>['items'][number];
export type Business = ApiAnswer<'/api/v1/analytics/business'>;
export type Campaign = ApiAnswer<'/api/v1/analytics/campaigns'>['items'][number];
