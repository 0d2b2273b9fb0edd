import type { ApiAnswer } from '@shared/api/answers';

export type Overview = ApiAnswer<'/api/v1/overview'>;
export type OverviewDay = Overview['days'][number];
export type MessagesPage = ApiAnswer<'/api/v1/overview/messages'>;
