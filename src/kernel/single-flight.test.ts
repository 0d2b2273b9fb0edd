import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight.js';

describe('singleFlight', () => {
  it('runs one computation for identical reads that overlap it, and a fresh one after it ends', async () => {
    const flight = singleFlight<number>();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const compute = async () => {
      runs++;
      await gate;
      return runs;
    };
    const a = flight('overview|*', compute);
    const b = flight('overview|*', compute);
    const other = flight('overview|3', async () => 99);
    release();
    expect(await Promise.all([a, b, other])).toEqual([1, 1, 99]);
    expect(runs).toBe(1);
    expect(await flight('overview|*', compute)).toBe(2);
  });

  it('shares a failure with the reads that joined it, and does not keep it', async () => {
    const flight = singleFlight<number>();
    let fail = true;
    const compute = async () => {
      await Promise.resolve();
      if (fail) throw new Error('database gone');
      return 1;
    };
    const [a, b] = await Promise.allSettled([flight('k', compute), flight('k', compute)]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    fail = false;
    expect(await flight('k', compute)).toBe(1);
  });
});
