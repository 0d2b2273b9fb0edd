import type { ImportReport } from './types';

/**
 * How far an import is, for its progress bar. The server counts the rows and refused lines it
 * is done with (`processedRows`, the import's resume point) out of `totalRows`; a completed
 * import is done whole.
 */
export function importProgress(r: Pick<ImportReport, 'processedRows' | 'totalRows' | 'status'>): {
  done: number;
  total: number;
  percent: number;
} {
  const total = r.totalRows;
  const done = r.status === 'completed' ? total : Math.min(total, r.processedRows);
  return { done, total, percent: total === 0 ? 100 : Math.floor((done / total) * 100) };
}
