import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPlan } from './helpers.js';

// PMT/IPMT/PPMT computed by LibreOffice Calc (see test/golden/README.md): an independent oracle
// for interestMethod "monthly", which follows the annuity convention (annual rate / periods).
const oracle = readFileSync(new URL('../../golden/pmt-libreoffice.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(','))
  .map(([scenario, k, pmt, ipmt, ppmt]) => ({ scenario: scenario!, k: Number(k), pmt: Number(pmt), ipmt: Number(ipmt), ppmt: Number(ppmt) }));

const scenarios = [
  { name: 'A', principal: 100000, rate: 8, n: 24, frequency: 'monthly' },
  { name: 'B', principal: 25000, rate: 9.75, n: 60, frequency: 'monthly' },
  { name: 'C', principal: 40000, rate: 7.55, n: 12, frequency: 'quarterly' },
] as const;

describe('interestMethod "monthly" agrees with LibreOffice PMT/IPMT/PPMT', () => {
  for (const s of scenarios) {
    it(`scenario ${s.name}: ${s.principal} kr. at ${s.rate} % over ${s.n} ${s.frequency} periods`, () => {
      const rows = oracle.filter((o) => o.scenario === s.name);
      expect(rows).toHaveLength(s.n);
      const pmt = rows[0]!.pmt;
      // The installment rounded to the øre as a caseworker would type it.
      const installment = Math.round(pmt * 100) / 100;
      const out = runPlan({
        firstDueDate: '2026-02-01',
        frequency: s.frequency,
        installment,
        interestMethod: 'monthly',
        claims: [{ principal: s.principal, annualInterestRate: s.rate }],
      });
      expect(out.summary.count).toBe(s.n);
      out.rows.forEach((row, i) => {
        const o = rows[i]!;
        // Saldo rounds each period's interest to the øre (±½ øre) and carries the rounded
        // balance, which drifts from the spreadsheet's exact one by at most ½ øre per period
        // from the installment and ½ from the interest: n øre × rate/period < ½ øre here.
        // So each row is within 1 øre of IPMT/PPMT, plus that drift: 1½ øre.
        expect(Math.abs(row.interest - o.ipmt)).toBeLessThanOrEqual(0.015);
        if (i < s.n - 1) expect(Math.abs(row.principal - o.ppmt)).toBeLessThanOrEqual(0.015);
      });
      // The last payment absorbs what rounding left: at most 1 øre a period (½ from the
      // installment, ½ from the interest), grown by the interest until the end.
      const perPeriod = s.rate / 100 / (s.frequency === 'monthly' ? 12 : 4);
      const lastBound = s.n * 0.01 * (1 + perPeriod) ** s.n;
      expect(Math.abs(out.rows.at(-1)!.payment - pmt)).toBeLessThanOrEqual(lastBound);
      // Total interest vs Σ IPMT (= n·PMT − pv): they differ by Σ (payment − PMT), i.e. by
      // (n − 1) × the installment's rounding (≤ ½ øre) plus the last payment's difference.
      const sumIpmt = rows.reduce((t, o) => t + o.ipmt, 0);
      expect(Math.abs(out.summary.interest - sumIpmt)).toBeLessThanOrEqual((s.n - 1) * 0.005 + lastBound);
    });
  }
});
