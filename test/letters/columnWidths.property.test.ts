import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../letters/pdf/columnWidths.js';

const natural = fc.array(fc.double({ min: 0, max: 600, noNaN: true }), { minLength: 1, maxLength: 12 });
const available = fc.double({ min: 50, max: 600, noNaN: true });
const EPS = 1e-6;

describe('columnWidths: a table spans the text width', () => {
  it('the widths always add up to the text width', () => {
    fc.assert(
      fc.property(natural, available, (n, a) => {
        const sum = columnWidths(n, a).reduce((s, w) => s + w, 0);
        expect(Math.abs(sum - a)).toBeLessThan(EPS * a * n.length);
      }),
      { numRuns: 10_000 },
    );
  });

  it('when everything fits, no column is narrower than its text', () => {
    fc.assert(
      fc.property(natural, available, (n, a) => {
        fc.pre(n.reduce((s, w) => s + w, 0) <= a);
        columnWidths(n, a).forEach((w, i) => expect(w).toBeGreaterThanOrEqual(n[i]! - EPS));
      }),
      { numRuns: 10_000 },
    );
  });

  it('when it does not, each column gets its text width or an equal share, whichever is less', () => {
    fc.assert(
      fc.property(natural, available, (n, a) => {
        columnWidths(n, a).forEach((w, i) => expect(w).toBeGreaterThanOrEqual(Math.min(n[i]!, a / n.length) - EPS));
      }),
      { numRuns: 10_000 },
    );
  });

  it('the doc examples: spare width shared in proportion; narrow columns kept, the wide one wraps', () => {
    expect(columnWidths([100, 50], 300)).toEqual([200, 100]);
    expect(columnWidths([400, 50, 50], 300)).toEqual([200, 50, 50]);
  });
});
