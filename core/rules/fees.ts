/**
 * Rykkergebyr: the legal maximum by the claim's basis (udpantningsret: gebyrloven; civil-law:
 * renteloven § 9 b) and the kommune's own takst within it. Amounts in øre. Without a takst Saldo
 * shows the maximum and labels it "højst": the kommune decides its fee, the law only caps it.
 */
import type { Sourced } from './sourced.js';

export interface RykkerFeeRule {
  /** Highest fee per rykker, øre. */
  maxPerRykker: number;
  /** Highest number of rykkere that may carry a fee (null: not capped by law). */
  maxFeeCount: number | null;
  /** Least number of days between two rykkere (null: none set by law). */
  minDaysBetween: number | null;
  /** The kommune's takst per rykker, øre, at most `maxPerRykker` (null: not set; the maximum is shown as "højst"). */
  takst: number | null;
}

export interface FeeRules {
  rykkerPublic: Sourced<RykkerFeeRule>;
  rykkerCivil: Sourced<RykkerFeeRule>;
  /** Gebyr for underretning om udlægsforretning, øre. */
  underretningUdlaeg: Sourced<number>;
}

export const defaultFees: FeeRules = {
  rykkerPublic: {
    value: { maxPerRykker: 25_000, maxFeeCount: null, minDaysBetween: null, takst: null },
    source: 'gebyrloven (LBK 56/2018) § 2 stk. 3: højst 250 kr. pr. erindringsskrivelse; antal ikke begrænset (Indenrigs- og Boligministeriet til KL 4.10.2022)',
    checked: '2026-11-01',
    status: 'verified',
  },
  rykkerCivil: {
    value: { maxPerRykker: 10_000, maxFeeCount: 3, minDaysBetween: 10, takst: null },
    source: 'renteloven § 9 b: højst 100 kr. pr. rykkerskrivelse, højst 3 rykkere, mindst 10 dages mellemrum',
    checked: '2026-11-01',
    status: 'verified',
  },
  underretningUdlaeg: {
    value: 45_000,
    source: 'gebyrloven (LBK 56/2018) § 2 a: højst 450 kr.',
    checked: '2026-11-01',
    status: 'verified',
  },
};
