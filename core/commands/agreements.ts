/**
 * The agreement commands — plan, henstand, status — and their JSON: a part of the one command map
 * (./index.ts spreads them into `commands` and `toJson`, so their types have one source). The
 * CLI's single-agreement commands import this part alone: a `saldo plan` starts without the
 * ledger, the letters and the follow-up (issue 22: whole process ≤ 0,15 s).
 */
import type { RuleSet } from '../rules/ruleSet.js';
import { guarded } from './batch.js';
import { claimHenstand, claimHenstandToJson, henstand, henstandToJson } from './henstand.js';
import { plan, scheduleToJson } from './plan.js';
import { installmentStatus, procedureOf, status, statusToJson } from './status.js';

export const agreementCommands = {
  plan: guarded(plan),
  henstand: guarded(henstand),
  claimHenstand: guarded(claimHenstand),
  status: guarded(status),
  installmentStatus: guarded(installmentStatus),
  procedureOf: guarded(procedureOf),
};

export type AgreementCommandName = keyof typeof agreementCommands;

export const agreementToJson = {
  plan: scheduleToJson,
  henstand: henstandToJson,
  claimHenstand: claimHenstandToJson,
  status: statusToJson,
  installmentStatus: statusToJson,
  procedureOf: <T>(value: T): T => value,
} satisfies { [C in AgreementCommandName]: (out: ReturnType<(typeof agreementCommands)[C]>) => unknown };

/**
 * Runs an agreement command on parsed JSON; the command checks every value at run time (the
 * same as `runOnJson` of the whole map, for this part).
 */
export function runAgreementOnJson<C extends AgreementCommandName>(name: C, input: unknown, rules: RuleSet): ReturnType<(typeof agreementCommands)[C]> {
  const run = agreementCommands[name] as (input: unknown, rules: RuleSet) => ReturnType<(typeof agreementCommands)[C]>;
  return run(input, rules);
}
