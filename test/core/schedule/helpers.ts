import { SaldoError } from '../../../core/errors.js';
import { runOnJson } from '../../../core/commands/index.js';
import { plan } from '../../jsonCommands.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

export const runPlan = (input: unknown) => plan(input, defaultRules);

/** The schedule itself (øre, calendar dates), as the sheets take it. */
export const runSchedule = (input: unknown) => runOnJson('plan', input, defaultRules);

/** Row values as compact tuples [nominal, due, payment, fees, interest, principal, balance]. */
export const tuples = (input: unknown) => runPlan(input).rows.map((r) => [r.nominalDate, r.dueDate, r.payment, r.fees, r.interest, r.principal, r.balance]);

/** The SaldoError a plan input is refused with (fails the test when there is none). */
export function planErrorOf(input: unknown): SaldoError {
  try {
    runPlan(input);
  } catch (e) {
    if (e instanceof SaldoError) return e;
    throw e;
  }
  throw new Error('expected a SaldoError');
}
