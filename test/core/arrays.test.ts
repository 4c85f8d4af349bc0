import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapPacked } from '../../core/arrays.js';

describe('mapPacked', () => {
  it('gives what Array.prototype.map gives, element and index, in a new array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (xs) => {
        const out = mapPacked(xs, (x, i) => x * 2 + i);
        expect(out).toEqual(xs.map((x, i) => x * 2 + i));
        expect(out).not.toBe(xs);
      }),
    );
  });

  it('makes no holes: every index is an own element', () => {
    const out = mapPacked([undefined, 1, undefined], (x) => x);
    expect(Object.keys(out)).toEqual(['0', '1', '2']);
  });
});
