import { plan } from '../../../core/commands/plan.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

export const runPlan = (input: unknown) => plan(input, defaultRules);

/** Row values as compact tuples [nominal, due, payment, fees, interest, principal, balance]. */
export const tuples = (input: unknown) =>
  runPlan(input).rows.map((r) => [r.nominalDate, r.dueDate, r.payment, r.fees, r.interest, r.principal, r.balance]);
