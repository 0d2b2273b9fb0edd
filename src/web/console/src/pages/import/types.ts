import type { paths } from '@shared/api/schema';

export type ImportPreview =
  paths['/api/v1/imports/{kind}/preview']['post']['responses']['200']['content']['application/json'];
export type ImportReport = paths['/api/v1/imports/{id}']['get']['responses']['200']['content']['application/json'];
