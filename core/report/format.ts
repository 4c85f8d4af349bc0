/**
 * How amounts and dates are shown to a person (the task pane's previews and notices): the
 * presentation helpers a front end may use without reaching into core's domain modules.
 */
import { danishDate, fromDayNumber, toDayNumber, type CalendarDate } from '../calendar/date.js';
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

/** An amount in øre as Danish text: 1.234,56 kr. */
export const kr = (amount: Ore): string => formatKroner(amount);

/** A date's position on a time axis (days), for charts. */
export const dayOf = (date: CalendarDate): number => toDayNumber(date);
