/**
 * The `henstand` command (SPEC "henstand"): an agreement before and after a henstand, side by
 * side, with its effect and policy warnings. Or, for a single claim without an agreement
 * (`"claim"` instead of `"claims"`): the new due date, the interest it spares and the rykker
 * dates before and after.
 */
import { adjustToBankingDay } from '../calendar/bankingDays.js';
import { addMonths, fromDayNumber, parseDate, toDayNumber } from '../calendar/date.js';
import { SaldoError } from '../errors.js';
import { henstandWindow, parseHenstand } from '../henstand/henstandTerms.js';
import { henstandPolicyWarnings, type HenstandWarning } from '../henstand/warnings.js';
import { INTEREST_METHODS, periodInterest, type InterestMethod } from '../interest/accrue.js';
import { formatKroner, ore, toKroner } from '../money/ore.js';
import type { ClaimType } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { rykkerSteps } from '../rykker/procedure.js';
import { isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import { parseClaim, parsePlanInput } from '../schedule/planInput.js';
import { computeSchedule } from '../schedule/schedule.js';
import { scheduleToJson, type PlanOutput } from './plan.js';

export interface HenstandEffect {
  lastDueDateBefore: string;
  lastDueDateAfter: string;
  extraPayments: number;
  extraInterest: number;
  extraTotal: number;
}

export interface HenstandOutput {
  before: PlanOutput;
  after: PlanOutput;
  effect: HenstandEffect;
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
  /** Interest the claim would have accrued from the old to the new due date, and no longer does. */
  interestSpared: number;
  rykkerBefore: RykkerStepJson[];
  rykkerAfter: RykkerStepJson[];
  warnings: HenstandWarning[];
}

export const HENSTAND_KEYS = ['henstand', 'interestDuringHenstand'] as const;

/** SPEC `henstand`. */
export function henstand(input: unknown, rules: RuleSet): HenstandOutput | SingleClaimHenstandOutput {
  if (isJsonObject(input) && input.claim !== undefined) return singleClaimHenstand(input, rules);
  const terms = parsePlanInput(input, rules, HENSTAND_KEYS);
  const raw = input as Record<string, unknown>;
  const h = parseHenstand(raw.henstand, raw.interestDuringHenstand);
  if (h.from < terms.startDate) {
    throw new SaldoError('KONFLIKT', ['henstand', 'from'], h.from, (name) => `${name(['henstand', 'from'])} (${h.from}) ligger før aftalens startdato (${terms.startDate}).`);
  }
  const before = scheduleToJson(computeSchedule(terms, rules));
  const after = scheduleToJson(computeSchedule(terms, rules, undefined, henstandWindow(h)));
  // The plan's own warnings (e.g. another year's betalingsevne table) come first.
  const warnings: HenstandWarning[] = [...(before.warnings ?? []).map((w) => ({ ...w, claims: [] })), ...henstandPolicyWarnings(terms.claims, rules)];
  const lastNominal = before.rows[before.rows.length - 1]!.nominalDate;
  if (h.from > lastNominal) {
    warnings.push({ code: 'HENSTAND_UDEN_VIRKNING', message: `Henstanden begynder ${h.from}, efter aftalens sidste ydelse (${lastNominal}); den ændrer intet.`, claims: [] });
  }
  if (h.kind === 'reduced' && h.installment !== undefined && toKroner(h.installment) >= before.summary.installment) {
    warnings.push({ code: 'NEDSAT_YDELSE_IKKE_LAVERE', message: `Den nedsatte ydelse (${formatKroner(h.installment)}) er ikke lavere end aftalens ydelse (${formatKroner(ore(Math.round(before.summary.installment * 100)))}).`, claims: [] });
  }
  const øre = (kr: number) => Math.round(kr * 100);
  return {
    before,
    after,
    effect: {
      lastDueDateBefore: before.summary.lastDueDate,
      lastDueDateAfter: after.summary.lastDueDate,
      extraPayments: after.summary.count - before.summary.count,
      extraInterest: (øre(after.summary.interest) - øre(before.summary.interest)) / 100,
      extraTotal: (øre(after.summary.total) - øre(before.summary.total)) / 100,
    },
    warnings,
  };
}

const SINGLE_KEYS = ['claim', 'henstand', 'interestMethod'];

function singleClaimHenstand(input: Record<string, unknown>, rules: RuleSet): SingleClaimHenstandOutput {
  rejectUnknownKeys(input, SINGLE_KEYS, []);
  const raw = input.claim;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', ['claim'], raw, (name) => `${name(['claim'])} skal være en fordring: {"id": "F1", "type": "renovation", "principal": 1200, "dueDate": "2026-03-01"}.`);
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
  // Late interest runs from the due date (renteloven § 2; gebyrloven § 3): moving it spares the
  // interest from the old to the new due date.
  const spared = periodInterest(principal, toDayNumber(dueDate), toDayNumber(newNominal), method as InterestMethod, rate, h.months, ['claim']);
  const claimType: ClaimType = type;
  const steps = (due: string) => rykkerSteps(fromDayNumber(toDayNumber(due as never) + 1), [claimType], rules).map((s) => ({ step: s.step, action: s.action, date: s.date, fee: toKroner(s.fee) }));
  return {
    claim: id,
    dueDateBefore: oldDue,
    dueDateAfter: newDue,
    interestSpared: toKroner(spared),
    rykkerBefore: steps(oldDue),
    rykkerAfter: steps(newDue),
    warnings: henstandPolicyWarnings([{ id, type: claimType }], rules),
  };
}
