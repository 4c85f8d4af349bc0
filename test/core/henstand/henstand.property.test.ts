import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HenstandOutput } from '../../../core/commands/henstand.js';
import { henstand, status } from '../../jsonCommands.js';
import { SaldoError } from '../../../core/errors.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

// ≥ 10,000 random cases per property; fast-check prints the seed and path of a failure.
const RUNS = 10_000;
const øre = (kr: number) => Math.round(kr * 100);

const agreement = fc.record({
  principal: fc.integer({ min: 100, max: 20_000_000 }).map((o) => o / 100),
  fees: fc.integer({ min: 0, max: 100_000 }).map((o) => o / 100),
  rateBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1500 })),
  method: fc.constantFrom('daily', 'monthly', 'perStartedMonth'),
  frequency: fc.constantFrom('monthly', 'quarterly'),
  payments: fc.integer({ min: 2, max: 60 }),
  firstDue: fc.integer({ min: 0, max: 3000 }),
  henstandAt: fc.integer({ min: 0, max: 40 }),
  months: fc.integer({ min: 1, max: 12 }),
  kind: fc.constantFrom('full', 'reduced'),
  reducedShare: fc.integer({ min: 0, max: 90 }),
  interestDuring: fc.boolean(),
});
type A = typeof agreement extends fc.Arbitrary<infer T> ? T : never;

function input(a: A) {
  const first = new Date(Date.UTC(2020, 0, 1) + a.firstDue * 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.UTC(2020, 0, 1) + (a.firstDue + a.henstandAt * 30) * 86_400_000).toISOString().slice(0, 10);
  const total = a.principal + a.fees;
  const months = a.frequency === 'monthly' ? 1 : 3;
  const installment = Math.ceil(total / a.payments + ((total * (a.rateBp / 10_000) * months) / 12) * 1.2) + 1;
  const reduced = Math.max(1, Math.floor((installment * a.reducedShare) / 100));
  return {
    firstDueDate: first,
    frequency: a.frequency,
    interestMethod: a.method,
    installment,
    claims: [{ principal: a.principal, fees: a.fees, annualInterestRate: a.rateBp / 10_000 }],
    henstand: { from, months: a.months, kind: a.kind, ...(a.kind === 'reduced' ? { installment: reduced } : {}) },
    interestDuringHenstand: a.interestDuring,
  };
}

function run(a: A): HenstandOutput | null {
  try {
    return henstand(input(a), defaultRules) as HenstandOutput;
  } catch (e) {
    if (e instanceof SaldoError && (e.code === 'BETALES_ALDRIG' || e.code === 'FOR_MANGE_RÆKKER')) return null;
    throw e;
  }
}

describe('henstand never loses or invents money (property)', () => {
  it('after-total = before-total + extra interest; principal and fees are unchanged; both schedules pay off', () => {
    let computed = 0;
    fc.assert(
      fc.property(agreement, (a) => {
        const out = run(a);
        if (!out) return;
        computed += 1;
        const { before, after, effect } = out;
        expect(øre(after.summary.total)).toBe(øre(before.summary.total) + øre(effect.extraInterest));
        expect(øre(effect.extraTotal)).toBe(øre(effect.extraInterest));
        expect(after.summary.principal).toBe(before.summary.principal);
        expect(after.summary.fees).toBe(before.summary.fees);
        expect(after.rows.at(-1)!.balance).toBe(0);
        expect(effect.extraPayments).toBe(after.summary.count - before.summary.count);
        if (a.rateBp === 0) {
          expect(effect.extraInterest).toBe(0);
          expect(after.summary.total).toBe(before.summary.total);
        }
        // With interest running on the monthly method, a full henstand never ends an agreement
        // sooner. (Without interest it may: the free months can save an installment; with daily
        // interest the moved periods can fall on shorter months and save one too.)
        if (a.kind === 'full' && a.interestDuring && a.method === 'monthly') expect(after.summary.lastDueDate >= before.summary.lastDueDate).toBe(true);
        // Interest off and a full henstand on the monthly method: the same interest exactly.
        if (!a.interestDuring && a.kind === 'full' && a.method === 'monthly') expect(effect.extraInterest).toBe(0);
      }),
      { numRuns: RUNS },
    );
    expect(computed).toBeGreaterThan(RUNS * 0.9);
  });
});

describe('status (property)', () => {
  it('paid in full on every due date: never misligholdt; paid + missing = amount for every installment', () => {
    fc.assert(
      fc.property(agreement, fc.integer({ min: 0, max: 2000 }), fc.boolean(), (a, asOfOffset, payAll) => {
        const { henstand: _h, interestDuringHenstand: _i, ...plan } = input(a);
        let rows;
        try {
          rows = henstand(input(a), defaultRules) as HenstandOutput;
        } catch {
          return;
        }
        const schedule = rows.before.rows;
        const asOf = new Date(Date.parse(`${plan.firstDueDate}T00:00:00Z`) + asOfOffset * 86_400_000).toISOString().slice(0, 10);
        const payments = payAll ? schedule.map((r) => ({ date: r.dueDate, amount: r.payment })) : [];
        const out = status({ ...plan, payments, asOf }, defaultRules);
        for (const i of out.installments) expect(øre(i.paid) + øre(i.missing)).toBe(øre(i.amount));
        if (payAll) {
          expect(out.state).not.toBe('misligholdt');
          expect(out.installments.every((i) => i.dueDate > asOf || i.state === 'betalt')).toBe(true);
        } else {
          const anyDue = schedule.some((r) => r.dueDate < asOf);
          expect(out.state).toBe(anyDue ? 'misligholdt' : 'overholdt');
          expect(out.arrears).toBe(schedule.filter((r) => r.dueDate <= asOf).reduce((s, r) => s + øre(r.payment), 0) / 100);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
