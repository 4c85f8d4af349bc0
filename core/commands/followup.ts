/** The `followup` command (SPEC "followup"): goals, period counts and last quarter's text → the template table. */
import { SaldoError } from '../errors.js';
import { followup as computeFollowup, type Followup } from '../followup/followup.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { isJsonObject, rejectUnknownKeys } from '../schedule/planInput.js';
import { parseYear } from './ledger.js';

export type FollowupOutput = Followup;

export function followup(input: unknown, _rules: RuleSet): FollowupOutput {
  if (!isJsonObject(input)) {
    throw new SaldoError('UGYLDIGT_INPUT', '(input)', input, 'Inputtet skal være et objekt: {"year": 2025, "goals": [...], "data": {"Q1": {...}}}.');
  }
  rejectUnknownKeys(input, ['year', 'goals', 'data', 'previous', 'period'], '');
  if (input.data === undefined) throw new SaldoError('MANGLER', 'data', undefined, 'data mangler: tallene pr. periode, f.eks. {"Q1": {"pristjek": 2800, "selvanmeldte": 20000}}.');
  return computeFollowup({ year: parseYear(input.year), goals: input.goals as unknown[], data: input.data, previous: input.previous, period: input.period });
}
