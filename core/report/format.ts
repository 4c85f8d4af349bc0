/**
 * How amounts and dates are shown to a person (the task pane's previews and notices): the
 * presentation helpers a front end may use without reaching into core's domain modules.
 */
import { danishDate, daysInMonth, fromDayNumber, MAX_YEAR, MIN_YEAR, toDayNumber, type CalendarDate } from '../calendar/date.js';
import { parseDateText } from '../ledger/posting.js';
import { formatKroner, type Ore } from '../money/ore.js';

export { danishDate, formatKroner };

/**
 * What a user typed as a date — 01-02-2026, 1.2.2026, 1/2/2026 or 2026-02-01 — as YYYY-MM-DD, or
 * null when it is no calendar day (the ledger's own reading of a date).
 */
export function isoFromTyped(text: string): CalendarDate | null {
  const day = parseDateText(text.trim());
  return day === null ? null : fromDayNumber(day);
}

/**
 * A month typed by a user — 01-2022, 1-2022, 1/2022, 1.2022 or 2022-01 — as its first and last
 * calendar day (February's last day by the leap-year rule), or null when it is no month of the
 * years Saldo reads (1900–9999). The opkrævningstragt's Fra and Til fields are months.
 * @example monthFromTyped('2-2024') // { first: '2024-02-01', last: '2024-02-29' }
 */
export function monthFromTyped(text: string): { first: CalendarDate; last: CalendarDate } | null {
  const t = text.trim();
  const danish = /^(\d{1,2})[-./](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
  const [year, month] = danish ? [Number(danish[2]), Number(danish[1])] : iso ? [Number(iso[1]), Number(iso[2])] : [NaN, NaN];
  if (!(month >= 1 && month <= 12 && year >= MIN_YEAR && year <= MAX_YEAR)) return null;
  const ym = `${String(year)}-${String(month).padStart(2, '0')}`;
  return { first: `${ym}-01` as CalendarDate, last: `${ym}-${String(daysInMonth(year, month))}` as CalendarDate };
}

/** "2024-02" as a Danish month: 02-2024. */
export const danishMonth = (month: string): string => `${month.slice(5, 7)}-${month.slice(0, 4)}`;

/** An amount in øre as Danish text: 1.234,56 kr. */
export const kr = (amount: Ore): string => formatKroner(amount);

/** A date's position on a time axis (days), for charts. */
export const dayOf = (date: CalendarDate): number => toDayNumber(date);
