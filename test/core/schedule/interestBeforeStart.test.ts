import { describe, expect, it } from 'vitest';
import { planErrorOf, runPlan } from './helpers.js';

const errorOf = planErrorOf;

describe('accrueFromDueDate: interest from the forfald to the agreement, computed and shown apart', () => {
  it('daily: actual days from the forfald to the agreement date', () => {
    // Due 01-10-2026, agreement 20-11-2026: 31 days of October + 19 of November = 50 days;
    // 10.000 × 10 % × 50/365 = 136,986… → 136,99. It is paid first (interest before principal).
    const out = runPlan({
      startDate: '2026-11-20',
      firstDueDate: '2027-01-01',
      installment: 1000,
      accrueFromDueDate: true,
      claims: [{ id: 'A', principal: 10000, annualInterestRate: 10, dueDate: '2026-10-01' }],
    });
    expect(out.interestBeforeStart).toEqual({ total: 136.99, claims: [{ claimId: 'A', from: '2026-10-01', to: '2026-11-20', interest: 136.99 }] });
    // Row 1: 42 days from 20 Nov, 10.000 × 10 % × 42/365 = 115,068… → 115,07; 136,99 + 115,07 of interest.
    expect(out.rows[0]).toMatchObject({ interest: 252.06, principal: 747.94 });
  });

  it("perStartedMonth: the issue's nine months, the same plan as typing 900 kr.", () => {
    // 10.000 kr. due 02-03-2026, agreement 20-11-2026: months started 2 March … 2 November = 9,
    // 9 × 1 % × 10.000 = 900 kr. The schedule is then the one with "interest": 900 typed in.
    const claim = { principal: 10000, annualInterestRate: 12, dueDate: '2026-03-02' };
    const terms = { startDate: '2026-11-20', firstDueDate: '2027-01-01', installment: 2000, interestMethod: 'perStartedMonth' };
    const computed = runPlan({ ...terms, accrueFromDueDate: true, claims: [claim] });
    expect(computed.interestBeforeStart?.total).toBe(900);
    expect(computed.rows).toEqual(runPlan({ ...terms, claims: [{ ...claim, interest: 900 }] }).rows);
  });

  it('monthly: whole months only', () => {
    // Due 15 Jan, agreement 20 Apr: three whole months (15 Jan → 15 Apr), the 5 days after are no
    // whole month. 12.000 × 12 % / 12 × 3 = 360.
    const out = runPlan({
      startDate: '2026-04-20',
      firstDueDate: '2026-05-20',
      installment: 2000,
      interestMethod: 'monthly',
      accrueFromDueDate: true,
      claims: [{ principal: 12000, annualInterestRate: 12, dueDate: '2026-01-15' }],
    });
    expect(out.interestBeforeStart?.total).toBe(360);
  });

  it('a rate table splits the stretch at the rate change (morarente 10,75 % → 9,75 % on 1 July 2025)', () => {
    // Due 15-06-2025, agreement 01-08-2025: 16 days at 10,75 % and 31 days at 9,75 %:
    // 10.000 × (0,1075 × 16 + 0,0975 × 31) / 365 = 10.000 × 4,7425 / 365 = 129,931… → 129,93.
    const out = runPlan({
      startDate: '2025-08-01',
      firstDueDate: '2025-09-01',
      installment: 20000,
      accrueFromDueDate: true,
      claims: [{ principal: 10000, interestRateTable: 'morarente', dueDate: '2025-06-15' }],
    });
    expect(out.interestBeforeStart?.total).toBe(129.93);
  });

  it('claims due on or after the agreement date, and claims without interest, get no line', () => {
    const out = runPlan({
      startDate: '2026-11-20',
      firstDueDate: '2027-01-01',
      installment: 20000,
      accrueFromDueDate: true,
      claims: [
        { id: 'later', principal: 1000, annualInterestRate: 10, dueDate: '2026-12-01' },
        { id: 'free', principal: 1000, dueDate: '2026-01-01' },
        { id: 'same', principal: 1000, annualInterestRate: 10, dueDate: '2026-11-20' },
      ],
    });
    expect(out.interestBeforeStart).toEqual({ total: 0, claims: [] });
  });

  it('without the option nothing changes and the field is absent', () => {
    const out = runPlan({ startDate: '2026-11-20', firstDueDate: '2027-01-01', installment: 1000, claims: [{ principal: 10000, annualInterestRate: 10, dueDate: '2026-10-01' }] });
    expect(out.interestBeforeStart).toBeUndefined();
    expect(out.summary.interest).toBeGreaterThan(0);
  });

  it('typed interest and the option together are refused: the months would count twice', () => {
    const e = errorOf({
      startDate: '2026-11-20',
      firstDueDate: '2027-01-01',
      installment: 1000,
      accrueFromDueDate: true,
      claims: [{ principal: 100 }, { principal: 10000, interest: 50, annualInterestRate: 10, dueDate: '2026-10-01' }],
    });
    expect(e.code).toBe('KONFLIKT');
    expect(e.field).toBe('claims[1].interest');
    expect(e.message).toMatch(/ikke begge/);
  });

  it('a value that is not true or false is refused', () => {
    expect(errorOf({ firstDueDate: '2027-01-01', installment: 1000, accrueFromDueDate: 'ja', claims: [{ principal: 100 }] }).message).toMatch(
      /accrueFromDueDate skal være true eller false \(fik "ja"\)/,
    );
  });

  it('a forfald before the rate table starts is refused, naming the table', () => {
    const e = errorOf({
      startDate: '2026-11-20',
      firstDueDate: '2027-01-01',
      installment: 1000,
      accrueFromDueDate: true,
      claims: [{ principal: 10000, interestRateTable: 'morarente', dueDate: '2001-01-01' }],
    });
    expect(e.code).toBe('UDEN_FOR_TABEL');
    expect(e.message).toMatch(/morarente/);
  });
});

