/**
 * "Hvad skal der til" for a goal (issue 21): its figures per period of its window, this year's and
 * last year's, handed to needed.ts. A ratio of sums needs its numerator and denominator apart, so
 * it is told only for a measure that is one count over another ("pristjek / selvanmeldte"); for
 * any other expression the remaining periods' figure cannot be split, and nothing is said.
 */
import type { Goal } from './goal.js';
import type { Window } from './judge.js';
import { needed, neededText, type Need, type NeedInput } from './needed.js';
import type { PeriodData } from './periods.js';

const NAME = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
const QUOTIENT = new RegExp(String.raw`^\s*(${NAME})\s*/\s*(${NAME})\s*$`, 'u');
const SINGLE = new RegExp(String.raw`^\s*(${NAME})\s*$`, 'u');

type Periods = PeriodData['periods'];

/** The figures of the window's periods as `needed` takes them, or null when the measure cannot be split. */
function figures(goal: Goal, periods: Periods, window: Window): Pick<NeedInput, 'rule' | 'values' | 'denominators'> | null {
  const measure = goal.measure!;
  const indexes = Array.from({ length: window.end - window.start + 1 }, (_, i) => window.start - 1 + i);
  const value = (i: number) => {
    const p = periods[i];
    return p && measure.names.every((n) => p.has(n)) ? measure.evaluate(p) : null;
  };
  const count = (i: number, name: string) => periods[i]?.get(name) ?? null;
  if (goal.aggregate !== 'ratioOfSums') return { rule: goal.aggregate, values: indexes.map(value) };
  const quotient = QUOTIENT.exec(measure.text);
  if (quotient) {
    const [, top, bottom] = quotient as unknown as [string, string, string];
    const both = (i: number) => count(i, top) !== null && count(i, bottom) !== null;
    return { rule: 'ratioOfSums', values: indexes.map((i) => (both(i) ? count(i, top) : null)), denominators: indexes.map((i) => (both(i) ? count(i, bottom) : null)) };
  }
  // One count alone: its ratio of sums is its sum.
  return SINGLE.test(measure.text) ? { rule: 'sum', values: indexes.map(value) } : null;
}

/** What the rest of the goal's window must give, or null when it cannot be told (no target, a milestone, an expression that cannot be split). */
export function goalNeed(goal: Goal, data: PeriodData, lastYear: PeriodData | null, elapsed: number, window: Window): Need | null {
  if (goal.measure === null || goal.target === null) return null;
  const now = figures(goal, data.periods, window);
  if (now === null) return null;
  const before = lastYear ? figures(goal, lastYear.periods, window) : null;
  return needed({
    ...now,
    direction: goal.direction,
    target: goal.target,
    elapsed: Math.max(0, Math.min(elapsed, window.end) - window.start + 1),
    lastYear: before ? { values: before.values, denominators: before.denominators ?? null } : null,
    // A share of a count (pristjek of selvanmeldte, fejlfri of stikprøver) cannot pass 100 %.
    bounds: now.rule === 'ratioOfSums' && goal.unit === 'percent' ? { min: 0, max: 1 } : null,
  });
}

export { neededText };
