/**
 * Forældelse of one claim at a statement's year end (forældelsesloven, LBK 1238/2015 as amended;
 * research/law-review-2026-12.md), from a few day numbers the statement builder keeps per claim:
 *
 * - Start (§ 2): the claim's sidste rettidige betalingsdato where the ledger has one (§ 2 stk. 2:
 *   "fra betalingsfristens udløb"), else its forfaldsdato, else its first posting.
 * - Length: 3 years (§ 3) or the claim type's years; 10 years (§ 5 stk. 1 nr. 3) with a
 *   Dom/forlig dato (counted from that date, § 19 stk. 3) or Anerkendt = ja (counted from the start).
 * - Every `betaling` is the debtor's erkendelse (§ 15): a new period runs from its day (§ 19 stk. 2),
 *   "hvis længde bestemmes efter reglerne i denne lov" (§ 19 stk. 1) — so after a dom it is again
 *   10 years for the principal. A `modregning` by the kommune is no act of the debtor's and does not
 *   interrupt (§ 18 stk. 4 covers only restanceinddrivelsesmyndighedens modregning).
 * - Renter and gebyrer falling due after a dom keep 3 years (§ 5 stk. 2), also interrupted by payments.
 * - A period ending on a weekend, helligdag, grundlovsdag, 24 or 31 December runs to the next
 *   banking day (§ 27 stk. 2; the bank calendar holds exactly those days).
 */
import type { BankCalendar } from '../calendar/bankingDays.js';
import { addMonthsToDay, danishDate, fromDayNumber, isoWeekday, MAX_DAY, partsOf, type DayNumber } from '../calendar/date.js';
import { claimTypeRule, findClaimType } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';

/** What the builder knows of a claim at the year end (days are null when the ledger has none). */
export interface LimitationFacts {
  claimType: string;
  /** Anerkendt = ja/dom/forlig on some row: 10 years from the start. */
  acknowledged: boolean;
  /** The earliest Forfaldsdato on the claim's rows. */
  dueDay: DayNumber | null;
  /** The first posting day that raised the debt (else the first posting): the start when the ledger gives no date. */
  firstDay: DayNumber;
  /** The earliest Sidste rettidige betalingsdato on the claim's rows. */
  lastTimelyDay: DayNumber | null;
  /** The latest `betaling` (with a negative amount) posted up to the year end. */
  lastPaymentDay: DayNumber | null;
  /** The latest Dom/forlig dato up to the year end. */
  judgmentDay: DayNumber | null;
  /** The earliest rente/gebyr day (due date, else posting day) after the Dom/forlig dato on its own row. */
  feeAfterJudgmentDay: DayNumber | null;
  /** The earliest and latest rente/gebyr day on rows without a Dom/forlig dato. */
  undatedFeeFirstDay: DayNumber | null;
  undatedFeeLastDay: DayNumber | null;
}

export interface Limitation {
  /**
   * The last day of the first period to run out for a still-open part of the claim (the claim is
   * forældet from the day after); null past 31-12-9999.
   */
  limitationDay: DayNumber | null;
  /**
   * The last day of the principal's period (of the whole claim without a dom). With a dom,
   * `limitationDay` is earlier when renter and gebyrer after the dom run out first (§ 5 stk. 2).
   */
  principalDay: DayNumber | null;
  /**
   * The principal (the whole claim without a dom) is forældet at the year end. When only the
   * renter and gebyrer after a dom are, `limitationDay` is on or before the year end and this is
   * false (the sheets say "delvis").
   */
  timeBarred: boolean;
  /** Which rule and which dates, in plain Danish (dates dd-mm-åååå). */
  reason: string;
}

export function limitationYears(claimType: string, acknowledged: boolean, rules: RuleSet): number {
  if (acknowledged) return 10;
  const id = findClaimType(rules.claimTypes.value, claimType);
  return id === null ? 3 : claimTypeRule(rules.claimTypes.value, id).limitationYears;
}

/** dd-mm-åååå, as a caseworker writes a date. */
export const danishDay = (day: DayNumber): string => danishDate(fromDayNumber(day));

const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];

interface Period {
  /** Start + the years, by § 27 stk. 1 (the same date, else the month's last day). */
  nominal: DayNumber;
  /** The nominal day, or the next banking day after it (§ 27 stk. 2); null past 31-12-9999. */
  end: DayNumber | null;
}

/** The period of `years` from `start`, moved off a closed day. */
export function limitationPeriod(start: DayNumber, years: number, calendar: BankCalendar): Period {
  const { year, month, day } = partsOf(start);
  // § 27 stk. 1: the period ends on the same date in the last month, or that month's last day
  // when it has no such date (29-02-2024 + 3 years = 28-02-2027): addMonthsToDay clamps so.
  const nominal = addMonthsToDay(year, month, day, 12 * years);
  let end = nominal;
  while (end <= MAX_DAY && !calendar.isBankingDay(end)) end += 1;
  return { nominal, end: end <= MAX_DAY ? end : null };
}

/** The holidays' names by day, per calendar and year: a statement names thousands of closed days. */
const holidayNames = new WeakMap<BankCalendar, Map<number, ReadonlyMap<string, string>>>();

/** Why the nominal day is closed: "en lørdag", "nytårsaftensdag" … */
function closedDayName(day: DayNumber, calendar: BankCalendar): string {
  let years = holidayNames.get(calendar);
  if (!years) {
    years = new Map();
    holidayNames.set(calendar, years);
  }
  const year = partsOf(day).year;
  let names = years.get(year);
  if (!names) {
    names = new Map(calendar.holidays(year).map((h) => [h.date, h.name]));
    years.set(year, names);
  }
  return names.get(fromDayNumber(day)) ?? `en ${WEEKDAYS[isoWeekday(day) - 1]!}`;
}

