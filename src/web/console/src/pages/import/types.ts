import type { ApiAnswer } from '@shared/api/answers';

export type ImportPreview = ApiAnswer<'/api/v1/imports/{kind}/preview', 'post'>;
export type ImportReport = ApiAnswer<'/api/v1/imports/{id}'>;
