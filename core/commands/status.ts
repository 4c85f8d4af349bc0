/** The `status` commands (SPEC "status"): of a plan with payments, and of installments given directly. */
import { toKroner } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { AgreementStatus } from '../status/agreementStatus.js';
import { statusOfInstallments, statusOfPlan, type StatusOnDate, type StatusWarning } from '../status/statusInput.js';
import { stepToJson, type StepJson } from './henstand.js';
import { chooseProcedure, stepsFor } from '../rykker/procedure.js';
import { parseClaimTypeList, parseProcedureChoice, parseSituation } from '../status/statusInput.js';
import type { InstallmentStatusInput, ProcedureInput, StatusInput } from './inputs.js';

export interface StatusOutput {
  state: AgreementStatus['state'];
  asOf: string;
  arrears: number;
  breachDate: string | null;
  paidTotal: number;
  overpaid: number;
  ignoredPayments: number;
  installments: Array<{ n: number; dueDate: string; amount: number; paid: number; missing: number; state: string; coveredOn: string | null }>;
  /** The politik's procedure for the situation and where the case stands in it. */
  procedure: { id: string; label: string; situation: string; why: string; done: boolean; today: string };
  nextSteps: StepJson[];
  /** Present when the plan or the procedure has something to warn about. */
  warnings?: StatusWarning[];
}

/** SPEC `status` of an agreement: a henstand in the input moves the schedule first, so it never counts as a breach. */
export function status(input: StatusInput, rules: RuleSet): StatusOnDate {
  return statusOfPlan(input, rules);
}

/** SPEC `status` of installments given directly (`installments` instead of a plan). */
export function installmentStatus(input: InstallmentStatusInput, rules: RuleSet): StatusOnDate {
  return statusOfInstallments(input, rules);
}

export function statusToJson(s: StatusOnDate): StatusOutput {
  return {
    state: s.state,
    asOf: s.asOf,
    arrears: toKroner(s.arrears),
    breachDate: s.breachDate,
    paidTotal: toKroner(s.paidTotal),
    overpaid: toKroner(s.overpaid),
    ignoredPayments: s.ignoredPayments,
    installments: s.installments.map((i) => ({ n: i.n, dueDate: i.dueDate, amount: toKroner(i.amount), paid: toKroner(i.paid), missing: toKroner(i.missing), state: i.state, coveredOn: i.coveredOn })),
    procedure: { id: s.procedure.id, label: s.procedure.label, situation: s.procedure.situation, why: s.procedure.why, done: s.procedure.done, today: s.procedure.today },
    nextSteps: s.nextSteps.map(stepToJson),
    ...(s.warnings.length > 0 ? { warnings: s.warnings } : {}),
  };
}

export interface ProcedureOutline {
  id: string;
  label: string;
  why: string;
  steps: Array<{ id: string; action: string; optional: boolean }>;
}

/** The procedure the politik gives these claims in a situation, and its steps (for recording what has been done). */
export function procedureOf(input: ProcedureInput, rules: RuleSet): ProcedureOutline {
  const types = parseClaimTypeList(input.claimTypes, rules);
  const chosen = parseProcedureChoice(input.procedure, rules);
  const choice = chooseProcedure(types, parseSituation(input.situation), rules, chosen);
  return { id: choice.id, label: choice.procedure.label, why: choice.why, steps: stepsFor(choice.procedure, types, rules).map((s) => ({ id: s.id, action: s.action, optional: s.optional })) };
}
