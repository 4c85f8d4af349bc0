/**
 * The politik's next steps from today (SPEC "status": nextSteps). A procedure (rules data) is
 * walked from the first step not yet taken: each step's earliest day is its `afterDays` after the
 * step before (taken or planned), on a banking day; a step that was due before `asOf` is due now
 * and marked overdue, and the steps after it count from then. A letter's fee is the kommune's
 * takst (or the legal maximum, labelled as such) under the claims' fee rule: gebyrloven § 2 when
 * every claim has udpantningsret, renteloven § 9 b (100 kr., 3 letters, 10 days apart) for
 * civil-law claims, none for a public claim without udpantningsret (renteloven § 1 stk. 2); a
 * claim type may allow fewer fee letters (boligstøtte none, Udbetaling Danmark one).
 */
import { adjustToBankingDay, danishBankCalendar, type BankCalendar } from '../calendar/bankingDays.js';
import { danishDate, fromDayNumber, toDayNumber, type CalendarDate } from '../calendar/date.js';
import { formatKroner, ore, type Ore } from '../money/ore.js';
import { claimTypeRule, type ClaimType, type Situation } from '../rules/claimTypes.js';
import type { RykkerFeeRule } from '../rules/fees.js';
import { ownValue } from '../rules/ownNames.js';
import type { Procedure, ProcedureStep, StepKind } from '../rules/politik.js';
import type { RuleSet } from '../rules/ruleSet.js';

/** A step the caseworker has taken (`stepsTaken`). */
export interface StepTaken {
  step: string;
  date: CalendarDate;
}

export interface NextStep {
  step: string;
  kind: StepKind;
  action: string;
  /** The first day the step may be taken: never before `asOf`. */
  earliest: CalendarDate;
  /** The fee of this letter (0 for a step that carries none). */
  fee: Ore;
  /** The fee is the legal maximum (no takst set): shown as "højst". */
  feeIsMaximum: boolean;
  /** The step was due before `asOf`. */
  overdue: boolean;
  optional: boolean;
  /** The politik's rule (and statute) behind the step. */
  why: string;
}

export interface FeeBasis {
  /** Fee per letter, øre: the takst, else the legal maximum. */
  perLetter: Ore;
  isMaximum: boolean;
  /** Fee-bearing letters allowed per claim (Infinity: not capped). */
  maxLetters: number;
  /** Least days between two fee-bearing letters (0: none). */
  minDaysBetween: number;
  /** Which rule, in Danish. */
  rule: string;
}

const NO_FEE: RykkerFeeRule = { maxPerRykker: 0, maxFeeCount: 0, minDaysBetween: null, takst: null };

/**
 * The fee rule for a set of claim types: the strictest among them (none < renteloven < gebyrloven).
 * @example feeBasis(['kontanthjælp'], rules).perLetter // 0: a public claim without udpantningsret
 */
export function feeBasis(types: readonly ClaimType[], rules: RuleSet): FeeBasis {
  const facts = types.map((t) => claimTypeRule(rules.claimTypes.value, t));
  const none = facts.length === 0 || facts.some((f) => !f.udpantningsret && !f.civilretlig);
  const civil = facts.some((f) => !f.udpantningsret);
  const [fee, rule] = none
    ? [NO_FEE, 'intet rykkergebyr: offentligretligt krav uden udpantningsret (renteloven § 1 stk. 2; gebyrloven § 2)']
    : civil
      ? [rules.fees.rykkerCivil.value, `renteloven § 9 b (${rules.fees.rykkerCivil.source})`]
      : [rules.fees.rykkerPublic.value, `gebyrloven § 2 (${rules.fees.rykkerPublic.source})`];
  const limits = [fee.maxFeeCount, ...facts.map((f) => f.feeLetters)].filter((n): n is number => n !== null);
  const perLetter = fee.takst ?? fee.maxPerRykker;
  return {
    perLetter: ore(perLetter),
    isMaximum: fee.takst === null && perLetter > 0,
    maxLetters: limits.length === 0 ? Infinity : Math.min(...limits),
    minDaysBetween: fee.minDaysBetween ?? 0,
    rule,
  };
}

export interface ProcedureChoice {
  id: string;
  procedure: Procedure;
  /** Why this procedure, in Danish. */
  why: string;
  /** Claims that follow different procedures, in Danish (empty when they agree). */
  warnings: string[];
}

const SITUATION_WORDS: Record<Situation, string> = { restance: 'restance', misligholdt: 'misligholdt betalingsaftale' };

/**
 * The procedure for the claims in a situation: the one each claim type names, or `chosen` (the
 * politik's option "oversend efter 1. rykker"). Claims that name different procedures follow
 * the one listed first in the politik (the most cautious), with a warning.
 */
