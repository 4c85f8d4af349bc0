/** The `plan` command (SPEC "plan"): a schedule in øre and calendar dates; its JSON for the CLI. */
import { ore, toKroner } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { parsePlanInput } from '../schedule/planInput.js';
import type { PlanWarning } from '../schedule/planWarnings.js';
import { computeSchedule, type Schedule } from '../schedule/schedule.js';

export type { Schedule };
import type { PlanInput } from './inputs.js';

export interface PlanRowJson {
  n: number;
  nominalDate: string;
  dueDate: string;
  payment: number;
  fees: number;
  interest: number;
  principal: number;
  balance: number;
}

/** The contract's JSON of a schedule (kroner with at most 2 decimals). */
export interface PlanOutput {
  rows: PlanRowJson[];
  summary: {
    count: number;
    installment: number;
    total: number;
    fees: number;
    interest: number;
    principal: number;
    lastDueDate: string;
  };
  /** With `accrueFromDueDate`: the interest from each claim's forfald to the agreement date (kroner). */
  interestBeforeStart?: { total: number; claims: Array<{ claimId: string; from: string; to: string; interest: number }> };
  /** Present when there is something to warn about (e.g. another year's betalingsevne table). */
  warnings?: PlanWarning[];
}

/** A schedule in the contract's JSON shape. */
export function scheduleToJson(schedule: Schedule): PlanOutput {
  const s = schedule.summary;
  return {
    rows: schedule.rows.map((r) => ({
      n: r.n,
      nominalDate: r.nominalDate,
      dueDate: r.dueDate,
      payment: toKroner(r.payment),
      fees: toKroner(r.fees),
      interest: toKroner(r.interest),
      principal: toKroner(r.principal),
      balance: toKroner(r.balance),
    })),
    summary: {
      count: s.count,
      installment: toKroner(s.installment),
      total: toKroner(s.total),
      fees: toKroner(s.fees),
      interest: toKroner(s.interest),
      principal: toKroner(s.principal),
      lastDueDate: s.lastDueDate,
    },
    ...(schedule.interestBeforeStart
      ? {
          interestBeforeStart: {
            total: toKroner(ore(schedule.interestBeforeStart.reduce((t, l) => t + l.interest, 0))),
            claims: schedule.interestBeforeStart.map((l) => ({ claimId: l.claimId, from: l.from, to: l.to, interest: toKroner(l.interest) })),
          },
        }
      : {}),
    ...(schedule.warnings.length > 0 ? { warnings: schedule.warnings } : {}),
  };
}

/** SPEC `plan`: a payment-agreement schedule. */
export function plan(input: PlanInput, rules: RuleSet): Schedule {
  return computeSchedule(parsePlanInput(input, rules), rules);
}
