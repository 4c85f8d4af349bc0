/**
 * Banking days: Monday–Friday that are not Danish bank holidays (SPEC, "Banking days").
 * A due date on a closed day moves to the next banking day by default; the nominal date is
 * kept beside it.
 */
import { danishBankHolidays, type HolidayRule } from './bankHolidays.js';
import { dayNumberOf, fromDayNumber, isoWeekday, partsOf, toDayNumber, type CalendarDate, type DayNumber } from './date.js';
import { easterSunday } from './easter.js';

/** How a due date on a closed day moves: SPEC's `bankingDays` (forældelsesloven § 27 stk. 2 by analogy). */
export type BankingDayPolicy = 'following' | 'preceding' | 'none';
export const BANKING_DAY_POLICIES: readonly BankingDayPolicy[] = ['following', 'preceding', 'none'];

export interface BankCalendar {
  /** The closed days of a year besides weekends, with their names, in date order. */
  holidays(year: number): ReadonlyArray<{ date: CalendarDate; name: string }>;
  isBankingDay(day: DayNumber): boolean;
}

/** A calendar from holiday rules (the Danish defaults unless a rule file overrides them). */
export function makeBankCalendar(rules: readonly HolidayRule[] = danishBankHolidays.value): BankCalendar {
  const byYear = new Map<number, Map<DayNumber, string>>();
  const known = new Map<DayNumber, boolean>();
  const yearHolidays = (year: number): Map<DayNumber, string> => {
    let days = byYear.get(year);
    if (!days) {
      days = new Map();
      const easter = easterSunday(year);
      for (const rule of rules) {
        if ((rule.fromYear !== undefined && year < rule.fromYear) || (rule.toYear !== undefined && year > rule.toYear)) continue;
        const day = rule.kind === 'fixed' ? dayNumberOf(year, rule.month, rule.day) : easter + rule.offset;
        days.set(day, rule.name);
      }
      byYear.set(year, days);
    }
    return days;
  };
  return {
    holidays(year) {
      return [...yearHolidays(year)].sort(([a], [b]) => a - b).map(([day, name]) => ({ date: fromDayNumber(day), name }));
    },
    isBankingDay(day) {
      // Asked for every due date of every schedule: answered from a cache after the first time.
      let open = known.get(day);
      if (open === undefined) {
        open = isoWeekday(day) < 6 && !yearHolidays(partsOf(day).year).has(day);
        if (known.size > 100_000) known.clear();
        known.set(day, open);
      }
      return open;
    },
  };
}

export const danishBankCalendar: BankCalendar = makeBankCalendar();

/** @example isBankingDay('2026-06-05') // false (grundlovsdag) */
export const isBankingDay = (date: CalendarDate, calendar: BankCalendar = danishBankCalendar): boolean => calendar.isBankingDay(toDayNumber(date));

/** The first banking day on or after `day`. */
export function nextBankingDayNumber(day: DayNumber, calendar: BankCalendar = danishBankCalendar): DayNumber {
  let d = day;
  while (!calendar.isBankingDay(d)) d += 1;
  return d;
}

/** The last banking day on or before `day`. */
export function previousBankingDayNumber(day: DayNumber, calendar: BankCalendar = danishBankCalendar): DayNumber {
  let d = day;
  while (!calendar.isBankingDay(d)) d -= 1;
  return d;
}

/**
 * The date itself if it is a banking day, else the next one.
 * @example nextBankingDay('2026-12-24') // "2026-12-28" (24/12 closed, 25–27 holiday/weekend)
 */
export const nextBankingDay = (date: CalendarDate, calendar: BankCalendar = danishBankCalendar): CalendarDate => fromDayNumber(nextBankingDayNumber(toDayNumber(date), calendar));

/** @example previousBankingDay('2026-06-05') // "2026-06-04" */
export const previousBankingDay = (date: CalendarDate, calendar: BankCalendar = danishBankCalendar): CalendarDate => fromDayNumber(previousBankingDayNumber(toDayNumber(date), calendar));

/** Moves a nominal due date by the policy. */
export function adjustToBankingDay(day: DayNumber, policy: BankingDayPolicy, calendar: BankCalendar = danishBankCalendar): DayNumber {
  if (policy === 'none') return day;
  return policy === 'following' ? nextBankingDayNumber(day, calendar) : previousBankingDayNumber(day, calendar);
}

/**
 * Banking days from `from` to `to`, both included (like Excel's NETWORKDAYS); negative when
 * `to` is before `from`.
 * @example bankingDaysBetween('2026-12-21', '2027-01-04') // 7 (21–23 and 28–30 December, 4 January)
 */
export function bankingDaysBetween(from: CalendarDate, to: CalendarDate, calendar: BankCalendar = danishBankCalendar): number {
  let a = toDayNumber(from);
  let b = toDayNumber(to);
  const sign = b < a ? -1 : 1;
  if (sign < 0) [a, b] = [b, a];
  let count = 0;
  for (let d = a; d <= b; d += 1) if (calendar.isBankingDay(d)) count += 1;
  return sign * count;
}

/**
 * The n-th banking day after `date` (before it for negative n), like Excel's WORKDAY with the
 * Danish bank holidays; n = 0 gives `date` itself if it is a banking day, else the next one.
 * @example addBankingDays('2026-12-23', 1) // "2026-12-28"
 */
export function addBankingDays(date: CalendarDate, n: number, calendar: BankCalendar = danishBankCalendar): CalendarDate {
  let d = toDayNumber(date);
  if (n === 0) return fromDayNumber(nextBankingDayNumber(d, calendar));
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    d += step;
    if (calendar.isBankingDay(d)) left -= 1;
  }
  return fromDayNumber(d);
}
