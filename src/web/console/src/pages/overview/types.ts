import type { paths } from '@shared/api/schema';

export type Overview = paths['/api/v1/overview']['get']['responses']['200']['content']['application/json'];
export type OverviewDay = Overview['days'][number];
export type MessagesPage = paths['/api/v1/overview/messages']['get']['responses']['200']['content']['application/json'];
