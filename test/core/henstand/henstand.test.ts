import { describe, expect, it } from 'vitest';
import type { HenstandOutput, SingleClaimHenstandOutput } from '../../../core/commands/henstand.js';
import { henstand } from '../../jsonCommands.js';
import { SaldoError } from '../../../core/errors.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const run = (input: unknown) => henstand(input, defaultRules) as HenstandOutput;
const errorOf = (input: unknown): SaldoError => {
  try {
    henstand(input, defaultRules);
  } catch (e) {
    if (e instanceof SaldoError) return e;
    throw e;
  }
  throw new Error('expected a SaldoError');
};
const agreement = { startDate: '2026-01-10', firstDueDate: '2026-02-01', installment: 500, claims: [{ id: 'F1', type: 'andet', principal: 4200, fees: 250, dueDate: '2025-10-01' }] };

describe('full henstand', () => {
  it('moves every installment from its start on by the months; without interest nothing else changes', () => {
    // Before: 1/2 … 1/10 (9 payments). 3 months' henstand from 1 May: May–Oct move to Aug–Jan.
    const out = run({ ...agreement, henstand: { from: '2026-05-01', months: 3, kind: 'full' } });
    expect(out.after.rows.map((r) => r.nominalDate)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01']);
    expect(out.after.summary.lastDueDate).toBe('2027-01-04'); // 1/1 closed, 2–3/1 a weekend
    expect(out.effect).toEqual({ lastDueDateBefore: '2026-10-01', lastDueDateAfter: '2027-01-04', extraPayments: 0, extraInterest: 0, extraTotal: 0 });
    expect(out.warnings).toEqual([]);
  });

  it('with interest running (monthly 12 %), the longer period costs interest, by hand', () => {
    // 6.000 kr. at 1 % a month, 1.000 kr. a month from 1 Feb; 2 months' henstand from 1 April:
    //  Feb: 60,00 → 5.060,00; Mar: 50,60 → 4.110,60;
    //  1 Mar → 1 Jun (3 months): 4.110,60 × 3 % = 123,318 → 123,32 → 3.233,92;
    //  Jul 32,34 → 2.266,26; Aug 22,66 → 1.288,92; Sep 12,89 → 301,81; Oct 3,02 → last 304,83.
    //  Before: 60 + 50,60 + 41,11 + 31,52 + 21,83 + 12,05 + 2,17 = 219,28; after: 304,83.
    const out = run({
      startDate: '2026-01-01',
      firstDueDate: '2026-02-01',
      installment: 1000,
      interestMethod: 'monthly',
      claims: [{ principal: 6000, annualInterestRate: 0.12 }],
      henstand: { from: '2026-04-01', months: 2, kind: 'full' },
    });
    expect(out.after.rows.map((r) => [r.nominalDate, r.interest, r.balance])).toEqual([
      ['2026-02-01', 60, 5060],
      ['2026-03-01', 50.6, 4110.6],
      ['2026-06-01', 123.32, 3233.92],
      ['2026-07-01', 32.34, 2266.26],
      ['2026-08-01', 22.66, 1288.92],
      ['2026-09-01', 12.89, 301.81],
      ['2026-10-01', 3.02, 0],
    ]);
    expect(out.before.summary.interest).toBe(219.28);
    expect(out.effect).toMatchObject({ extraPayments: 0, extraInterest: 85.55, extraTotal: 85.55, lastDueDateAfter: '2026-10-01' });
  });

  it('with interestDuringHenstand false, the henstand months are interest-free: the same interest as before', () => {
    const out = run({
      startDate: '2026-01-01',
      firstDueDate: '2026-02-01',
      installment: 1000,
      interestMethod: 'monthly',
      claims: [{ principal: 6000, annualInterestRate: 0.12 }],
      henstand: { from: '2026-04-01', months: 2, kind: 'full' },
      interestDuringHenstand: false,
    });
    // the spanning period (1/3 → 1/6) carries 1 month's interest: 4.110,60 × 1 % = 41,11, as before
    expect(out.after.rows[2]).toMatchObject({ nominalDate: '2026-06-01', interest: 41.11, balance: 3151.71 });
    expect(out.effect.extraInterest).toBe(0);
    expect(out.after.summary.total).toBe(out.before.summary.total);
  });

  it('an agreement on the 31st keeps its month end after the move', () => {
    const out = run({ firstDueDate: '2026-01-31', installment: 100, claims: [{ principal: 500 }], henstand: { from: '2026-03-01', months: 1, kind: 'full' } });
    expect(out.after.rows.map((r) => r.nominalDate)).toEqual(['2026-01-31', '2026-02-28', '2026-04-30', '2026-05-31', '2026-06-30']);
  });

  it('a quarterly agreement moves by the months given', () => {
    const out = run({ firstDueDate: '2026-03-31', frequency: 'quarterly', installment: 1000, claims: [{ principal: 3000 }], henstand: { from: '2026-06-01', months: 3 } });
    expect(out.after.rows.map((r) => r.nominalDate)).toEqual(['2026-03-31', '2026-09-30', '2026-12-31']);
  });
});

describe('reduced henstand', () => {
  it('lowers the installments in the period and the agreement runs longer', () => {
    // 4.450 kr.: Feb–Apr 3 × 500; May–Jul 3 × 200; then 2.350 left: Aug–Nov 4 × 500, Dec 350.
    const out = run({ ...agreement, henstand: { from: '2026-05-01', months: 3, kind: 'reduced', installment: 200 } });
    expect(out.after.rows.map((r) => r.payment)).toEqual([500, 500, 500, 200, 200, 200, 500, 500, 500, 500, 350]);
    expect(out.effect).toEqual({ lastDueDateBefore: '2026-10-01', lastDueDateAfter: '2026-12-01', extraPayments: 2, extraInterest: 0, extraTotal: 0 });
  });
  it('an installment during a reduced henstand may be below the interest without an error', () => {
    const out = run({
      startDate: '2026-01-01',
      firstDueDate: '2026-02-01',
      installment: 1000,
      interestMethod: 'monthly',
      claims: [{ principal: 10000, annualInterestRate: 0.12 }],
      henstand: { from: '2026-03-01', months: 2, kind: 'reduced', installment: 50 },
    });
    expect(out.after.rows[1]).toMatchObject({ payment: 50, interest: 50 });
    expect(out.after.rows[2]!.payment).toBe(50);
    expect(out.after.summary.count).toBeGreaterThan(out.before.summary.count);
  });
  it('warns when the reduced installment is not lower', () => {
    expect(run({ ...agreement, henstand: { from: '2026-05-01', months: 1, kind: 'reduced', installment: 600 } }).warnings.map((w) => w.code)).toEqual(['NEDSAT_YDELSE_IKKE_LAVERE']);
  });
});

describe('policy warnings (not blocks)', () => {
  it('henstand on running ejendomsskat, daginstitution or underholdsbidrag is against the opkrævningspolitik as a rule', () => {
    const out = run({
      ...agreement,
      claims: [
        { id: 'E1', type: 'ejendomsskat', principal: 1000 },
        { id: 'D1', type: 'daginstitution', principal: 500 },
        { id: 'R1', type: 'renovation', principal: 300 },
      ],
      henstand: { from: '2026-05-01', months: 1 },
    });
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'HENSTAND_MOD_POLITIK', claims: ['E1', 'D1'] })]);
    expect(out.warnings[0]!.message).toMatch(/ejendomsskat, daginstitution \(forældrebetaling\)/);
    expect(out.after.summary.count).toBe(4); // computed all the same: 1.800 kr. = 3 × 500 + 300
  });
  it('a tilbagebetalingskrav reminds that henstand is mandatory for kontanthjælp-type recipients', () => {
    const out = run({ ...agreement, claims: [{ type: 'kontanthjælp', principal: 4000 }], henstand: { from: '2026-05-01', months: 6 } });
    expect(out.warnings.map((w) => w.code)).toEqual(['HENSTAND_OBLIGATORISK']);
    expect(out.warnings[0]!.message).toMatch(/BEK 585\/2023/);
  });
  it('a henstand after the last installment changes nothing and says so', () => {
    const out = run({ ...agreement, henstand: { from: '2027-05-01', months: 2 } });
    expect(out.effect.extraTotal).toBe(0);
    expect(out.warnings.map((w) => w.code)).toEqual(['HENSTAND_UDEN_VIRKNING']);
  });
});

