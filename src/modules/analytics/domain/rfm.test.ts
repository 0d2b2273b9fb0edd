import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYER_TEXT,
  RFM_GRID,
  RFM_LAYERS,
  asOfProblem,
  fmScore,
  layerSql,
  quintile,
  rfmLayer,
  rfmWindow,
  scoreByRank,
} from './rfm.js';

describe('RFM scoring', () => {
  it('cuts ranks into quintiles, giving ties the same score', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => quintile(r, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scoreByRank([10, 20, 20, 20, 50], true)).toEqual([1, 2, 2, 2, 5]);
    // recency: fewer days ago is better
    expect(scoreByRank([300, 3, 30, 3], false)).toEqual([1, 3, 2, 3]);
    expect(scoreByRank([7], true)).toEqual([1]);
  });

  it('maps every R × FM cell to one of the eleven layers, and each layer appears', () => {
    expect(RFM_GRID.flat().length).toBe(25);
    expect(new Set(RFM_GRID.flat())).toEqual(new Set(RFM_LAYERS));
    expect(rfmLayer(5, 5, 5)).toBe('champions');
    expect(rfmLayer(5, 1, 1)).toBe('new');
    expect(rfmLayer(1, 5, 4)).toBe('cant_lose');
    expect(rfmLayer(1, 1, 1)).toBe('lost');
    expect(fmScore(4, 5)).toBe(5); // 4.5 rounds half up
    expect(fmScore(1, 2)).toBe(2);
    for (const l of RFM_LAYERS) expect(DEFAULT_LAYER_TEXT[l].strategyZh.length).toBeGreaterThan(5);
  });

  it('writes the same grid as SQL', () => {
    const sqlText = layerSql('r', 'fm');
    const cells = [...sqlText.matchAll(/'([a-z_]+)'/g)].map((x) => x[1]);
    expect(cells).toHaveLength(25);
    // Position (r − 1) · 5 + fm, counted from 1 as SQL arrays are.
    for (let r = 1; r <= 5; r++)
      for (let fm = 1; fm <= 5; fm++) expect(cells[(r - 1) * 5 + fm - 1]).toBe(RFM_GRID[r - 1]![fm - 1]);
    expect(sqlText).toContain('[(r - 1) * 5 + fm]');
  });
});

describe('the as-of day and its window', () => {
  it('takes the window as the whole days ending on the as-of day, both included', () => {
    expect(rfmWindow('2025-06-30', 365)).toEqual({
      asOf: '2025-06-30',
      from: '2024-07-01',
      to: '2025-06-30',
      days: 365,
    });
    expect(rfmWindow('2024-03-01', 2)).toEqual({ asOf: '2024-03-01', from: '2024-02-29', to: '2024-03-01', days: 2 });
    expect(rfmWindow('2025-06-30', 1)).toMatchObject({ from: '2025-06-30', to: '2025-06-30' });
  });

  it('accepts today and earlier days, refuses later, impossible and clearly wrong ones', () => {
    expect(asOfProblem('2025-06-30', '2025-06-30')).toBeNull();
    expect(asOfProblem('1970-01-01', '2025-06-30')).toBeNull();
    expect(asOfProblem('2025-07-01', '2025-06-30')).toMatch(/after today \(2025-06-30\)/);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-6-30', '20250630', '0000-01-01', ''])
      expect(asOfProblem(bad, '2025-06-30'), bad).toMatch(/calendar date/);
    expect(asOfProblem('1969-12-31', '2025-06-30')).toMatch(/before 1970-01-01/);
  });
});
