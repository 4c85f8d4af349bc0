/**
 * Henstand on a single claim without an agreement (SPEC "henstand", `"claim"` instead of
 * `"claims"`): the due date moves on by the henstand's months; late interest runs from the due
 * date (renteloven § 2; gebyrloven § 3), so moving it spares the interest from the old to the
 * new due date, and the politik's procedure for a restance starts the day after the new due date.
 */
import { adjustToBankingDay } from '../calendar/bankingDays.js';
import { addMonths, addDays, fromDayNumber, parseDate, toDayNumber, type CalendarDate } from '../calendar/date.js';
import { SaldoError } from '../errors.js';
import { isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import { INTEREST_METHODS, periodInterest, type InterestMethod } from '../interest/accrue.js';
import type { Ore } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { chooseProcedure, nextSteps, type NextStep } from '../rykker/procedure.js';
import { parseClaim } from '../schedule/planInput.js';
import { parseHenstand } from './henstandTerms.js';
import { henstandPolicyWarnings, type HenstandWarning } from './warnings.js';

export interface ClaimHenstand {
  claim: string;
  dueDateBefore: CalendarDate;
  dueDateAfter: CalendarDate;
  /** Interest the claim would have accrued from the old to the new due date, and no longer does. */
  interestSpared: Ore;
  /** The politik's steps for a restance, planned from the day after each due date. */
  rykkerBefore: NextStep[];
  rykkerAfter: NextStep[];
  warnings: HenstandWarning[];
}

const KEYS = ['claim', 'henstand', 'interestMethod'];

/** Checks a single-claim henstand input (JSON) and computes its effect. */
export function claimHenstand(input: unknown, rules: RuleSet): ClaimHenstand {
  if (!isJsonObject(input)) throw new SaldoError('UGYLDIGT_INPUT', [], input, 'Inputtet skal være et objekt: {"claim": {…}, "henstand": {"months": 2}}.');
  rejectUnknownKeys(input, KEYS, []);
  const raw = input.claim;
  if (!isJsonObject(raw))
    throw new SaldoError('UGYLDIGT_INPUT', ['claim'], raw, (name) => `${name(['claim'])} skal være en fordring: {"id": "F1", "type": "renovation", "principal": 1200, "dueDate": "2026-03-01"}.`);
  present(raw.dueDate, ['claim', 'dueDate'], 'angiv fordringens forfaldsdato.');
  // The same checks as a plan's claim (id, type, amounts, rate); the due date is required here.
  const claim = parseClaim(raw, ['claim'], 'F1', parseDate(raw.dueDate, ['claim', 'dueDate']), rules);
  const { dueDate, principal, id, rate, type } = claim;
  const hRaw = input.henstand;
  if (!isJsonObject(hRaw)) throw new SaldoError('MANGLER', ['henstand'], hRaw, (name) => `${name(['henstand'])} skal være et objekt, f.eks. {"months": 2}.`);
  // For a single claim the henstand starts at its due date unless another date is given.
  const h = parseHenstand({ ...hRaw, from: hRaw.from ?? dueDate }, undefined);
  if (h.kind !== 'full') throw new SaldoError('KONFLIKT', ['henstand', 'kind'], h.kind, 'En henstand på en enkelt fordring uden aftale udskyder forfaldsdatoen: brug "full".');
  const method = input.interestMethod ?? 'perStartedMonth';
  if (typeof method !== 'string' || !(INTEREST_METHODS as readonly string[]).includes(method)) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['interestMethod'], method, `brug en af ${INTEREST_METHODS.join(', ')}.`);
  }
  const newNominal = addMonths(h.from > dueDate ? h.from : dueDate, h.months);
  const newDue = fromDayNumber(adjustToBankingDay(toDayNumber(newNominal), 'following'));
  const oldDue = fromDayNumber(adjustToBankingDay(toDayNumber(dueDate), 'following'));
  const spared = periodInterest(principal, toDayNumber(dueDate), toDayNumber(newNominal), method as InterestMethod, rate, h.months, ['claim']);
  const { procedure } = chooseProcedure([type], 'restance', rules);
  const steps = (due: CalendarDate) => nextSteps({ procedure, start: addDays(due, 1), taken: [], asOf: null, types: [type], rules });
  return {
    claim: id,
    dueDateBefore: oldDue,
    dueDateAfter: newDue,
    interestSpared: spared,
    rykkerBefore: steps(oldDue),
    rykkerAfter: steps(newDue),
    warnings: henstandPolicyWarnings([{ id, type }], rules),
  };
}
