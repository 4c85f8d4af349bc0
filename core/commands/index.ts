/**
 * The one typed command map (STYLE: Actual Budget's pattern). The CLI, the custom functions and
 * the task pane call core through it, so argument and result types have a single source.
 */
import { checkNesting, errorToJson, isSaldoError, type SaldoErrorCode } from '../errors.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { followup } from './followup.js';
import { henstand } from './henstand.js';
import { analyse, statements } from './ledger.js';
import { plan } from './plan.js';
import { status } from './status.js';

/**
 * A command that first refuses input nested deeper than any Saldo input: every later walk over it
 * (a message showing a value, a validator) then stays far from the stack's end.
 */
const guarded = <O>(run: (input: unknown, rules: RuleSet) => O) => (input: unknown, rules: RuleSet): O => {
  checkNesting(input);
  return run(input, rules);
};

export const commands = {
  plan: guarded(plan),
  henstand: guarded(henstand),
  status: guarded(status),
  followup: guarded(followup),
  statements: guarded(statements),
  analyse: guarded(analyse),
} satisfies Record<string, (input: unknown, rules: RuleSet) => unknown>;

export type CommandName = keyof typeof commands;
export type CommandOutput<C extends CommandName> = ReturnType<(typeof commands)[C]>;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** Commands that answer an array of inputs with an array of results (SPEC: plan, henstand, status). */
export const BATCH_COMMANDS: readonly CommandName[] = ['plan', 'henstand', 'status'];

export type BatchItem<C extends CommandName> = CommandOutput<C> | { error: { code: SaldoErrorCode; field: string; message: string } };

/**
 * Runs a command on each element; a bad element gets `{"error": …}` and the others still run.
 * Saldo's own errors become elements; so does an internal error (a bug), named as such.
 */
export function runBatch<C extends CommandName>(name: C, inputs: readonly unknown[], rules: RuleSet): Array<BatchItem<C>> {
  const run = commands[name] as (input: unknown, rules: RuleSet) => CommandOutput<C>;
  return inputs.map((input) => {
    try {
      return run(input, rules);
    } catch (e) {
      if (isSaldoError(e)) return { error: errorToJson(e) };
      // A bug in Saldo must not take the other elements down with it: say so for this one.
      return { error: { code: 'INTERN_FEJL' as SaldoErrorCode, field: '', message: `Intern fejl i Saldo: ${(e as Error)?.message ?? String(e)}. Meld fejlen til udviklerne sammen med inputtet.` } };
    }
  });
}
