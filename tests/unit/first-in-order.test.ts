import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../src/platform/first-in-order.js';

describe('the first items in an order', () => {
  const byValueThenIndex = (a: { value: number; at: number }, b: { value: number; at: number }) => b.value - a.value || a.at - b.at;

  it('are the start of the fully sorted list, for any items and count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 200 }), fc.integer({ min: 0, max: 220 }), (values, count) => {
        const items = values.map((value, at) => ({ value, at }));
        expect(firstInOrder(items, count, byValueThenIndex)).toEqual([...items].sort(byValueThenIndex).slice(0, count));
      }),
      { numRuns: 500 },
    );
  });

  it('leave the items as they were', () => {
    const items = [3, 1, 2, 5, 4];
    expect(firstInOrder(items, 2, (a, b) => a - b)).toEqual([1, 2]);
    expect(firstInOrder(items, 9, (a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(items).toEqual([3, 1, 2, 5, 4]);
  });
});
