import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodInterest, startedMonths, type RateSource } from '../../../core/interest/accrue.js';
import { ore } from '../../../core/money/ore.js';

// 12 % a year = exactly 1 % a month, and a base in whole kroner: no rounding anywhere, so the
// charge counts started months (in øre: base / 100 each).
const ONE_PERCENT_A_MONTH: RateSource = { kind: 'fixed', ppm: 120_000 as never };
// 2000-01-01 … 2040-12-31 as day numbers from core/calendar/date.ts (2000-01-01 = 10957).
const days = fc.integer({ min: 10_957, max: 25_933 });

describe('perStartedMonth (gebyrloven § 3) counted from the forfald', () => {
  it('each started month is charged once over the life of the claim, however the time is cut into periods', () => {
    fc.assert(
      fc.property(days, fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 100_000 }), (anchor, gaps, kroner) => {
        const base = ore(kroner * 100);
        // Period boundaries anchor ≤ b1 ≤ b2 ≤ … ; the periods' charges add up to the charge of
        // the whole stretch, which is the started months from the forfald times 1 %.
        const bounds = [anchor];
        for (const g of gaps) bounds.push(bounds.at(-1)! + g);
        let sum = 0;
        for (let i = 1; i < bounds.length; i += 1) {
          sum += periodInterest(base, bounds[i - 1]!, bounds[i]!, 'perStartedMonth', ONE_PERCENT_A_MONTH, 1, 'c', { anchor: anchor });
        }
        expect(sum).toBe(startedMonths(anchor, bounds.at(-1)!) * kroner);
      }),
      { numRuns: 2_000 },
    );
  });
});
