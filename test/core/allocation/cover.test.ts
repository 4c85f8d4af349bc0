import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cover, coverageOrder } from '../../../core/allocation/cover.js';
import { ore } from '../../../core/money/ore.js';
import { ALLOCATION_PARTS } from '../../../core/rules/ruleSet.js';

describe('dækningsrækkefølge', () => {
  it('covers claims oldest due date first, ties in input order', () => {
    expect(
      coverageOrder([
        { dueDate: '2025-06-01', priority: 0 },
        { dueDate: '2025-03-01', priority: 0 },
        { dueDate: '2025-03-01', priority: 0 },
      ]),
    ).toEqual([1, 2, 0]);
  });
  it('a claim type with a lower priority number is covered first regardless of age', () => {
    expect(
      coverageOrder([
        { dueDate: '2020-01-01', priority: 1 },
        { dueDate: '2025-01-01', priority: 0 },
      ]),
    ).toEqual([1, 0]);
  });
  it('fees, then interest, then principal within a claim', () => {
    const claims = [{ fees: ore(100), interest: ore(50), principal: ore(1000) }];
    expect(cover(ore(120), claims, [0], ALLOCATION_PARTS)).toEqual({ fees: 100, interest: 20, principal: 0, unapplied: 0 });
    expect(claims[0]).toEqual({ fees: 0, interest: 30, principal: 1000 });
  });
  it('an overpayment is reported as unapplied, never lost', () => {
    expect(cover(ore(500), [{ fees: ore(0), interest: ore(0), principal: ore(300) }], [0], ALLOCATION_PARTS).unapplied).toBe(200);
  });
  it('conserves money (property)', () => {
    const part = fc.integer({ min: 0, max: 1e7 }).map(ore);
    fc.assert(
      fc.property(fc.array(fc.record({ fees: part, interest: part, principal: part }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 5e7 }).map(ore), (claims, payment) => {
        const before = claims.reduce((t, c) => t + c.fees + c.interest + c.principal, 0);
        const c = cover(
          payment,
          claims,
          claims.map((_, i) => i),
          ALLOCATION_PARTS,
        );
        const after = claims.reduce((t, x) => t + x.fees + x.interest + x.principal, 0);
        expect(c.fees + c.interest + c.principal + c.unapplied).toBe(payment);
        expect(before - after).toBe(c.fees + c.interest + c.principal);
        expect(claims.every((x) => x.fees >= 0 && x.interest >= 0 && x.principal >= 0)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});
