import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../core/money/allocate.js';
import { ore } from '../../../core/money/ore.js';

describe('allocate', () => {
  it('hands the remainder out one øre at a time from the first share', () => {
    expect(allocate(ore(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(ore(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(ore(5), [0, 1, 1])).toEqual([0, 3, 2]);
  });
  it('never loses or invents an øre (property, 10,000 cases)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (total, ratios) => {
        fc.pre(ratios.some((r) => r > 0));
        const shares = allocate(ore(total), ratios);
        expect(shares.reduce((s, v) => s + v, 0)).toBe(total);
        shares.forEach((s, i) => {
          if (ratios[i] === 0) expect(s).toBe(0);
          expect(Number.isSafeInteger(s)).toBe(true);
        });
      }),
      { numRuns: 10_000 },
    );
  });
});
