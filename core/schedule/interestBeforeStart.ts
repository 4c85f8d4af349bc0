/**
 * Interest that ran before the agreement (SPEC "plan", `accrueFromDueDate`): each claim's interest
 * from its own forfaldsdag to the agreement date, by the claim's rate (fixed or a dated table)
 * and the plan's method, instead of an amount the caseworker types. Late interest runs from the
 * forfald (renteloven §§ 2–3; gebyrloven § 3 "fra kravets forfaldsdato at regne").
 */
import { fromDayNumber, toDayNumber, type CalendarDate } from '../calendar/date.js';
import { periodInterest, wholeMonths } from '../interest/accrue.js';
import { ore, type Ore } from '../money/ore.js';
import type { PlanTerms } from './planInput.js';

export interface InterestBeforeStart {
  claimId: string;
  /** The claim's forfaldsdag: interest runs from it … */
  from: CalendarDate;
  /** … up to (not including) the agreement date. */
  to: CalendarDate;
  interest: Ore;
}

/** One line per claim that fell due before the agreement and bears interest. */
export function interestBeforeStart(terms: PlanTerms): InterestBeforeStart[] {
  const start = toDayNumber(terms.startDate);
  const out: InterestBeforeStart[] = [];
  terms.claims.forEach((claim, i) => {
    const due = toDayNumber(claim.dueDate);
    if (due >= start || (claim.rate.kind === 'fixed' && claim.rate.ppm === 0)) return;
    const base = terms.interestBase === 'principalAndFees' ? claim.principal + claim.fees : claim.principal;
    // The monthly (annuity) method counts whole months only: a part month is not charged.
    const months = wholeMonths(due, start);
    const interest = periodInterest(ore(base), due, start, terms.interestMethod, claim.rate, months, ['claims', i], { anchor: due });
    out.push({ claimId: claim.id, from: claim.dueDate, to: fromDayNumber(start), interest });
  });
  return out;
}

/** The terms with that interest added to each claim's accrued interest. */
export function withInterestBeforeStart(terms: PlanTerms, lines: readonly InterestBeforeStart[]): PlanTerms {
  const byId = new Map(lines.map((l) => [l.claimId, l.interest]));
  return { ...terms, claims: terms.claims.map((c) => ({ ...c, interest: ore(c.interest + (byId.get(c.id) ?? 0)) })) };
}
