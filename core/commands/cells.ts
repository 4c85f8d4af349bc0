/**
 * The small commands behind the scalar cell functions (banking days, betalingsevne, goal status,
 * year to date, samples, what the rest of the year must give; a measure on named counts is in
 * measure.ts). They sit in the one command map with the others, so the custom functions, like the
 * task pane, call core only through `core/commands`.
 */
import { addBankingDays, bankingDaysBetween, isBankingDay } from '../calendar/bankingDays.js';
import type { CalendarDate } from '../calendar/date.js';
import { monthlyBetalingsevne, type Betalingsevne } from '../betalingsevne/betalingsevne.js';
// judge.js, not followup.js: the goals' measures (and mathjs, ≈ 100 KB) are loaded only where one is evaluated.
import { goalStatus as judgeGoal, shown, yearToDate as ytd } from '../followup/judge.js';
import type { Aggregate, Direction, Status } from '../followup/goal.js';
import { sampleSizeToTell, sampleStatus as judgeSample, wilson, type SampleInterval } from '../followup/sample.js';
import { needed as neededOf, neededText, type Need } from '../followup/needed.js';
import { SaldoError, showValue } from '../errors.js';
import { ore, type Ore } from '../money/ore.js';
import { toDayNumber } from '../calendar/date.js';
import { debtorBalance as balanceOf, debtorStatement as statementOf } from '../ledger/ledgerJson.js';
import type { RuleSet } from '../rules/ruleSet.js';

export interface BankingDayInput {
  date: CalendarDate;
  /** Banking days to move (0: the date itself if a banking day, else the next). */
  days: number;
}

/** The `days`-th banking day after `date` (before it when negative). */
export const nextBankingDay = (input: BankingDayInput, _rules: RuleSet): CalendarDate => addBankingDays(input.date, input.days);

export const bankingDay = (input: { date: CalendarDate }, _rules: RuleSet): boolean => isBankingDay(input.date);

/** Banking days from `from` to `to`, both included (negative when `to` is before `from`). */
export const bankingDays = (input: { from: CalendarDate; to: CalendarDate }, _rules: RuleSet): number => bankingDaysBetween(input.from, input.to);

export interface BetalingsevneInput {
  netIncome: Ore;
  year: number;
  supportsChildren: boolean;
}

/** The monthly installment by the year's betalingsevne table. */
export const betalingsevne = (input: BetalingsevneInput, rules: RuleSet): Betalingsevne => monthlyBetalingsevne(input.netIncome, input.supportsChildren, input.year, rules);

export interface GoalStatusInput {
  value: number;
  target: number;
  margin: number;
  direction: Direction;
}

export const goalStatus = (input: GoalStatusInput, _rules: RuleSet): Status => judgeGoal(input.value, input.target, input.margin, input.direction);

export interface YearToDateInput {
  numerators: ReadonlyArray<number | null>;
  denominators: ReadonlyArray<number | null> | null;
  aggregate: Aggregate;
}

/** The year to date of period figures, or null ("ingen data"). */
export const yearToDate = (input: YearToDateInput, _rules: RuleSet): number | null => ytd(input.numerators, input.denominators, input.aggregate);

export interface SampleInput {
  /** The sample's count that has the property: fejlfri for korrekthed, fejl for a fejlprocent. */
  successes: number;
  sampleSize: number;
}

/** A share (0–1): a target or a rate. 99 typed for 99 % is refused, never read as 9.900 %. */
function share(value: number, field: string): number {
  if (!(value >= 0 && value <= 1)) throw SaldoError.at('UGYLDIGT_INPUT', field, value, `skal være en andel fra 0 % til 100 %, f.eks. 99 % eller 0,99, ikke ${showValue(value)}.`);
  return value;
}

/** The rate found, successes / sampleSize, after the sample's invariants: whole counts, 0 ≤ successes ≤ sampleSize ≥ 1. */
function sampleRate({ successes, sampleSize }: SampleInput): number {
  if (!Number.isInteger(sampleSize) || sampleSize < 1) throw SaldoError.at('UGYLDIGT_INPUT', 'sampleSize', sampleSize, `skal være et helt antal stikprøver, mindst 1, ikke ${showValue(sampleSize)}.`);
  if (!Number.isInteger(successes) || successes < 0) throw SaldoError.at('UGYLDIGT_INPUT', 'successes', successes, `skal være et helt antal, 0 eller mere, ikke ${showValue(successes)}.`);
  if (successes > sampleSize) throw SaldoError.at('UGYLDIGT_INPUT', 'successes', successes, `kan ikke være flere end stikprøverne (${showValue(sampleSize)}), men er ${showValue(successes)}.`);
  return successes / sampleSize;
}

/** The 95 % Wilson interval of the rate found in a sample (core/followup/sample.ts). */
export const sampleInterval = (input: SampleInput, _rules: RuleSet): SampleInterval => wilson(sampleRate(input), input.sampleSize);

