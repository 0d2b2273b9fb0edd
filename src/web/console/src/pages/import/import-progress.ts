import type { ImportReport } from './types';

/**
 * How far an import is, for its progress bar. The server counts rows written (`processedRows`)
 * apart from lines refused while reading, which are known from the start and counted in
 * `rejectedRows`; a completed import is done whole.
 */
export function importProgress(r: Pick<ImportReport, 'processedRows' | 'rejectedRows' | 'totalRows' | 'status'>): { done: number; total: number; percent: number } {
  const total = r.totalRows;
  const done = r.status === 'completed' ? total : Math.min(total, r.processedRows + r.rejectedRows);
  return { done, total, percent: total === 0 ? 100 : Math.floor((done / total) * 100) };
}
