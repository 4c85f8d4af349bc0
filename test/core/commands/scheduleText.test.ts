import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, MAX_DAY, MIN_DAY } from '../../../core/calendar/date.js';
import { scheduleToJson } from '../../../core/commands/plan.js';
import { DIRECT_LIMIT, ROW_BYTES, scheduleJsonAround, writeScheduleRows } from '../../../core/commands/scheduleText.js';
import { scheduleTextPieces } from '../../../cli/scheduleText.js';
import { SaldoError } from '../../../core/errors.js';
import type { Ore } from '../../../core/money/ore.js';
import type { Schedule, ScheduleRow } from '../../../core/schedule/schedule.js';
import { runSchedule } from '../schedule/helpers.js';

// The oracle is JSON.stringify of the contract's JSON (scheduleToJson): the direct writer must
// give the same text, byte for byte, for any schedule.
const text = (rows: readonly ScheduleRow[]) => {
  const out = new Uint8Array(rows.length * ROW_BYTES);
  return Buffer.from(out.subarray(0, writeScheduleRows(rows, out))).toString('latin1');
};
const viaJson = (schedule: Schedule) => JSON.stringify(scheduleToJson(schedule));
const asSchedule = (rows: ScheduleRow[]): Schedule => ({
  rows,
  summary: { count: rows.length, installment: 0 as Ore, total: 0 as Ore, fees: 0 as Ore, interest: 0 as Ore, principal: 0 as Ore, lastDueDate: fromDayNumber(46_000) },
  warnings: [],
});

// Any øre amount up to the limit written directly, with the edges of the decimals and of the size.
const ore = fc.oneof(
  fc.integer({ min: -DIRECT_LIMIT, max: DIRECT_LIMIT }),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.constantFrom(0, 1, 5, 9, 10, 11, 50, 99, 100, 101, 105, 110, 1_000_000_000_000, DIRECT_LIMIT, -DIRECT_LIMIT, DIRECT_LIMIT - 1, -1, -10, -101),
  // Whole kroner either side of 2^31, where the digits change from double to 32-bit arithmetic.
  fc.constantFrom(214_748_364_700, 214_748_364_799, 214_748_364_800, 214_748_364_899, -214_748_364_800),
) as fc.Arbitrary<Ore>;
// Beyond it, up to 2^53: written by JSON.stringify instead.
const huge = fc.integer({ min: DIRECT_LIMIT + 1, max: Number.MAX_SAFE_INTEGER }).chain((v) => fc.constantFrom(v, -v)) as fc.Arbitrary<Ore>;
const row: fc.Arbitrary<ScheduleRow> = fc.record({
  n: fc.oneof(fc.integer({ min: 1, max: 1_200 }), fc.maxSafeNat(), fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32 + 1)),
  nominalDate: fc.integer({ min: MIN_DAY, max: MAX_DAY }).map((d) => fromDayNumber(d)),
  dueDate: fc.integer({ min: MIN_DAY, max: MAX_DAY }).map((d) => fromDayNumber(d)),
  payment: ore,
  fees: ore,
  interest: ore,
  principal: ore,
  balance: ore,
});

describe("a schedule's JSON written directly (issue 22)", () => {
  it('writes rows exactly as JSON.stringify writes their kroner: any øre amount, any date', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const { head, tail } = scheduleJsonAround(asSchedule(rows));
        expect(head + text(rows) + tail).toBe(viaJson(asSchedule(rows)));
        expect(scheduleTextPieces(asSchedule(rows)).join('')).toBe(viaJson(asSchedule(rows)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the whole JSON of real schedules: claims with interest before the start, warnings, quarterly, every method', () => {
    const agreement = fc.record({
      principal: fc.integer({ min: 1, max: 50_000_000 }),
      fees: fc.integer({ min: 0, max: 100_000 }),
      rate: fc.integer({ min: 0, max: 2_000 }),
      installment: fc.integer({ min: 50_00, max: 5_000_000 }),
      frequency: fc.constantFrom('monthly', 'quarterly'),
      interestMethod: fc.constantFrom('daily', 'monthly', 'perStartedMonth'),
      accrueFromDueDate: fc.boolean(),
      claimId: fc.string({ minLength: 1, maxLength: 8 }),
    });
    let schedules = 0;
    fc.assert(
      fc.property(agreement, (a) => {
        let schedule: Schedule;
        try {
          schedule = runSchedule({
            startDate: '2026-01-10',
            firstDueDate: '2026-02-28',
            installment: a.installment / 100,
            frequency: a.frequency,
            interestMethod: a.interestMethod,
            accrueFromDueDate: a.accrueFromDueDate,
            claims: [{ id: a.claimId, type: 'andet', principal: a.principal / 100, fees: a.fees / 100, dueDate: '2025-11-30', annualInterestRate: a.rate / 10_000 }],
          });
        } catch (e) {
          if (e instanceof SaldoError) return; // refused input (an installment below the interest): nothing to write
          throw e;
        }
        schedules += 1;
        const { head, tail } = scheduleJsonAround(schedule);
        expect(head + text(schedule.rows) + tail).toBe(viaJson(schedule));
      }),
      { numRuns: 300 },
    );
    expect(schedules).toBeGreaterThan(100);
  });

  it('leaves a schedule with an amount beyond the limit to JSON.stringify: the same text', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), fc.nat(), huge, (rows, at, amount) => {
        const hit = rows[at % rows.length]!;
        const bad = [...rows.slice(0, at % rows.length), { ...hit, interest: amount }, ...rows.slice((at % rows.length) + 1)];
        expect(writeScheduleRows(bad, new Uint8Array(bad.length * ROW_BYTES))).toBe(-1);
        expect(scheduleTextPieces(asSchedule(bad)).join('')).toBe(viaJson(asSchedule(bad)));
      }),
      { numRuns: 2_000 },
    );
    // Found by the property above before the limit: JSON.stringify writes ….55 for 7036881602761554 øre.
    expect(JSON.stringify(7036881602761554 / 100)).toBe('70368816027615.55');
  });

  it('refuses a buffer that might be too small', () => {
    const rows = fc.sample(row, 3);
    expect(() => writeScheduleRows(rows, new Uint8Array(3 * ROW_BYTES - 1))).toThrow(RangeError);
  });
});
