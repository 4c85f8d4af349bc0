/**
 * A batch of inputs run one by one, a bad element answered with its error in place; and the
 * guard every command runs its input through first. Apart from the command map (./index.ts) so
 * that the agreement commands (./agreements.ts) carry them without the rest of the map.
 */
import { checkNesting, errorToJson, isSaldoError, type SaldoErrorCode } from '../errors.js';
import type { RuleSet } from '../rules/ruleSet.js';

/**
 * A command that first refuses input nested deeper than any Saldo input: every later walk over it
 * (a message showing a value, a validator) then stays far from the stack's end.
 */
export const guarded =
  <I, O>(run: (input: I, rules: RuleSet) => O) =>
  (input: I, rules: RuleSet): O => {
    checkNesting(input);
    return run(input, rules);
  };

export interface BatchError {
  error: { code: SaldoErrorCode; field: string; message: string };
}

export type BatchItem<O> = O | BatchError;

export const isBatchError = (item: unknown): item is BatchError => typeof item === 'object' && item !== null && 'error' in item;

/**
 * Runs a command on each element; a bad element gets `{"error": …}` and the others still run.
 * Saldo's own errors become elements; so does an internal error (a bug), named as such.
 */
export function runBatch<O>(inputs: readonly unknown[], run: (input: unknown) => O): Array<BatchItem<O>> {
  return inputs.map((input) => batchElement(input, run));
}

/** One element of a batch: its result, or its error in place (for a caller that answers element by element). */
export function batchElement<O>(input: unknown, run: (input: unknown) => O): BatchItem<O> {
  try {
    return run(input);
  } catch (e) {
    if (isSaldoError(e)) return { error: errorToJson(e) };
    // A bug in Saldo must not take the other elements down with it: say so for this one.
    return { error: { code: 'INTERN_FEJL' as SaldoErrorCode, field: '', message: `Intern fejl i Saldo: ${(e as Error)?.message ?? String(e)}. Meld fejlen til udviklerne sammen med inputtet.` } };
  }
}
