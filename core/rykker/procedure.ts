/**
 * The rykker procedure's next steps with dates and fees (SPEC "status": nextSteps). Each step
 * follows the previous one by the rule's interval and falls on a banking day; a letter carries
 * at most the fee the rules allow for the claims: gebyrloven's 250 kr. (no cap on the number)
 * when every claim has udpantningsret, otherwise renteloven § 9 b's 100 kr. for at most 3
 * letters, so Saldo never suggests more than the law allows; a claim type may allow fewer
 * (boligstøtte none, Udbetaling Danmark's claims one).
 */
import { adjustToBankingDay, danishBankCalendar, type BankCalendar } from '../calendar/bankingDays.js';
import { fromDayNumber, toDayNumber, type CalendarDate } from '../calendar/date.js';
import { ore, type Ore } from '../money/ore.js';
import type { ClaimType } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { RykkerStepId } from '../rules/rykkerProcedure.js';

export interface RykkerStep {
  step: RykkerStepId;
  action: string;
  date: CalendarDate;
  /** The most the rules allow for this letter (0 for a step that is not a letter). */
  fee: Ore;
}

/** The fee rule that applies to a set of claim types (the stricter one when they differ). */
export function rykkerFeeRule(types: readonly ClaimType[], rules: RuleSet) {
  const allPublic = types.length > 0 && types.every((t) => rules.claimTypes.value[t].udpantningsret);
  return allPublic ? rules.fees.rykkerPublic : rules.fees.rykkerCivil;
}

/**
 * The procedure's steps from `start` (the breach date, or the day after a missed due date).
 * @example rykkerSteps('2026-03-03', ['daginstitution'], rules) // rykker 1 on 3 March, rykker 2 ten days later, …
 */
export function rykkerSteps(start: CalendarDate, types: readonly ClaimType[], rules: RuleSet, calendar: BankCalendar = danishBankCalendar): RykkerStep[] {
  const procedure = rules.rykkerProcedure.value;
  const feeRule = rykkerFeeRule(types, rules).value;
  const withMedhaeftere = types.some((t) => rules.claimTypes.value[t].medhaeftere);
  const minGap = Math.max(procedure.intervalDays, feeRule.minDaysBetween ?? 0);
  // The strictest limit on fee-bearing letters among the claim types and the fee rule.
  const limits = [feeRule.maxFeeCount, ...types.map((t) => rules.claimTypes.value[t].feeLetters)].filter((n): n is number => n !== null);
  const maxFees = limits.length === 0 ? Infinity : Math.min(...limits);
  let day = adjustToBankingDay(toDayNumber(start), 'following', calendar);
  let letters = 0;
  const out: RykkerStep[] = [];
  for (const rule of procedure.steps) {
    if (rule.medhaeftere && !withMedhaeftere) continue;
    if (out.length > 0) day = adjustToBankingDay(day + minGap, 'following', calendar);
    let fee = 0;
    if (rule.letter) {
      letters += 1;
      fee = letters <= maxFees ? feeRule.maxPerRykker : 0;
    }
    out.push({ step: rule.id, action: rule.action, date: fromDayNumber(day), fee: ore(fee) });
  }
  return out;
}
