/**
 * What the caseworker does today (SPEC "status": nextSteps): the politik's procedure for the
 * situation and claim types, walked from the steps already taken. The procedure starts on the
 * breach date; steps taken before it belong to an earlier breach and do not count. A procedure
 * that runs per rate (ejendomsskat) starts over, after its last step, for the next rate that
 * falls due unpaid.
 */
import { danishBankCalendar, type BankCalendar } from '../calendar/bankingDays.js';
import { fromDayNumber, toDayNumber, type CalendarDate } from '../calendar/date.js';
import type { ClaimType, Situation } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { chooseProcedure, nextSteps, stepsFor, todayText, type NextStep, type StepTaken } from '../rykker/procedure.js';
import { deadlineOf, type AgreementStatus } from './agreementStatus.js';

export interface ProcedureStatus {
  /** The procedure's id in the politik and its label. */
  id: string;
  label: string;
  situation: Situation;
  /** Why this procedure applies. */
  why: string;
  /** Every step has been taken (the claim is with Gældsstyrelsen, or no step is left). */
  done: boolean;
  nextSteps: NextStep[];
  /** The answer in a sentence: "I dag: …" or "Intet at gøre før …". */
  today: string;
  warnings: string[];
}

export interface ProcedureArgs {
  types: readonly ClaimType[];
  situation: Situation;
  taken: readonly StepTaken[];
  /** A procedure chosen in the case (the politik's "oversend efter 1. rykker"). */
  chosen?: string;
  asOf: CalendarDate;
  graceDays: number;
  rules: RuleSet;
  calendar?: BankCalendar;
}

export function procedureStatus(status: AgreementStatus, args: ProcedureArgs): ProcedureStatus {
  const { types, situation, taken, chosen, asOf, graceDays, rules, calendar = danishBankCalendar } = args;
  const choice = chooseProcedure(types, situation, rules, chosen);
  const steps = stepsFor(choice.procedure, types, rules);
  const known = new Set(steps.map((s) => s.id));
  const warnings = [...choice.warnings];
  for (const t of taken) {
    if (!known.has(t.step)) warnings.push(`Trinnet "${t.step}" (${t.date}) hører ikke til proceduren "${choice.procedure.label}" og tælles ikke med.`);
  }
  const base = { id: choice.id, label: choice.procedure.label, situation, why: choice.why, warnings };
  const idle = (done: boolean): ProcedureStatus => ({ ...base, done, nextSteps: [], today: todayText([], asOf) });
  if (status.breachDate === null) return idle(false);

  let start = status.breachDate;
  const last = steps[steps.length - 1];
  const lastTaken = last === undefined ? undefined : latest(taken.filter((t) => t.step === last.id && t.date >= start));
  if (lastTaken !== undefined) {
    if (!choice.procedure.perRate) return idle(true);
    // The next rate unpaid whose deadline ran out after the last step: the procedure starts over for it.
    const next = status.installments.find((inst) => inst.missing > 0 && deadlineOf(inst, graceDays, calendar) >= toDayNumber(lastTaken));
    if (next === undefined) return idle(true);
    start = fromDayNumber(deadlineOf(next, graceDays, calendar) + 1);
  }
  const planned = nextSteps({ procedure: choice.procedure, start, taken, asOf, types, rules, calendar });
  return { ...base, done: planned.length === 0, nextSteps: planned, today: todayText(planned, asOf) };
}

const latest = (list: readonly StepTaken[]): CalendarDate | undefined =>
  list
    .map((t) => t.date)
    .sort()
    .pop();
