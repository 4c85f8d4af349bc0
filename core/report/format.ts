/**
 * How amounts and dates are shown to a person (the task pane's previews and notices): the
 * presentation helpers a front end may use without reaching into core's domain modules.
 */
import { danishDate, toDayNumber, type CalendarDate } from '../calendar/date.js';
import { formatKroner, type Ore } from '../money/ore.js';

export { danishDate, formatKroner };

/** An amount in øre as Danish text: 1.234,56 kr. */
export const kr = (amount: Ore): string => formatKroner(amount);

/** A date's position on a time axis (days), for charts. */
export const dayOf = (date: CalendarDate): number => toDayNumber(date);
