/**
 * Today's date on this machine, as a calendar date: the day a letter is written. The clock is read
 * here, at the edge; core only ever receives dates.
 */
import { fromDayNumber, dayNumberOf, type CalendarDate } from '../core/calendar/date.js';

export function localToday(): CalendarDate {
  const now = new Date();
  return fromDayNumber(dayNumberOf(now.getFullYear(), now.getMonth() + 1, now.getDate()));
}
