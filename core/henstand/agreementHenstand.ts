/**
 * Henstand on a payment agreement (SPEC "henstand"): the schedule before and after, side by side,
 * the effect (later end, extra payments, extra interest and total, in øre) and the warnings the
 * opkrævningspolitik gives (they never block).
 */
import type { CalendarDate } from '../calendar/date.js';
import { SaldoError } from '../errors.js';
import { isJsonObject } from '../input/fields.js';
import { formatKroner, ore, type Ore } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { parsePlanInput } from '../schedule/planInput.js';
import { computeSchedule, type Schedule } from '../schedule/schedule.js';
import { henstandWindow, parseHenstand } from './henstandTerms.js';
import { henstandPolicyWarnings, type HenstandWarning } from './warnings.js';

export interface HenstandEffect {
  lastDueDateBefore: CalendarDate;
  lastDueDateAfter: CalendarDate;
  /** After count − before count. */
  extraPayments: number;
  /** After − before. */
  extraInterest: Ore;
  extraTotal: Ore;
}

export interface AgreementHenstand {
  before: Schedule;
  after: Schedule;
  effect: HenstandEffect;
  warnings: HenstandWarning[];
}

/** The keys a henstand input has besides a plan's. */
export const HENSTAND_KEYS = ['henstand', 'interestDuringHenstand'] as const;

/** Checks an agreement henstand input (a plan input plus `henstand`) and computes both schedules. */
export function agreementHenstand(input: unknown, rules: RuleSet): AgreementHenstand {
  const terms = parsePlanInput(input, rules, HENSTAND_KEYS);
  // parsePlanInput has refused anything but an object.
  const raw = isJsonObject(input) ? input : {};
  const h = parseHenstand(raw.henstand, raw.interestDuringHenstand);
  if (h.from < terms.startDate) {
    throw new SaldoError('KONFLIKT', ['henstand', 'from'], h.from, (name) => `${name(['henstand', 'from'])} (${h.from}) ligger før aftalens startdato (${terms.startDate}).`);
  }
  const before = computeSchedule(terms, rules);
  const after = computeSchedule(terms, rules, undefined, henstandWindow(h));
  // The plan's own warnings (e.g. another year's betalingsevne table) come first.
  const warnings: HenstandWarning[] = [...before.warnings.map((w) => ({ ...w, claims: [] })), ...henstandPolicyWarnings(terms.claims, rules)];
  const lastNominal = before.rows[before.rows.length - 1]!.nominalDate;
  if (h.from > lastNominal) {
    warnings.push({ code: 'HENSTAND_UDEN_VIRKNING', message: `Henstanden begynder ${h.from}, efter aftalens sidste ydelse (${lastNominal}); den ændrer intet.`, claims: [] });
  }
  if (h.kind === 'reduced' && h.installment !== undefined && h.installment >= before.summary.installment) {
    warnings.push({
      code: 'NEDSAT_YDELSE_IKKE_LAVERE',
      message: `Den nedsatte ydelse (${formatKroner(h.installment)}) er ikke lavere end aftalens ydelse (${formatKroner(before.summary.installment)}).`,
      claims: [],
    });
  }
  return {
    before,
    after,
    effect: {
      lastDueDateBefore: before.summary.lastDueDate,
      lastDueDateAfter: after.summary.lastDueDate,
      extraPayments: after.summary.count - before.summary.count,
      extraInterest: ore(after.summary.interest - before.summary.interest),
      extraTotal: ore(after.summary.total - before.summary.total),
    },
    warnings,
  };
}
