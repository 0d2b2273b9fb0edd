import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FREQUENCY_THRESHOLDS,
  DEFAULT_LAYER_TEXT,
  RFM_GRID,
  RFM_LAYERS,
  asOfProblem,
  fmScore,
  frequencyRanges,
  frequencyScore,
  frequencyThresholdsProblem,
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

describe('frequency by order-count thresholds', () => {
  it('scores 1 + the thresholds reached, so one order is always F 1 and each count has its score', () => {
    const t = DEFAULT_FREQUENCY_THRESHOLDS;
    expect([1, 2, 3, 4, 5, 7, 8, 40].map((f) => frequencyScore(f, t))).toEqual([1, 2, 3, 3, 4, 4, 5, 5]);
    expect(frequencyRanges(t)).toEqual([
      { score: 1, min: 1, max: 1 },
      { score: 2, min: 2, max: 2 },
      { score: 3, min: 3, max: 4 },
      { score: 4, min: 5, max: 7 },
      { score: 5, min: 8, max: null },
    ]);
  });

  it('fills every F score on skewed data where rank quintiles leave some empty', () => {
    // Like a real order history: most buyers order once (3,160 of 8,312 in a public one).
    const orders = [
      ...Array(60).fill(1),
      ...Array(20).fill(2),
      ...Array(10).fill(3),
      ...Array(6).fill(5),
      9,
      9,
      12,
      30,
    ];
    const byRank = new Set(scoreByRank(orders, true));
    const byThreshold = new Set(orders.map((f) => frequencyScore(f, DEFAULT_FREQUENCY_THRESHOLDS)));
    expect([...byRank].sort()).toEqual([1, 4, 5]); // F 2 and 3 empty
    expect([...byThreshold].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses thresholds that are not four rising whole numbers from 2', () => {
    expect(frequencyThresholdsProblem([2, 3, 5, 8])).toBeNull();
    expect(frequencyThresholdsProblem([2, 3, 5])).toMatch(/four/);
    expect(frequencyThresholdsProblem([1, 3, 5, 8])).toMatch(/2 or more/);
    expect(frequencyThresholdsProblem([2, 3, 3, 8])).toMatch(/rise/);
    expect(frequencyThresholdsProblem([2, 3.5, 5, 8])).toMatch(/whole/);
  });
});
