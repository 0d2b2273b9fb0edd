import { describe, expect, it } from 'vitest';
import { stampOnSwitch } from './clock.js';

describe('a switch that stamps when a state began', () => {
  const then = new Date('2026-01-01T00:00:00Z');
  const now = new Date('2026-03-01T00:00:00Z');
  it('keeps the first moment, stamps now when switched on, and clears when switched off', () => {
    expect(stampOnSwitch(undefined, then, now)).toBe(then);
    expect(stampOnSwitch(true, then, now)).toBe(then);
    expect(stampOnSwitch(true, null, now)).toBe(now);
    expect(stampOnSwitch(false, then, now)).toBeNull();
  });
});