describe('bad henstand input', () => {
  it.each([
    [{ ...agreement, henstand: { from: '2026-05-01', months: -2 } }, /henstand\.months: antal måneder skal være et helt tal fra 1/],
    [{ ...agreement, henstand: { from: '2026-05-01', months: 2.5 } }, /helt tal/],
    [{ ...agreement, henstand: { from: '2026-05-01', months: 2, kind: 'reduced' } }, /nedsat henstand \("reduced"\) skal have den lavere ydelse/],
    [{ ...agreement, henstand: { from: '2026-13-01', months: 2 } }, /henstand\.from/],
    [{ ...agreement, henstand: { months: 2 } }, /henstand\.from mangler/],
    [{ ...agreement, henstand: { from: '2026-05-01', months: 2, kind: 'pause' } }, /henstand\.kind/],
    [{ ...agreement, henstand: { from: '2025-05-01', months: 2 } }, /før aftalens startdato/],
    [{ ...agreement, henstand: { from: '2026-05-01', months: 2 }, interestDuringHenstand: 'nej' }, /interestDuringHenstand/],
    [{ ...agreement }, /henstand skal være et objekt/],
  ])('%j', (input, message) => {
    expect(errorOf(input).message).toMatch(message);
  });
});

describe('henstand on a single claim without an agreement', () => {
  it('gives the new due date, the interest it spares and the rykker dates before and after', () => {
    // Renovation 1.200 kr. due 2 March 2026, 1 % per started month. 2 months' henstand:
    // new due date 2 May (a Saturday) → Monday 4 May; spared 2 started months = 24,00 kr.
    // The politik's restance procedure: rykker 1 the day after the due date, rykker 2 (with the
    // notice) and the call 10 days later, oversendelse 10 days after that; 15 May 2026 (the day
    // after Kristi himmelfart) is closed → Monday 18 May. No asOf: a plan, nothing overdue.
    const out = henstand(
      { claim: { id: 'R7', type: 'renovation', principal: 1200, dueDate: '2026-03-02', annualInterestRate: 12 }, henstand: { months: 2 } },
      defaultRules,
    ) as SingleClaimHenstandOutput;
    expect(out).toMatchObject({ claim: 'R7', dueDateBefore: '2026-03-02', dueDateAfter: '2026-05-04', interestSpared: 24 });
    expect(out.rykkerBefore.map((s) => [s.step, s.earliest, s.fee, s.overdue])).toEqual([
      ['rykker1', '2026-03-03', 250, false],
      ['rykker2', '2026-03-13', 250, false],
      ['opkald', '2026-03-13', 0, false],
      ['oversendelse', '2026-03-23', 0, false],
    ]);
    expect(out.rykkerAfter.map((s) => [s.step, s.earliest])).toEqual([
      ['rykker1', '2026-05-05'],
      ['rykker2', '2026-05-18'],
      ['opkald', '2026-05-18'],
      ['oversendelse', '2026-05-28'],
    ]);
    expect(out.warnings).toEqual([]);
  });
});

describe('interest-free henstand on the monthly method (review finding)', () => {
  it('two free months starting in one period are both given: the second carries to the next period', () => {
    // Henstand from 28 Feb for 2 months: free months start 28 Feb and 28 Mar, both inside the
    // period 28 Feb → 31 Mar. That period gets 1 free month, the next (31 Mar → 30 Apr) the other.
    const out = run({
      firstDueDate: '2026-01-31',
      installment: 1000,
      interestMethod: 'monthly',
      claims: [{ principal: 6000, annualInterestRate: 12 }],
      henstand: { from: '2026-02-28', months: 2, kind: 'reduced', installment: 100 },
      interestDuringHenstand: false,
    });
    expect(out.after.rows.slice(2, 5).map((r) => [r.nominalDate, r.interest])).toEqual([
      ['2026-03-31', 0],
      ['2026-04-30', 0],
      ['2026-05-31', expect.any(Number)],
    ]);
    expect(out.after.rows[4]!.interest).toBeGreaterThan(0);
  });
});