export function chooseProcedure(types: readonly ClaimType[], situation: Situation, rules: RuleSet, chosen?: string): ProcedureChoice {
  const procedures = rules.procedures.value;
  if (chosen !== undefined) {
    const procedure = ownValue(procedures, chosen);
    if (procedure === undefined) throw new Error(`Ukendt procedure "${chosen}" (skulle være afvist ved indlæsning).`);
    return { id: chosen, procedure, why: `Proceduren "${procedure.label}" er valgt i sagen.`, warnings: [] };
  }
  const named = [...new Set(types.map((t) => claimTypeRule(rules.claimTypes.value, t).procedures[situation]))];
  const order = Object.keys(procedures);
  const id = named.sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? ownValue(rules.claimTypes.value, 'andet')?.procedures[situation] ?? order[0]!;
  const procedure = ownValue(procedures, id);
  if (procedure === undefined) throw new Error(`Fordringstypen peger på en ukendt procedure "${id}" (skulle være afvist ved indlæsning).`);
  const labels = [...new Set(types.map((t) => claimTypeRule(rules.claimTypes.value, t).label.toLowerCase()))];
  const why = `Politikkens procedure for ${SITUATION_WORDS[situation]} med ${labels.join(' og ')}: "${procedure.label}".`;
  const warnings =
    named.length > 1
      ? [
          `Fordringerne følger forskellige procedurer (${named.map((n) => `"${ownValue(procedures, n)?.label ?? n}"`).join(', ')}); Saldo følger den mest forsigtige, "${procedure.label}". Overvej at dele sagen.`,
        ]
      : [];
  return { id, procedure, why, warnings };
}

export interface StepsArgs {
  procedure: Procedure;
  /** The day the procedure starts (the day after a missed deadline, or the breach date). */
  start: CalendarDate;
  /** Steps taken on or after `start` (earlier ones belong to an earlier breach). */
  taken: readonly StepTaken[];
  /** The day of the status; null plans from `start` without one (henstand's before/after). */
  asOf: CalendarDate | null;
  types: readonly ClaimType[];
  rules: RuleSet;
  calendar?: BankCalendar;
}

/** The steps a procedure applies for these claims (medhæftere only where a claim type has them). */
export function stepsFor(procedure: Procedure, types: readonly ClaimType[], rules: RuleSet): ProcedureStep[] {
  const withMedhaeftere = types.some((t) => claimTypeRule(rules.claimTypes.value, t).medhaeftere);
  return procedure.steps.filter((s) => !s.medhaeftere || withMedhaeftere);
}

/**
 * The steps still to take, with their earliest days and fees.
 * @example nextSteps({ procedure, start: '2026-03-03', taken: [], asOf: '2026-03-03', types: ['daginstitution'], rules }) // rykker 1 today, …
 */
export function nextSteps({ procedure, start, taken, asOf, types, rules, calendar = danishBankCalendar }: StepsArgs): NextStep[] {
  const steps = stepsFor(procedure, types, rules);
  const basis = feeBasis(types, rules);
  const startDay = toDayNumber(start);
  const current = taken.filter((t) => t.date >= start);
  const lastTaken = Math.max(-1, ...current.map((t) => steps.findIndex((s) => s.id === t.step)));
  const takenSteps = current.filter((t) => steps.some((s) => s.id === t.step));
  let anchor = Math.max(startDay, ...takenSteps.map((t) => toDayNumber(t.date)));
  const feeDays = takenSteps.filter((t) => steps.find((s) => s.id === t.step)?.fee === true).map((t) => toDayNumber(t.date));
  let letters = feeDays.length;
  let lastFeeDay = feeDays.length === 0 ? null : Math.max(...feeDays);
  const asOfDay = asOf === null ? null : adjustToBankingDay(toDayNumber(asOf), 'following', calendar);
  const out: NextStep[] = [];
  for (const s of steps.slice(lastTaken + 1)) {
    let day = anchor + s.afterDays;
    if (s.fee && lastFeeDay !== null && basis.minDaysBetween > 0) day = Math.max(day, lastFeeDay + basis.minDaysBetween);
    day = adjustToBankingDay(day, 'following', calendar);
    const overdue = asOfDay !== null && day < asOfDay;
    if (overdue) day = asOfDay;
    let fee = 0;
    let why = s.why;
    if (s.fee && basis.perLetter > 0) {
      letters += 1;
      if (letters <= basis.maxLetters) fee = basis.perLetter;
      else why += `; intet gebyr: højst ${basis.maxLetters} gebyrbelagte rykkere pr. krav`;
      lastFeeDay = day;
    }
    out.push({ step: s.id, kind: s.kind, action: s.action, earliest: fromDayNumber(day), fee: ore(fee), feeIsMaximum: fee > 0 && basis.isMaximum, overdue, optional: s.optional, why });
    anchor = day;
  }
  return out;
}

/** "I dag: Send 1. rykker (højst 250,00 kr.)" or "Intet at gøre før 14-04-2026 (…)": the caseworker's answer. */
export function todayText(steps: readonly NextStep[], asOf: CalendarDate): string {
  const first = steps[0];
  if (first === undefined) return 'Intet at gøre: proceduren er ikke i gang eller er gennemført.';
  const fee = first.fee > 0 ? ` (gebyr ${first.feeIsMaximum ? 'højst ' : ''}${formatKroner(first.fee)})` : '';
  if (first.earliest <= asOf) return `${first.overdue ? 'Overskredet – i dag' : 'I dag'}: ${first.action}${fee}.`;
  // asOf is a closed day: the step is due on the next banking day.
  if (first.overdue) return `Overskredet – første bankdag ${danishDate(first.earliest)}: ${first.action}${fee}.`;
  return `Intet at gøre før ${danishDate(first.earliest)}: derefter ${first.action.charAt(0).toLowerCase()}${first.action.slice(1)}${fee}.`;
}
