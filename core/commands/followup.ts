/** The `followup` command (SPEC "followup"): goals, period counts and last quarter's text → the template table. */
import { SaldoError } from '../errors.js';
import { isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import { followup as computeFollowup, type Followup } from '../followup/followup.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { wholePercentSuspects } from '../followup/goalsTable.js';
import { parseYear } from './ledger.js';

export type FollowupOutput = Followup;

export function followup(input: unknown, _rules: RuleSet): FollowupOutput {
  if (!isJsonObject(input)) {
    throw new SaldoError('UGYLDIGT_INPUT', [], input, 'Inputtet skal være et objekt: {"year": 2025, "goals": [...], "data": {"Q1": {...}}}.');
  }
  rejectUnknownKeys(input, ['year', 'goals', 'data', 'previous', 'period'], []);
  present(input.data, ['data'], 'tallene pr. periode, f.eks. {"Q1": {"pristjek": 2800, "selvanmeldte": 20000}}.');
  const result = computeFollowup({ year: parseYear(input.year), goals: input.goals as unknown[], data: input.data, previous: input.previous, period: input.period });
  return { ...result, warnings: [...percentWarnings(input.goals as unknown[]), ...result.warnings] };
}

/**
 * A percent goal's target above 200 % (or margin above 100 points) in JSON was most likely typed
 * as whole percents (15 for 15 %); the goals table warns the same way by its rows.
 */
function percentWarnings(goals: readonly unknown[]): string[] {
  const comma = (v: number) => String(v).replace('.', ',');
  return goals.flatMap((g) =>
    isJsonObject(g) && g.unit === 'percent'
      ? wholePercentSuspects(g).map(({ key, value: v }) => `Mål ${String(g.id)}: ${key} ${comma(v)} læses som ${(v * 100).toLocaleString('da-DK')} %. Mente du ${comma(v)} %? Skriv ${comma(v / 100)} (en brøkdel).`)
      : [],
  );
}
