/**
 * Interest rates as dated tables. Rates are parts per million per year (8,05 % = 80_500), so
 * interest is integer arithmetic. A table covers dates up to `validThrough`; beyond it Saldo
 * stops with an error rather than guessing the next half-year's rate.
 */
import type { RuleStatus } from './sourced.js';

export interface RateRow {
  /** First day the rate applies (YYYY-MM-DD). */
  from: string;
  /** Annual rate in parts per million. */
  annualRatePpm: number;
  status: RuleStatus;
  source: string;
}

export interface RateTable {
  label: string;
  rows: readonly RateRow[];
  /** Last day the table is known to cover. */
  validThrough: string;
  source: string;
  checked: string;
}

const FORBRUG = 'forbrug.dk, morarente (referencesats + 8 pct.-point)';

/** Renteloven § 5: referencesats (Nationalbankens udlånsrente 1.1/1.7) + 8 points. */
export const morarente: RateTable = {
  label: 'Morarente, renteloven § 5 (referencesats + 8 %-point)',
  rows: [
    { from: '2019-01-01', annualRatePpm: 80_500, status: 'verified', source: FORBRUG },
    { from: '2019-07-01', annualRatePpm: 80_500, status: 'verified', source: FORBRUG },
    { from: '2020-01-01', annualRatePpm: 80_500, status: 'verified', source: FORBRUG },
    { from: '2020-07-01', annualRatePpm: 80_500, status: 'verified', source: FORBRUG },
    { from: '2021-01-01', annualRatePpm: 80_500, status: 'verified', source: FORBRUG },
    { from: '2021-07-01', annualRatePpm: 76_500, status: 'verified', source: 'Gældsstyrelsen: udlånsrente -0,35 % fra 19.3.2021; morarente 7,65 %' },
    { from: '2022-01-01', annualRatePpm: 75_500, status: 'verified', source: 'Gældsstyrelsen renteregler: 7,55 % i 2022' },
    { from: '2022-07-01', annualRatePpm: 75_500, status: 'verified', source: 'Gældsstyrelsen renteregler: 7,55 % i 2022' },
    { from: '2023-01-01', annualRatePpm: 99_000, status: 'verified', source: 'legalhero.dk, forbrug.dk: 9,90 %' },
    { from: '2023-07-01', annualRatePpm: 112_500, status: 'verified', source: 'forbrug.dk: 11,25 %' },
    { from: '2024-01-01', annualRatePpm: 117_500, status: 'verified', source: 'selandiaadvokater.dk: 11,75 %' },
    { from: '2024-07-01', annualRatePpm: 115_000, status: 'derived', source: 'Afledt: Gældsstyrelsens inddrivelsesrente 7,50 % fra 8.7.2024 = renteloven − 4 %-point' },
  ],
  validThrough: '2024-12-31',
  source: 'renteloven § 5 stk. 1-2; satser fra forbrug.dk, Gældsstyrelsen (research/domain-law.md § 2a)',
  checked: '2026-11-01',
};

/** Gældsinddrivelsesloven § 5: the renteloven rate − 4 points from 1.7.2023, in force 5 hverdage after each change. */
export const inddrivelsesrente: RateTable = {
  label: 'Inddrivelsesrente, gældsinddrivelsesloven § 5',
  rows: [
    { from: '2021-01-01', annualRatePpm: 80_500, status: 'verified', source: 'Gældsstyrelsen, renteregler' },
    { from: '2021-07-01', annualRatePpm: 76_500, status: 'verified', source: 'Gældsstyrelsen, renteregler' },
    { from: '2022-01-01', annualRatePpm: 75_500, status: 'verified', source: 'Gældsstyrelsen, renteregler' },
    { from: '2023-01-01', annualRatePpm: 99_000, status: 'verified', source: 'Gældsstyrelsen, renteregler' },
    { from: '2023-07-01', annualRatePpm: 59_000, status: 'verified', source: 'Gældsstyrelsen, renteregler' },
    { from: '2023-07-07', annualRatePpm: 72_500, status: 'verified', source: 'Gældsstyrelsen, renteregler' },
    { from: '2024-01-08', annualRatePpm: 77_500, status: 'verified', source: 'Gældsstyrelsen, renteregler' },
    { from: '2024-07-08', annualRatePpm: 75_000, status: 'verified', source: 'Gældsstyrelsen, renteregler' },
  ],
  // The next possible change is 5 hverdage after 1.1.2025, i.e. 8 January 2025.
  validThrough: '2025-01-07',
  source: 'gældsinddrivelsesloven (LBK 1063/2024) § 5; satser fra Gældsstyrelsen (research/domain-law.md § 2b)',
  checked: '2026-11-01',
};

export const defaultRateTables: Readonly<Record<string, RateTable>> = { morarente, inddrivelsesrente };
