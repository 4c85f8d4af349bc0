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
/** The 2025–2026 figures: research/law-review-2026-12.md (checked 2026-12-02), with its sources. */
const NATIONALBANKEN_2025 = 'Danmarks Nationalbank, udlånsrente (referencesats) 2,75 % pr. 1.1.2025, citeret af tradingeconomics.com; research/law-review-2026-12.md';
const NATIONALBANKEN_2025_2 =
  'Danmarks Nationalbank, udlånsrente 1,75 % pr. 1.7.2025 (nedsat i april og juni 2025; Nationalbanken, Monetære og finansielle tendenser nr. 21); research/law-review-2026-12.md';
const NATIONALBANKEN_2026 = 'Afledt: udlånsrenten uændret 1,75 % fra juni 2025 til januar 2026 (ingen ændring rapporteret; bekræft på nationalbanken.dk); research/law-review-2026-12.md';

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
    { from: '2025-01-01', annualRatePpm: 107_500, status: 'verified', source: NATIONALBANKEN_2025 },
    { from: '2025-07-01', annualRatePpm: 97_500, status: 'verified', source: NATIONALBANKEN_2025_2 },
    { from: '2026-01-01', annualRatePpm: 97_500, status: 'derived', source: NATIONALBANKEN_2026 },
  ],
  // 1.7.2026 is not known from a primary source (research/law-review-2026-12.md): not invented.
  validThrough: '2026-06-30',
  source: 'renteloven § 5 stk. 1-2; satser fra forbrug.dk, Gældsstyrelsen, Danmarks Nationalbank (research/domain-law.md § 2a, research/law-review-2026-12.md)',
  checked: '2026-12-02',
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
    // Derived by § 5 stk. 1: the morarente above − 4 points, from the 5th banking day after the change.
    { from: '2025-01-08', annualRatePpm: 67_500, status: 'derived', source: 'Afledt: morarente 10,75 % − 4 %-point, fra 5. bankdag efter 1.1.2025 (gældsinddrivelsesloven § 5 stk. 1)' },
    { from: '2025-07-08', annualRatePpm: 57_500, status: 'derived', source: 'Afledt: morarente 9,75 % − 4 %-point, fra 5. bankdag efter 1.7.2025 (gældsinddrivelsesloven § 5 stk. 1)' },
    { from: '2026-01-08', annualRatePpm: 57_500, status: 'derived', source: 'Afledt: morarente 9,75 % (bekræft på nationalbanken.dk) − 4 %-point, fra 5. bankdag efter 1.1.2026' },
  ],
  // The next possible change is 5 banking days after 1.7.2026 (a Wednesday), i.e. 8 July 2026.
  validThrough: '2026-07-07',
  source: 'gældsinddrivelsesloven (LBK 1063/2024) § 5; satser fra Gældsstyrelsen og afledt af morarenten (research/domain-law.md § 2b, research/law-review-2026-12.md)',
  checked: '2026-12-02',
};

export const defaultRateTables: Readonly<Record<string, RateTable>> = { morarente, inddrivelsesrente };
