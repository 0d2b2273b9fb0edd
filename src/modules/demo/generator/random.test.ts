import { describe, expect, it } from 'vitest';
import { Rng, stream, weighted } from './random.js';

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed and label, and differs otherwise', () => {
    const take = (r: Rng) => Array.from({ length: 5 }, () => r.next());
    expect(take(stream(42, 'chat'))).toEqual(take(stream(42, 'chat')));
    expect(take(stream(42, 'chat'))).not.toEqual(take(stream(42, 'orders')));
    expect(take(stream(42, 'chat'))).not.toEqual(take(stream(43, 'chat')));
  });

  it('stays in range and has the means it promises', () => {
    const r = new Rng(1);
    let sum = 0;
    let poisson = 0;
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      const n = r.int(3, 5);
      if (x < 0 || x >= 1 || n < 3 || n > 5) outside++;
      sum += x;
      poisson += r.poisson(2.5);
    }
    expect(outside).toBe(0);
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    expect(poisson / 20_000).toBeCloseTo(2.5, 1);
  });

  it('picks by weight', () => {
    const pick = weighted([
      ['a', 1],
      ['b', 3],
    ] as const);
    const r = new Rng(9);
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (pick(r) === 'b') b++;
    expect(b / 10_000).toBeCloseTo(0.75, 1);
  });
});
