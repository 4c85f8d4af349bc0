/**
 * Dækningsrækkefølge (SPEC "Allocation"): a payment covers claim by claim, oldest due date
 * first (ties keep input order; a claim type's priority comes before age), and within a claim
 * the parts in the rule's order: fees (omkostninger), then interest, then principal
 * (gældsinddrivelsesloven § 4: interest before principal; fees first is municipal practice).
 */
import { mapPacked } from '../arrays.js';
import { ore, type Ore } from '../money/ore.js';
import type { AllocationPart } from '../rules/ruleSet.js';

/** What is owed on one claim, in øre. Mutated by `cover` as payments are applied. */
export interface ClaimBalance {
  fees: Ore;
  interest: Ore;
  principal: Ore;
}

/** How a payment was placed, in øre: fees + interest + principal + unapplied = the payment. */
export interface Coverage {
  fees: Ore;
  interest: Ore;
  principal: Ore;
  /** What the payment could not place (it exceeded everything owed). */
  unapplied: Ore;
}

/**
 * Applies `payment` øre to `claims` in the given order (indexes into `claims`), mutating the
 * balances, and returns how much went to each part.
 * @example cover(ore(50_000), [{fees: ore(25_000), interest: ore(0), principal: ore(420_000)}], [0], ['fees','interest','principal'])
 *   // {fees: 25_000, interest: 0, principal: 25_000, unapplied: 0}
 */
export function cover(payment: Ore, claims: ClaimBalance[], order: readonly number[], parts: readonly AllocationPart[]): Coverage {
  // Whole øre taken from whole øre stay whole: the parts are plain integers until they are
  // returned. Plain loops and locals: a batch covers a million payments, and iterators and a
  // tally object per payment were a quarter of its garbage (issue 22).
  let fees = 0;
  let interest = 0;
  let principal = 0;
  let left: number = payment;
  for (let o = 0; o < order.length; o += 1) {
    if (left === 0) break;
    const claim = claims[order[o]!];
    if (!claim) continue;
    for (let q = 0; q < parts.length; q += 1) {
      const part = parts[q]!;
      const take = Math.min(left, claim[part]);
      if (take > 0) {
        claim[part] = ore(claim[part] - take);
        if (part === 'fees') fees += take;
        else if (part === 'interest') interest += take;
        else principal += take;
        left -= take;
      }
    }
  }
  return { fees: ore(fees), interest: ore(interest), principal: ore(principal), unapplied: ore(left) };
}

/** Claim indexes in coverage order: priority, then oldest due date, then input order. */
export function coverageOrder(claims: ReadonlyArray<{ dueDate: string; priority: number }>): number[] {
  // By push: the schedule's loops index claims by this order (core/arrays.ts says why).
  const sorted = mapPacked(claims, (c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || (a.c.dueDate < b.c.dueDate ? -1 : a.c.dueDate > b.c.dueDate ? 1 : a.i - b.i));
  return mapPacked(sorted, ({ i }) => i);
}
