import { describe, expect, it } from 'vitest';
import { importProgress } from './import-progress';

describe('import progress', () => {
  it('counts what the server is done with, refused lines included, once', () => {
    // 520 of 1000 done, 20 of them refused: refused lines are not counted twice.
    expect(importProgress({ status: 'running', totalRows: 1000, processedRows: 520 })).toEqual({
      done: 520,
      total: 1000,
      percent: 52,
    });
  });

  it('is whole once completed, and never past the total', () => {
    expect(importProgress({ status: 'completed', totalRows: 5, processedRows: 3 })).toEqual({
      done: 5,
      total: 5,
      percent: 100,
    });
    expect(importProgress({ status: 'running', totalRows: 10, processedRows: 12 })).toEqual({
      done: 10,
      total: 10,
      percent: 100,
    });
  });

  it('shows an empty file as done, and a failed or interrupted one where it stopped', () => {
    expect(importProgress({ status: 'completed', totalRows: 0, processedRows: 0 }).percent).toBe(100);
    expect(importProgress({ status: 'failed', totalRows: 100, processedRows: 40 }).percent).toBe(40);
    expect(importProgress({ status: 'interrupted', totalRows: 100, processedRows: 60 }).percent).toBe(60);
  });
});
