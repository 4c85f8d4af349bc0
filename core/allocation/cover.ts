/**
 * Dækningsrækkefølge (SPEC "Allocation"): a payment covers claim by claim, oldest due date
 * first (ties keep input order; a claim type's priority comes before age), and within a claim
 * the parts in the rule's order: fees (omkostninger), then interest, then principal
 * (gældsinddrivelsesloven § 4: interest before principal; fees first is municipal practice).
 */
import type { AllocationPart } from '../rules/ruleSet.js';

/** What is owed on one claim, in øre. Mutated by `cover` as payments are applied. */
export interface ClaimBalance {
  fees: number;
  interest: number;
  principal: number;
}

export interface Coverage {
  fees: number;
  interest: number;
  principal: number;
  /** What the payment could not place (it exceeded everything owed). */
  unapplied: number;
}

/**
 * Applies `payment` øre to `claims` in the given order (indexes into `claims`), mutating the
 * balances, and returns how much went to each part.
 * @example cover(50_000, [{fees: 25_000, interest: 0, principal: 420_000}], [0], ['fees','interest','principal'])
 *   // {fees: 25_000, interest: 0, principal: 25_000, unapplied: 0}
 */
export function cover(payment: number, claims: ClaimBalance[], order: readonly number[], parts: readonly AllocationPart[]): Coverage {
  const result: Coverage = { fees: 0, interest: 0, principal: 0, unapplied: 0 };
  let left = payment;
  for (const index of order) {
    if (left === 0) break;
    const claim = claims[index];
    if (!claim) continue;
    for (const part of parts) {
      const take = Math.min(left, claim[part]);
      if (take > 0) {
        claim[part] -= take;
        result[part] += take;
        left -= take;
      }
    }
  }
  result.unapplied = left;
  return result;
}

/** Claim indexes in coverage order: priority, then oldest due date, then input order. */
export function coverageOrder(claims: ReadonlyArray<{ dueDate: string; priority: number }>): number[] {
  return claims
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.priority - b.c.priority || (a.c.dueDate < b.c.dueDate ? -1 : a.c.dueDate > b.c.dueDate ? 1 : a.i - b.i))
    .map(({ i }) => i);
}
