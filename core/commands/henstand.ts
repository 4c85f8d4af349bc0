/**
 * The `henstand` commands (SPEC "henstand"): on an agreement (before and after, side by side) and
 * on a single claim (its due date moved). The rules are in core/henstand; here are the typed
 * entries and their JSON.
 */
import { agreementHenstand, type AgreementHenstand } from '../henstand/agreementHenstand.js';
import { claimHenstand as henstandOnClaim, type ClaimHenstand } from '../henstand/claimHenstand.js';
import type { HenstandWarning } from '../henstand/warnings.js';
import { toKroner } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { NextStep } from '../rykker/procedure.js';
import type { ClaimHenstandInput, HenstandInput } from './inputs.js';
import { scheduleToJson, type PlanOutput } from './plan.js';

export interface HenstandEffectJson {
  lastDueDateBefore: string;
  lastDueDateAfter: string;
  extraPayments: number;
  extraInterest: number;
  extraTotal: number;
}

export interface HenstandOutput {
  before: PlanOutput;
  after: PlanOutput;
  effect: HenstandEffectJson;
  warnings: HenstandWarning[];
}

/** A step of the politik's procedure as JSON (SPEC "status": nextSteps). */
export interface StepJson {
  step: string;
  action: string;
  earliest: string;
  fee: number;
  feeIsMaximum: boolean;
  overdue: boolean;
  why: string;
}

export interface SingleClaimHenstandOutput {
  claim: string;
  dueDateBefore: string;
  dueDateAfter: string;
  interestSpared: number;
  rykkerBefore: StepJson[];
  rykkerAfter: StepJson[];
  warnings: HenstandWarning[];
}

/** SPEC `henstand` on an agreement. */
export function henstand(input: HenstandInput, rules: RuleSet): AgreementHenstand {
  return agreementHenstand(input, rules);
}

/** SPEC `henstand` on a single claim (`"claim"` instead of `"claims"`). */
export function claimHenstand(input: ClaimHenstandInput, rules: RuleSet): ClaimHenstand {
  return henstandOnClaim(input, rules);
}

export function henstandToJson(h: AgreementHenstand): HenstandOutput {
  const e = h.effect;
  return {
    before: scheduleToJson(h.before),
    after: scheduleToJson(h.after),
    effect: {
      lastDueDateBefore: e.lastDueDateBefore,
      lastDueDateAfter: e.lastDueDateAfter,
      extraPayments: e.extraPayments,
      extraInterest: toKroner(e.extraInterest),
      extraTotal: toKroner(e.extraTotal),
    },
    warnings: h.warnings,
  };
}

export const stepToJson = (s: NextStep): StepJson => ({
  step: s.step,
  action: s.action,
  earliest: s.earliest,
  fee: toKroner(s.fee),
  feeIsMaximum: s.feeIsMaximum,
  overdue: s.overdue,
  why: s.why,
});

export function claimHenstandToJson(h: ClaimHenstand): SingleClaimHenstandOutput {
  return {
    claim: h.claim,
    dueDateBefore: h.dueDateBefore,
    dueDateAfter: h.dueDateAfter,
    interestSpared: toKroner(h.interestSpared),
    rykkerBefore: h.rykkerBefore.map(stepToJson),
    rykkerAfter: h.rykkerAfter.map(stepToJson),
    warnings: h.warnings,
  };
}
