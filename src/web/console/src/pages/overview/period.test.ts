import { describe, expect, it } from 'vitest';
import { periodPresets } from './period';

describe('period presets', () => {
  it('count back from the workspace day, months included', () => {
    const p = Object.fromEntries(periodPresets('2024-03-10').map((x) => [x.label, x.range]));
    expect(p['period.last7']).toEqual({ from: '2024-03-04', to: '2024-03-10' });
    expect(p['period.last30']).toEqual({ from: '2024-02-10', to: '2024-03-10' });
    expect(p['period.thisMonth']).toEqual({ from: '2024-03-01', to: '2024-03-10' });
    expect(p['period.lastMonth']).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(p['period.last365']).toEqual({ from: '2023-03-12', to: '2024-03-10' });
  });

  it('handle January, whose last month is in the previous year', () => {
    const p = Object.fromEntries(periodPresets('2025-01-05').map((x) => [x.label, x.range]));
    expect(p['period.lastMonth']).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });
});
