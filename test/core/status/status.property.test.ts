/**
 * Money is never lost in an agreement's status (issue 7): ≥ 10,000 random agreements and payments.
 * Every krone paid by asOf is on an installment or overpaid; payments cover installments in
 * order; the arrears are what was due minus what was paid; the state follows from the figures.
 * fast-check prints the seed and path of a failure; rerun with { seed, path } to reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextBankingDay } from '../../../core/calendar/bankingDays.js';
import { addMonths, fromDayNumber, toDayNumber, type CalendarDate } from '../../../core/calendar/date.js';
import { ore } from '../../../core/money/ore.js';
import { CLAIM_TYPES } from '../../../core/rules/claimTypes.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { agreementStatus } from '../../../core/status/agreementStatus.js';
import { procedureStatus } from '../../../core/status/procedureStatus.js';

const addDays = (d: CalendarDate, n: number): CalendarDate => fromDayNumber(toDayNumber(d) + n);

const RUNS = 10_000;
const FIRST = toDayNumber('2026-01-01' as CalendarDate);

const scenario = fc.record({
  firstDue: fc.integer({ min: 0, max: 60 }),
  amounts: fc.array(fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constant(0)), { minLength: 1, maxLength: 24 }),
  payments: fc.array(fc.record({ day: fc.integer({ min: -30, max: 800 }), amount: fc.integer({ min: 1, max: 1_500_000 }) }), { maxLength: 30 }),
  asOf: fc.integer({ min: 0, max: 800 }),
  graceDays: fc.integer({ min: 0, max: 30 }),
  claimType: fc.constantFrom(...CLAIM_TYPES),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const first = fromDayNumber(FIRST + s.firstDue);
  const installments = s.amounts.map((a, i) => ({ n: i + 1, dueDate: addMonths(first, i), amount: ore(a) }));
  const payments = s.payments.map((p) => ({ date: fromDayNumber(FIRST + p.day), amount: ore(p.amount) }));
  const asOf = fromDayNumber(FIRST + s.asOf);
  const status = agreementStatus(installments, payments, asOf, s.graceDays);
  const procedure = procedureStatus(status, { types: [s.claimType], situation: 'misligholdt', taken: [], asOf, graceDays: s.graceDays, rules: defaultRules });
  return { installments, payments, asOf, status, procedure };
}

describe('agreement status: money is never lost (10,000 random agreements)', () => {
  it('every krone paid by asOf is on an installment or overpaid; later payments are counted as left out', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { payments, asOf, status } = build(s);
        const counted = payments.filter((p) => p.date <= asOf);
        const paidByAsOf = counted.reduce((sum, p) => sum + p.amount, 0);
        expect(status.paidTotal).toBe(paidByAsOf);
        expect(status.installments.reduce((sum, i) => sum + i.paid, 0) + status.overpaid).toBe(paidByAsOf);
        expect(status.ignoredPayments).toBe(payments.length - counted.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('each installment is paid plus missing, covered in order, and only a fully covered agreement is overpaid', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { installments, status } = build(s);
        status.installments.forEach((x, i) => {
          expect(x.paid + x.missing).toBe(installments[i]!.amount);
          expect(x.paid).toBeGreaterThanOrEqual(0);
          expect(x.missing).toBeGreaterThanOrEqual(0);
          // a later installment gets money only when every earlier one is covered
          if (i > 0 && x.paid > 0) expect(status.installments[i - 1]!.missing).toBe(0);
        });
        if (status.overpaid > 0) expect(status.installments.every((x) => x.missing === 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('arrears are what fell due by asOf minus what was paid by then (never negative)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { installments, asOf, status } = build(s);
        const due = installments.filter((i) => i.dueDate <= asOf).reduce((sum, i) => sum + i.amount, 0);
        expect(status.arrears).toBe(Math.max(0, due - status.paidTotal));
      }),
      { numRuns: RUNS },
    );
  });

  it('the state follows from the figures: afsluttet when nothing is missing, misligholdt only past a grace, from a day not after asOf', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { asOf, status, procedure } = build(s);
        const nothingMissing = status.installments.every((x) => x.missing === 0);
        expect(status.state === 'afsluttet').toBe(nothingMissing);
        // some installment past its deadline at asOf and not covered ⇒ misligholdt; the deadline
        // (due + grace) on a closed day runs to the next banking day (SPEC status)
        const overdue = status.installments.some((x) => x.missing > 0 && nextBankingDay(addDays(x.dueDate, s.graceDays)) < asOf);
        if (!nothingMissing) expect(status.state).toBe(overdue ? 'misligholdt' : 'overholdt');
        if (status.state === 'misligholdt') {
          expect(status.breachDate! <= asOf).toBe(true);
          expect(procedure.nextSteps.length).toBeGreaterThan(0);
          // SPEC: no step is planned before asOf; one due earlier is due now and marked overdue;
          // the steps follow each other; no fee above the legal maximum (gebyrloven 250 kr.).
          let previous = asOf;
          for (const step of procedure.nextSteps) {
            expect(step.earliest >= previous).toBe(true);
            expect(step.fee).toBeLessThanOrEqual(25_000);
            previous = step.earliest;
          }
        } else {
          expect(status.breachDate).toBeNull();
          expect(procedure.nextSteps).toEqual([]);
        }
        for (const x of status.installments) if (x.state === 'ikke forfalden') expect(x.dueDate > asOf).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