describe('betalingsevne table of another year (SPEC: never applied silently)', () => {
  it('warns when the table year is not the agreement year', () => {
    const out = runPlan({ startDate: '2026-11-20', firstDueDate: '2027-01-01', paymentCapacity: { netIncome: 200000, year: 2024 }, claims: [{ principal: 10000 }] });
    expect(out.warnings).toEqual([
      expect.objectContaining({
        code: 'BETALINGSEVNE_ÅR',
        message: expect.stringMatching(/^Betalingsevnetabellen for 2024 bruges til en aftale fra 2026 \(aftaledato 20-11-2026\)\. Indlæs tabellen for 2026/),
      }),
    ]);
  });
  it('no warning when the years agree, and none for other modes', () => {
    expect(runPlan({ startDate: '2024-06-01', firstDueDate: '2024-07-01', paymentCapacity: { netIncome: 200000, year: 2024 }, claims: [{ principal: 10000 }] }).warnings).toBeUndefined();
    expect(runPlan({ startDate: '2026-06-01', firstDueDate: '2026-07-01', installment: 500, claims: [{ principal: 10000 }] }).warnings).toBeUndefined();
  });
});

describe('the betalingsevne-year warning reaches henstand and status too', () => {
  const agreement = { startDate: '2026-11-20', firstDueDate: '2027-01-01', paymentCapacity: { netIncome: 200000, year: 2024 }, claims: [{ principal: 10000 }] };
  it('henstand lists it with its own warnings', async () => {
    const { henstand } = await import('../../jsonCommands.js');
    const { defaultRules } = await import('../../../core/rules/ruleSet.js');
    const out = henstand({ ...agreement, henstand: { from: '2027-03-01', months: 2 } }, defaultRules) as { warnings: Array<{ code: string }> };
    expect(out.warnings.map((w) => w.code)).toContain('BETALINGSEVNE_ÅR');
  });
  it('status carries it', async () => {
    const { status } = await import('../../jsonCommands.js');
    const { defaultRules } = await import('../../../core/rules/ruleSet.js');
    const out = status({ ...agreement, payments: [], asOf: '2027-01-10' }, defaultRules);
    expect(out.warnings?.map((w) => w.code)).toEqual(['BETALINGSEVNE_ÅR']);
  });
});
