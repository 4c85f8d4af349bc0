/**
 * The commands as the command line answers them (SPEC's JSON: kroner, ISO dates; `henstand` and
 * `status` chosen by the input's shape): through cli/commands.ts, the one place that does it.
 * Tests that assert on the contract's JSON call these.
 */
import { CLI_COMMANDS, type CliAnswer } from '../cli/commands.js';
import type { FollowupOutput } from '../core/commands/followup.js';
import type { HenstandOutput, SingleClaimHenstandOutput } from '../core/commands/henstand.js';
import type { AnalyseOutput, StatementsOutput } from '../core/ledger/ledgerJson.js';
import type { PlanOutput } from '../core/commands/plan.js';
import type { StatusOutput } from '../core/commands/status.js';
import type { RuleSet } from '../core/rules/ruleSet.js';

/** The answer of a command that answers at once (plan, henstand, status; the others load their code first). */
function answered(answer: CliAnswer | Promise<CliAnswer>): CliAnswer {
  if (answer instanceof Promise) throw new Error('This command answers with a promise: await it.');
  return answer;
}

const json = (name: keyof typeof CLI_COMMANDS, input: unknown, rules: RuleSet): unknown => answered(CLI_COMMANDS[name].answer(input, rules, false, false)).json;

export const plan = (input: unknown, rules: RuleSet) => json('plan', input, rules) as PlanOutput;
export const henstand = (input: unknown, rules: RuleSet) => json('henstand', input, rules) as HenstandOutput | SingleClaimHenstandOutput;
export const status = (input: unknown, rules: RuleSet) => json('status', input, rules) as StatusOutput;
export const followup = async (input: unknown, rules: RuleSet) => (await CLI_COMMANDS.followup.answer(input, rules, false, false)).json as FollowupOutput;
// The ledger's commands load on first use (issue 22): awaited like followup.
export const statements = async (input: unknown, rules: RuleSet) => (await CLI_COMMANDS.statements.answer(input, rules, false, false)).json as StatementsOutput;
export const analyse = async (input: unknown, rules: RuleSet) => (await CLI_COMMANDS.analyse.answer(input, rules, false, false)).json as AnalyseOutput;

/** A batch as the command line answers it: each element's JSON or its `{"error": …}`. */
export const batch = (name: 'plan' | 'henstand' | 'status', inputs: readonly unknown[], rules: RuleSet) =>
  answered(CLI_COMMANDS[name].answer(inputs, rules, true, false)).json as Array<{ error?: { code: string; field: string; message: string } }>;
