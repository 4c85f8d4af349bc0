/**
 * The campaign's cost at the kommune's hourly cost (core/portfolio/campaignCost.ts): minutes are
 * kept in hundredths, so 6.000 to an hour; each cost rounded once to the øre.
 */
import { describe, expect, it } from 'vitest';
import { ore } from '../../../core/money/ore.js';
import { costOf } from '../../../core/portfolio/campaignCost.js';

describe('costOf', () => {
  it('prices minutes at the hourly cost, to the øre', () => {
    // 23,5 min at 450 kr./time = 450 · 23,5 / 60 = 176,25 kr.
    expect(costOf({ minuteHundredths: 2_350 }, ore(45_000))).toBe(17_625);
    // 1 min at 437,50 kr./time = 7,291666… kr. → 7,29 kr.
    expect(costOf({ minuteHundredths: 100 }, ore(43_750))).toBe(729);
    // 1 min at 443,70 kr./time = 7,395 kr. → 7,40 kr. (half up)
    expect(costOf({ minuteHundredths: 100 }, ore(44_370))).toBe(740);
    expect(costOf({ minuteHundredths: 0 }, ore(45_000))).toBe(0);
  });
});