function endText(p: Period, calendar: BankCalendar): string {
  if (p.end === null) return 'fristen udløber efter 31-12-9999';
  if (p.end === p.nominal) return `fristen udløber ${danishDay(p.end)}`;
  return `fristen udløber ${danishDay(p.nominal)}, ${closedDayName(p.nominal, calendar)}, og løber til ${WEEKDAYS[isoWeekday(p.end) - 1]} ${danishDay(p.end)} (§ 27 stk. 2)`;
}

/** "§§ 2, 3, 15" from paragraph refs, in the statute's order and each once; "§ 3" for one. */
function refs(list: ReadonlyArray<string | null>): string {
  const kept = [...new Set(list.filter((r): r is string => r !== null))].sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  return kept.length === 1 ? `§ ${kept[0]}` : `§§ ${kept.join(', ')}`;
}

/**
 * The forældelse of an open claim at `yearEnd`.
 * @example a claim due 31-12-2023, 3 years, no payment: the period ends 31-12-2026 (closed), runs
 * to 04-01-2027 (§ 27 stk. 2), so it is not forældet in the 2026 statement.
 */
export function claimLimitation(f: LimitationFacts, yearEnd: DayNumber, rules: RuleSet, calendar: BankCalendar): Limitation {
  const judgment = f.judgmentDay;
  const years = judgment !== null ? 10 : limitationYears(f.claimType, f.acknowledged, rules);
  // The start by § 2, then later starts win: a dom (§ 19 stk. 3), then the last payment (§ 19 stk. 2).
  let start: DayNumber;
  let from: string;
  let startRefs: string[];
  if (f.lastTimelyDay !== null) {
    start = f.lastTimelyDay;
    from = `sidste rettidige betalingsdato ${danishDay(start)}`;
    startRefs = ['2 stk. 2'];
  } else if (f.dueDay !== null) {
    start = f.dueDay;
    from = `forfaldsdatoen ${danishDay(start)}`;
    startRefs = ['2'];
  } else {
    start = f.firstDay;
    from = `første postering ${danishDay(start)} (fordringen har ingen forfaldsdato)`;
    startRefs = ['2'];
  }
  if (judgment !== null && judgment > start) {
    start = judgment;
    from = `dom/forlig ${danishDay(judgment)}`;
    startRefs = ['19 stk. 3'];
  }
  const payment = f.lastPaymentDay;
  if (payment !== null && payment > start) {
    start = payment;
    from = `sidste betaling ${danishDay(payment)}${judgment !== null ? ` (efter dom/forlig ${danishDay(judgment)})` : ''}`;
    startRefs = ['15', '19 stk. 2'];
  }
  const principal = limitationPeriod(start, years, calendar);
  const timeBarred = principal.end !== null && principal.end <= yearEnd;
  const length = judgment === null && f.acknowledged ? `${years} år (anerkendt)` : `${years} år`;
  // The length's paragraph: § 3, § 5 (stk. 1 nr. 3 for a dom), or the claim type's own rule.
  const lengthRef = judgment !== null ? '5 stk. 1 nr. 3' : years === 3 ? '3' : years === 10 ? '5' : null;
  const lawRefs = refs([lengthRef, ...startRefs]);
  const typeRule = lengthRef === null ? `; fordringstypen ${f.claimType} har ${years} års forældelse` : '';
  // Forældet or not is said first, for the principal ("hovedstolen" where a dom splits the claim).
  const head = judgment !== null ? (timeBarred ? 'Hovedstolen er forældet: ' : 'Hovedstolen: ') : timeBarred ? 'Forældet: ' : '';
  let reason = `${head}${length} fra ${from} (forældelsesloven ${lawRefs}${typeRule}): ${endText(principal, calendar)}.`;
  reason = reason.charAt(0).toUpperCase() + reason.slice(1);
  let limitationDay = principal.end;
  if (judgment !== null) {
    // § 5 stk. 2: renter and gebyrer falling due after the dom keep 3 years (§ 3), each from its
    // own due day; the earliest of them is the first to go, unless a later payment interrupted all.
    let fee = f.feeAfterJudgmentDay;
    const undatedFirst = f.undatedFeeFirstDay;
    const undatedLast = f.undatedFeeLastDay;
    if (undatedFirst !== null && undatedFirst > judgment && (fee === null || undatedFirst < fee)) fee = undatedFirst;
    if (fee !== null) {
      const feeStart = payment !== null && payment > fee ? payment : fee;
      const part = limitationPeriod(feeStart, 3, calendar);
      if (part.end !== null && (limitationDay === null || part.end < limitationDay)) limitationDay = part.end;
      const feeFrom = feeStart === fee ? `den første af dem, ${danishDay(fee)}` : `sidste betaling ${danishDay(feeStart)}`;
      reason += ` Renter og gebyrer, der er forfaldet efter dommen${part.end !== null && part.end <= yearEnd ? ', er forældet' : ''}: 3 år fra ${feeFrom} (forældelsesloven ${refs(feeStart === fee ? ['3', '5 stk. 2'] : ['3', '5 stk. 2', '15', '19 stk. 2'])}): ${endText(part, calendar)}.`;
    }
    if (undatedFirst !== null && undatedLast !== null && undatedFirst <= judgment && undatedLast > judgment) {
      // Without the Dom/forlig dato on their rows, which of them fell due after the dom is not
      // known from two numbers; saying so is better than a guess either way.
      reason += ` Nogle rente- og gebyrrækker uden Dom/forlig dato ligger både før og efter dommen og er regnet med hovedstolen: skriv datoen på alle fordringens rækker (§ 5 stk. 2).`;
    }
  }
  return { limitationDay, principalDay: principal.end, timeBarred, reason };
}
