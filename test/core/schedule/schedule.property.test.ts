import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBankingDay } from '../../../core/calendar/bankingDays.js';
import { daysBetween, type CalendarDate } from '../../../core/calendar/date.js';
import { SaldoError } from '../../../core/errors.js';
import { runPlan } from './helpers.js';

// ≥ 10,000 random agreements per property (issue 2). Seeds: fast-check prints the seed and the
// shrunk counterexample on failure; rerun with { seed, path } to reproduce.
const RUNS = 10_000;

const kroner = (maxKr: number) => fc.integer({ min: 0, max: maxKr * 100 }).map((o) => o / 100);
const isoDate = fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const claim = fc.record({
  principal: kroner(200_000),
  fees: kroner(1_000),
  interest: kroner(500),
  dueDate: isoDate,
  // 0–20 % in basis points, written as Excel's fraction (0.0805) or, from 1 %, as a percent (8.05).
  annualInterestRate: fc.oneof(
    fc.constant(0),
    fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.boolean()).map(([bp, asPercent]) => (asPercent && bp >= 100 ? bp / 100 : bp / 10_000)),
  ),
});

const agreement = fc.record({
  claims: fc.array(claim, { minLength: 1, maxLength: 4 }),
  firstDueDate: isoDate,
  startGap: fc.integer({ min: 0, max: 120 }),
  frequency: fc.constantFrom('monthly', 'quarterly'),
  interestMethod: fc.constantFrom('daily', 'monthly', 'perStartedMonth'),
  interestBase: fc.constantFrom('principal', 'principalAndFees'),
  payments: fc.integer({ min: 1, max: 120 }),
});

type Agreement = typeof agreement extends fc.Arbitrary<infer T> ? T : never;

