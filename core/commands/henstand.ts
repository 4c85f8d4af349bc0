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
import type { RykkerStep } from '../rykker/procedure.js';
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

export interface RykkerStepJson {
  step: string;
  action: string;
  date: string;
  fee: number;
}

export interface SingleClaimHenstandOutput {
  claim: string;
  dueDateBefore: string;
  dueDateAfter: string;
  interestSpared: number;
  rykkerBefore: RykkerStepJson[];
  rykkerAfter: RykkerStepJson[];
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

export const rykkerStepToJson = (s: RykkerStep): RykkerStepJson => ({ step: s.step, action: s.action, date: s.date, fee: toKroner(s.fee) });

export function claimHenstandToJson(h: ClaimHenstand): SingleClaimHenstandOutput {
  return {
    claim: h.claim,
    dueDateBefore: h.dueDateBefore,
    dueDateAfter: h.dueDateAfter,
    interestSpared: toKroner(h.interestSpared),
    rykkerBefore: h.rykkerBefore.map(rykkerStepToJson),
    rykkerAfter: h.rykkerAfter.map(rykkerStepToJson),
    warnings: h.warnings,
  };
}