export interface SampleStatusInput extends SampleInput {
  /** A share, 0–1. */
  target: number;
  direction: Direction;
}

/** grøn/gul/rød by what the sample can tell: grøn when its whole interval meets the target, rød when none of it does. */
export const sampleStatus = (input: SampleStatusInput, _rules: RuleSet): Status => judgeSample(wilson(sampleRate(input), input.sampleSize), share(input.target, 'target'), input.direction);

export interface SampleSizeInput {
  /** The rate expected (or found so far), a share 0–1. */
  rate: number;
  /** A share, 0–1. */
  target: number;
}

/** The smallest whole sample whose interval tells the rate from the target, or null when none up to a million would. */
export const sampleSize = (input: SampleSizeInput, _rules: RuleSet): number | null => sampleSizeToTell(share(input.rate, 'rate'), share(input.target, 'target'));

export interface NeededInput {
  /** The year's 4 quarters or 12 months, null = not reported; the periods after the last reported one are still to come. */
  numerators: ReadonlyArray<number | null>;
  /** The periods' denominators, same length; null for plain values. */
  denominators: ReadonlyArray<number | null> | null;
  aggregate: Aggregate;
  direction: Direction;
  target: number;
}

export interface Needed {
  need: Need;
  /** What `need` says as a Danish sentence (neededText), figures shown in the goal's unit. */
  text: string;
}

/**
 * What the rest of the year must give for the year to reach `target` (core/followup/needed.ts),
 * on the same figures as yearToDate: a period's value is numerator / denominator (or the
 * numerator), summed or averaged by `aggregate`, and a ratio of sums sums both first. The periods
 * up to the last reported one have passed; figures are counts, so none is negative (needed.ts
 * counts on a rest that gives at least 0).
 * @example needed({ numerators: [2750, 3120, 2940, null], denominators: null, aggregate: 'sum', direction: 'atLeast', target: 12000 })
 * // need.required 3.190 (12.000 − 8.810, from the one quarter left)
 */
export function needed(input: NeededInput, _rules: RuleSet): Needed {
  const { numerators: t, denominators: n, direction, target } = input;
  if (t.length !== 4 && t.length !== 12) {
    throw SaldoError.at('UGYLDIGT_INPUT', 'numerators', t.length, `angiv årets 4 kvartaler eller 12 måneder, også dem, der ikke er indberettet endnu (fik ${t.length}).`);
  }
  if (n && n.length !== t.length) throw SaldoError.at('UGYLDIGT_INPUT', 'denominators', n.length, `samme antal perioder som tællerne (${t.length}), ikke ${n.length}.`);
  for (const [xs, field] of [
    [t, 'numerators'],
    [n ?? [], 'denominators'],
  ] as const) {
    const i = xs.findIndex((x) => x !== null && x < 0);
    if (i >= 0) throw SaldoError.at('UGYLDIGT_INPUT', field, xs[i], `periode ${i + 1} er ${showValue(xs[i])}; tallene er antal og skal være 0 eller mere.`);
  }
  let elapsed = t.length;
  while (elapsed > 0 && t[elapsed - 1] === null && (n === null || n[elapsed - 1] === null)) elapsed -= 1;
  // Without denominators a ratio of sums is the sum, as the year to date computes it.
  const rule = input.aggregate === 'ratioOfSums' && n === null ? 'sum' : input.aggregate;
  const ratio = (i: number): number | null => {
    const v = n === null ? t[i]! : t[i] === null || n[i] === null ? null : t[i]! / n[i]!;
    return v !== null && Number.isFinite(v) ? v : null; // x / 0 is no value, as in the year to date
  };
  const need = rule === 'ratioOfSums' ? neededOf({ rule, direction, target, values: t, denominators: n, elapsed }) : neededOf({ rule, direction, target, values: t.map((_, i) => ratio(i)), elapsed });
  // 1e308-sized figures would give ±Infinity; no cell may show that.
  if (need.required !== null && !Number.isFinite(need.required)) throw SaldoError.at('UGYLDIGT_INPUT', 'target', target, 'tallene er for store til at regne med.');
  const unit = n !== null && rule !== 'sum' ? 'percent' : 'number';
  return { need, text: neededText(need, (v) => shown(v, unit), t.length === 4 ? 'quarter' : 'month') };
}

export interface DebtorInput {
  /** The ledger as rows, the first the header row (as Excel gives a range). */
  rows: ReadonlyArray<readonly unknown[]>;
  debtorId: string;
}

/** A debtor's balance at the end of `date` (every posting up to and including it). */
export const debtorBalance = (input: DebtorInput & { date: CalendarDate }, _rules: RuleSet): Ore => ore(balanceOf(input.rows, input.debtorId, toDayNumber(input.date)));

/** A debtor's saldoopgørelse for `year`. */
export const debtorStatement = (input: DebtorInput & { year: number }, rules: RuleSet) => statementOf(input.rows, input.debtorId, input.year, rules);
