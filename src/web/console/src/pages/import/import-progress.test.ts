import { describe, expect, it } from 'vitest';
import { importProgress } from './import-progress';

describe('import progress', () => {
  it('counts refused lines as done from the start', () => {
    expect(importProgress({ status: 'running', totalRows: 1000, processedRows: 500, rejectedRows: 20 })).toEqual({ done: 520, total: 1000, percent: 52 });
  });

  it('is whole once completed, and never past the total', () => {
    expect(importProgress({ status: 'completed', totalRows: 5, processedRows: 3, rejectedRows: 2 })).toEqual({ done: 5, total: 5, percent: 100 });
    expect(importProgress({ status: 'running', totalRows: 10, processedRows: 10, rejectedRows: 3 })).toEqual({ done: 10, total: 10, percent: 100 });
  });

  it('shows an empty file as done, and a failed one where it stopped', () => {
    expect(importProgress({ status: 'completed', totalRows: 0, processedRows: 0, rejectedRows: 0 }).percent).toBe(100);
    expect(importProgress({ status: 'failed', totalRows: 100, processedRows: 40, rejectedRows: 0 }).percent).toBe(40);
  });
});
