/**
 * The politik's next steps under random procedures, claim types, steps taken and status dates
 * (SPEC "status": nextSteps). What must hold whatever the data: no step before asOf, every step on
 * a banking day and none before the one before it, the steps still to take are the procedure's
 * after the last one taken, no more fee letters than the law and the claim types allow, and
 * civil-law fee letters at least renteloven § 9 b's 10 days apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBankingDay } from '../../../core/calendar/bankingDays.js';
import { addDays, fromDayNumber, toDayNumber, type CalendarDate } from '../../../core/calendar/date.js';
import { CLAIM_TYPES } from '../../../core/rules/claimTypes.js';
import { STEP_KINDS, type Procedure } from '../../../core/rules/politik.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { feeBasis, nextSteps, stepsFor } from '../../../core/rykker/procedure.js';

const FIRST = toDayNumber('2026-01-01' as CalendarDate);

const procedure = fc
  .array(fc.record({ kind: fc.constantFrom(...STEP_KINDS), afterDays: fc.integer({ min: 0, max: 30 }), fee: fc.boolean(), medhaeftere: fc.boolean() }), { minLength: 1, maxLength: 8 })
  .map((steps): Procedure => ({
    label: 'Tilfældig',
    perRate: false,
    steps: steps.map((s, i) => ({ ...s, id: `trin${i + 1}`, action: `Trin ${i + 1}`, notice: false, optional: false, why: 'test' })),
  }));

const scenario = fc.record({
  procedure,
  types: fc.uniqueArray(fc.constantFrom(...CLAIM_TYPES), { minLength: 1, maxLength: 3 }),
  start: fc.integer({ min: 0, max: 1000 }),
  takenCount: fc.integer({ min: 0, max: 8 }),
  gaps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 8, maxLength: 8 }),
  asOfAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
});

describe('next steps (5,000 random procedures)', () => {
  it('never before asOf, on banking days, in order, the rest of the procedure, fees within the law', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const start = fromDayNumber(FIRST + s.start);
        const applicable = stepsFor(s.procedure, s.types, defaultRules);
        let day = FIRST + s.start;
        const taken = applicable.slice(0, Math.min(s.takenCount, applicable.length)).map((st, i) => {
          day += s.gaps[i]!;
          return { step: st.id, date: fromDayNumber(day) };
        });
        const asOf = s.asOfAfter === null ? null : addDays(fromDayNumber(day), s.asOfAfter);
        const out = nextSteps({ procedure: s.procedure, start, taken, asOf, types: s.types, rules: defaultRules });

        expect(out.map((x) => x.step)).toEqual(applicable.slice(taken.length).map((x) => x.id));
        let previous = taken.length > 0 ? taken[taken.length - 1]!.date : start;
        for (const x of out) {
          expect(isBankingDay(x.earliest)).toBe(true);
          expect(x.earliest >= previous).toBe(true);
          if (asOf !== null) expect(x.earliest >= asOf).toBe(true);
          else expect(x.overdue).toBe(false);
          previous = x.earliest;
        }

        const basis = feeBasis(s.types, defaultRules);
        const fees = out.filter((x) => x.fee > 0);
        for (const x of fees) expect(x.fee).toBe(basis.perLetter);
        const feeLettersTaken = taken.filter((t) => applicable.find((a) => a.id === t.step)!.fee).length;
        if (basis.perLetter > 0) expect(feeLettersTaken + fees.length).toBeLessThanOrEqual(Math.max(basis.maxLetters, feeLettersTaken));
        // A public claim without udpantningsret (kontanthjælp) never gets a fee (renteloven § 1 stk. 2).
        if (s.types.includes('kontanthjælp')) expect(fees).toEqual([]);
        // renteloven § 9 b: 10 days between fee-bearing letters to a civil-law claim.
        if (basis.minDaysBetween > 0) {
          const letters = out.filter((x, i) => applicable[taken.length + i]!.fee).map((x) => toDayNumber(x.earliest));
          const lastTakenFee = taken.filter((t) => applicable.find((a) => a.id === t.step)!.fee).pop();
          const all = [...(lastTakenFee ? [toDayNumber(lastTakenFee.date)] : []), ...letters];
          for (let i = 1; i < all.length; i++) expect(all[i]! - all[i - 1]!).toBeGreaterThanOrEqual(basis.minDaysBetween);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
