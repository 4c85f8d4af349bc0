/**
 * A rule value with where it comes from. Saldo ships no figure that was not checked at its
 * source; what could only be derived or not verified says so, and the Regler page shows it.
 */
export type RuleStatus = 'verified' | 'derived' | 'unverified';

export interface Sourced<T> {
  value: T;
  /** Law, paragraph and where it was read, e.g. "gebyrloven (LBK 56/2018) § 2 stk. 3". */
  source: string;
  /** The day the value was checked against the source (YYYY-MM-DD). */
  checked: string;
  status: RuleStatus;
  note?: string;
}
