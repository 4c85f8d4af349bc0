/**
 * The small commands behind the scalar cell functions (banking days, betalingsevne, goal status,
 * year to date; a measure on named counts is in measure.ts). They sit in the one command map with the others, so
 * the custom functions, like the task pane, call core only through `core/commands`.
 */
import { addBankingDays, bankingDaysBetween, isBankingDay } from '../calendar/bankingDays.js';
import type { CalendarDate } from '../calendar/date.js';
import { monthlyBetalingsevne, type Betalingsevne } from '../betalingsevne/betalingsevne.js';
// judge.js, not followup.js: the goals' measures (and mathjs, ≈ 100 KB) are loaded only where one is evaluated.
import { goalStatus as judgeGoal, yearToDate as ytd } from '../followup/judge.js';
import type { Aggregate, Direction, Status } from '../followup/goal.js';
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

export interface DebtorInput {
  /** The ledger as rows, the first the header row (as Excel gives a range). */
  rows: ReadonlyArray<readonly unknown[]>;
  debtorId: string;
}

/** A debtor's balance at the end of `date` (every posting up to and including it). */
export const debtorBalance = (input: DebtorInput & { date: CalendarDate }, _rules: RuleSet): Ore => ore(balanceOf(input.rows, input.debtorId, toDayNumber(input.date)));

/** A debtor's saldoopgørelse for `year`. */
export const debtorStatement = (input: DebtorInput & { year: number }, rules: RuleSet) => statementOf(input.rows, input.debtorId, input.year, rules);
