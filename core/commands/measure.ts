/**
 * The `measure` cell command (SALDO.MÅLING): a goal's measure on named counts. Its own module,
 * loaded by the command map on first use, because the measure's parser (mathjs) is the one large
 * library the cell functions need, and only this one.
 */
import type { At } from '../errors.js';
import { compileMeasure } from '../followup/measure.js';
import type { RuleSet } from '../rules/ruleSet.js';

export interface MeasureInput {
  expression: string;
  counts: ReadonlyMap<string, number>;
  /** The names the counts may have (blank cells included); a measure using another is refused. */
  names: ReadonlySet<string>;
  /** Where the expression is, for its errors. */
  at: At;
}

/** A measure evaluated on named counts, or null when it divides by zero. */
export const measure = (input: MeasureInput, _rules: RuleSet): number | null => compileMeasure(input.expression, '', input.at, input.names).evaluate(input.counts);
