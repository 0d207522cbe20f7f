import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/platform/seeded-random.js';

const take = (next: () => number, n: number) => Array.from({ length: n }, next);

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, so demo data and benchmarks replay', () => {
    expect(take(seededRandom(20_240_906), 3)).toEqual([0.3956883067730814, 0.8425603504292667, 0.28156689810566604]);
    expect(take(seededRandom(7), 50)).toEqual(take(seededRandom(7), 50));
  });

  it('gives other numbers for another seed, all in [0, 1)', () => {
    const values = take(seededRandom(8), 10_000);
    expect(values.slice(0, 50)).not.toEqual(take(seededRandom(7), 50));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