function startDate(a: Agreement): string {
  const d = new Date(`${a.firstDueDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - a.startGap);
  return d.toISOString().slice(0, 10);
}

const total = (a: Agreement) => a.claims.reduce((t, c) => t + Math.round(c.principal * 100) + Math.round(c.fees * 100) + Math.round(c.interest * 100), 0);

function planOrNull(input: object) {
  try {
    return runPlan(input);
  } catch (e) {
    // Only the two documented refusals may happen for valid random input.
    if (e instanceof SaldoError && (e.code === 'BETALES_ALDRIG' || e.code === 'FOR_MANGE_RÆKKER')) return null;
    throw e;
  }
}

const øre = (kr: number) => Math.round(kr * 100);

describe('plan: properties over random agreements', () => {
  it('conserves money, pays off, never goes negative; due dates increase and are banking days', () => {
    let computed = 0;
    fc.assert(
      fc.property(agreement, (a) => {
        fc.pre(total(a) > 0);
        // An installment that pays the debt in about `payments` periods, with headroom for a
        // period's interest at the highest rate (so that most agreements can be computed).
        const maxRate = Math.max(...a.claims.map((c) => (c.annualInterestRate >= 1 ? c.annualInterestRate / 100 : c.annualInterestRate)));
        const months = a.frequency === 'monthly' ? 1 : 3;
        const installment = Math.ceil(total(a) / a.payments / 100) + Math.ceil((((total(a) / 100) * maxRate * months) / 12) * 1.1) + 1;
        const { startGap: _g, payments: _p, ...terms } = a;
        const out = planOrNull({ ...terms, startDate: startDate(a), installment });
        if (!out) return;
        computed += 1;
        const rows = out.rows;
        const bad: string[] = [];
        let paid = 0,
          fees = 0,
          interest = 0,
          principal = 0;
        rows.forEach((r, i) => {
          const last = i === rows.length - 1;
          if (øre(r.payment) !== øre(r.fees) + øre(r.interest) + øre(r.principal)) bad.push(`row ${r.n}: payment ≠ parts`);
          if (r.balance < 0) bad.push(`row ${r.n}: negative balance`);
          if (!last && (r.payment !== installment || r.balance <= 0)) bad.push(`row ${r.n}: not a full installment before the end`);
          if (last && (r.payment > installment || r.balance !== 0)) bad.push(`row ${r.n}: last row wrong`);
          if (!isBankingDay(r.dueDate as CalendarDate)) bad.push(`row ${r.n}: ${r.dueDate} is not a banking day`);
          const shift = daysBetween(r.nominalDate as CalendarDate, r.dueDate as CalendarDate);
          if (shift < 0 || shift >= 7) bad.push(`row ${r.n}: moved ${shift} days`);
          if (i > 0 && !(r.dueDate > rows[i - 1]!.dueDate)) bad.push(`row ${r.n}: due date does not increase`);
          paid += øre(r.payment);
          fees += øre(r.fees);
          interest += øre(r.interest);
          principal += øre(r.principal);
        });
        expect(bad).toEqual([]);
        expect(paid).toBe(fees + interest + principal);
        expect(principal).toBe(a.claims.reduce((t, c) => t + øre(c.principal), 0));
        expect(fees).toBe(a.claims.reduce((t, c) => t + øre(c.fees), 0));
        expect(interest).toBeGreaterThanOrEqual(a.claims.reduce((t, c) => t + øre(c.interest), 0));
        expect(øre(out.summary.total)).toBe(paid);
        expect(out.summary.count).toBe(rows.length);
        if (maxRate === 0) expect(rows.length).toBe(Math.ceil(total(a) / øre(installment)));
      }),
      { numRuns: RUNS },
    );
    // The property must not pass by refusing everything.
    expect(computed).toBeGreaterThan(RUNS * 0.9);
  });

  it('count mode: at most `count` payments, the last not larger, and the installment is the smallest that does it', () => {
    let computed = 0;
    fc.assert(
      fc.property(agreement, fc.constantFrom(1, 10, 100), (a, rounding) => {
        fc.pre(total(a) > 0);
        const count = Math.min(a.payments, 60);
        const { startGap: _g, payments: _p, ...terms } = a;
        const input = { ...terms, startDate: startDate(a), count, rounding };
        const out = planOrNull(input);
        if (!out) return;
        computed += 1;
        const inst = out.summary.installment;
        expect(out.summary.count).toBeLessThanOrEqual(count);
        expect(øre(inst) % øre(rounding)).toBe(0);
        out.rows.slice(0, -1).forEach((r) => expect(r.payment).toBe(inst));
        expect(out.rows.at(-1)!.payment).toBeLessThanOrEqual(inst);
        // Minimal: one rounding step less does not pay everything within `count`.
        const smaller = (øre(inst) - øre(rounding)) / 100;
        if (smaller > 0) {
          const { count: _c, rounding: _r, ...rest } = input;
          const fewer = planOrNull({ ...rest, installment: smaller });
          expect(fewer === null || fewer.summary.count > count).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(computed).toBeGreaterThan(RUNS * 0.9);
  });

  it("no interest before a claim's own forfaldsdag, whatever the method (renteloven §§ 2–3)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 100_000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom('daily', 'monthly', 'perStartedMonth'),
        (principal, rate, daysAfter, interestMethod) => {
          const dueDate = new Date(Date.UTC(2026, 0, 1 + daysAfter)).toISOString().slice(0, 10);
          const out = runPlan({
            startDate: '2026-01-01',
            firstDueDate: '2026-02-01',
            installment: Math.ceil(principal / 10) + 100,
            interestMethod,
            claims: [{ principal, annualInterestRate: rate, dueDate }],
          });
          for (const row of out.rows) if (row.nominalDate <= dueDate) expect(row.interest).toBe(0);
          // … and after it the claim does bear interest: a period ending two months or more after
          // the forfald, on a balance of ≥ 100 kr. at ≥ 1 % a year, costs at least 0,08 kr.
          out.rows.forEach((r, k) => {
            const before = k === 0 ? principal : out.rows[k - 1]!.balance;
            if (Date.parse(r.nominalDate) - Date.parse(dueDate) >= 62 * 86_400_000 && before >= 100) expect(r.interest).toBeGreaterThan(0);
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
