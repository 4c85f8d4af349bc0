import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, roundToMultiple } from '../../../core/money/rounding.js';

describe('divideRounded', () => {
  it('rounds halves away from zero (the Danish money convention)', () => {
    expect(divideRounded(5, 2, 'halfAwayFromZero')).toBe(3);
    expect(divideRounded(-5, 2, 'halfAwayFromZero')).toBe(-3);
    expect(divideRounded(4, 3, 'halfAwayFromZero')).toBe(1);
    expect(divideRounded(5, 3, 'halfAwayFromZero')).toBe(2);
  });
  it('rounds halves to even in halfEven mode', () => {
    expect(divideRounded(5, 2, 'halfEven')).toBe(2);
    expect(divideRounded(7, 2, 'halfEven')).toBe(4);
    expect(divideRounded(-5, 2, 'halfEven')).toBe(-2);
  });
  it('floors, ceils and truncates', () => {
    expect(divideRounded(-7, 2, 'floor')).toBe(-4);
    expect(divideRounded(7, 2, 'floor')).toBe(3);
    expect(divideRounded(7, 2, 'ceil')).toBe(4);
    expect(divideRounded(-7, 2, 'ceil')).toBe(-3);
    expect(divideRounded(-7, 2, 'towardZero')).toBe(-3);
  });
  it('is exact beyond 2^53 by switching to BigInt', () => {
    // 10^17 / 3 = 33333333333333333.33… → does not fit a double exactly, result does not either
    expect(() => divideRounded(10n ** 17n, 3n, 'halfAwayFromZero')).toThrow(/safe integer/);
    expect(divideRounded(10n ** 17n, 10n ** 4n, 'halfAwayFromZero')).toBe(10 ** 13);
    expect(divideRounded(2n ** 60n + 1n, 2n ** 10n, 'ceil')).toBe(2 ** 50 + 1);
  });
  it('agrees with exact rational rounding for any integers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = divideRounded(n, d, 'halfAwayFromZero');
        // |n/d − q| ≤ ½, and exactly ½ only when rounding went away from zero
        const diff2 = Math.abs(2 * n - 2 * q * d);
        expect(diff2).toBeLessThanOrEqual(d);
        if (diff2 === d) expect(Math.abs(q)).toBeGreaterThan(Math.abs(n / d));
        expect(divideRounded(BigInt(n), BigInt(d), 'halfAwayFromZero')).toBe(q);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('roundToMultiple', () => {
  it('rounds 2.166,67 kr. down to 2.150 kr. (betalingsevne: multiples of 50 kr.)', () => {
    expect(roundToMultiple(216_667, 5_000, 'floor')).toBe(215_000);
  });
});
