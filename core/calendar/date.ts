/**
 * Plain calendar dates (`YYYY-MM-DD`): no time, no zone. Arithmetic runs on day numbers (days
 * since 1970-01-01) computed with Howard Hinnant's civil-date algorithms, never on `Date`,
 * so a due date cannot shift by a day in another time zone or across summer time.
 */
import { SaldoError, showValue, type At } from '../errors.js';

declare const dateBrand: unique symbol;
/** A real calendar date written `YYYY-MM-DD`. Made by `parseDate` or `fromDayNumber`. */
export type CalendarDate = string & { readonly [dateBrand]: true };
/** Days since 1970-01-01 (may be negative). */
export type DayNumber = number;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** @example daysInMonth(2028, 2) // 29 */
export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0));

/** Day number of a civil date (Hinnant, days_from_civil). */
export function dayNumberOf(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Civil date of a day number (Hinnant, civil_from_days). */
export function partsOf(n: DayNumber): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

// Schedules format the same few thousand dates millions of times: remember them.
const formatted = new Map<DayNumber, CalendarDate>();

/** The first and last day Saldo (and Excel) can write: 1900-01-01 and 9999-12-31. */
export const MIN_DAY = dayNumberOf(MIN_YEAR, 1, 1);
export const MAX_DAY = dayNumberOf(MAX_YEAR, 12, 31);

/**
 * @example fromDayNumber(0) // "1970-01-01"
 * A calculation that runs past 9999-12-31 (or before 1900) is refused: such a date would be
 * written as "10000-…" or a negative Excel date number.
 */
export function fromDayNumber(n: DayNumber): CalendarDate {
  let text = formatted.get(n);
  if (text === undefined) {
    if (!(n >= MIN_DAY && n <= MAX_DAY)) {
      throw new SaldoError(
        'UGYLDIG_DATO',
        'dato',
        n,
        `Beregningen når en dato ${n > MAX_DAY ? 'efter 31-12-9999' : 'før 01-01-1900'}, som ligger uden for kalenderen (år ${MIN_YEAR}–${MAX_YEAR}). ${n > MAX_DAY ? 'Vælg tidligere datoer eller en kortere periode' : 'Vælg senere datoer'}.`,
      );
    }
    const { year, month, day } = partsOf(n);
    text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
    if (formatted.size > 200_000) formatted.clear();
    formatted.set(n, text);
  }
  return text;
}

/** Day number of an already valid date. */
export function toDayNumber(date: CalendarDate): DayNumber {
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a `YYYY-MM-DD` date and checks that it exists (no 30 February), years 1900–9999.
 * @example parseDate('2026-02-01', 'firstDueDate') // "2026-02-01"
 * @example parseDate('2026-02-30', 'firstDueDate') // throws UGYLDIG_DATO "… findes ikke"
 */
export function parseDate(value: unknown, field: At): CalendarDate {
  if (typeof value !== 'string') {
    throw SaldoError.at('UGYLDIG_DATO', field, value, `datoen skal skrives som tekst ÅÅÅÅ-MM-DD, f.eks. "2026-02-01" (fik ${showValue(value)}).`);
  }
  const m = ISO.exec(value);
  if (!m) {
    throw SaldoError.at('UGYLDIG_DATO', field, value, `${showValue(value)} er ikke en dato på formen ÅÅÅÅ-MM-DD, f.eks. "2026-02-01".`);
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || y > MAX_YEAR) {
    throw SaldoError.at('UGYLDIG_DATO', field, value, `året ${y} ligger uden for ${MIN_YEAR}–${MAX_YEAR}.`);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw SaldoError.at('UGYLDIG_DATO', field, value, `datoen ${value} findes ikke i kalenderen.`);
  }
  return value as CalendarDate;
}

/** @example addDays('2026-12-31', 1) // "2027-01-01" */
/** dd-mm-åååå, as a Dane writes a date in a sentence. @example danishDate('2027-01-04') // "04-01-2027" */
export const danishDate = (date: CalendarDate | string): string => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;

export const addDays = (date: CalendarDate, days: number): CalendarDate => fromDayNumber(toDayNumber(date) + days);

/**
 * Adds calendar months keeping the day of the month, or the month's last day where the month
 * is shorter (forældelsesloven § 27's counting rule; also SPEC's due-date rule):
 * 31 January + 1 month = 28/29 February; 31 January + 2 months = 31 March.
 * @example addMonths('2026-01-31', 1) // "2026-02-28"
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return fromDayNumber(addMonthsToDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)), months));
}

/** `addMonths` on parts, giving a day number (for loops that keep the anchor's day). */
export function addMonthsToDay(year: number, month: number, day: number, months: number): DayNumber {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayNumberOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Actual days from `from` to `to` (negative if `to` is earlier). */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => toDayNumber(to) - toDayNumber(from);

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export const isoWeekday = (n: DayNumber): number => ((((n + 3) % 7) + 7) % 7) + 1;
